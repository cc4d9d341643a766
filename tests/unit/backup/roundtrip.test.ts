import { describe, expect, it } from 'vitest';
import { parseBackupSettings } from '../../../src/core/backup/reminder';
import { restoreBackup } from '../../../src/core/backup/restore';
import { loadSodium } from '../../../src/core/crypto/sodium';
import { entryHash } from '../../../src/core/custody/entry';
import { verifyChain } from '../../../src/core/custody/verify';
import { EvidenceRepository } from '../../../src/core/evidence/repository';
import { unlockVault } from '../../../src/core/vault';
import { expectSameBytes, freshDb, newVault } from '../vault/helpers';
import {
  backupBytes,
  cachedDerive,
  collect,
  dumpStores,
  PASSPHRASE,
  pngBytes,
  populatedVault,
  restoreInto,
} from './helpers';

describe('backup and restore, round trip', () => {
  it('brings back every stored value byte for byte, same ids and hashes, and continues the custody log', async () => {
    const source = await populatedVault();
    const before = await dumpStores(source.db);
    const originalLog = await source.repo.custodyLog();
    const items = await source.repo.listItems();
    expect(items.flatMap((item) => item.files)).toHaveLength(2);

    const bytes = await backupBytes(source.db);
    const target = await freshDb();
    const progress: string[] = [];
    const { vault, summary } = await restoreBackup(new Blob([bytes as BlobPart]), PASSPHRASE, {
      deriveKey: cachedDerive(),
      openTarget: async () => target,
      onProgress: (p) => progress.push(p.phase),
    });
    expect(summary.counts).toMatchObject({ files: 2, deposits: 1 });
    expect(progress.indexOf('writing')).toBeGreaterThan(progress.lastIndexOf('checking'));

    // Every value of the original is there under the same key, unchanged; only the lockout counter and
    // the device id are new (this is another device: its custody entries must be told apart), and the
    // ledger is sealed again with the restore's entry in it.
    const after = await dumpStores(target);
    for (const [key, value] of before) {
      if (key === 'meta "device"') expect(after.get(key), key).not.toBe(value);
      else if (key !== 'meta "lockout"' && !key.includes('"ledger"')) expect(after.get(key), key).toBe(value);
    }
    expect(after.has('meta "restoring"')).toBe(false);
    // What was added: the restore's custody entry and the backup settings record.
    expect([...after.keys()].filter((key) => !before.has(key))).toHaveLength(2);

    const repo = new EvidenceRepository(vault);
    expect(await repo.listItems()).toEqual(items);
    const sodium = await loadSodium();
    for (const file of items.flatMap((item) => item.files)) {
      const restored = await collect(repo.readFile(file.id));
      expect(sodium.to_hex(sodium.crypto_hash_sha256(restored))).toBe(file.sha256);
    }
    expect(await collect(vault.readDeposit(source.depositId))).toEqual(Buffer.from(pngBytes(5000, 99)));
    expect(await vault.getRecord('settings', 'app')).toEqual({
      v: 1,
      autoLock: { idleMs: 60000, hiddenMs: 0 },
    });

    const log = await repo.custodyLog();
    expect(log.slice(0, -1)).toEqual(originalLog);
    const originalHead = originalLog.at(-1);
    expect(log.at(-1)).toMatchObject({
      v: 2,
      event: 'restored',
      seq: originalLog.length,
      device: vault.deviceId,
      details: {
        backupMadeAt: summary.createdAt,
        files: 2,
        fromHead: originalHead && (await entryHash(originalHead)),
        fromDevice: source.vault.deviceId,
      },
    });
    expect(vault.deviceId).not.toBe(source.vault.deviceId);
    await repo.createCase({ title: 'Selepas dipulihkan' });
    const continued = await repo.custodyLog();
    expect(continued.at(-1)?.seq).toBe(originalLog.length + 1);
    const report = await verifyChain(continued, { trustedKey: source.vault.publicSigningKey });
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.moves).toEqual([
      expect.objectContaining({
        seq: originalLog.length,
        fromDevice: source.vault.deviceId,
        toDevice: vault.deviceId,
        backupMadeAt: summary.createdAt,
      }),
    ]);

    const settings = parseBackupSettings(await vault.getRecord('settings', 'backup'));
    expect(settings.lastBackupAt).toBe(summary.createdAt);

    // The restored vault opens with the backup's passphrase, like the original.
    vault.lock();
    const unlocked = await unlockVault(target, PASSPHRASE, { deriveKey: cachedDerive() });
    expect(unlocked.kind).toBe('ok');
  });

  it('restores an empty vault, whose log then starts with the restore', async () => {
    const { db } = await newVault();
    const { vault } = await restoreInto(await backupBytes(db));
    const log = await new EvidenceRepository(vault).custodyLog();
    expect(log.map((entry) => [entry.seq, entry.event])).toEqual([[0, 'restored']]);
  });

  it('backs up a file of exactly one segment and a 0-byte file without losing a byte', async () => {
    const { db, vault } = await newVault();
    const exact = pngBytes(1024 * 1024, 5);
    await vault.writeFile('exactly-one-mib', exact);
    await vault.writeFile('empty-file', new Uint8Array(0));
    const restored = await restoreInto(await backupBytes(db));
    expectSameBytes(await collect(restored.vault.readFile('exactly-one-mib')), exact);
    expect(await restored.vault.fileInfo('empty-file')).toEqual({ size: 0, chunks: 1 });
  });

  it('does not copy chunks left behind by an interrupted file write', async () => {
    const { db, vault } = await newVault();
    await vault.writeFile('kept', pngBytes(100, 1));
    await db.idb.put('chunks', new Uint8Array([1, 2, 3]).buffer, ['orphan', 0]);
    const restored = await restoreInto(await backupBytes(db));
    const keys = await restored.db.idb.getAllKeys('chunks');
    expect(keys).toEqual([['kept', 0]]);
  });
});

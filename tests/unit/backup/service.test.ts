import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { startBackup } from '../../../src/core/backup/create';
import { BackupHandles } from '../../../src/core/backup/handles';
import type { RestoreProgress } from '../../../src/core/backup/restore';
import { isBuktiError } from '../../../src/core/errors';
import { VaultService } from '../../../src/core/service/vault-service';
import { createVault, openVaultDb } from '../../../src/core/vault';
import { flipped, TEST_KDF } from '../vault/helpers';
import { cachedDerive, collect, populatedVault } from './helpers';

const PASS = 'lima kata untuk ujian sandaran';
const derive = cachedDerive();

/** A service on its own IndexedDB, as a separate browser profile would have, with cheap Argon2id. */
function serviceOnFreshBrowser(emit?: (name: string, data: unknown) => void): VaultService {
  return new VaultService(
    { indexedDB: new IDBFactory(), IDBKeyRange },
    (p, s) => derive(p, s, TEST_KDF),
    () => undefined,
    { emit },
  );
}

async function pullAll(service: VaultService, handle: number): Promise<Blob> {
  const parts: Uint8Array[] = [];
  for (
    let piece = await service.backupRead(handle);
    piece !== null;
    piece = await service.backupRead(handle)
  ) {
    parts.push(piece);
  }
  return new Blob(parts as BlobPart[]);
}

const rejectsWith = (code: string) => (error: unknown) => isBuktiError(error) && error.code === code;

describe('backup and restore through the vault service', () => {
  it('makes a backup, records it, and restores it on a fresh browser with everything back', async () => {
    const phone = serviceOnFreshBrowser();
    await phone.create(PASS);
    const theCase = await phone.createCase({ title: 'Kes sandaran' });
    await phone.captureWithoutFile({
      caseId: theCase.id,
      kind: 'messageText',
      text: 'Mesej',
      details: { category: 'threat' },
    });
    expect(await phone.backupStatus()).toMatchObject({ lastBackupAt: null, changesSinceBackup: 2 });

    expect((await phone.backupStart('bukan frasa laluan')).kind).toBe('wrongPassphrase');
    const started = await phone.backupStart(PASS);
    if (started.kind !== 'ok') throw new Error(started.kind);
    // Saving is confirmed only for a backup read to its end.
    await expect(phone.backupSaved(started.handle)).rejects.toSatisfy(rejectsWith('backup.expired'));
    const file = await pullAll(phone, started.handle);
    const status = await phone.backupSaved(started.handle);
    expect(status).toMatchObject({
      lastBackupAt: started.createdAt,
      changesSinceBackup: 0,
      reminderDue: false,
    });
    expect((await phone.setBackupReminder(30)).reminderDays).toBe(30);

    const laptop = serviceOnFreshBrowser();
    expect(await laptop.status()).toBe('absent');
    const summary = await laptop.restoreBackup(file, PASS);
    expect(summary.createdAt).toBe(started.createdAt);
    expect(await laptop.status()).toBe('locked');
    expect(await laptop.unlock(PASS)).toEqual({ kind: 'ok' });
    expect(await laptop.listItems()).toEqual(await phone.listItems());
    const log = await laptop.custodyLog();
    expect(log.map((entry) => entry.event)).toEqual(['created', 'created', 'restored']);
    expect(await laptop.backupStatus()).toMatchObject({
      lastBackupAt: started.createdAt,
      changesSinceBackup: 0,
    });
  });

  it('never overwrites a vault silently, and replaces it only after the whole file checks out', async () => {
    const source = serviceOnFreshBrowser();
    await source.create(PASS);
    await source.createCase({ title: 'Dari sandaran' });
    const started = await source.backupStart(PASS);
    if (started.kind !== 'ok') throw new Error(started.kind);
    const good = new Uint8Array(await (await pullAll(source, started.handle)).arrayBuffer());

    const device = serviceOnFreshBrowser();
    await device.create('frasa laluan peranti ini');
    await device.createCase({ title: 'Yang sedia ada' });
    await expect(device.restoreBackup(new Blob([good]), PASS)).rejects.toSatisfy(
      rejectsWith('backup.vaultExists'),
    );

    const damaged = flipped(good, good.length - 3, 0x01);
    await expect(device.restoreBackup(new Blob([damaged as BlobPart]), PASS, true)).rejects.toSatisfy(
      rejectsWith('backup.damaged'),
    );
    await expect(device.restoreBackup(new Blob([good]), 'salah sama sekali', true)).rejects.toSatisfy(
      rejectsWith('backup.wrongPassphrase'),
    );
    // Nothing changed: the vault is still there, unlocked, with its own case.
    expect((await device.listCases()).map((c) => c.title)).toEqual(['Yang sedia ada']);

    await device.restoreBackup(new Blob([good]), PASS, true);
    expect(await device.status()).toBe('locked');
    expect((await device.unlock('frasa laluan peranti ini')).kind).toBe('wrongPassphrase');
    expect((await device.unlock(PASS)).kind).toBe('ok');
    expect((await device.listCases()).map((c) => c.title)).toEqual(['Dari sandaran']);
  });

  it('tells the page how far a restore has come while it runs: writing only, or checking then writing', async () => {
    const source = serviceOnFreshBrowser();
    await source.create(PASS);
    const theCase = await source.createCase({ title: 'Kes besar' });
    const data = new Uint8Array(3 * 1024 * 1024).map((_, i) => (i * 7) % 251);
    await source.captureFiles(
      theCase.id,
      [{ blob: new Blob([data]), name: 'rakaman.bin', type: 'application/octet-stream' }],
      { category: 'threat' },
    );
    const started = await source.backupStart(PASS);
    if (started.kind !== 'ok') throw new Error(started.kind);
    const file = await pullAll(source, started.handle);

    const seen: RestoreProgress[] = [];
    const record = (name: string, progress: unknown) => {
      if (name === 'restore-progress') seen.push(progress as RestoreProgress);
    };
    const percents = (phase: string) =>
      seen.filter((p) => p.phase === phase).map((p) => Math.floor((100 * p.bytesRead) / (p.totalBytes ?? 1)));
    const empty = serviceOnFreshBrowser(record);
    await empty.restoreBackup(file, PASS);
    // Onto an empty device: one pass, reported as it goes, in order, each percent once, up to the end.
    expect(percents('checking')).toEqual([]);
    const writing = percents('writing');
    expect(writing.length).toBeGreaterThan(2);
    expect(writing).toEqual([...new Set(writing)].sort((a, b) => a - b));
    expect(writing.at(-1)).toBe(100);
    expect(seen.every((p) => p.totalBytes === file.size)).toBe(true);

    seen.length = 0;
    expect((await empty.unlock(PASS)).kind).toBe('ok');
    await empty.restoreBackup(file, PASS, true);
    // Replacing: the whole file is checked first, then written.
    const phases = seen.map((p) => p.phase);
    expect(phases.indexOf('writing')).toBe(phases.lastIndexOf('checking') + 1);
    expect(percents('checking').at(-1)).toBe(100);
    expect(percents('writing').at(-1)).toBe(100);
  });

  it('stops a backup when the vault locks', async () => {
    const service = serviceOnFreshBrowser();
    await service.create(PASS);
    const started = await service.backupStart(PASS);
    if (started.kind !== 'ok') throw new Error(started.kind);
    expect(await service.backupRead(started.handle)).toBeInstanceOf(Uint8Array);
    await service.lock();
    await expect(service.backupRead(started.handle)).rejects.toSatisfy(rejectsWith('vault.locked'));
    expect((await service.unlock(PASS)).kind).toBe('ok');
    await expect(service.backupRead(started.handle)).rejects.toSatisfy(rejectsWith('backup.expired'));
  });
});

describe('backups in progress', () => {
  it('are stopped and forgotten after being left idle', async () => {
    const { db } = await populatedVault([100]);
    const started = await startBackup(db, 'kerusi hujan pelangi tembikai', { deriveKey: derive });
    if (started.kind !== 'ok') throw new Error(started.kind);
    const handles = new BackupHandles(50);
    const handle = handles.add(started);
    expect(await handles.read(handle)).toBeInstanceOf(Uint8Array);
    expect(await handles.read(handle)).toBeInstanceOf(Uint8Array);
    await new Promise((resolve) => setTimeout(resolve, 150));
    await expect(handles.read(handle)).rejects.toSatisfy(rejectsWith('backup.expired'));
  });

  it('fail as vaultChanged when a file is deleted while the backup is being read', async () => {
    const mib = 1024 * 1024;
    const { db, vault } = await populatedVault([mib, mib, mib, mib]);
    const started = await startBackup(db, 'kerusi hujan pelangi tembikai', { deriveKey: derive });
    if (started.kind !== 'ok') throw new Error(started.kind);
    // The preamble, then the first segment: the snapshot is taken and the first file is being read.
    await started.pieces.next();
    await started.pieces.next();
    for (const id of await vault.listFileIds()) await vault.deleteFile(id);
    await expect(collect(started.pieces)).rejects.toSatisfy(rejectsWith('backup.vaultChanged'));
  });
});

describe('a new vault after an interrupted restore', () => {
  it('starts empty: values left without a header are cleared when the vault is created', async () => {
    const target = await openVaultDb(globalThis, { name: 'interrupted-restore' });
    // What an interrupted restore leaves: values, no header.
    await target.idb.put('records', new Uint8Array([1, 2]).buffer, ['0'.repeat(32), 'left']);
    await target.idb.put('files', new Uint8Array([3]).buffer, 'left-file');
    await target.idb.put('chunks', new Uint8Array([4]).buffer, ['left-file', 0]);
    await target.idb.put('deposits', new Uint8Array([5]).buffer, 'left-deposit');
    const vault = await createVault(target, PASS, { kdfParams: TEST_KDF });
    expect(await vault.listFileIds()).toEqual([]);
    expect(await vault.listDepositIds()).toEqual([]);
    // Only the new vault's ledger: the leftover under the same key was replaced.
    expect(await target.idb.getAllKeys('records')).toEqual([['0'.repeat(32), 'ledger']]);
    expect(await target.idb.count('chunks')).toBe(0);
  });
});

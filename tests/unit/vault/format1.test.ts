import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { verifyChain } from '../../../src/core/custody/verify';
import { EvidenceRepository } from '../../../src/core/evidence/repository';
import { collectBytes, DB_VERSION, openVaultDb, unlockVault, type Vault } from '../../../src/core/vault';
import { INTERNAL_TAG } from '../../../src/core/vault/ledger';

/**
 * A vault written by the code before the ledger and key epochs (commit d1bed7e, vault format 1, schema
 * version 1): a case, an item with a 40 KiB file and a thumbnail, an edit, backup settings, and the
 * custody log under its old ids (`s000000000000`, …). Every stored value is here byte for byte (base64).
 */
const FIXTURE = JSON.parse(
  readFileSync(new URL('./fixtures/format1-vault.json', import.meta.url), 'utf8'),
) as {
  dbVersion: number;
  passphrase: string;
  caseId: string;
  itemId: string;
  fileId: string;
  fileSha256: string;
  stores: Record<string, Array<[IDBValidKey, string]>>;
};

let counter = 0;

/** Writes the fixture into a new database of schema version 1, as the old code left it. */
async function loadFormat1(): Promise<string> {
  const name = `format1-${++counter}`;
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(name, FIXTURE.dbVersion);
    request.onupgradeneeded = () => {
      for (const store of Object.keys(FIXTURE.stores)) request.result.createObjectStore(store);
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const tx = db.transaction(Object.keys(FIXTURE.stores), 'readwrite');
  for (const [store, rows] of Object.entries(FIXTURE.stores))
    for (const [key, value] of rows)
      tx.objectStore(store).put(new Uint8Array(Buffer.from(value, 'base64')).buffer, key);
  await new Promise((resolve, reject) => {
    tx.oncomplete = resolve;
    tx.onerror = () => reject(tx.error);
  });
  db.close();
  return name;
}

async function unlock(name: string): Promise<{ vault: Vault; repo: EvidenceRepository }> {
  const db = await openVaultDb(globalThis, { name });
  const result = await unlockVault(db, FIXTURE.passphrase);
  if (result.kind !== 'ok') throw new Error(`unlock: ${result.kind}`);
  return { vault: result.vault, repo: new EvidenceRepository(result.vault) };
}

describe('a vault made by the previous code (format 1)', () => {
  it('opens, with every case, item, file, thumbnail and custody entry as it was', async () => {
    const name = await loadFormat1();
    const { vault, repo } = await unlock(name);
    expect((await repo.getCase(FIXTURE.caseId))?.title).toBe('Format 1 case');
    const item = await repo.getItem(FIXTURE.itemId);
    expect(item?.details.description).toBe('edited before the ledger');
    const bytes = await collectBytes(vault.readFile(FIXTURE.fileId));
    expect(
      Buffer.from(bytes).equals(Buffer.from(new Uint8Array(40 * 1024 + 5).map((_, i) => (i * 7) & 0xff))),
    ).toBe(true);
    expect(await vault.readThumbnail(FIXTURE.fileId)).toEqual(Uint8Array.of(1, 0));
    const log = await repo.verifiedCustodyLog();
    expect(log.map((entry) => entry.event)).toEqual(['created', 'created', 'edited']);
    expect(log[1]?.fileHashes).toEqual([FIXTURE.fileSha256]);
    expect((await verifyChain(log, { trustedKey: vault.publicSigningKey })).ok).toBe(true);
    expect(await vault.checkRecords()).toEqual({ missing: 0, extra: 0, replaced: 0 });
    expect(await repo.checkCustodyLog()).toBeNull();
  });

  it('is upgraded once: its custody ids no longer show order, and it opens again and takes new entries', async () => {
    const name = await loadFormat1();
    const first = await unlock(name);
    const before = await first.repo.custodyLog();
    await first.repo.recordEvent({ event: 'verified' });
    first.vault.lock();

    const raw = await openVaultDb(globalThis, { name });
    expect(DB_VERSION).toBe(2);
    const ids = (await raw.idb.getAllKeys('records')).map(([, id]) => id);
    expect(ids.some((id) => /^s\d{12}$/.test(id))).toBe(false);
    expect((await raw.idb.getAllKeys('records')).filter(([tag]) => tag === INTERNAL_TAG)).toHaveLength(1);
    raw.close();

    const second = await unlock(name);
    const after = await second.repo.verifiedCustodyLog();
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.at(-1)?.event).toBe('verified');
    expect((await verifyChain(after, { trustedKey: second.vault.publicSigningKey })).ok).toBe(true);
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { verifyChain } from '../../../src/core/custody/verify';
import { EvidenceRepository } from '../../../src/core/evidence/repository';
import {
  collectBytes,
  depositFile,
  newId,
  openVaultDb,
  unlockVault,
  type Vault,
  type VaultDb,
} from '../../../src/core/vault';
import { INTERNAL_TAG, REKEY_KEY } from '../../../src/core/vault/ledger';
import { recordEpoch } from '../../../src/core/vault/record-crypto';
import { newVault, PASSPHRASE, pseudoRandomBytes, sodium } from './helpers';

const NEW_PASSPHRASE = 'layang-layang biru di atas sawah padi';
const MiB = 1024 * 1024;

/** What must survive a rotation, read through the vault: every record, file, thumbnail and deposit. */
interface Contents {
  cases: unknown;
  items: unknown;
  settings: unknown;
  files: Record<string, string>;
  thumbnails: Record<string, number[] | undefined>;
  deposits: unknown;
  log: unknown[];
}

async function fillVault(db: VaultDb, vault: Vault) {
  const repo = new EvidenceRepository(vault);
  const theCase = await repo.createCase({ title: 'Kes ujian', narrative: 'Apa yang berlaku' });
  const big = await repo.importFile({
    blob: new Blob([pseudoRandomBytes(2 * MiB + 123, 7) as BlobPart]),
    name: 'video.mp4',
    type: 'video/mp4',
  });
  const small = await repo.importFile({
    blob: new Blob([pseudoRandomBytes(999, 8) as BlobPart]),
    name: 'a.png',
    type: 'image/png',
  });
  await repo.addItem(
    { caseId: theCase.id, kind: 'screenshot', details: { category: 'harassment', description: 'satu' } },
    [small],
  );
  await repo.addItem(
    { caseId: theCase.id, kind: 'screenshot', details: { category: 'threat', description: 'dua' } },
    [big],
  );
  await vault.putThumbnail(small.id, Uint8Array.of(1, 2, 3));
  await vault.putRecord('settings', 'ui', { language: 'ms' });
  await depositFile(db, pseudoRandomBytes(1500, 9), { name: 'shared.jpg' });
  return { repo, fileIds: [big.id, small.id] };
}

async function contents(vault: Vault, fileIds: string[]): Promise<Contents> {
  const s = await sodium();
  const repo = new EvidenceRepository(vault);
  const files: Record<string, string> = {};
  const thumbnails: Record<string, number[] | undefined> = {};
  for (const id of fileIds) {
    files[id] = s.to_hex(s.crypto_hash_sha256(await collectBytes(vault.readFile(id))));
    const thumb = await vault.readThumbnail(id);
    thumbnails[id] = thumb && [...thumb];
  }
  const deposits = [];
  for (const id of await vault.listDepositIds()) {
    const info = await vault.depositInfo(id);
    deposits.push({ info, sha: s.to_hex(s.crypto_hash_sha256(await collectBytes(vault.readDeposit(id)))) });
  }
  return {
    cases: await repo.listCases(),
    items: await repo.listItems(),
    settings: await vault.getRecord('settings', 'ui'),
    files,
    thumbnails,
    deposits,
    log: (await repo.verifiedCustodyLog()).filter((entry) => entry.event !== 'keyChanged'),
  };
}

async function unlockWith(db: VaultDb, passphrase: string): Promise<Vault | undefined> {
  const result = await unlockVault(db, passphrase);
  return result.kind === 'ok' ? result.vault : undefined;
}

/** Every value is under the current epoch, no chunk is in the other lane, and the previous keys are gone. */
async function expectOnlyEpoch(db: VaultDb, epoch: number) {
  const records = await db.idb.getAll('records');
  for (const value of records) expect(recordEpoch(new Uint8Array(value))).toBe(epoch);
  for (const value of await db.idb.getAll('files')) expect(recordEpoch(new Uint8Array(value))).toBe(epoch);
  const lane = epoch % 2 === 0 ? 0 : 2 ** 31;
  const files = new Set(await db.idb.getAllKeys('files'));
  for (const [owner, index] of await db.idb.getAllKeys('chunks'))
    if (files.has(owner)) expect(index >= lane && index < lane + 2 ** 31).toBe(true);
  expect(await db.idb.get('records', REKEY_KEY)).toBeUndefined();
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('replacing every key ("someone knows my passphrase")', () => {
  it('re-encrypts everything, changes the signing key with a custody entry signed by both, and the old passphrase stops working', async () => {
    const { db, vault } = await newVault();
    const { repo, fileIds } = await fillVault(db, vault);
    const before = await contents(vault, fileIds);
    const oldKey = vault.publicSigningKey;
    const oldTags = new Set((await db.idb.getAllKeys('records')).map(([tag]) => tag));

    expect(await repo.rotateKeys(PASSPHRASE, NEW_PASSPHRASE)).toEqual({ kind: 'ok' });
    expect(vault.rotationPending).toBe(true);
    const progress: Array<{ done: number; total: number }> = [];
    await vault.continueRotation((p) => progress.push(p));
    expect(vault.rotationPending).toBe(false);
    expect(progress.at(-1)).toEqual({ done: progress.at(-1)?.total, total: progress.at(-1)?.total });
    expect(Buffer.from(vault.publicSigningKey).equals(Buffer.from(oldKey))).toBe(false);

    expect(await contents(vault, fileIds)).toEqual(before);
    await expectOnlyEpoch(db, 1);
    // Every store tag changed with the index key (only the internal one stays).
    const newTags = new Set((await db.idb.getAllKeys('records')).map(([tag]) => tag));
    expect([...newTags].filter((tag) => oldTags.has(tag))).toEqual([INTERNAL_TAG]);

    const log = await repo.verifiedCustodyLog();
    const report = await verifyChain(log, { trustedKey: vault.publicSigningKey });
    expect(report.ok).toBe(true);
    const s = await sodium();
    expect(report.keyChanges).toEqual([
      { index: log.length - 1, from: s.to_hex(oldKey), to: s.to_hex(vault.publicSigningKey) },
    ]);
    // A log (or bundle) made before the change still verifies against the old key.
    expect((await verifyChain(log.slice(0, -1), { trustedKey: oldKey })).ok).toBe(true);

    vault.lock();
    const again = await openVaultDb(globalThis, { name: db.name });
    expect((await unlockVault(again, PASSPHRASE)).kind).toBe('wrongPassphrase');
    const reopened = await unlockWith(again, NEW_PASSPHRASE);
    expect(reopened && (await contents(reopened, fileIds))).toEqual(before);
  });

  it('leaves a vault that opens with nothing lost after a crash at any step, and resuming finishes', async () => {
    let finished = false;
    let steps = 0;
    for (let failAt = 1; !finished; failAt++) {
      steps = failAt;
      const { db, vault } = await newVault();
      const { repo, fileIds } = await fillVault(db, vault);
      const before = await contents(vault, fileIds);
      const fired = injectCrash(failAt);
      let committed = false;
      try {
        committed = (await repo.rotateKeys(PASSPHRASE, NEW_PASSPHRASE)).kind === 'ok';
        await vault.continueRotation();
      } catch {
        // The "crash": whatever was not committed is lost, as when the tab closes.
      }
      finished = !fired();
      vi.restoreAllMocks();
      vault.lock();
      db.close();

      const db2 = await openVaultDb(globalThis, { name: db.name });
      const withNew = await unlockWith(db2, NEW_PASSPHRASE);
      const reopened = withNew ?? (await unlockWith(db2, PASSPHRASE));
      expect(reopened, `step ${failAt}: the vault opens`).toBeDefined();
      if (!reopened) return;
      // Once the new keys were committed, the new passphrase is the one that opens it.
      if (committed) expect(withNew, `step ${failAt}`).toBeDefined();
      expect(await contents(reopened, fileIds), `step ${failAt}: nothing lost`).toEqual(before);
      expect(await reopened.checkRecords()).toEqual({ missing: 0, extra: 0, replaced: 0 });
      if (withNew) {
        await reopened.continueRotation();
        expect(await contents(reopened, fileIds), `step ${failAt}: after resuming`).toEqual(before);
        await expectOnlyEpoch(db2, 1);
        const log = await new EvidenceRepository(reopened).verifiedCustodyLog();
        expect((await verifyChain(log, { trustedKey: reopened.publicSigningKey })).ok).toBe(true);
      } else {
        await expectOnlyEpoch(db2, 0);
      }
      reopened.lock();
      db2.close();
    }
    // Every write of the rotation was a crash point: the header swap, each record batch, each file's
    // chunk batches and manifest swap, the deposit, the final deletion of the previous keys.
    expect(steps).toBeGreaterThan(10);
  }, 300_000);

  it('is refused with the wrong current passphrase, which counts as a failed attempt', async () => {
    const { db, vault } = await newVault();
    const { repo } = await fillVault(db, vault);
    const result = await repo.rotateKeys('not the passphrase at all', NEW_PASSPHRASE);
    expect(result.kind).toBe('wrongPassphrase');
    expect(vault.rotationPending).toBe(false);
    expect(await db.idb.get('records', REKEY_KEY)).toBeUndefined();
    expect(result.kind === 'wrongPassphrase' && result.failures).toBe(1);
  });

  it('keeps working while re-encrypting: records and files written meanwhile are under the new keys', async () => {
    const { db, vault } = await newVault();
    const { repo, fileIds } = await fillVault(db, vault);
    await repo.rotateKeys(PASSPHRASE, NEW_PASSPHRASE);
    const fileId = newId();
    await vault.writeFile(fileId, pseudoRandomBytes(MiB + 5, 3));
    await repo.createCase({ title: 'Semasa' });
    await vault.continueRotation();
    await expectOnlyEpoch(db, 1);
    expect((await contents(vault, [...fileIds, fileId])).files[fileId]).toBeDefined();
    expect((await repo.listCases()).map((c) => c.title).sort()).toEqual(['Kes ujian', 'Semasa']);
  });
});

/**
 * Makes the `failAt`-th write request (put, add, delete, clear) from now throw, as a crash there would:
 * its transaction aborts and nothing after it runs. Returns whether it fired.
 */
function injectCrash(failAt: number): () => boolean {
  let writes = 0;
  let fired = false;
  const proto = IDBObjectStore.prototype;
  for (const method of ['put', 'add', 'delete', 'clear'] as const) {
    const original = proto[method] as (...args: unknown[]) => IDBRequest;
    vi.spyOn(proto, method).mockImplementation(function (this: IDBObjectStore, ...args: unknown[]) {
      if (++writes === failAt) {
        fired = true;
        throw new DOMException('Simulated crash', 'UnknownError');
      }
      return original.apply(this, args);
    } as never);
  }
  return () => fired;
}

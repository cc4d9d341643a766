import { afterEach, describe, expect, it, vi } from 'vitest';
import { collectBytes, createVault, depositFile, newId, vaultExists } from '../../../src/core/vault';
import { isQuotaError } from '../../../src/core/vault/db';
import {
  expectBuktiError,
  expectSameBytes,
  freshDb,
  newVault,
  PASSPHRASE,
  pseudoRandomBytes,
  TEST_KDF,
} from './helpers';

const MiB = 1024 * 1024;

/**
 * Makes the `nth` and later writes (put or add) to `store` throw QuotaExceededError, as a full disk does.
 * Earlier writes go through untouched.
 */
function fillDiskAfter(store: string, nth: number) {
  let writes = 0;
  const proto = IDBObjectStore.prototype;
  for (const method of ['put', 'add'] as const) {
    const original = proto[method];
    vi.spyOn(proto, method).mockImplementation(function (
      this: IDBObjectStore,
      ...args: [unknown, IDBValidKey?]
    ) {
      if (this.name === store && ++writes >= nth)
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return original.apply(this, args);
    });
  }
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('a full disk', () => {
  it('stops a file part-way with vault.quotaExceeded and leaves none of its chunks behind', async () => {
    const { db, vault } = await newVault();
    const keep = newId();
    await vault.writeFile(keep, pseudoRandomBytes(100, 1));
    fillDiskAfter('chunks', 3);
    const fileId = newId();
    await expectBuktiError(
      () => vault.writeFile(fileId, pseudoRandomBytes(4 * MiB, 2)),
      'vault.quotaExceeded',
    );
    vi.restoreAllMocks();
    expect(await db.idb.getAllKeys('chunks')).toEqual([[keep, 0]]);
    expect(await db.idb.getAllKeys('files')).toEqual([keep]);
    // Space freed: the same file can be written now, and the earlier one is intact.
    await vault.writeFile(fileId, pseudoRandomBytes(4 * MiB, 2));
    expectSameBytes(await collectBytes(vault.readFile(fileId)), pseudoRandomBytes(4 * MiB, 2));
    expectSameBytes(await collectBytes(vault.readFile(keep)), pseudoRandomBytes(100, 1));
  });

  it('leaves nothing behind when only the manifest, written last, does not fit', async () => {
    const { db, vault } = await newVault();
    fillDiskAfter('files', 1);
    await expectBuktiError(
      () => vault.writeFile(newId(), pseudoRandomBytes(2 * MiB + 1, 3)),
      'vault.quotaExceeded',
    );
    vi.restoreAllMocks();
    expect(await db.idb.count('chunks')).toBe(0);
    expect(await db.idb.count('files')).toBe(0);
  });

  it('stores a batch of records whole or not at all', async () => {
    const { db, vault } = await newVault();
    fillDiskAfter('records', 2);
    await expectBuktiError(
      () =>
        vault.writeRecords([
          { store: 'items', id: 'item-1', value: { a: 1 } },
          { store: 'custody', id: 'entry-1', value: { b: 2 } },
        ]),
      'vault.quotaExceeded',
    );
    vi.restoreAllMocks();
    // Only the ledger is there, as it was before the batch.
    expect(await db.idb.count('records')).toBe(1);
    expect(await vault.getRecord('items', 'item-1')).toBeUndefined();
    expect(await vault.checkRecords()).toEqual({ missing: 0, extra: 0, replaced: 0 });
  });

  it('leaves no half-made vault when the header does not fit', async () => {
    const db = await freshDb();
    fillDiskAfter('meta', 1);
    await expectBuktiError(() => createVault(db, PASSPHRASE, { kdfParams: TEST_KDF }), 'vault.quotaExceeded');
    vi.restoreAllMocks();
    expect(await vaultExists(db)).toBe(false);
    expect(await db.idb.count('meta')).toBe(0);
  });

  it('leaves no chunks of a deposit that did not fit', async () => {
    const { db, vault } = await newVault();
    vault.lock();
    fillDiskAfter('chunks', 2);
    await expectBuktiError(
      () => depositFile(db, pseudoRandomBytes(3 * MiB, 4), { name: 'x.png' }),
      'vault.quotaExceeded',
    );
    vi.restoreAllMocks();
    expect(await db.idb.count('chunks')).toBe(0);
    expect(await db.idb.count('deposits')).toBe(0);
  });
});

describe('isQuotaError', () => {
  it('recognises the error directly and inside an aborted transaction', () => {
    expect(isQuotaError(new DOMException('full', 'QuotaExceededError'))).toBe(true);
    expect(isQuotaError({ error: { name: 'QuotaExceededError' } })).toBe(true);
    expect(isQuotaError(new DOMException('x', 'DataError'))).toBe(false);
    expect(isQuotaError(null)).toBe(false);
  });
});

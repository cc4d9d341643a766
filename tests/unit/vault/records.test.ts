import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newId, type Vault, type VaultDb } from '../../../src/core/vault';
import { BYTE_CHANGES, buffer, expectBuktiError, flipped, newVault } from './helpers';

type RecordKey = [string, string];

/** The raw IndexedDB key and bytes of the only record with `id`. */
async function rawRecord(db: VaultDb, id: string): Promise<{ key: RecordKey; bytes: Uint8Array }> {
  const keys = (await db.idb.getAllKeys('records')).filter(([, recordId]) => recordId === id);
  expect(keys).toHaveLength(1);
  const key = keys[0] as RecordKey;
  return { key, bytes: new Uint8Array((await db.idb.get('records', key)) as ArrayBuffer) };
}

async function withRecords(): Promise<{ db: VaultDb; vault: Vault }> {
  const setup = await newVault();
  await setup.vault.putRecord('cases', 'case-1', { title: 'Kulai deepfakes', items: 3 });
  await setup.vault.putRecord('cases', 'case-2', { title: 'Second case' });
  await setup.vault.putRecord('items', 'case-1', { note: 'same id, other store' });
  return setup;
}

describe('vault records', () => {
  it('round-trip JSON values per logical store, overwrite and delete', async () => {
    const { vault } = await withRecords();
    expect(await vault.getRecord('cases', 'case-1')).toEqual({ title: 'Kulai deepfakes', items: 3 });
    expect(await vault.getRecord('items', 'case-1')).toEqual({ note: 'same id, other store' });
    expect(await vault.getRecord('cases', 'nope')).toBeUndefined();
    await vault.putRecord('cases', 'case-1', ['replaced']);
    expect(await vault.getRecord('cases', 'case-1')).toEqual(['replaced']);
    await vault.deleteRecord('cases', 'case-1');
    expect(await vault.getRecord('cases', 'case-1')).toBeUndefined();
    expect(await vault.listRecordIds('cases')).toEqual(['case-2']);
  });

  it('list the records of one logical store only, decrypted', async () => {
    const { vault } = await withRecords();
    expect(await vault.listRecordIds('cases')).toEqual(['case-1', 'case-2']);
    expect(await vault.listRecords('items')).toEqual([
      { id: 'case-1', value: { note: 'same id, other store' } },
    ]);
    expect(await vault.listRecords('custody')).toEqual([]);
  });

  it('apply a batch atomically: a change that cannot be encoded stops the whole batch', async () => {
    const { vault } = await withRecords();
    const batch = [
      { store: 'items', id: 'item-9', value: { ok: true } },
      { store: 'custody', id: 'c-1', value: undefined },
    ];
    await expect(vault.writeRecords(batch)).rejects.toThrow(TypeError);
    expect(await vault.getRecord('items', 'item-9')).toBeUndefined();
    await vault.writeRecords([
      { store: 'items', id: 'item-9', value: 1 },
      { store: 'cases', id: 'case-2', delete: true },
    ]);
    expect(await vault.getRecord('items', 'item-9')).toBe(1);
    expect(await vault.getRecord('cases', 'case-2')).toBeUndefined();
  });

  it('keep store names, ids with meaning, and contents out of IndexedDB', async () => {
    const { db, vault } = await newVault();
    const id = newId();
    expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    await vault.putRecord('cases', id, { title: 'MARKER-TITLE', url: 'https://x.com/MARKER' });
    const keys = JSON.stringify(await db.idb.getAllKeys('records'));
    expect(keys).not.toContain('cases');
    const { bytes } = await rawRecord(db, id);
    expect(new TextDecoder('latin1').decode(bytes)).not.toContain('MARKER');
  });

  it('refuse store names and ids that are not plain tokens', async () => {
    const { vault } = await newVault();
    await expect(vault.putRecord('Cases!', 'a', 1)).rejects.toThrow(RangeError);
    await expect(vault.putRecord('cases', 'a b', 1)).rejects.toThrow(RangeError);
    await expect(vault.getRecord('cases', 'x'.repeat(65))).rejects.toThrow(RangeError);
  });

  it('give vault.integrity for every single-byte change of a stored record', async () => {
    const { db, vault } = await newVault();
    await vault.putRecord('cases', 'small', { t: 'hi' });
    const { key, bytes } = await rawRecord(db, 'small');
    for (let index = 0; index < bytes.length; index++) {
      for (const mask of BYTE_CHANGES) {
        await db.idb.put('records', buffer(flipped(bytes, index, mask)), key);
        await expectBuktiError(() => vault.getRecord('cases', 'small'), 'vault.integrity');
      }
    }
    await expectBuktiError(() => vault.listRecords('cases'), 'vault.integrity');
    for (const bad of [
      bytes.subarray(0, bytes.length - 1),
      new Uint8Array([...bytes, 0]),
      new Uint8Array(0),
    ]) {
      await db.idb.put('records', buffer(bad), key);
      await expectBuktiError(() => vault.getRecord('cases', 'small'), 'vault.integrity');
    }
    await db.idb.put('records', buffer(bytes), key);
    expect(await vault.getRecord('cases', 'small')).toEqual({ t: 'hi' });
  });

  it('detect two records whose ciphertexts were swapped', async () => {
    const { db, vault } = await withRecords();
    const one = await rawRecord(db, 'case-2');
    const [other] = (await db.idb.getAllKeys('records')).filter(
      ([tag, id]) => id === 'case-1' && tag === one.key[0],
    );
    const otherBytes = new Uint8Array((await db.idb.get('records', other as RecordKey)) as ArrayBuffer);
    await db.idb.put('records', buffer(otherBytes), one.key);
    await db.idb.put('records', buffer(one.bytes), other as RecordKey);
    await expectBuktiError(() => vault.getRecord('cases', 'case-1'), 'vault.integrity');
    await expectBuktiError(() => vault.getRecord('cases', 'case-2'), 'vault.integrity');
  });

  it('detect a record moved to another logical store under the same id', async () => {
    const { db, vault } = await newVault();
    await vault.putRecord('cases', 'moved', { secret: 1 });
    await vault.putRecord('settings', 'anchor', {});
    const { key, bytes } = await rawRecord(db, 'moved');
    const settingsTag = (await rawRecord(db, 'anchor')).key[0];
    await db.idb.delete('records', key);
    await db.idb.put('records', buffer(bytes), [settingsTag, 'moved']);
    // The ledger names no such settings record, so it is not read; where it was is now missing.
    expect(await vault.getRecord('settings', 'moved')).toBeUndefined();
    await expectBuktiError(() => vault.getRecord('cases', 'moved'), 'vault.rolledBack');
    expect(await vault.checkRecords()).toEqual({ missing: 1, extra: 1, replaced: 0 });
    // Even a slot the ledger does name cannot take it: its store is bound into the ciphertext.
    await vault.putRecord('settings', 'moved', { other: true });
    await db.idb.put('records', buffer(bytes), [settingsTag, 'moved']);
    await expectBuktiError(() => vault.getRecord('settings', 'moved'), 'vault.integrity');
  });

  it('detect a value replaced by something that is not bytes', async () => {
    const { db, vault } = await withRecords();
    const { key } = await rawRecord(db, 'case-2');
    await db.idb.put('records', 'plain text' as unknown as ArrayBuffer, key);
    await expectBuktiError(() => vault.getRecord('cases', 'case-2'), 'vault.integrity');
  });

  it('round-trip any JSON value (property)', async () => {
    const { vault } = await newVault();
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (value) => {
        await vault.putRecord('items', 'p', value);
        expect(await vault.getRecord('items', 'p')).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { numRuns: 100 },
    );
  });
});

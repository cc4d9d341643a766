import { describe, expect, it } from 'vitest';
import type { CustodyEntry } from '../../../src/core/custody/entry';
import { isBuktiError } from '../../../src/core/errors';
import { catalogues } from '../../../src/core/i18n';
import { openVaultDb, type VaultDb } from '../../../src/core/vault';
import { type InspectableService, PASSPHRASE, vaultWithCase } from './helpers';

type Key = [string, string];

/** A second connection to the service's database, for the raw edits someone with the storage can make. */
async function raw(): Promise<VaultDb> {
  return openVaultDb(globalThis, { name: 'vault' });
}

async function keyOf(db: VaultDb, id: string): Promise<Key> {
  const key = (await db.idb.getAllKeys('records')).find(([, k]) => k === id);
  if (!key) throw new Error(`no record ${id}`);
  return key;
}

/** The ids of the custody entries, oldest first. */
async function custodyIds(service: InspectableService): Promise<string[]> {
  const records = await service.recordsOf('custody');
  return records
    .sort((a, b) => (a.value as CustodyEntry).seq - (b.value as CustodyEntry).seq)
    .map((record) => record.id);
}

async function exportFails(service: InspectableService, code: string, request: unknown): Promise<void> {
  await expect(service.exportStart(1, request as never)).rejects.toSatisfy((e) =>
    isBuktiError(e, code as never),
  );
}

describe('a vault changed behind Bukti’s back (raw IndexedDB edits)', () => {
  it('deleting the last custody entries is caught at unlock and at export', async () => {
    const { service, request } = await vaultWithCase();
    const [item] = await service.listItems();
    await service.editItem(item?.id as string, { description: 'satu' });
    await service.editItem(item?.id as string, { description: 'dua' });
    const ids = await custodyIds(service);
    await service.lock();
    const db = await raw();
    for (const id of ids.slice(-2)) await db.idb.delete('records', await keyOf(db, id));
    db.close();

    const outcome = await service.unlock(PASSPHRASE);
    expect(outcome).toEqual({
      kind: 'ok',
      tampered: {
        missing: 2,
        extra: 0,
        replaced: 0,
        custody: { expected: ids.length, found: ids.length - 2 },
      },
    });
    await exportFails(service, 'vault.tampered', request);
    // Nothing new is chained onto the cut log either.
    await expect(service.editItem(item?.id as string, { description: 'tiga' })).rejects.toSatisfy((e) =>
      isBuktiError(e),
    );
    await service.erase(PASSPHRASE);
  });

  it('an older sealed copy of a record put back is caught at unlock, when read, and at export', async () => {
    const { service, request } = await vaultWithCase();
    const [item] = await service.listItems();
    const id = item?.id as string;
    let db = await raw();
    const key = await keyOf(db, id);
    const older = (await db.idb.get('records', key)) as ArrayBuffer;
    db.close();
    await service.editItem(id, { description: 'yang terkini' });
    await service.lock();
    db = await raw();
    await db.idb.put('records', older, key);
    db.close();

    const outcome = await service.unlock(PASSPHRASE);
    expect(outcome).toEqual({ kind: 'ok', tampered: { missing: 0, extra: 0, replaced: 1, custody: null } });
    await expect(service.getItem(id)).rejects.toSatisfy((e) => isBuktiError(e, 'vault.rolledBack'));
    await exportFails(service, 'vault.tampered', request);
    await service.erase(PASSPHRASE);
  });

  it('two records swapped are caught at unlock and refused when read', async () => {
    const { service } = await vaultWithCase();
    const [one, two] = await service.listItems();
    await service.lock();
    const db = await raw();
    const [a, b] = [await keyOf(db, one?.id as string), await keyOf(db, two?.id as string)];
    const [va, vb] = [await db.idb.get('records', a), await db.idb.get('records', b)];
    await db.idb.put('records', vb as ArrayBuffer, a);
    await db.idb.put('records', va as ArrayBuffer, b);
    db.close();
    const outcome = await service.unlock(PASSPHRASE);
    expect(outcome.kind === 'ok' && outcome.tampered).toMatchObject({ replaced: 2 });
    await expect(service.getItem(one?.id as string)).rejects.toSatisfy((e) =>
      isBuktiError(e, 'vault.integrity'),
    );
    await service.erase(PASSPHRASE);
  });

  it('an older copy of the ledger itself put back is caught: the records written since are extra', async () => {
    const { service } = await vaultWithCase();
    let db = await raw();
    const ledgerKey: Key = ['0'.repeat(32), 'ledger'];
    const older = (await db.idb.get('records', ledgerKey)) as ArrayBuffer;
    db.close();
    await service.createCase({ title: 'Kes kedua' });
    await service.lock();
    db = await raw();
    await db.idb.put('records', older, ledgerKey);
    db.close();
    const outcome = await service.unlock(PASSPHRASE);
    // The case and its custody entry are not in the older ledger.
    expect(outcome.kind === 'ok' && outcome.tampered).toMatchObject({ extra: 2, missing: 0 });
    expect((await service.listCases()).map((c) => c.title)).not.toContain('Kes kedua');
    await service.erase(PASSPHRASE);
  });

  it('a deleted ledger does not make the vault trust what is left: unlock says so', async () => {
    const { service } = await vaultWithCase();
    await service.lock();
    const db = await raw();
    await db.idb.delete('records', ['0'.repeat(32), 'ledger']);
    db.close();
    await expect(service.unlock(PASSPHRASE)).rejects.toSatisfy((e) => isBuktiError(e, 'vault.rolledBack'));
  });

  it('tells the survivor what happened and what to do, in English and Malay', () => {
    for (const key of ['vault.rolledBack', 'vault.tampered', 'custody.cutShort'] as const) {
      expect(catalogues.en[key]).toMatch(/backup/);
      expect(catalogues.ms[key]).toMatch(/sandaran/);
      expect(catalogues.en[key]).toMatch(/support worker/);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { DB_VERSION, eraseVault, openVaultDb, unlockVault, vaultExists } from '../../../src/core/vault';
import { expectBuktiError, newVault, PASSPHRASE, reopen } from './helpers';

describe('the database across tabs and versions', () => {
  it('has the object stores of schema version 2 and nothing in clear beyond them', async () => {
    const { db } = await newVault();
    expect(DB_VERSION).toBe(2);
    expect([...db.idb.objectStoreNames].sort()).toEqual(['chunks', 'deposits', 'files', 'meta', 'records']);
    expect(await db.idb.getAllKeys('meta')).toEqual(['device', 'header', 'keys', 'lockout']);
  });

  it('closes and locks itself when another tab upgrades, so the upgrade is never blocked', async () => {
    const { db, vault } = await newVault();
    let blocked = false;
    const newer = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(db.name, DB_VERSION + 1);
      request.onblocked = () => {
        blocked = true;
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    expect(blocked).toBe(false);
    expect(db.closed).toBe(true);
    expect(vault.locked).toBe(true);
    await expectBuktiError(() => vault.getRecord('cases', 'a'), 'vault.locked');
    await expectBuktiError(() => vaultExists(db), 'vault.closed');
    newer.close();
    // This (older) code now refuses the newer database instead of damaging it.
    await expectBuktiError(() => openVaultDb(globalThis, { name: db.name }), 'vault.unsupportedVersion');
  });

  it('erases the whole database, even while another tab has it open', async () => {
    const { db, vault } = await newVault();
    await vault.putRecord('cases', 'c', { t: 1 });
    const otherTab = await reopen(db);
    const otherVault = await unlockVault(otherTab, PASSPHRASE);
    expect(otherVault.kind).toBe('ok');
    await vault.erase();
    expect(vault.locked).toBe(true);
    expect(otherTab.closed).toBe(true);
    if (otherVault.kind === 'ok') expect(otherVault.vault.locked).toBe(true);
    const fresh = await reopen(db);
    expect(await vaultExists(fresh)).toBe(false);
    expect(await fresh.idb.count('records')).toBe(0);
  });

  it('erases a locked vault too (quick erase from the lock screen)', async () => {
    const { db, vault } = await newVault();
    vault.lock();
    await eraseVault(db);
    expect(await vaultExists(await reopen(db))).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { collectBytes, depositFile, newId, unlockVault, type VaultDb } from '../../../src/core/vault';
import { expectBuktiError, expectSameBytes, newVault, PASSPHRASE, pseudoRandomBytes } from './helpers';

const MiB = 1024 * 1024;

/** A vault that is locked, as it is when the service worker receives a share. */
async function lockedVault() {
  const { db, vault } = await newVault();
  vault.lock();
  return db;
}

async function unlock(db: VaultDb) {
  const result = await unlockVault(db, PASSPHRASE);
  if (result.kind !== 'ok') throw new Error('unlock failed');
  return result.vault;
}

describe('deposits (files shared while locked)', () => {
  it('are written without the passphrase and read back only after unlock, details included', async () => {
    const db = await lockedVault();
    const bytes = pseudoRandomBytes(2 * MiB + 7, 5);
    const details = { name: 'screenshot.png', type: 'image/png', text: 'shared from X' };
    const id = await depositFile(db, bytes, details);
    const raw = new TextDecoder('latin1').decode(
      new Uint8Array((await db.idb.get('deposits', id)) as ArrayBuffer),
    );
    expect(raw).not.toContain('screenshot');

    const vault = await unlock(db);
    expect(await vault.listDepositIds()).toEqual([id]);
    expect(await vault.depositInfo(id)).toEqual({ id, size: bytes.length, chunks: 3, details });
    // Taking a deposit into the vault: copy it as a vault file, then delete it.
    const fileId = newId();
    await vault.writeFile(fileId, vault.readDeposit(id));
    await vault.deleteDeposit(id);
    expectSameBytes(await collectBytes(vault.readFile(fileId)), bytes);
    expect(await vault.listDepositIds()).toEqual([]);
    expect((await db.idb.getAllKeys('chunks')).every(([owner]) => owner === fileId)).toBe(true);
  });

  it('give vault.integrity when the sealed manifest is changed anywhere', async () => {
    const db = await lockedVault();
    const id = await depositFile(db, new Uint8Array(5), { n: 1 });
    const sealed = new Uint8Array((await db.idb.get('deposits', id)) as ArrayBuffer);
    const vault = await unlock(db);
    for (let i = 0; i < sealed.length; i++) {
      const changed = sealed.slice();
      changed[i] = (changed[i] as number) ^ 0x01;
      await db.idb.put('deposits', changed.buffer, id);
      await expectBuktiError(() => vault.depositInfo(id), 'vault.integrity');
    }
  });

  it('detect a manifest moved to another deposit id, and a chunk changed', async () => {
    const db = await lockedVault();
    const first = await depositFile(db, pseudoRandomBytes(100, 1));
    const second = await depositFile(db, pseudoRandomBytes(100, 2));
    const vault = await unlock(db);
    await db.idb.put('deposits', (await db.idb.get('deposits', first)) as ArrayBuffer, second);
    await expectBuktiError(() => vault.depositInfo(second), 'vault.integrity');
    const chunk = new Uint8Array((await db.idb.get('chunks', [first, 0])) as ArrayBuffer);
    chunk[10] = (chunk[10] as number) ^ 0x40;
    await db.idb.put('chunks', chunk.buffer, [first, 0]);
    await expectBuktiError(() => collectBytes(vault.readDeposit(first)), 'vault.integrity');
  });

  it('cannot be opened by another vault', async () => {
    const db = await lockedVault();
    const id = await depositFile(db, new Uint8Array(5));
    const other = await newVault();
    const sealed = (await db.idb.get('deposits', id)) as ArrayBuffer;
    await other.db.idb.put('deposits', sealed, id);
    await expectBuktiError(() => other.vault.depositInfo(id), 'vault.integrity');
  });
});

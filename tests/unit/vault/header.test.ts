import { describe, expect, it } from 'vitest';
import { readVaultPublicKeys, unlockVault, type VaultDb } from '../../../src/core/vault';
import { decodeHeader, encodeHeader, HEADER_BYTES } from '../../../src/core/vault/header';
import { readLockout } from '../../../src/core/vault/meta';
import { BYTE_CHANGES, buffer, expectBuktiError, flipped, newVault, PASSPHRASE, sodium } from './helpers';

async function rawMeta(db: VaultDb, key: string): Promise<Uint8Array> {
  const value = await db.idb.get('meta', key);
  if (!(value instanceof ArrayBuffer)) throw new Error(`no meta/${key}`);
  return new Uint8Array(value);
}

async function setRawMeta(db: VaultDb, key: string, bytes: Uint8Array): Promise<void> {
  await db.idb.put('meta', buffer(bytes), key);
}

/** A locked vault and its untouched header bytes. */
async function lockedVault() {
  const { db, vault } = await newVault();
  vault.lock();
  return { db, header: await rawMeta(db, 'header'), keys: await rawMeta(db, 'keys') };
}

describe('the vault header', () => {
  it('round-trips through encode and decode', async () => {
    const s = await sodium();
    const { header } = await lockedVault();
    expect(header).toHaveLength(HEADER_BYTES);
    expect(encodeHeader(s, decodeHeader(s, header))).toEqual(header);
  });

  it('gives vault.integrity for every single-byte change, before any KDF runs', async () => {
    const { db, header } = await lockedVault();
    let kdfRuns = 0;
    const deriveKey = async () => {
      kdfRuns++;
      return new Uint8Array(32);
    };
    for (let index = 0; index < header.length; index++) {
      for (const mask of BYTE_CHANGES) {
        await setRawMeta(db, 'header', flipped(header, index, mask));
        await expectBuktiError(() => unlockVault(db, PASSPHRASE, { deriveKey }), 'vault.integrity');
        await expectBuktiError(() => readVaultPublicKeys(db), 'vault.integrity');
      }
    }
    expect(kdfRuns).toBe(0);
    await setRawMeta(db, 'header', header);
    expect((await unlockVault(db, PASSPHRASE)).kind).toBe('ok');
  });

  it('gives vault.integrity for a truncated or extended header, or a value that is not bytes', async () => {
    const { db, header } = await lockedVault();
    for (const bad of [header.subarray(0, header.length - 1), new Uint8Array([...header, 0])]) {
      await setRawMeta(db, 'header', bad);
      await expectBuktiError(() => unlockVault(db, PASSPHRASE), 'vault.integrity');
    }
    await db.idb.put('meta', 'not bytes' as unknown as ArrayBuffer, 'header');
    await expectBuktiError(() => unlockVault(db, PASSPHRASE), 'vault.integrity');
  });

  it('never unlocks a deliberately edited header, even with its checksum recomputed', async () => {
    const s = await sodium();
    const { db, header } = await lockedVault();
    const decoded = decodeHeader(s, header);
    const other = await newVault();
    const edits = [
      { ...decoded, eraseAfterFailures: 5 as const },
      { ...decoded, kdf: { ...decoded.kdf, opslimit: decoded.kdf.opslimit + 1 } },
      { ...decoded, publicBoxKey: other.vault.publicBoxKey },
      { ...decoded, publicSigningKey: other.vault.publicSigningKey },
    ];
    for (const edit of edits) {
      await setRawMeta(db, 'header', encodeHeader(s, edit));
      const result = await unlockVault(db, PASSPHRASE, { now: () => 0 });
      expect(result.kind).toBe('wrongPassphrase');
      await db.idb.delete('meta', 'lockout');
    }
  });

  it('refuses KDF parameters outside the bounds without running them', async () => {
    const s = await sodium();
    const { db, header } = await lockedVault();
    const decoded = decodeHeader(s, header);
    for (const kdf of [
      { opslimit: 1, memlimit: 1024 * 1024 * 1024 },
      { opslimit: 0, memlimit: decoded.kdf.memlimit },
      { opslimit: 1_000_000, memlimit: decoded.kdf.memlimit },
    ]) {
      await setRawMeta(db, 'header', encodeHeader(s, { ...decoded, kdf }));
      await expectBuktiError(() => unlockVault(db, PASSPHRASE), 'vault.integrity');
    }
  });
});

describe('the sealed key pairs (meta/keys)', () => {
  it('give vault.integrity for every single-byte change, with the right passphrase', async () => {
    const { db, keys } = await lockedVault();
    for (let index = 0; index < keys.length; index++) {
      await setRawMeta(db, 'keys', flipped(keys, index, 0x01));
      await expectBuktiError(() => unlockVault(db, PASSPHRASE), 'vault.integrity');
    }
    // The right passphrase was given each time: none of those attempts counts as a failure.
    expect((await readLockout(db)).failures).toBe(0);
    await setRawMeta(db, 'keys', keys);
    expect((await unlockVault(db, PASSPHRASE)).kind).toBe('ok');
  });

  it('give vault.integrity when missing or taken from another vault', async () => {
    const { db } = await lockedVault();
    const other = await lockedVault();
    await setRawMeta(db, 'keys', other.keys);
    await expectBuktiError(() => unlockVault(db, PASSPHRASE), 'vault.integrity');
    await db.idb.delete('meta', 'keys');
    await expectBuktiError(() => unlockVault(db, PASSPHRASE), 'vault.integrity');
  });
});

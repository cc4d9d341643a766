import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  collectBytes,
  createVault,
  type DeriveKey,
  deriveKeyInProcess,
  newId,
  readVaultPublicKeys,
  unlockVault,
  type Vault,
  vaultExists,
} from '../../../src/core/vault';
import { decodeHeader } from '../../../src/core/vault/header';
import {
  expectBuktiError,
  freshDb,
  newVault,
  PASSPHRASE,
  pseudoRandomBytes,
  sodium,
  TEST_KDF,
} from './helpers';

afterEach(() => {
  vi.restoreAllMocks();
});

const isZero = (bytes: Uint8Array) => bytes.every((byte) => byte === 0);

async function unlocked(db: Parameters<typeof unlockVault>[0], passphrase = PASSPHRASE): Promise<Vault> {
  const result = await unlockVault(db, passphrase);
  if (result.kind !== 'ok') throw new Error(`unlock failed: ${result.kind}`);
  return result.vault;
}

describe('creating and unlocking', () => {
  it('creates a vault once, then unlocks it only with the right passphrase', async () => {
    const db = await freshDb();
    expect(await vaultExists(db)).toBe(false);
    await expectBuktiError(() => unlockVault(db, PASSPHRASE), 'vault.notFound');
    const vault = await createVault(db, PASSPHRASE, { kdfParams: TEST_KDF });
    await vault.putRecord('cases', 'c', { ok: true });
    vault.lock();
    expect(await vaultExists(db)).toBe(true);
    await expectBuktiError(
      () => createVault(db, 'another passphrase', { kdfParams: TEST_KDF }),
      'vault.exists',
    );
    expect(await unlockVault(db, 'Kerusi hujan pelangi tembikai')).toMatchObject({ kind: 'wrongPassphrase' });
    expect(await (await unlocked(db)).getRecord('cases', 'c')).toEqual({ ok: true });
  });

  it('refuses a passphrase under 8 characters, counting characters rather than bytes', async () => {
    await expectBuktiError(
      async () => createVault(await freshDb(), 'seven77', { kdfParams: TEST_KDF }),
      'vault.passphraseTooShort',
    );
    await expectBuktiError(
      async () => createVault(await freshDb(), '\u{1F512}'.repeat(7), { kdfParams: TEST_KDF }),
      'vault.passphraseTooShort',
    );
    await createVault(await freshDb(), '\u{1F512}'.repeat(8), { kdfParams: TEST_KDF });
  });

  it('unlocks with the same words typed with decomposed accents (NFC)', async () => {
    const db = await freshDb();
    (await createVault(db, 'caf\u00e9 au lait matin', { kdfParams: TEST_KDF })).lock();
    expect((await unlockVault(db, 'cafe\u0301 au lait matin')).kind).toBe('ok');
  });

  it('calibrates the KDF when no parameters are given, through the injected derivation', async () => {
    const real = deriveKeyInProcess(await sodium());
    let clock = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => clock);
    // A device where 2 passes over 64 MiB take 0.6 s; the real work is the cheap test KDF.
    const deriveKey: DeriveKey = async (p, salt) => {
      clock += 600;
      return real(p, salt, TEST_KDF);
    };
    const db = await freshDb();
    (await createVault(db, PASSPHRASE, { deriveKey })).lock();
    const header = decodeHeader(
      await sodium(),
      new Uint8Array((await db.idb.get('meta', 'header')) as ArrayBuffer),
    );
    expect(header.kdf).toEqual({ opslimit: 2, memlimit: 64 * 1024 * 1024 });
  });
});

describe('lock', () => {
  it('zeroes every key the unlock produced, and wipes the passphrase-derived key at once', async () => {
    const { db, vault: created } = await newVault();
    created.lock();
    const s = await sodium();
    const keys: Uint8Array[] = [];
    /** Wraps a libsodium function so every key it returns is kept here, to be inspected after lock(). */
    const capture = (
      name:
        | 'crypto_kdf_derive_from_key'
        | 'crypto_aead_xchacha20poly1305_ietf_decrypt'
        | 'crypto_sign_seed_keypair'
        | 'crypto_box_seed_keypair',
      pick: (output: unknown) => unknown,
    ) => {
      const original = (s[name] as (...args: unknown[]) => unknown).bind(s);
      vi.spyOn(s, name).mockImplementation(((...args: unknown[]) => {
        const output = original(...args);
        keys.push(pick(output) as Uint8Array);
        return output;
      }) as never);
    };
    const privateKey = (pair: unknown) => (pair as { privateKey: Uint8Array }).privateKey;
    capture('crypto_kdf_derive_from_key', (key) => key);
    capture('crypto_aead_xchacha20poly1305_ietf_decrypt', (key) => key);
    capture('crypto_sign_seed_keypair', privateKey);
    capture('crypto_box_seed_keypair', privateKey);
    const real = deriveKeyInProcess(s);
    let wrappingKey: Uint8Array = new Uint8Array(0);
    let passphraseBytes: Uint8Array = new Uint8Array(0);
    const result = await unlockVault(db, PASSPHRASE, {
      deriveKey: async (p, salt, params) => {
        passphraseBytes = p;
        wrappingKey = await real(p, salt, params);
        return wrappingKey;
      },
    });
    vi.restoreAllMocks();
    if (result.kind !== 'ok') throw new Error('unlock failed');
    expect(isZero(wrappingKey) && isZero(passphraseBytes)).toBe(true);
    // master key, key seeds, 5 subkeys (keys, records, files, thumbnails, index), 2 secret keys
    expect(keys).toHaveLength(9);
    const live = keys.filter((k) => !isZero(k));
    expect(live).toHaveLength(6);
    result.vault.lock();
    expect(keys.every(isZero)).toBe(true);
  });

  it('makes every call fail with vault.locked', async () => {
    const { vault } = await newVault();
    const fileId = newId();
    await vault.writeFile(fileId, new Uint8Array(10));
    vault.lock();
    expect(vault.locked).toBe(true);
    const calls: Array<() => unknown> = [
      () => vault.putRecord('cases', 'a', 1),
      () => vault.getRecord('cases', 'a'),
      () => vault.listRecordIds('cases'),
      () => vault.listRecords('cases'),
      () => vault.deleteRecord('cases', 'a'),
      () => vault.writeFile(newId(), new Uint8Array(1)),
      () => collectBytes(vault.readFile(fileId)),
      () => vault.fileInfo(fileId),
      () => vault.listFileIds(),
      () => vault.deleteFile(fileId),
      () => vault.putThumbnail(fileId, Uint8Array.of(1, 0)),
      () => vault.readThumbnail(fileId),
      () => vault.listDepositIds(),
      () => vault.signDetached(new Uint8Array(1)),
      () => vault.openSealed(new Uint8Array(80)),
      () => vault.changePassphrase(PASSPHRASE, 'another long passphrase'),
      () => vault.setEraseAfterFailures(PASSPHRASE, 10),
    ];
    for (const call of calls) await expectBuktiError(call, 'vault.locked');
  });
});

describe('changing the passphrase', () => {
  it('keeps 100 records and a file readable, and only the new passphrase unlocks', async () => {
    const { db, vault } = await newVault();
    const ids = Array.from({ length: 100 }, (_, i) => `item-${i}`);
    await vault.writeRecords(ids.map((id, i) => ({ store: 'items', id, value: { i } })));
    const fileId = newId();
    await vault.writeFile(fileId, pseudoRandomBytes(5000, 1));
    const headerBefore = await db.idb.get('meta', 'header');
    expect(await vault.changePassphrase('not the passphrase', 'a brand new passphrase')).toMatchObject({
      kind: 'wrongPassphrase',
    });
    expect(await db.idb.get('meta', 'header')).toEqual(headerBefore);
    expect(await vault.changePassphrase(PASSPHRASE, 'a brand new passphrase')).toEqual({ kind: 'ok' });
    await expectBuktiError(() => vault.changePassphrase(PASSPHRASE, 'short'), 'vault.passphraseTooShort');
    vault.lock();

    expect((await unlockVault(db, PASSPHRASE)).kind).toBe('wrongPassphrase');
    const again = await unlocked(db, 'a brand new passphrase');
    const records = await again.listRecords('items');
    expect(records).toHaveLength(100);
    for (const { id, value } of records) expect(value).toEqual({ i: Number(id.slice(5)) });
    expect(await collectBytes(again.readFile(fileId))).toEqual(pseudoRandomBytes(5000, 1));
    expect(again.publicSigningKey).toEqual(vault.publicSigningKey);
  });

  it('stores the erase setting in the header after asking for the passphrase', async () => {
    const { db, vault } = await newVault();
    expect(vault.eraseAfterFailures).toBe(0);
    expect(await vault.setEraseAfterFailures(PASSPHRASE, 10)).toEqual({ kind: 'ok' });
    vault.lock();
    const result = await unlockVault(db, 'wrong one here');
    expect(result).toMatchObject({ kind: 'wrongPassphrase', attemptsBeforeErase: 9 });
    expect((await unlocked(db)).eraseAfterFailures).toBe(10);
  });
});

describe('signing and sealing', () => {
  it('signs with a key whose public half is readable while locked', async () => {
    const s = await sodium();
    const { db, vault } = await newVault();
    const message = new TextEncoder().encode('SHA256SUMS contents');
    const signature = vault.signDetached(message);
    vault.lock();
    const { publicSigningKey } = await readVaultPublicKeys(db);
    expect(s.crypto_sign_verify_detached(signature, message, publicSigningKey)).toBe(true);
    expect(
      s.crypto_sign_verify_detached(signature, new TextEncoder().encode('changed'), publicSigningKey),
    ).toBe(false);
  });

  it('opens boxes sealed to it while locked, and nothing else', async () => {
    const { sealToVault } = await import('../../../src/core/vault');
    const { db, vault } = await newVault();
    vault.lock();
    const { publicBoxKey } = await readVaultPublicKeys(db);
    const sealed = await sealToVault(publicBoxKey, new TextEncoder().encode('shared while locked'));
    const open = await unlocked(db);
    expect(new TextDecoder().decode(open.openSealed(sealed))).toBe('shared while locked');
    const other = await newVault();
    await expectBuktiError(() => other.vault.openSealed(sealed), 'vault.integrity');
    for (let i = 0; i < sealed.length; i++) {
      const changed = sealed.slice();
      changed[i] = (changed[i] as number) ^ 1;
      await expectBuktiError(() => open.openSealed(changed), 'vault.integrity');
    }
  });
});

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
import { expectBuktiError, freshDb, newVault, PASSPHRASE, pseudoRandomBytes, sodium, TEST_KDF } from './helpers';

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
    await expectBuktiError(() => createVault(db, 'another passphrase', { kdfParams: TEST_KDF }), 'vault.exists');
    expect(await unlockVault(db, 'Kerusi hujan pelangi tembikai')).toMatchObject({ kind: 'wrongPassphrase' });
    expect(await (await unlocked(db)).getRecord('cases', 'c')).toEqual({ ok: true });
  });

  it('refuses a passphrase under 8 characters, counting characters rather than bytes', async () => {
    await expectBuktiError(async () => createVault(await freshDb(), 'seven77', { kdfParams: TEST_KDF }), 'vault.passphraseTooShort');
    await expectBuktiError(async () => createVault(await freshDb(), '\u{1F512}'.repeat(7), { kdfParams: TEST_KDF }), 'vault.passphraseTooShort');
    await createVault(await freshDb(), '\u{1F512}'.repeat(8), { kdfParams: TEST_KDF });
  });

  it('unlocks with the same words typed with decomposed accents (NFC)', async () => {
    const db = await freshDb();
    (await createVault(db, 'caf\u00e9 au lait matin', { kdfParams: TEST_KDF })).lock();
    expect((await unlockVault(db, 'cafe\u0301 au lait matin')).kind).toBe('ok');
  });

  it('calibrates the KDF when no parameters are given, through the injected derivation', async () => {
    const real = deriveKeyInProcess(await sodium());
    const seen: number[] = [];
    const deriveKey: DeriveKey = (p, s, params) => {
      seen.push(params.memlimit);
      // Pretend to be a device where 64 MiB takes 0.6 s, but run the cheap test KDF.
      return real(p, s, TEST_KDF);
    };
    let clock = 0;
    const now = () => clock;
    const ticking: DeriveKey = async (p, s, params) => {
      const key = await deriveKey(p, s, params);
      clock += 600;
      return key;
    };
    vi.spyOn(performance, 'now').mockImplementation(now);
    await createVault(await freshDb(), PASSPHRASE, { deriveKey: ticking });
    expect(seen.every((memlimit) => memlimit >= 64 * 1024 * 1024)).toBe(true);
  });
});

describe('lock', () => {
  it('zeroes every key the unlock produced, and wipes the passphrase-derived key at once', async () => {
    const { db, vault: created } = await newVault();
    created.lock();
    const s = await sodium();
    const keys: Uint8Array[] = [];
    const capture = <T>(value: T, pick: (v: T) => Uint8Array) => {
      keys.push(pick(value));
      return value;
    };
    const derive = s.crypto_kdf_derive_from_key.bind(s);
    const decrypt = s.crypto_aead_xchacha20poly1305_ietf_decrypt.bind(s);
    const signPair = s.crypto_sign_seed_keypair.bind(s);
    const boxPair = s.crypto_box_seed_keypair.bind(s);
    vi.spyOn(s, 'crypto_kdf_derive_from_key').mockImplementation((...a) => capture(derive(...(a as Parameters<typeof derive>)), (k) => k as Uint8Array));
    vi.spyOn(s, 'crypto_aead_xchacha20poly1305_ietf_decrypt').mockImplementation((...a) => capture(decrypt(...(a as Parameters<typeof decrypt>)), (k) => k as Uint8Array));
    vi.spyOn(s, 'crypto_sign_seed_keypair').mockImplementation((...a) => capture(signPair(...(a as Parameters<typeof signPair>)), (k) => k.privateKey as Uint8Array));
    vi.spyOn(s, 'crypto_box_seed_keypair').mockImplementation((...a) => capture(boxPair(...(a as Parameters<typeof boxPair>)), (k) => k.privateKey as Uint8Array));
    const real = deriveKeyInProcess(s);
    let wrappingKey = new Uint8Array(0);
    let passphraseBytes = new Uint8Array(0);
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
    // master key, key seeds, 4 subkeys (keys, records, files, index), 2 secret keys
    expect(keys).toHaveLength(8);
    const live = keys.filter((k) => !isZero(k));
    expect(live).toHaveLength(5);
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
    expect(await vault.changePassphrase('not the passphrase', 'a brand new passphrase')).toMatchObject({ kind: 'wrongPassphrase' });
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
    expect(s.crypto_sign_verify_detached(signature, new TextEncoder().encode('changed'), publicSigningKey)).toBe(false);
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

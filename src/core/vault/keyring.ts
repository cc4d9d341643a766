import type { Sodium } from '../crypto/sodium';
import { BuktiError } from '../errors';
import { KDF_CONTEXT, SUBKEY, utf8Bytes } from './format';
import type { VaultHeader } from './header';
import { openRecord, type RecordSlot, sealRecord } from './record-crypto';

/** Where the sealed key-pair seeds live: an internal slot no logical store name can collide with. */
export const KEYS_SLOT: RecordSlot = { store: '#keys', id: 'keys', keyId: SUBKEY.keys };

const SEED_BYTES = 32;

interface Secrets {
  records: Uint8Array;
  files: Uint8Array;
  thumbnails: Uint8Array;
  index: Uint8Array;
  signSecret: Uint8Array;
  boxSecret: Uint8Array;
}

/** The unlocked keys of one vault. `wipe()` zeroes every one of them; afterwards each use is `vault.locked`. */
export class Keyring {
  readonly publicSigningKey: Uint8Array;
  readonly publicBoxKey: Uint8Array;
  readonly #sodium: Sodium;
  #secrets: Secrets | undefined;
  readonly #tags = new Map<string, string>();

  constructor(sodium: Sodium, secrets: Secrets, publicSigningKey: Uint8Array, publicBoxKey: Uint8Array) {
    this.#sodium = sodium;
    this.#secrets = secrets;
    this.publicSigningKey = publicSigningKey;
    this.publicBoxKey = publicBoxKey;
  }

  /** True once the keys have been wiped. */
  get wiped(): boolean {
    return this.#secrets === undefined;
  }

  /** The live key material, or `vault.locked`. Callers must not keep references past one operation. */
  get secrets(): Secrets {
    if (this.#secrets === undefined) throw new BuktiError('vault.locked');
    return this.#secrets;
  }

  /** Throws `vault.locked` once the keys have been wiped. */
  assertUnlocked(): void {
    if (this.#secrets === undefined) throw new BuktiError('vault.locked');
  }

  /** The opaque IndexedDB tag of a logical store: a keyed hash, so store names never appear in clear. */
  storeTag(store: string): string {
    let tag = this.#tags.get(store);
    if (tag === undefined) {
      const hash = this.#sodium.crypto_generichash(16, utf8Bytes(`store:${store}`), this.secrets.index);
      tag = this.#sodium.to_hex(hash);
      this.#tags.set(store, tag);
    }
    return tag;
  }

  /** Zeroes every key in place (`sodium.memzero`). Safe to call more than once. */
  wipe(): void {
    const secrets = this.#secrets;
    if (secrets === undefined) return;
    this.#secrets = undefined;
    for (const key of Object.values(secrets)) this.#sodium.memzero(key);
    this.#tags.clear();
  }
}

function subkey(sodium: Sodium, masterKey: Uint8Array, id: number): Uint8Array {
  return sodium.crypto_kdf_derive_from_key(32, id, KDF_CONTEXT, masterKey);
}

/** Fresh key material for a new vault: a master key and the two key-pair seeds. */
export function generateKeyMaterial(sodium: Sodium): { masterKey: Uint8Array; seeds: Uint8Array } {
  return { masterKey: sodium.crypto_kdf_keygen(), seeds: sodium.randombytes_buf(2 * SEED_BYTES) };
}

/** The seeds sealed under the `keys` subkey, for the `meta/keys` record. */
export function sealSeeds(sodium: Sodium, masterKey: Uint8Array, seeds: Uint8Array): Uint8Array {
  const keysKey = subkey(sodium, masterKey, SUBKEY.keys);
  try {
    return sealRecord(sodium, keysKey, KEYS_SLOT, seeds);
  } finally {
    sodium.memzero(keysKey);
  }
}

/**
 * Builds the keyring from the master key and seeds, then zeroes both: after unlock only the subkeys
 * and key pairs stay in memory, and a passphrase change unwraps the master key again when it needs it.
 */
export function buildKeyring(sodium: Sodium, masterKey: Uint8Array, seeds: Uint8Array): Keyring {
  try {
    const signing = sodium.crypto_sign_seed_keypair(seeds.subarray(0, SEED_BYTES));
    const box = sodium.crypto_box_seed_keypair(seeds.subarray(SEED_BYTES, 2 * SEED_BYTES));
    const secrets: Secrets = {
      records: subkey(sodium, masterKey, SUBKEY.records),
      files: subkey(sodium, masterKey, SUBKEY.files),
      thumbnails: subkey(sodium, masterKey, SUBKEY.thumbnails),
      index: subkey(sodium, masterKey, SUBKEY.index),
      signSecret: signing.privateKey,
      boxSecret: box.privateKey,
    };
    return new Keyring(sodium, secrets, signing.publicKey, box.publicKey);
  } finally {
    sodium.memzero(masterKey);
    sodium.memzero(seeds);
  }
}

/**
 * Opens the sealed seeds with the unwrapped master key and checks that they produce the public keys in
 * the header: those are in clear, and a swapped box key would make shares sealed while locked unreadable.
 */
export function openKeyring(
  sodium: Sodium,
  masterKey: Uint8Array,
  header: VaultHeader,
  sealedSeeds: Uint8Array,
): Keyring {
  const keysKey = subkey(sodium, masterKey, SUBKEY.keys);
  let seeds: Uint8Array;
  try {
    seeds = openRecord(sodium, keysKey, KEYS_SLOT, sealedSeeds);
  } catch (error) {
    sodium.memzero(masterKey);
    throw error;
  } finally {
    sodium.memzero(keysKey);
  }
  if (seeds.length !== 2 * SEED_BYTES) {
    sodium.memzero(masterKey);
    sodium.memzero(seeds);
    throw new BuktiError('vault.integrity');
  }
  const keyring = buildKeyring(sodium, masterKey, seeds);
  const matches =
    sodium.memcmp(keyring.publicSigningKey, header.publicSigningKey) &&
    sodium.memcmp(keyring.publicBoxKey, header.publicBoxKey);
  if (!matches) {
    keyring.wipe();
    throw new BuktiError('vault.integrity');
  }
  return keyring;
}

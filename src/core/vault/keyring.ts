import type { Sodium } from '../crypto/sodium';
import { BuktiError } from '../errors';
import { concatBytes, KDF_CONTEXT, SUBKEY, u32, utf8Bytes } from './format';
import type { VaultHeader } from './header';
import { openRecord, type RecordSlot, sealRecord } from './record-crypto';

/** Where the sealed key-pair seeds live: an internal slot no logical store name can collide with. */
export const KEYS_SLOT: RecordSlot = { store: '#keys', id: 'keys', keyId: SUBKEY.keys };

/** The keys of the previous epoch while a rotation is under way, sealed under the new `keys` subkey. */
export const REKEY_SLOT: RecordSlot = { store: '#rekey', id: 'rekey', keyId: SUBKEY.keys };

const SEED_BYTES = 32;
const MASTER_BYTES = 32;

interface Secrets {
  records: Uint8Array;
  files: Uint8Array;
  thumbnails: Uint8Array;
  index: Uint8Array;
  signSecret: Uint8Array;
  boxSecret: Uint8Array;
}

/**
 * The unlocked keys of one key epoch of a vault; while a rotation is under way, the keys of the epoch
 * before hang off it as `previous`. `wipe()` zeroes every one of them; afterwards each use is `vault.locked`.
 */
export class Keyring {
  readonly publicSigningKey: Uint8Array;
  readonly publicBoxKey: Uint8Array;
  /** Which generation of keys this is: 0 at creation, one more at every rotation. */
  readonly epoch: number;
  readonly #sodium: Sodium;
  #secrets: Secrets | undefined;
  #previous: Keyring | undefined;
  readonly #tags = new Map<string, string>();

  constructor(
    sodium: Sodium,
    secrets: Secrets,
    publicSigningKey: Uint8Array,
    publicBoxKey: Uint8Array,
    epoch = 0,
  ) {
    this.#sodium = sodium;
    this.#secrets = secrets;
    this.publicSigningKey = publicSigningKey;
    this.publicBoxKey = publicBoxKey;
    this.epoch = epoch;
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

  /** The previous epoch's keys while a rotation's re-encryption is unfinished. */
  get previous(): Keyring | undefined {
    return this.#previous;
  }

  /** Keeps `previous` (the epoch before) until `dropPrevious`. */
  attachPrevious(previous: Keyring): void {
    this.#previous?.wipe();
    this.#previous = previous;
  }

  /** Zeroes the previous epoch's keys: the rotation is complete. */
  dropPrevious(): void {
    this.#previous?.wipe();
    this.#previous = undefined;
  }

  /** The keys of `epoch` (this one or the previous), or `vault.integrity` for any other. */
  forEpoch(epoch: number): Keyring {
    this.assertUnlocked();
    if (epoch === this.epoch) return this;
    if (this.#previous !== undefined && epoch === this.#previous.epoch) return this.#previous;
    throw new BuktiError('vault.integrity');
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

  /** Zeroes every key in place (`sodium.memzero`), the previous epoch's too. Safe to call more than once. */
  wipe(): void {
    this.dropPrevious();
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

/** Fresh key material: a master key and the two key-pair seeds. */
export function generateKeyMaterial(sodium: Sodium): { masterKey: Uint8Array; seeds: Uint8Array } {
  return { masterKey: sodium.crypto_kdf_keygen(), seeds: sodium.randombytes_buf(2 * SEED_BYTES) };
}

function withKeysKey<T>(sodium: Sodium, masterKey: Uint8Array, use: (keysKey: Uint8Array) => T): T {
  const keysKey = subkey(sodium, masterKey, SUBKEY.keys);
  try {
    return use(keysKey);
  } finally {
    sodium.memzero(keysKey);
  }
}

/** The seeds and epoch sealed under the `keys` subkey, for the `meta/keys` record (format 2: 68 bytes). */
export function sealSeeds(sodium: Sodium, masterKey: Uint8Array, seeds: Uint8Array, epoch = 0): Uint8Array {
  const plaintext = concatBytes(seeds, u32(epoch));
  try {
    return withKeysKey(sodium, masterKey, (key) => sealRecord(sodium, key, KEYS_SLOT, plaintext, epoch));
  } finally {
    sodium.memzero(plaintext);
  }
}

/**
 * The previous epoch's master key, seeds and epoch, sealed under the new master key's `keys` subkey:
 * the `#rekey` record that lets the new passphrase read what is not re-encrypted yet.
 */
export function sealPrevious(
  sodium: Sodium,
  newMasterKey: Uint8Array,
  previous: { masterKey: Uint8Array; seeds: Uint8Array; epoch: number },
  epoch: number,
): Uint8Array {
  const plaintext = concatBytes(previous.masterKey, previous.seeds, u32(previous.epoch));
  try {
    return withKeysKey(sodium, newMasterKey, (key) => sealRecord(sodium, key, REKEY_SLOT, plaintext, epoch));
  } finally {
    sodium.memzero(plaintext);
  }
}

/** Seeds (64 bytes) and epoch from the opened `keys` plaintext: 64 bytes in format 1 (epoch 0), 68 after. */
function splitSeeds(sodium: Sodium, plaintext: Uint8Array): { seeds: Uint8Array; epoch: number } {
  if (plaintext.length !== 2 * SEED_BYTES && plaintext.length !== 2 * SEED_BYTES + 4) {
    sodium.memzero(plaintext);
    throw new BuktiError('vault.integrity');
  }
  const view = new DataView(plaintext.buffer, plaintext.byteOffset, plaintext.byteLength);
  const epoch = plaintext.length === 2 * SEED_BYTES ? 0 : view.getUint32(2 * SEED_BYTES);
  const seeds = plaintext.slice(0, 2 * SEED_BYTES);
  sodium.memzero(plaintext);
  return { seeds, epoch };
}

/** The seeds and epoch in a sealed `keys` record; the master key is left as it is. */
export function openSeeds(
  sodium: Sodium,
  masterKey: Uint8Array,
  sealedSeeds: Uint8Array,
): { seeds: Uint8Array; epoch: number } {
  return withKeysKey(sodium, masterKey, (key) =>
    splitSeeds(sodium, openRecord(sodium, key, KEYS_SLOT, sealedSeeds)),
  );
}

/**
 * Builds the keyring from the master key and seeds, then zeroes both: after unlock only the subkeys
 * and key pairs stay in memory, and a passphrase change unwraps the master key again when it needs it.
 */
export function buildKeyring(sodium: Sodium, masterKey: Uint8Array, seeds: Uint8Array, epoch = 0): Keyring {
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
    return new Keyring(sodium, secrets, signing.publicKey, box.publicKey, epoch);
  } finally {
    sodium.memzero(masterKey);
    sodium.memzero(seeds);
  }
}

/** The previous epoch's keyring from an opened `#rekey` plaintext (zeroed here). */
function previousKeyring(sodium: Sodium, plaintext: Uint8Array): Keyring {
  if (plaintext.length !== MASTER_BYTES + 2 * SEED_BYTES + 4) {
    sodium.memzero(plaintext);
    throw new BuktiError('vault.integrity');
  }
  const epoch = new DataView(plaintext.buffer, plaintext.byteOffset).getUint32(MASTER_BYTES + 2 * SEED_BYTES);
  const masterKey = plaintext.slice(0, MASTER_BYTES);
  const seeds = plaintext.slice(MASTER_BYTES, MASTER_BYTES + 2 * SEED_BYTES);
  sodium.memzero(plaintext);
  return buildKeyring(sodium, masterKey, seeds, epoch);
}

/**
 * Opens the sealed seeds with the unwrapped master key (zeroed here) and checks that they produce the
 * public keys in the header: those are in clear, and a swapped box key would make shares sealed while
 * locked unreadable. With `sealedRekey` (a rotation under way), the previous epoch's keys are attached.
 */
export function openKeyring(
  sodium: Sodium,
  masterKey: Uint8Array,
  header: VaultHeader,
  sealedSeeds: Uint8Array,
  sealedRekey?: Uint8Array,
): Keyring {
  let opened: { seeds: Uint8Array; epoch: number };
  let previous: Keyring | undefined;
  try {
    opened = openSeeds(sodium, masterKey, sealedSeeds);
    if (sealedRekey !== undefined)
      previous = withKeysKey(sodium, masterKey, (key) =>
        previousKeyring(sodium, openRecord(sodium, key, REKEY_SLOT, sealedRekey)),
      );
  } catch (error) {
    sodium.memzero(masterKey);
    throw error;
  }
  const keyring = buildKeyring(sodium, masterKey, opened.seeds, opened.epoch);
  if (previous !== undefined) keyring.attachPrevious(previous);
  const matches =
    sodium.memcmp(keyring.publicSigningKey, header.publicSigningKey) &&
    sodium.memcmp(keyring.publicBoxKey, header.publicBoxKey) &&
    (previous === undefined || previous.epoch + 1 === keyring.epoch);
  if (!matches) {
    keyring.wipe();
    throw new BuktiError('vault.integrity');
  }
  return keyring;
}

import type { Sodium } from '../crypto/sodium';
import { BuktiError } from '../errors';
import { concatBytes, FORMAT_VERSION, RECORD_VERSION, recordAd, u32 } from './format';

const NONCE_BYTES = 24;
const TAG_BYTES = 16;
/** Bytes before the nonce: version and key id (format 1), plus the key epoch (format 2). */
const PREFIX = { [FORMAT_VERSION]: 2, [RECORD_VERSION]: 6 } as const;

/** Where a record lives and which key seals it; all of it is bound as associated data. */
export interface RecordSlot {
  store: string;
  id: string;
  keyId: number;
}

/**
 * Seals `plaintext` for one slot under the keys of `epoch`:
 * `[version 2][key id][epoch u32][nonce 24][ciphertext + tag 16]`, XChaCha20-Poly1305 with a random nonce.
 */
export function sealRecord(
  sodium: Sodium,
  key: Uint8Array,
  slot: RecordSlot,
  plaintext: Uint8Array,
  epoch = 0,
): Uint8Array {
  const nonce = sodium.randombytes_buf(NONCE_BYTES);
  const ad = recordAd(slot.store, slot.id, RECORD_VERSION, slot.keyId, epoch);
  const ciphertext = sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(plaintext, ad, null, nonce, key);
  return concatBytes(Uint8Array.of(RECORD_VERSION, slot.keyId), u32(epoch), nonce, ciphertext);
}

/** The parts of a sealed record's clear prefix, or `vault.integrity` when it is no record at all. */
function prefixOf(sealed: Uint8Array): { version: number; keyId: number; epoch: number; prefix: number } {
  const version = sealed[0] as number;
  const prefix = version === FORMAT_VERSION || version === RECORD_VERSION ? PREFIX[version] : undefined;
  if (prefix === undefined || sealed.length < prefix + NONCE_BYTES + TAG_BYTES)
    throw new BuktiError('vault.integrity');
  const view = new DataView(sealed.buffer, sealed.byteOffset, sealed.byteLength);
  const epoch = version === RECORD_VERSION ? view.getUint32(2) : 0;
  return { version, keyId: sealed[1] as number, epoch, prefix };
}

/** The key epoch a sealed record says it was sealed under (format 1: epoch 0). Unauthenticated until opened. */
export function recordEpoch(sealed: Uint8Array): number {
  return prefixOf(sealed).epoch;
}

/**
 * The record's nonce, in hex: random for every seal, and authenticated, so it names this one sealed copy.
 * The ledger keeps it to tell the current copy of a record from any older one (docs/security.md §4.8).
 */
export function recordFingerprint(sodium: Sodium, sealed: Uint8Array): string {
  const { prefix } = prefixOf(sealed);
  return sodium.to_hex(sealed.subarray(prefix, prefix + NONCE_BYTES));
}

/**
 * Opens a sealed record for the slot it is read from. Any changed byte, or a record that was moved
 * from another id or store, fails authentication and gives `vault.integrity` — never garbage. `key` must
 * be the key of the record's epoch (`recordEpoch`).
 */
export function openRecord(
  sodium: Sodium,
  key: Uint8Array,
  slot: RecordSlot,
  sealed: Uint8Array,
): Uint8Array {
  const { version, keyId, epoch, prefix } = prefixOf(sealed);
  // The version, key id and epoch are also in the associated data; checking first only picks the error.
  if (keyId !== slot.keyId) throw new BuktiError('vault.integrity');
  const nonce = sealed.subarray(prefix, prefix + NONCE_BYTES);
  const ciphertext = sealed.subarray(prefix + NONCE_BYTES);
  const ad = recordAd(slot.store, slot.id, version, keyId, epoch);
  try {
    return sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(null, ciphertext, ad, nonce, key);
  } catch (cause) {
    throw new BuktiError('vault.integrity', {}, { cause });
  }
}

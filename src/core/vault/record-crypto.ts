import type { Sodium } from '../crypto/sodium';
import { BuktiError } from '../errors';
import { concatBytes, FORMAT_VERSION, recordAd } from './format';

const NONCE_BYTES = 24;
const TAG_BYTES = 16;
const PREFIX_BYTES = 2;

/** Where a record lives and which key seals it; all of it is bound as associated data. */
export interface RecordSlot {
  store: string;
  id: string;
  keyId: number;
}

/**
 * Seals `plaintext` for one slot: `[version][key id][nonce 24][ciphertext + tag 16]`,
 * XChaCha20-Poly1305 with a random nonce.
 */
export function sealRecord(
  sodium: Sodium,
  key: Uint8Array,
  slot: RecordSlot,
  plaintext: Uint8Array,
): Uint8Array {
  const nonce = sodium.randombytes_buf(NONCE_BYTES);
  const ad = recordAd(slot.store, slot.id, FORMAT_VERSION, slot.keyId);
  const ciphertext = sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(plaintext, ad, null, nonce, key);
  return concatBytes(Uint8Array.of(FORMAT_VERSION, slot.keyId), nonce, ciphertext);
}

/**
 * Opens a sealed record for the slot it is read from. Any changed byte, or a record that was moved
 * from another id or store, fails authentication and gives `vault.integrity` — never garbage.
 */
export function openRecord(
  sodium: Sodium,
  key: Uint8Array,
  slot: RecordSlot,
  sealed: Uint8Array,
): Uint8Array {
  if (sealed.length < PREFIX_BYTES + NONCE_BYTES + TAG_BYTES) throw new BuktiError('vault.integrity');
  const version = sealed[0] as number;
  const keyId = sealed[1] as number;
  // The version and key id are also in the associated data; checking them first only picks the error.
  if (version !== FORMAT_VERSION || keyId !== slot.keyId) throw new BuktiError('vault.integrity');
  const nonce = sealed.subarray(PREFIX_BYTES, PREFIX_BYTES + NONCE_BYTES);
  const ciphertext = sealed.subarray(PREFIX_BYTES + NONCE_BYTES);
  const ad = recordAd(slot.store, slot.id, version, keyId);
  try {
    return sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(null, ciphertext, ad, nonce, key);
  } catch (cause) {
    throw new BuktiError('vault.integrity', {}, { cause });
  }
}

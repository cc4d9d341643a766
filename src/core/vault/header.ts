import type { Sodium } from '../crypto/sodium';
import { BuktiError } from '../errors';
import { ERASE_AFTER_CHOICES, type EraseAfterFailures, FORMAT_VERSION } from './format';
import { type KdfParams, kdfParamsInBounds } from './kdf';

/** libsodium's id for Argon2id v1.3 (`crypto_pwhash_ALG_ARGON2ID13`), as stored in the header. */
export const KDF_ALG_ARGON2ID13 = 2;

/** Byte offsets of the header, format version 1 (see docs/security.md). */
const AT = {
  version: 0,
  kdfAlg: 1,
  opslimit: 2,
  memlimit: 6,
  salt: 10,
  eraseAfter: 26,
  signingKey: 27,
  boxKey: 59,
  /** Everything before this offset is the associated data of the wrapped master key. */
  wrapNonce: 91,
  wrappedKey: 115,
  checksum: 163,
  end: 179,
} as const;

export const SALT_BYTES = AT.eraseAfter - AT.salt;
export const HEADER_BYTES = AT.end;
const CHECKSUM_BYTES = AT.end - AT.checksum;

/** What the header holds in clear: everything needed to unlock, plus the vault's public keys. */
export interface VaultHeader {
  kdf: KdfParams;
  salt: Uint8Array;
  eraseAfterFailures: EraseAfterFailures;
  publicSigningKey: Uint8Array;
  publicBoxKey: Uint8Array;
  wrapNonce: Uint8Array;
  wrappedMasterKey: Uint8Array;
}

/** The unwrapped-key part of the header, before the master key is wrapped. */
export type HeaderFields = Omit<VaultHeader, 'wrapNonce' | 'wrappedMasterKey'>;

/**
 * The bytes the wrapped master key is bound to (version to public keys). Changing any of them — the KDF
 * parameters, the erase setting, a public key — makes the correct passphrase fail to unwrap the key.
 */
export function headerAssociatedData(fields: HeaderFields): Uint8Array {
  const out = new Uint8Array(AT.wrapNonce);
  const view = new DataView(out.buffer);
  out[AT.version] = FORMAT_VERSION;
  out[AT.kdfAlg] = KDF_ALG_ARGON2ID13;
  view.setUint32(AT.opslimit, fields.kdf.opslimit);
  view.setUint32(AT.memlimit, fields.kdf.memlimit);
  put(out, fields.salt, AT.salt, AT.eraseAfter);
  out[AT.eraseAfter] = fields.eraseAfterFailures;
  put(out, fields.publicSigningKey, AT.signingKey, AT.boxKey);
  put(out, fields.publicBoxKey, AT.boxKey, AT.wrapNonce);
  return out;
}

/** The stored header: associated data, wrap nonce, wrapped key, then a BLAKE2b-128 checksum of all that. */
export function encodeHeader(sodium: Sodium, header: VaultHeader): Uint8Array {
  const out = new Uint8Array(AT.end);
  out.set(headerAssociatedData(header), 0);
  put(out, header.wrapNonce, AT.wrapNonce, AT.wrappedKey);
  put(out, header.wrappedMasterKey, AT.wrappedKey, AT.checksum);
  out.set(sodium.crypto_generichash(CHECKSUM_BYTES, out.subarray(0, AT.checksum), null), AT.checksum);
  return out;
}

/**
 * Parses and checks a stored header. The checksum catches any damaged byte before the slow KDF runs,
 * so damage reads as `vault.integrity` instead of "wrong passphrase". A deliberate edit with a
 * recomputed checksum still cannot unlock: the associated data no longer matches the wrapped key.
 */
export function decodeHeader(sodium: Sodium, bytes: Uint8Array): VaultHeader {
  if (bytes.length !== AT.end) throw new BuktiError('vault.integrity');
  const expected = sodium.crypto_generichash(CHECKSUM_BYTES, bytes.subarray(0, AT.checksum), null);
  if (!sodium.memcmp(expected, bytes.subarray(AT.checksum))) throw new BuktiError('vault.integrity');
  // An unknown version with a valid checksum is still damage or tampering: a newer format always comes
  // with a newer database version, which an older app refuses at open (`vault.unsupportedVersion`).
  if (bytes[AT.version] !== FORMAT_VERSION || bytes[AT.kdfAlg] !== KDF_ALG_ARGON2ID13) {
    throw new BuktiError('vault.integrity');
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const kdf = { opslimit: view.getUint32(AT.opslimit), memlimit: view.getUint32(AT.memlimit) };
  const eraseAfter = bytes[AT.eraseAfter] as number;
  if (!kdfParamsInBounds(kdf) || !isEraseAfter(eraseAfter)) throw new BuktiError('vault.integrity');
  return {
    kdf,
    salt: bytes.slice(AT.salt, AT.eraseAfter),
    eraseAfterFailures: eraseAfter,
    publicSigningKey: bytes.slice(AT.signingKey, AT.boxKey),
    publicBoxKey: bytes.slice(AT.boxKey, AT.wrapNonce),
    wrapNonce: bytes.slice(AT.wrapNonce, AT.wrappedKey),
    wrappedMasterKey: bytes.slice(AT.wrappedKey, AT.checksum),
  };
}

/** True for a valid "erase after N failed attempts" setting. */
export function isEraseAfter(value: number): value is EraseAfterFailures {
  return (ERASE_AFTER_CHOICES as readonly number[]).includes(value);
}

function put(out: Uint8Array, field: Uint8Array, start: number, end: number): void {
  if (field.length !== end - start)
    throw new RangeError(`Header field at ${start} must be ${end - start} bytes`);
  out.set(field, start);
}

import { BuktiError } from '../errors';

/** Version byte that leads every value the vault stores (header, chunks, lockout, deposits; records of format 1). */
export const FORMAT_VERSION = 1;

/**
 * Version byte of sealed records written now (§4.2 of docs/security.md): format 2 adds the key epoch, so
 * a record says which generation of keys sealed it while a key rotation is under way. Format 1 records
 * (written before) still open, as epoch 0.
 */
export const RECORD_VERSION = 2;

/** Context string for `crypto_kdf_derive_from_key`: exactly 8 bytes, fixed for format version 1. */
export const KDF_CONTEXT = 'bukti_v1';

/**
 * Fixed subkey ids under the master key. The numbers are part of the format: never reuse or renumber.
 * `thumbnails` and `backup` are reserved for the features that will need them.
 */
export const SUBKEY = {
  records: 1,
  files: 2,
  thumbnails: 3,
  backup: 4,
  keys: 5,
  index: 6,
} as const;

/** Plaintext bytes per file chunk; the last chunk may be shorter. */
export const CHUNK_SIZE = 1024 * 1024;

/** Minimum passphrase length in Unicode code points (after NFC normalisation). */
export const MIN_PASSPHRASE_LENGTH = 8;

/** Allowed "erase after N failed attempts" settings; 0 means off. */
export const ERASE_AFTER_CHOICES = [0, 5, 10, 20] as const;
export type EraseAfterFailures = (typeof ERASE_AFTER_CHOICES)[number];

const STORE_NAME = /^[a-z][a-z0-9_-]{0,31}$/;
const ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * Logical store names ('cases', 'items', …) go into associated data and, keyed-hashed, into IndexedDB
 * keys. A typo would silently create a new store, so names are checked rather than trusted.
 */
export function assertStoreName(store: string): void {
  if (!STORE_NAME.test(store)) throw new RangeError(`Invalid vault store name: ${JSON.stringify(store)}`);
}

/** Record and file ids are stored in clear, so they must be opaque: use `newId()`. */
export function assertId(id: string): void {
  if (!ID.test(id)) throw new RangeError(`Invalid vault id: ids are 1–64 characters of A–Z a–z 0–9 _ -`);
}

/** A random 128-bit id, base64url without padding (22 characters), for records, files and deposits. */
export function newId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

const utf8 = new TextEncoder();

/** UTF-8 bytes of `text`. */
export function utf8Bytes(text: string): Uint8Array {
  return utf8.encode(text);
}

/** The bytes of `parts`, one after another. */
export function concatBytes(...parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** A 4-byte big-endian unsigned integer. */
export function u32(value: number): Uint8Array {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, value);
  return out;
}

/** A length-prefixed (1 byte) ASCII field, so adjacent fields in associated data cannot run together. */
function shortField(text: string): Uint8Array {
  const bytes = utf8Bytes(text);
  if (bytes.length > 255) throw new RangeError('Associated-data field too long');
  return concatBytes(Uint8Array.of(bytes.length), bytes);
}

/**
 * Associated data for a record: binds its logical store, id, format version, key id and (from format 2)
 * key epoch, so a ciphertext moved to another id or store, or relabelled, fails to open.
 */
export function recordAd(
  store: string,
  id: string,
  version: number,
  keyId: number,
  epoch: number,
): Uint8Array {
  const fields = [utf8Bytes('bukti.record'), Uint8Array.of(0, version, keyId)];
  if (version >= 2) fields.push(u32(epoch));
  return concatBytes(...fields, shortField(store), shortField(id));
}

/**
 * A file's chunks are stored under `[fileId, lane + index]`: files of even key epochs in lane 0, odd
 * ones in lane 2^31. Re-encrypting a file for a new epoch writes its new chunks beside the old ones, so
 * the old copy stays whole until the new manifest replaces it in one transaction.
 */
export function chunkLane(epoch: number): number {
  return epoch % 2 === 0 ? 0 : 2 ** 31;
}

/** Associated data for one file chunk: binds the file id, the chunk's position and the format version. */
export function chunkAd(fileId: string, index: number, version: number): Uint8Array {
  return concatBytes(utf8Bytes('bukti.chunk'), Uint8Array.of(0, version), shortField(fileId), u32(index));
}

/** An ArrayBuffer holding exactly `bytes`: IndexedDB stores ArrayBuffers (WebKit mishandles Blobs). */
export function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  const { buffer, byteOffset, byteLength } = bytes;
  if (buffer instanceof ArrayBuffer && byteOffset === 0 && byteLength === buffer.byteLength) return buffer;
  return bytes.slice().buffer as ArrayBuffer;
}

/** The bytes of a value read back from IndexedDB; anything but an ArrayBuffer means it was tampered with. */
export function storedBytes(value: unknown): Uint8Array {
  if (!(value instanceof ArrayBuffer)) throw new BuktiError('vault.integrity');
  return new Uint8Array(value);
}

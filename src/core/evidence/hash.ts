import { loadSodium } from '../crypto/sodium';
import { BuktiError, isBuktiError } from '../errors';

/** A SHA-256 fingerprint and the number of bytes it covers. */
export interface HashResult {
  /** Lowercase hex, 64 characters: what `sha256sum` prints. */
  sha256: string;
  size: number;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** True for a lowercase hex SHA-256 (the only form Bukti writes). */
export function isSha256Hex(value: unknown): value is string {
  return typeof value === 'string' && SHA256_HEX.test(value);
}

/**
 * Chunks larger than this are fed to libsodium in slices: each update copies its input into the
 * WebAssembly heap, and one copy of a whole video could exhaust it.
 */
const SLICE_BYTES = 1 << 20;

/** An incremental SHA-256 (libsodium), fed in slices so one huge piece never fills the WebAssembly heap. */
export interface Sha256Stream {
  update(bytes: Uint8Array): void;
  /** Finishes the hash and frees its state; lowercase hex. */
  digest(): string;
}

/** Starts an incremental SHA-256 for bytes that arrive piece by piece (a large video). */
export async function startSha256(): Promise<Sha256Stream> {
  const sodium = await loadSodium();
  const state = sodium.crypto_hash_sha256_init();
  return {
    update(bytes) {
      for (let offset = 0; offset < bytes.length; offset += SLICE_BYTES) {
        sodium.crypto_hash_sha256_update(state, bytes.subarray(offset, offset + SLICE_BYTES));
      }
    },
    digest: () => sodium.to_hex(sodium.crypto_hash_sha256_final(state)),
  };
}

/**
 * SHA-256 of a byte stream (for example `file.stream()` or a Node read stream), read once from start to
 * end, so a large video is never held in memory. A stream that fails part-way is reported as
 * `capture.readFailed`, never as the hash of the bytes read so far.
 */
export async function hashStream(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
): Promise<HashResult> {
  const hash = await startSha256();
  let size = 0;
  try {
    for await (const chunk of chunks) {
      if (!(chunk instanceof Uint8Array)) throw new TypeError('stream chunk is not a Uint8Array');
      hash.update(chunk);
      size += chunk.length;
    }
  } catch (error) {
    // Finalising frees libsodium's state; the partial digest is thrown away on purpose.
    hash.digest();
    if (isBuktiError(error)) throw error;
    throw new BuktiError('capture.readFailed', {}, { cause: error });
  }
  return { sha256: hash.digest(), size };
}

function hex(digest: ArrayBuffer): string {
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * SHA-256 of bytes already in memory, as lowercase hex. WebCrypto copies the bytes when called and
 * hashes them off this thread, about three times as fast as libsodium in WebAssembly, so a caller can
 * encrypt the same bytes meanwhile. libsodium is the fallback where WebCrypto is missing.
 */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (subtle !== undefined) return hex(await subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  const sodium = await loadSodium();
  return sodium.to_hex(sodium.crypto_hash_sha256(bytes));
}

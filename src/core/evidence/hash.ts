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

/**
 * SHA-256 of a byte stream (for example `file.stream()` or a Node read stream), read once from start to
 * end, so a large video is never held in memory. A stream that fails part-way is reported as
 * `capture.readFailed`, never as the hash of the bytes read so far.
 */
export async function hashStream(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
): Promise<HashResult> {
  const sodium = await loadSodium();
  const state = sodium.crypto_hash_sha256_init();
  let size = 0;
  try {
    for await (const chunk of chunks) {
      if (!(chunk instanceof Uint8Array)) throw new TypeError('stream chunk is not a Uint8Array');
      for (let offset = 0; offset < chunk.length; offset += SLICE_BYTES) {
        sodium.crypto_hash_sha256_update(state, chunk.subarray(offset, offset + SLICE_BYTES));
      }
      size += chunk.length;
    }
  } catch (error) {
    // Finalising frees libsodium's state; the partial digest is thrown away on purpose.
    sodium.crypto_hash_sha256_final(state);
    if (isBuktiError(error)) throw error;
    throw new BuktiError('capture.readFailed', {}, { cause: error });
  }
  return { sha256: sodium.to_hex(sodium.crypto_hash_sha256_final(state)), size };
}

/** SHA-256 of bytes already in memory, as lowercase hex. */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const sodium = await loadSodium();
  return sodium.to_hex(sodium.crypto_hash_sha256(bytes));
}

import { startSha256 } from '../bundle/hash';
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
    hash.hex();
    if (isBuktiError(error)) throw error;
    throw new BuktiError('capture.readFailed', {}, { cause: error });
  }
  return { sha256: hash.hex(), size };
}

function hex(digest: ArrayBuffer): string {
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * SHA-256 of bytes already in memory, as lowercase hex. WebCrypto copies the bytes when called and
 * hashes them natively (in Chromium on a thread of its own), three to four times as fast as libsodium's
 * WebAssembly, so a caller can encrypt the same bytes meanwhile. libsodium is the fallback where
 * WebCrypto is missing (a page not served over HTTPS).
 */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (subtle !== undefined) return hex(await subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  const sodium = await loadSodium();
  return sodium.to_hex(sodium.crypto_hash_sha256(bytes));
}

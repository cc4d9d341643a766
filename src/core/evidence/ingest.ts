import { type AsyncSha256Factory, sha256OnThisThread } from '../bundle/hash';
import type { FileSource } from '../vault';
import { readFileFacts } from './facts';
import { sha256Hex } from './hash';
import type { FileFacts } from './model';

/**
 * Files up to this size (screenshots, most photos) are read whole, in one read: they are encrypted and
 * their facts read from memory, then WebCrypto hashes the same bytes.
 */
export const WHOLE_READ_BYTES = 8 * 1024 * 1024;
/** Larger files are read in slices this size, the next slice being read while this one is processed. */
const SLICE_BYTES = 2 * 1024 * 1024;

/**
 * How capture fingerprints what it stores: a file read whole, once it has been stored (`whole` may
 * take the bytes over, e.g. transfer them to a worker), and a large file as it streams.
 */
export interface CaptureHashing {
  whole(bytes: Uint8Array): Promise<string>;
  stream: AsyncSha256Factory;
}

/** Both on this thread (WebCrypto where there is one, libsodium otherwise): Node, tests, service worker. */
export const HASHING_ON_THIS_THREAD: CaptureHashing = { whole: sha256Hex, stream: sha256OnThisThread };

/** What reading a file once gives besides the stored copy. */
export interface IngestedFile {
  /** SHA-256 of exactly the bytes handed to `store`, lowercase hex. */
  sha256: string;
  size: number;
  facts: FileFacts;
}

/** Stores bytes (the vault encrypts them); resolves once all of them are kept. */
export type StoreBytes = (source: FileSource) => Promise<unknown>;

/**
 * Reads `blob` once and hands the very same bytes to `store`, to SHA-256 and to the facts reader, so
 * the fingerprint is of what was kept. Memory stays bounded: a small file whole, a large one a few slices.
 */
export function ingestFile(
  blob: Blob,
  store: StoreBytes,
  measured: { durationSeconds?: number } = {},
  hashing: CaptureHashing = HASHING_ON_THIS_THREAD,
): Promise<IngestedFile> {
  return blob.size <= WHOLE_READ_BYTES
    ? ingestWhole(blob, store, measured, hashing)
    : ingestSliced(blob, store, measured, hashing.stream);
}

async function ingestWhole(
  blob: Blob,
  store: StoreBytes,
  measured: { durationSeconds?: number },
  hashing: CaptureHashing,
): Promise<IngestedFile> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  const size = bytes.length;
  const [, facts] = await settleAll([store(bytes), readFileFacts(bytes, measured)]);
  // Once stored and read, the bytes are the hasher's: it may take them over.
  return { sha256: await hashing.whole(bytes), size, facts };
}

async function ingestSliced(
  blob: Blob,
  store: StoreBytes,
  measured: { durationSeconds?: number },
  largeFileHash: AsyncSha256Factory,
): Promise<IngestedFile> {
  const hash = await largeFileHash();
  let size = 0;
  async function* hashed(): AsyncGenerator<Uint8Array> {
    for await (const slice of blobSlices(blob, SLICE_BYTES)) {
      await hash.update(slice);
      size += slice.length;
      yield slice;
    }
  }
  let settled: [unknown, FileFacts];
  try {
    settled = await settleAll([store(hashed()), readFileFacts(blob, measured)]);
  } catch (error) {
    // After a failure the partial digest is thrown away (and the hasher's resources freed).
    hash.abandon();
    throw error;
  }
  return { sha256: await hash.hex(), size, facts: settled[1] };
}

/**
 * Like `Promise.all`, but on a failure it still waits for every step to stop, so nothing goes on
 * storing (or hashing) after the caller has been told it failed; then the first failure is thrown.
 */
async function settleAll<T extends readonly unknown[]>(steps: { [K in keyof T]: Promise<T[K]> }): Promise<T> {
  const settled = await Promise.allSettled(steps);
  const failed = settled.find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((result) => (result as PromiseFulfilledResult<unknown>).value) as unknown as T;
}

/** A Blob in `size`-byte slices, the next one already being read while the caller handles this one. */
async function* blobSlices(blob: Blob, size: number): AsyncGenerator<Uint8Array> {
  const read = (start: number) => blob.slice(start, start + size).arrayBuffer();
  let next: Promise<ArrayBuffer> | undefined = read(0);
  try {
    for (let start = 0; next !== undefined; start += size) {
      const current: ArrayBuffer = await next;
      next = start + size < blob.size ? read(start + size) : undefined;
      yield new Uint8Array(current);
    }
  } finally {
    // Abandoned part-way (storing failed): the read already under way is not waited for.
    next?.catch(() => undefined);
  }
}

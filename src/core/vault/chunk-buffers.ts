import { BuktiError } from '../errors';
import { CHUNK_SIZE } from './format';

/**
 * The most a stored chunk can take: `[version]` + ciphertext of a full chunk (+ 17 bytes of
 * secretstream tag and MAC). A stored value that is larger has been tampered with.
 */
export const STORED_CHUNK_MAX = 1 + CHUNK_SIZE + 17;

/**
 * Whether chunks are kept in IndexedDB as Blobs in the browser `userAgent` names. Not in WebKit (Safari,
 * and every browser on iOS): it has refused Blobs (`UnknownError: Error preparing Blob/File data`),
 * and returned Blobs it could no longer read after a reload; evidence must not be lost to that, so
 * chunks stay ArrayBuffers there. Elsewhere (Chromium, Firefox, Node) Blobs.
 */
export function keepsBlobsSafely(userAgent: string = globalThis.navigator?.userAgent ?? ''): boolean {
  return !(/AppleWebKit\//.test(userAgent) && !/(Chrome|Chromium)\//.test(userAgent));
}

/** Buffers the pool keeps for the next reads; a reader holds one or two chunks at a time. */
const KEEP = 4;

/**
 * The buffers stored chunks are read into, used again once a reader gives them back. Each chunk read
 * from IndexedDB as an ArrayBuffer is a fresh megabyte, garbage as soon as it has been used; an export
 * of 1.7 GB left about 90 MiB of them (and IndexedDB's own copies) waiting for the collector at any
 * moment. Chunks are stored as Blobs and read into these buffers instead.
 *
 * Only a buffer this pool lent (and not yet got back) is taken back, so a view of anything else, or of
 * a buffer given back twice, is ignored. A buffer given back is zeroed at once: it held plaintext.
 */
export class ChunkBuffers {
  readonly #free: ArrayBuffer[] = [];
  readonly #lent = new WeakSet<ArrayBuffer>();

  /** A buffer to read a chunk into; `lend` it once the read is done, under the object it ended up as. */
  take(): ArrayBuffer {
    // One byte of room beyond the largest chunk, so the read that finds the end never gets a full view.
    return this.#free.pop() ?? new ArrayBuffer(STORED_CHUNK_MAX + 1);
  }

  /** Marks `buffer` as lent to a reader: `give` takes it back. */
  lend(buffer: ArrayBuffer): void {
    this.#lent.add(buffer);
  }

  /**
   * Takes back the buffer under `view`, a chunk `readFile` yielded, once nothing reads or holds any view
   * of it any more (it is overwritten by a later read). Anything else is ignored.
   */
  give(view: Uint8Array): void {
    const buffer = view.buffer;
    if (!(buffer instanceof ArrayBuffer) || !this.#lent.delete(buffer)) return;
    // A transferred (detached) buffer has no bytes left to use.
    if (buffer.byteLength !== STORED_CHUNK_MAX + 1) return;
    new Uint8Array(buffer).fill(0);
    if (this.#free.length < KEEP) this.#free.push(buffer);
  }

  /** Forgets the buffers kept (they were zeroed when given back). */
  clear(): void {
    this.#free.length = 0;
  }
}

/**
 * The bytes of a chunk stored as a Blob, read into a buffer of `buffers` (lent to the caller: give it
 * back once done) where the Blob's stream can fill a buffer of ours, else into a fresh one. A chunk
 * larger than any the vault writes is `vault.integrity`; a Blob the browser cannot read
 * back (its file gone from the profile), `vault.fileMissing`.
 */
export async function readChunkBlob(blob: Blob, buffers: ChunkBuffers | undefined): Promise<Uint8Array> {
  if (blob.size > STORED_CHUNK_MAX) throw new BuktiError('vault.integrity');
  try {
    const reader = buffers ? byobReader(blob) : undefined;
    if (!reader || !buffers) return new Uint8Array(await blob.arrayBuffer());
    let buffer = buffers.take();
    let filled = 0;
    try {
      for (;;) {
        const { done, value } = await reader.read(new Uint8Array(buffer, filled));
        // Each read moves the buffer: what was filled is in the one the view now stands on.
        if (value) buffer = value.buffer as ArrayBuffer;
        if (done) break;
        filled += value?.length ?? 0;
        if (filled > blob.size) throw new BuktiError('vault.integrity');
      }
    } finally {
      reader.releaseLock();
    }
    if (filled !== blob.size) throw new BuktiError('vault.integrity');
    buffers.lend(buffer);
    return new Uint8Array(buffer, 0, filled);
  } catch (error) {
    if (error instanceof BuktiError) throw error;
    throw new BuktiError('vault.fileMissing', {}, { cause: error });
  }
}

/** A reader that fills buffers of ours, or undefined where a Blob's stream is not a byte stream. */
function byobReader(blob: Blob): ReadableStreamBYOBReader | undefined {
  try {
    return blob.stream().getReader({ mode: 'byob' });
  } catch {
    return undefined;
  }
}

import type { Sodium } from '../crypto/sodium';
import { BuktiError } from '../errors';
import { ChunkOpener } from './chunk-opener';
import { ChunkSealer } from './chunk-sealer';
import { CHUNK_SIZE, chunkAd, concatBytes, FORMAT_VERSION } from './format';

/** A `ReadableStream<Uint8Array>` as far as the vault needs it (Safari cannot async-iterate streams). */
export interface ByteStream {
  getReader(): {
    read(): Promise<{ done: boolean; value?: Uint8Array | undefined }>;
    releaseLock(): void;
    cancel(reason?: unknown): Promise<void>;
  };
}

/** Anything a file can be written from: bytes, (async) iterables of bytes, or a byte stream. */
export type FileSource = Uint8Array | Iterable<Uint8Array> | AsyncIterable<Uint8Array> | ByteStream;

/** One encrypted chunk as stored: `[version][secretstream ciphertext]`. */
export interface EncryptedChunk {
  index: number;
  value: Uint8Array;
  plainLength: number;
  last: boolean;
  /**
   * Hands a buffer back for sealing a later chunk into: `value`'s own once it has been stored, or the
   * one a chunk writer returned. Only a buffer nothing reads any more.
   */
  recycle?: (buffer: ArrayBuffer) => void;
}

/** What opening a file needs besides its chunks; kept encrypted, so the chunk count is authenticated. */
export interface FileManifest {
  header: Uint8Array;
  chunks: number;
  size: number;
}

const STREAM_HEADER_BYTES = 24;
/** Chunks being read at once while a file is decrypted (each 1 MiB in memory while it waits). */
export const READ_AHEAD = 4;
const MANIFEST_BYTES = STREAM_HEADER_BYTES + 4 + 8;

function isByteStream(source: FileSource): source is ByteStream {
  return typeof (source as Partial<ByteStream>).getReader === 'function';
}

function checked(piece: unknown): Uint8Array {
  if (!(piece instanceof Uint8Array)) throw new TypeError('File sources must yield Uint8Array pieces');
  return piece;
}

/** The pieces of `source`, one at a time; a stream that is abandoned early is cancelled. */
async function* piecesOf(source: FileSource): AsyncGenerator<Uint8Array> {
  // A Uint8Array is also an Iterable<number>: iterating it would yield numbers, not bytes.
  if (source instanceof Uint8Array) {
    yield source;
    return;
  }
  if (!isByteStream(source)) {
    for await (const piece of source) yield checked(piece);
    return;
  }
  const reader = source.getReader();
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      yield checked(value);
    }
    finished = true;
  } finally {
    if (finished) reader.releaseLock();
    // The stream is abandoned either way; the error that stopped the write is the one to report.
    else await reader.cancel().catch(() => undefined);
  }
}

/**
 * Re-cuts arbitrary pieces into `size`-byte chunks, holding at most one chunk. A full chunk is only
 * released once more bytes arrive, so the final chunk is always known (and 0 bytes give one empty chunk).
 * With `reuse`, every chunk is yielded in the same buffer: the consumer must be done with it when it
 * asks for the next one (encryption copies it at once), and no new megabyte is allocated per chunk.
 */
export async function* rechunk(
  source: FileSource,
  size: number = CHUNK_SIZE,
  options: { reuse?: boolean } = {},
): AsyncGenerator<{ bytes: Uint8Array; last: boolean }> {
  if (source instanceof Uint8Array) {
    // Bytes already in memory (a file read whole) are cut into views, not copied.
    for (let offset = 0; offset < source.length || offset === 0; offset += size) {
      const last = offset + size >= source.length;
      yield { bytes: source.subarray(offset, offset + size), last };
      if (last) return;
    }
    return;
  }
  let pending = new Uint8Array(size);
  let filled = 0;
  for await (const piece of piecesOf(source)) {
    let offset = 0;
    while (offset < piece.length) {
      if (filled === size) {
        yield { bytes: pending, last: false };
        if (!options.reuse) pending = new Uint8Array(size);
        filled = 0;
      }
      const take = Math.min(size - filled, piece.length - offset);
      pending.set(piece.subarray(offset, offset + take), filled);
      filled += take;
      offset += take;
    }
  }
  yield { bytes: pending.subarray(0, filled), last: true };
}

/**
 * Encrypts `source` with `crypto_secretstream_xchacha20poly1305` in 1 MiB chunks, each bound to
 * `fileId` and its index; the last carries TAG_FINAL. Streams: one chunk in flight at a time. A buffer
 * handed to a chunk's `recycle` may carry a later chunk.
 */
export function encryptFile(
  sodium: Sodium,
  key: Uint8Array,
  fileId: string,
  source: FileSource,
): { header: Uint8Array; chunks: AsyncGenerator<EncryptedChunk> } {
  const { state, header } = sodium.crypto_secretstream_xchacha20poly1305_init_push(key);
  async function* chunks(): AsyncGenerator<EncryptedChunk> {
    const sealer = new ChunkSealer(sodium, state);
    const recycle = (buffer: ArrayBuffer) => sealer.recycle(buffer);
    let index = 0;
    try {
      for await (const { bytes, last } of rechunk(source, CHUNK_SIZE, { reuse: true })) {
        const tag = last
          ? sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL
          : sodium.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE;
        const value = sealer.seal(bytes, chunkAd(fileId, index, FORMAT_VERSION), tag);
        yield { index, value, plainLength: bytes.length, last, recycle };
        index++;
      }
    } finally {
      sealer.dispose();
    }
  }
  return { header, chunks: chunks() };
}

/**
 * Decrypts a file chunk by chunk. Each chunk must authenticate for its own index; only the last may
 * carry TAG_FINAL and it must; the sizes must add up. A missing, reordered, swapped or extra-final chunk
 * or a truncated file gives `vault.integrity`, before the last chunk is handed out.
 */
export async function* decryptFile(
  sodium: Sodium,
  key: Uint8Array,
  fileId: string,
  manifest: FileManifest,
  readChunk: (index: number) => Promise<Uint8Array | undefined>,
  options: {
    /** True when each chunk read is a fresh buffer nobody else holds: it is then opened in place. */
    freshChunks?: boolean;
    /** Runs before each chunk is opened; throwing stops the stream (the vault locking). */
    beforeEach?: () => void;
  } = {},
): AsyncGenerator<Uint8Array> {
  const FINAL = sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL;
  const MESSAGE = sodium.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE;
  if (manifest.chunks < 1 || manifest.header.length !== STREAM_HEADER_BYTES)
    throw new BuktiError('vault.integrity');
  const state = sodium.crypto_secretstream_xchacha20poly1305_init_pull(manifest.header, key);
  const opener = options.freshChunks ? new ChunkOpener(sodium, state) : undefined;
  // A few chunks are read ahead: storage answers several reads in flight faster than one at a time, and
  // reading overlaps with opening and using this one.
  const reads: Promise<Uint8Array | undefined>[] = [];
  let requested = 0;
  const readAhead = () => {
    while (requested < manifest.chunks && reads.length < READ_AHEAD) {
      const read = readChunk(requested++);
      read.catch(() => undefined);
      reads.push(read);
    }
  };
  let size = 0;
  try {
    for (let index = 0; index < manifest.chunks; index++) {
      readAhead();
      const value = await reads.shift();
      options.beforeEach?.();
      readAhead();
      if (value === undefined || value.length < 1 || value[0] !== FORMAT_VERSION)
        throw new BuktiError('vault.integrity');
      const ad = chunkAd(fileId, index, FORMAT_VERSION);
      const opened = opener
        ? opener.open(value, ad)
        : sodium.crypto_secretstream_xchacha20poly1305_pull(state, value.subarray(1), ad);
      if (opened === false) throw new BuktiError('vault.integrity');
      const last = index === manifest.chunks - 1;
      const expectedTag = last ? FINAL : MESSAGE;
      size += opened.message.length;
      const fullChunk = last || opened.message.length === CHUNK_SIZE;
      if (opened.tag !== expectedTag || !fullChunk || (last && size !== manifest.size)) {
        throw new BuktiError('vault.integrity');
      }
      yield opened.message;
    }
  } finally {
    opener?.dispose();
  }
}

/** `[stream header 24][chunk count u32 BE][size u64 BE]`, sealed as a record before it is stored. */
export function encodeManifest(manifest: FileManifest): Uint8Array {
  const out = new Uint8Array(MANIFEST_BYTES);
  const view = new DataView(out.buffer);
  out.set(manifest.header, 0);
  view.setUint32(STREAM_HEADER_BYTES, manifest.chunks);
  view.setBigUint64(STREAM_HEADER_BYTES + 4, BigInt(manifest.size));
  return out;
}

/** Parses a manifest that has already been authenticated. */
export function decodeManifest(bytes: Uint8Array): FileManifest {
  if (bytes.length !== MANIFEST_BYTES) throw new BuktiError('vault.integrity');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const size = view.getBigUint64(STREAM_HEADER_BYTES + 4);
  if (size > BigInt(Number.MAX_SAFE_INTEGER)) throw new BuktiError('vault.integrity');
  return {
    header: bytes.slice(0, STREAM_HEADER_BYTES),
    chunks: view.getUint32(STREAM_HEADER_BYTES),
    size: Number(size),
  };
}

/** All bytes of `chunks` in one array; for small files and tests, not for large evidence. */
export async function collectBytes(chunks: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const part of chunks) parts.push(part);
  return concatBytes(...parts);
}

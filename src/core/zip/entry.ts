import { BuktiError } from '../errors';
import type { ZipEntry } from './archive';
import { crc32 } from './crc32';
import { type RandomAccessSource, readExactly } from './source';

const CHUNK = 2 ** 20;

/**
 * Streams the uncompressed contents of `entry`, one chunk at a time. Never produces more bytes than the
 * central directory declares (so a ZIP bomb stops at its declared size), and after the last chunk checks
 * the size and CRC-32, throwing `bundle.zip.sizeMismatch` or `bundle.zip.crcMismatch`: a caller that
 * hashes the chunks therefore still gets the hash of what was actually stored.
 */
export async function* readEntry(source: RandomAccessSource, entry: ZipEntry): AsyncGenerator<Uint8Array> {
  const path = entry.name;
  if (!entry.readable || entry.dataOffset < 0) throw new BuktiError('bundle.zip.entryCorrupt', { path });
  const raw = rawChunks(source, entry.dataOffset, entry.compressedSize);
  const chunks = entry.method === 8 ? inflate(raw, path) : raw;
  let crc = 0;
  let size = 0;
  for await (const chunk of chunks) {
    size += chunk.length;
    if (size > entry.size) throw new BuktiError('bundle.zip.sizeMismatch', { path });
    crc = crc32(chunk, crc);
    yield chunk;
  }
  if (size !== entry.size) throw new BuktiError('bundle.zip.sizeMismatch', { path });
  if (crc !== entry.crc32) throw new BuktiError('bundle.zip.crcMismatch', { path });
}

async function* rawChunks(
  source: RandomAccessSource,
  offset: number,
  length: number,
): AsyncGenerator<Uint8Array> {
  for (let done = 0; done < length; ) {
    const take = Math.min(CHUNK, length - done);
    yield await readExactly(source, offset + done, take);
    done += take;
  }
}

/**
 * Inflates raw DEFLATE data with `DecompressionStream('deflate-raw')`, which both Node 20 and current
 * browsers provide, so the CLI and the app share this code without a bundled inflater.
 */
async function* inflate(raw: AsyncGenerator<Uint8Array>, path: string): AsyncGenerator<Uint8Array> {
  let readFailure: unknown;
  const input = new ReadableStream<BufferSource>({
    async pull(controller) {
      try {
        const next = await raw.next();
        if (next.done) controller.close();
        else controller.enqueue(next.value as Uint8Array<ArrayBuffer>);
      } catch (error) {
        readFailure = error;
        controller.error(error);
      }
    },
  });
  const reader = input.pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  try {
    for (;;) {
      let next: ReadableStreamReadResult<Uint8Array>;
      try {
        next = await reader.read();
      } catch (cause) {
        // A failed read of the file keeps its own code; anything else is data zlib could not inflate.
        throw readFailure ?? new BuktiError('bundle.zip.dataCorrupt', { path }, { cause });
      }
      if (next.done) return;
      yield next.value;
    }
  } finally {
    reader.cancel().catch(() => undefined);
  }
}

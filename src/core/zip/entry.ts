import { Inflate } from 'pako';
import { BuktiError } from '../errors';
import type { ZipEntry } from './central';
import { crc32 } from './crc32';
import { type RandomAccessSource, readExactly } from './source';

const CHUNK = 2 ** 20;

/** Continues a CRC-32 over `bytes` (start with 0): the core's own, or Node's native `zlib.crc32`. */
export type Crc32 = (bytes: Uint8Array, previous: number) => number;

/**
 * Streams the uncompressed contents of `entry`, one chunk at a time. Never produces more bytes than the
 * central directory declares (so a ZIP bomb stops at its declared size), and after the last chunk checks
 * the size and CRC-32, throwing `bundle.zip.sizeMismatch` or `bundle.zip.crcMismatch`: a caller that
 * hashes the chunks therefore still gets the hash of what was actually stored.
 */
export async function* readEntry(
  source: RandomAccessSource,
  entry: ZipEntry,
  checksum: Crc32 = crc32,
): AsyncGenerator<Uint8Array> {
  const path = entry.name;
  if (!entry.readable || entry.dataOffset < 0) throw new BuktiError('bundle.zip.entryCorrupt', { path });
  const raw = rawChunks(source, entry.dataOffset, entry.compressedSize);
  const chunks = entry.method === 8 ? inflate(raw, entry) : raw;
  let crc = 0;
  let size = 0;
  for await (const chunk of chunks) {
    size += chunk.length;
    if (size > entry.size) throw new BuktiError('bundle.zip.sizeMismatch', { path });
    crc = checksum(chunk, crc);
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
 * Inflates raw DEFLATE data with pako, the same code in Node and every browser, because the deflate
 * stream must end exactly at the entry's compressed size: bytes after its end are ignored by Node's
 * `DecompressionStream` but refused by Chromium's, and unzip and 7-Zip ignore them too. pako says how
 * much input it left unused, so such a tail is reported (`bundle.zip.deflateTail`) wherever this runs.
 */
async function* inflate(raw: AsyncGenerator<Uint8Array>, entry: ZipEntry): AsyncGenerator<Uint8Array> {
  const path = entry.name;
  const inflater = new Inflate({ raw: true, chunkSize: CHUNK });
  let stream: { avail_in: number } | undefined;
  inflater.onStart = (strm) => {
    stream = strm;
  };
  let output: Uint8Array[] = [];
  let produced = 0;
  // Stops inside pako's loop: one compressed megabyte can otherwise inflate to a gigabyte in one push.
  inflater.onData = (chunk) => {
    produced += chunk.length;
    if (produced > entry.size) throw new BuktiError('bundle.zip.sizeMismatch', { path });
    output.push(chunk);
  };
  let consumed = 0;
  for await (const chunk of raw) {
    if (inflater.ended) {
      throw tail(entry, consumed);
    }
    inflater.push(chunk, false);
    if (inflater.err) throw new BuktiError('bundle.zip.dataCorrupt', { path });
    const left = inflater.ended ? (stream?.avail_in ?? 0) : 0;
    consumed += chunk.length - left;
    yield* output;
    output = [];
    if (left > 0) throw tail(entry, consumed);
  }
  if (!inflater.ended) throw new BuktiError('bundle.zip.dataCorrupt', { path });
}

function tail(entry: ZipEntry, consumed: number): BuktiError {
  return new BuktiError('bundle.zip.deflateTail', {
    path: entry.name,
    offset: entry.dataOffset + consumed,
    length: entry.compressedSize - consumed,
  });
}

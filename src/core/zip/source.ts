import { BuktiError } from '../errors';

/**
 * A file that can be read at any offset without loading it whole: a Node file handle in the CLI, a
 * `Blob` in the browser, a byte array in tests. `read` may return fewer bytes only at the end.
 */
export interface RandomAccessSource {
  readonly size: number;
  read(offset: number, length: number): Promise<Uint8Array>;
}

/** A source over bytes already in memory. */
export function bytesSource(bytes: Uint8Array): RandomAccessSource {
  return {
    size: bytes.length,
    read: async (offset, length) => bytes.subarray(offset, Math.min(bytes.length, offset + length)),
  };
}

/** A source over a `Blob` or `File` (browser file picker, drag and drop); reads only the slices asked for. */
export function blobSource(blob: Blob): RandomAccessSource {
  return {
    size: blob.size,
    read: async (offset, length) => new Uint8Array(await blob.slice(offset, offset + length).arrayBuffer()),
  };
}

/** Reads up to this size are served from one cached window of the file. */
const SMALL_READ = 64 * 2 ** 10;
const WINDOW = 2 ** 20;

/**
 * `source` with small reads (local headers, descriptors) served from a 1 MiB window read ahead: a ZIP of
 * 15,000 tiny entries otherwise costs 45,000 separate reads of the file.
 */
export function readAheadSource(source: RandomAccessSource): RandomAccessSource {
  let start = 0;
  let window: Uint8Array = new Uint8Array(0);
  return {
    size: source.size,
    read: async (offset, length) => {
      if (length > SMALL_READ) return source.read(offset, length);
      if (offset < start || offset + length > start + window.length) {
        start = offset;
        window = await source.read(offset, Math.max(Math.min(WINDOW, source.size - offset), length));
      }
      return window.subarray(offset - start, offset - start + length);
    },
  };
}

/**
 * Reads exactly `length` bytes at `offset`. A range past the end means the file was cut short, which is
 * reported as `bundle.zip.truncated`; a failing read (file removed, permission lost) as `bundle.zip.unreadable`.
 */
export async function readExactly(
  source: RandomAccessSource,
  offset: number,
  length: number,
): Promise<Uint8Array> {
  if (offset < 0 || length < 0 || offset + length > source.size) throw new BuktiError('bundle.zip.truncated');
  let bytes: Uint8Array;
  try {
    bytes = await source.read(offset, length);
  } catch (cause) {
    throw new BuktiError('bundle.zip.unreadable', {}, { cause });
  }
  if (bytes.length !== length) throw new BuktiError('bundle.zip.truncated');
  return bytes;
}

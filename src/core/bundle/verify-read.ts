import { loadSodium } from '../crypto/sodium';
import { BuktiError, isBuktiError } from '../errors';
import type { ZipArchive, ZipEntry } from '../zip/archive';
import { crc32 } from '../zip/crc32';
import { type Crc32, readEntry } from '../zip/entry';
import type { RandomAccessSource } from '../zip/source';
import { type Sha256, startSha256With } from './hash';
import { printable, type VerifyProblem } from './verify-report';

/** One entry after reading: its hash, and its bytes for the small files the verifier parses. */
export interface EntryContent {
  entry: ZipEntry;
  /** SHA-256 of the stored bytes; null when they could not be read completely. */
  sha256: string | null;
  /** The stored bytes failed the ZIP's own CRC-32: they were changed after the ZIP was written. */
  crcFailed: boolean;
  bytes?: Uint8Array;
}

export interface ReadProgress {
  bytesDone: number;
  bytesTotal: number;
}

/**
 * The hashes the verifier runs over every byte. The defaults (libsodium, the core's CRC-32) run
 * everywhere; the CLI passes Node's native ones. The rules around them are the same either way.
 */
export interface VerifyPrimitives {
  sha256: () => Sha256;
  crc32: Crc32;
}

/** libsodium's SHA-256 and the core's CRC-32: what the browser uses. */
export async function portablePrimitives(): Promise<VerifyPrimitives> {
  const sodium = await loadSodium();
  return { sha256: () => startSha256With(sodium), crc32 };
}

/**
 * Text the verifier parses compresses about 2–4× (hashes and signatures barely compress); a file that
 * deflates much further is padding meant to make the parsers work, and a 2 MB file stays a few MiB.
 */
const PARSED_RATIO = 8;

/**
 * Entries read into memory, with the most a genuine bundle could need for each. A bundle of 10,000
 * items has a manifest of about 12 MiB and a custody log of about 10 MiB (docs/bundle-format.md).
 */
export const BUFFERED: Readonly<Record<string, number>> = {
  'manifest.json': 64 * 2 ** 20,
  'custody-log.jsonl': 64 * 2 ** 20,
  SHA256SUMS: 16 * 2 ** 20,
  'SHA256SUMS.sig': 4096,
  'public-key.pem': 4096,
  'VERIFY.txt': 64 * 2 ** 10,
};

/**
 * Reads every entry once, in file order, hashing as it goes and keeping the bytes of the few small
 * entries that are parsed. Failures of one entry become problems and the others are still read.
 */
export async function readEntries(
  source: RandomAccessSource,
  archive: ZipArchive,
  problems: VerifyProblem[],
  options: { signal?: AbortSignal; onProgress?: (progress: ReadProgress) => void },
  primitives: VerifyPrimitives,
): Promise<EntryContent[]> {
  const progress = { bytesDone: 0, bytesTotal: archive.entries.reduce((sum, entry) => sum + entry.size, 0) };
  const buffered = new Set<string>();
  const contents = new Map<ZipEntry, EntryContent>();
  const ordered = [...archive.entries].sort((a, b) => a.localHeaderOffset - b.localHeaderOffset);
  for (const entry of ordered) {
    if (!entry.readable) {
      contents.set(entry, { entry, sha256: null, crcFailed: false });
      continue;
    }
    const limit = BUFFERED[entry.name];
    let keep = limit !== undefined && !buffered.has(entry.name);
    if (keep && limit !== undefined && entry.size > limit) {
      problems.push({ code: 'bundle.verify.entryTooLarge', params: { path: printable(entry.name), limit } });
      keep = false;
    } else if (keep && entry.method === 8 && entry.size > PARSED_RATIO * entry.compressedSize + 2 ** 16) {
      problems.push({ code: 'bundle.zip.ratio', params: { path: printable(entry.name) } });
      keep = false;
    }
    if (keep) buffered.add(entry.name);
    const chunks: Uint8Array[] = [];
    const hash = primitives.sha256();
    let sha256: string | null;
    let crcFailed = false;
    try {
      for await (const chunk of readEntry(source, entry, primitives.crc32)) {
        if (options.signal?.aborted) throw new BuktiError('bundle.verify.cancelled');
        hash.update(chunk);
        if (keep) chunks.push(chunk);
        progress.bytesDone += chunk.length;
        options.onProgress?.({ ...progress });
      }
      sha256 = hash.hex();
    } catch (error) {
      const partial = hash.hex();
      if (!isBuktiError(error) || error.code === 'bundle.verify.cancelled') throw error;
      problems.push({
        code: error.code,
        params: { ...error.params, ...('path' in error.params ? { path: printable(entry.name) } : {}) },
      });
      // A CRC mismatch is found after every byte was read, so the hash of what is stored is still exact.
      crcFailed = error.code === 'bundle.zip.crcMismatch';
      sha256 = crcFailed ? partial : null;
    }
    contents.set(entry, {
      entry,
      sha256,
      crcFailed,
      bytes: keep && sha256 !== null ? concat(chunks) : undefined,
    });
  }
  return archive.entries.map((entry) => contents.get(entry) as EntryContent);
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

import { BuktiError } from '../errors';
import type { MessageKey, MessageParams } from '../i18n';
import { readZip64Extra, u64, view } from './fields';
import { locateEntryData } from './local-header';
import { type RandomAccessSource, readExactly } from './source';

/** One file in a ZIP, as its central directory describes it (checked against its local header). */
export interface ZipEntry {
  /** The stored name decoded as UTF-8 (invalid bytes become U+FFFD); compare `nameBytes` for exactness. */
  readonly name: string;
  readonly nameBytes: Uint8Array;
  /** 0 = stored, 8 = deflated; anything else is not readable here. */
  readonly method: number;
  readonly flags: number;
  readonly crc32: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localHeaderOffset: number;
  /** Where the entry's (compressed) data starts; -1 when the local header could not be used. */
  dataOffset: number;
  /** False when a problem below makes the data unsafe or impossible to read. */
  readable: boolean;
}

/** A finding about one entry or the layout that does not stop the other entries from being read. */
export interface ZipProblem {
  code: MessageKey;
  params: MessageParams;
}

export interface ZipArchive {
  entries: ZipEntry[];
  problems: ZipProblem[];
  /** True when the archive uses Zip64 end records (needed past 4 GiB or 65,535 entries). */
  zip64: boolean;
}

/** Bounds that keep a hostile archive from exhausting memory or time. */
export interface ZipLimits {
  maxEntries: number;
  maxCentralDirectoryBytes: number;
  /** Cap on the sum of all uncompressed sizes; by default twice the file plus 64 MiB. */
  maxTotalSize: number;
  /** Highest uncompressed/compressed ratio accepted for deflated entries larger than 1 MiB. */
  maxRatio: number;
}

/** Default limits for an archive of `size` bytes. */
export function defaultZipLimits(size: number): ZipLimits {
  return {
    maxEntries: 50_000,
    maxCentralDirectoryBytes: 64 * 2 ** 20,
    maxTotalSize: 2 * size + 64 * 2 ** 20,
    maxRatio: 100,
  };
}

const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;
const RATIO_FLOOR = 2 ** 20;
const nameDecoder = new TextDecoder('utf-8');

interface EndRecord {
  entries: number;
  cdSize: number;
  cdOffset: number;
  /** Where the first end record (Zip64 or classic) begins: the central directory must end here. */
  endStart: number;
  zip64: boolean;
}

/**
 * Reads the end records and the central directory of a ZIP without loading its contents, then checks
 * every local header and the layout. Throws a `BuktiError` (`bundle.zip.*`) when the file cannot be
 * read as a ZIP at all; per-entry findings go to `problems` and mark the entry unreadable.
 */
export async function openZip(
  source: RandomAccessSource,
  limits = defaultZipLimits(source.size),
): Promise<ZipArchive> {
  if (source.size === 0) throw new BuktiError('bundle.zip.empty');
  if (source.size < EOCD_SIZE) throw new BuktiError('bundle.zip.notZip');
  const end = await readEndRecord(source);
  if (end.entries > limits.maxEntries)
    throw new BuktiError('bundle.zip.tooManyEntries', { limit: limits.maxEntries });
  if (end.cdSize > limits.maxCentralDirectoryBytes)
    throw new BuktiError('bundle.zip.tooManyEntries', { limit: limits.maxEntries });
  if (end.cdOffset + end.cdSize > end.endStart) throw new BuktiError('bundle.zip.truncated');
  const directory = await readExactly(source, end.cdOffset, end.cdSize);
  const entries = parseCentralDirectory(directory, end.entries);
  const problems: ZipProblem[] = [];
  let total = 0;
  for (const entry of entries) {
    checkEntryFlags(entry, limits, problems);
    if (entry.readable) total += entry.size;
  }
  if (total > limits.maxTotalSize)
    throw new BuktiError('bundle.zip.tooLarge', { limit: limits.maxTotalSize });
  await checkLayout(source, entries, end, problems);
  return { entries, problems, zip64: end.zip64 };
}

async function readEndRecord(source: RandomAccessSource): Promise<EndRecord> {
  const tailLength = Math.min(source.size, EOCD_SIZE + MAX_COMMENT);
  const tailStart = source.size - tailLength;
  const tail = await readExactly(source, tailStart, tailLength);
  const data = view(tail);
  let at = -1;
  // The last signature whose comment length reaches exactly to the end of the file is the real one.
  for (let i = tail.length - EOCD_SIZE; i >= 0; i--) {
    if (
      data.getUint32(i, true) === EOCD_SIGNATURE &&
      i + EOCD_SIZE + data.getUint16(i + 20, true) === tail.length
    ) {
      at = i;
      break;
    }
  }
  if (at < 0) {
    // A file that starts like a ZIP but has no end record was most likely cut short in transfer.
    const head = await readExactly(source, 0, 4);
    throw new BuktiError(
      view(head).getUint32(0, true) === LOCAL_SIGNATURE ? 'bundle.zip.truncated' : 'bundle.zip.notZip',
    );
  }
  if (data.getUint16(at + 4, true) !== 0 || data.getUint16(at + 6, true) !== 0) {
    throw new BuktiError('bundle.zip.multiDisk');
  }
  const classic = {
    entries: data.getUint16(at + 10, true),
    cdSize: data.getUint32(at + 12, true),
    cdOffset: data.getUint32(at + 16, true),
  };
  const eocdOffset = tailStart + at;
  if (eocdOffset >= 20) {
    const locator = view(await readExactly(source, eocdOffset - 20, 20));
    if (locator.getUint32(0, true) === ZIP64_LOCATOR_SIGNATURE) {
      return readZip64EndRecord(source, locator, eocdOffset - 20, classic);
    }
  }
  if (classic.entries === 0xffff || classic.cdSize === 0xffffffff || classic.cdOffset === 0xffffffff) {
    throw new BuktiError('bundle.zip.corrupt');
  }
  return { ...classic, endStart: eocdOffset, zip64: false };
}

async function readZip64EndRecord(
  source: RandomAccessSource,
  locator: DataView,
  locatorOffset: number,
  classic: { entries: number; cdSize: number; cdOffset: number },
): Promise<EndRecord> {
  if (locator.getUint32(4, true) !== 0 || locator.getUint32(16, true) > 1)
    throw new BuktiError('bundle.zip.multiDisk');
  const recordOffset = u64(locator, 8);
  if (recordOffset + 56 > locatorOffset) throw new BuktiError('bundle.zip.corrupt');
  const record = view(await readExactly(source, recordOffset, 56));
  if (record.getUint32(0, true) !== ZIP64_EOCD_SIGNATURE) throw new BuktiError('bundle.zip.corrupt');
  if (recordOffset + 12 + u64(record, 4) !== locatorOffset) throw new BuktiError('bundle.zip.corrupt');
  if (record.getUint32(16, true) !== 0 || record.getUint32(20, true) !== 0)
    throw new BuktiError('bundle.zip.multiDisk');
  const entries = u64(record, 32);
  const cdSize = u64(record, 40);
  const cdOffset = u64(record, 48);
  // Both end records must tell the same story, or two readers could see two different archives.
  if (u64(record, 24) !== entries) throw new BuktiError('bundle.zip.corrupt');
  const agrees = (small: number, sentinel: number, large: number) => small === sentinel || small === large;
  if (
    !agrees(classic.entries, 0xffff, entries) ||
    !agrees(classic.cdSize, 0xffffffff, cdSize) ||
    !agrees(classic.cdOffset, 0xffffffff, cdOffset)
  ) {
    throw new BuktiError('bundle.zip.corrupt');
  }
  return { entries, cdSize, cdOffset, endStart: recordOffset, zip64: true };
}

function parseCentralDirectory(directory: Uint8Array, count: number): ZipEntry[] {
  const data = view(directory);
  const entries: ZipEntry[] = [];
  let at = 0;
  for (let index = 0; index < count; index++) {
    if (at + 46 > directory.length || data.getUint32(at, true) !== CENTRAL_SIGNATURE) {
      throw new BuktiError('bundle.zip.corrupt');
    }
    const nameLength = data.getUint16(at + 28, true);
    const extraLength = data.getUint16(at + 30, true);
    const commentLength = data.getUint16(at + 32, true);
    const next = at + 46 + nameLength + extraLength + commentLength;
    if (next > directory.length) throw new BuktiError('bundle.zip.corrupt');
    const nameBytes = directory.slice(at + 46, at + 46 + nameLength);
    const fields = {
      size: data.getUint32(at + 24, true),
      compressedSize: data.getUint32(at + 20, true),
      localHeaderOffset: data.getUint32(at + 42, true),
    };
    readZip64Extra(
      directory.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength),
      fields,
      data.getUint16(at + 34, true),
    );
    entries.push({
      name: nameDecoder.decode(nameBytes),
      nameBytes,
      method: data.getUint16(at + 10, true),
      flags: data.getUint16(at + 8, true),
      crc32: data.getUint32(at + 16, true),
      ...fields,
      dataOffset: -1,
      readable: true,
    });
    at = next;
  }
  // Bytes after the last counted entry would be entries some readers list and others do not.
  if (at !== directory.length) throw new BuktiError('bundle.zip.corrupt');
  return entries;
}

function checkEntryFlags(entry: ZipEntry, limits: ZipLimits, problems: ZipProblem[]): void {
  const path = entry.name;
  let code: MessageKey | undefined;
  let params: MessageParams = { path };
  if (entry.flags & 0x0001 || entry.flags & 0x0040) code = 'bundle.zip.encrypted';
  else if (entry.method !== 0 && entry.method !== 8) {
    code = 'bundle.zip.unsupportedMethod';
    params = { path, method: entry.method };
  } else if (entry.method === 0 && entry.size !== entry.compressedSize) code = 'bundle.zip.entryCorrupt';
  else if (
    entry.method === 8 &&
    entry.size > RATIO_FLOOR &&
    entry.size > entry.compressedSize * limits.maxRatio
  ) {
    code = 'bundle.zip.ratio';
  }
  if (code) {
    entry.readable = false;
    problems.push({ code, params });
  }
}

/**
 * Entries must sit one after another from the first byte to the central directory, with nothing in
 * between: a gap can hold a file that streaming extractors would unpack but this reader would not see,
 * and overlapping entries are the classic way to build a ZIP bomb.
 */
async function checkLayout(
  source: RandomAccessSource,
  entries: ZipEntry[],
  end: EndRecord,
  problems: ZipProblem[],
) {
  const ordered = [...entries].sort((a, b) => a.localHeaderOffset - b.localHeaderOffset);
  // Undefined after an unusable local header: where that entry ends is unknown, so no gap is claimed.
  let position: number | undefined = 0;
  const gap = (from: number | undefined, to: number) => {
    if (from !== undefined && to > from)
      problems.push({ code: 'bundle.zip.hiddenData', params: { offset: from, length: to - from } });
  };
  for (const entry of ordered) {
    if (position !== undefined && entry.localHeaderOffset < position) {
      problems.push({ code: 'bundle.zip.overlap', params: { path: entry.name } });
      entry.readable = false;
      continue;
    }
    gap(position, entry.localHeaderOffset);
    const located = await locateEntryData(source, entry, end.cdOffset);
    if (!located) {
      problems.push({ code: 'bundle.zip.entryCorrupt', params: { path: entry.name } });
      entry.readable = false;
      position = undefined;
      continue;
    }
    entry.dataOffset = located.dataOffset;
    position = located.end;
  }
  gap(position, end.cdOffset);
  gap(end.cdOffset + end.cdSize, end.endStart);
}

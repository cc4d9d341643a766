import { BuktiError } from '../errors';
import { parseCentralDirectory, type ZipEntry, type ZipProblem } from './central';
import { u64, view } from './fields';
import { locateEntryData } from './local-header';
import { type RandomAccessSource, readExactly } from './source';

export type { ZipEntry, ZipProblem };

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
const EOCD_SIZE = 22;
const ZIP64_EOCD_SIZE = 56;
const MAX_COMMENT = 0xffff;
const RATIO_FLOOR = 2 ** 20;

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
 * read as a ZIP at all, or when its end records disagree (`bundle.zip.disagree`); per-entry findings go to
 * `problems` and mark the entry unreadable.
 */
export async function openZip(
  source: RandomAccessSource,
  limits = defaultZipLimits(source.size),
): Promise<ZipArchive> {
  if (source.size === 0) throw new BuktiError('bundle.zip.empty');
  if (source.size < EOCD_SIZE) throw new BuktiError('bundle.zip.notZip');
  const problems: ZipProblem[] = [];
  const end = await readEndRecord(source, problems);
  if (end.entries > limits.maxEntries)
    throw new BuktiError('bundle.zip.tooManyEntries', { limit: limits.maxEntries });
  if (end.cdSize > limits.maxCentralDirectoryBytes)
    throw new BuktiError('bundle.zip.tooManyEntries', { limit: limits.maxEntries });
  if (end.cdOffset + end.cdSize > end.endStart) throw new BuktiError('bundle.zip.truncated');
  const directory = await readExactly(source, end.cdOffset, end.cdSize);
  const entries = parseCentralDirectory(directory, end.entries, end.cdOffset, problems);
  let total = 0;
  for (const entry of entries) {
    checkRatio(entry, limits, problems);
    if (entry.readable) total += entry.size;
  }
  if (total > limits.maxTotalSize)
    throw new BuktiError('bundle.zip.tooLarge', { limit: limits.maxTotalSize });
  await checkLayout(source, entries, end, problems);
  return { entries, problems, zip64: end.zip64 };
}

async function readEndRecord(source: RandomAccessSource, problems: ZipProblem[]): Promise<EndRecord> {
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
  const eocdOffset = tailStart + at;
  const commentLength = data.getUint16(at + 20, true);
  // A comment can hold a second end record that readers searching from the end find first.
  if (commentLength > 0)
    problems.push({
      code: 'bundle.zip.comment',
      params: { offset: eocdOffset + EOCD_SIZE, length: commentLength },
    });
  if (data.getUint16(at + 4, true) !== 0 || data.getUint16(at + 6, true) !== 0) {
    throw new BuktiError('bundle.zip.multiDisk');
  }
  const classic = {
    entries: data.getUint16(at + 10, true),
    cdSize: data.getUint32(at + 12, true),
    cdOffset: data.getUint32(at + 16, true),
  };
  if (data.getUint16(at + 8, true) !== classic.entries)
    throw new BuktiError('bundle.zip.disagree', { field: 'entry count', offset: eocdOffset });
  if (eocdOffset >= 20) {
    const locator = view(await readExactly(source, eocdOffset - 20, 20));
    if (locator.getUint32(0, true) === ZIP64_LOCATOR_SIGNATURE) {
      return readZip64EndRecord(source, locator, eocdOffset - 20, classic, problems);
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
  problems: ZipProblem[],
): Promise<EndRecord> {
  if (locator.getUint32(4, true) !== 0 || locator.getUint32(16, true) > 1)
    throw new BuktiError('bundle.zip.multiDisk');
  const recordOffset = u64(locator, 8);
  if (recordOffset + ZIP64_EOCD_SIZE > locatorOffset) throw new BuktiError('bundle.zip.corrupt');
  const record = view(await readExactly(source, recordOffset, ZIP64_EOCD_SIZE));
  if (record.getUint32(0, true) !== ZIP64_EOCD_SIGNATURE) throw new BuktiError('bundle.zip.corrupt');
  const declared = u64(record, 4);
  if (recordOffset + 12 + declared !== locatorOffset)
    throw new BuktiError('bundle.zip.disagree', { field: 'Zip64 end record size', offset: recordOffset });
  // The "extensible data sector" is bytes no extractor looks at: room for anything.
  if (declared !== ZIP64_EOCD_SIZE - 12)
    problems.push({
      code: 'bundle.zip.zip64Extensible',
      params: { offset: recordOffset + ZIP64_EOCD_SIZE, length: declared - (ZIP64_EOCD_SIZE - 12) },
    });
  if (record.getUint32(16, true) !== 0 || record.getUint32(20, true) !== 0)
    throw new BuktiError('bundle.zip.multiDisk');
  const entries = u64(record, 32);
  const cdSize = u64(record, 40);
  const cdOffset = u64(record, 48);
  // Both end records must tell the same story, or two readers could see two different archives.
  const agrees = (small: number, sentinel: number, large: number) => small === sentinel || small === large;
  const disagreement =
    u64(record, 24) !== entries || !agrees(classic.entries, 0xffff, entries)
      ? 'entry count'
      : !agrees(classic.cdSize, 0xffffffff, cdSize)
        ? 'central directory size'
        : !agrees(classic.cdOffset, 0xffffffff, cdOffset)
          ? 'central directory offset'
          : undefined;
  if (disagreement)
    throw new BuktiError('bundle.zip.disagree', { field: disagreement, offset: recordOffset });
  return { entries, cdSize, cdOffset, endStart: recordOffset, zip64: true };
}

function checkRatio(entry: ZipEntry, limits: ZipLimits, problems: ZipProblem[]): void {
  if (entry.method === 8 && entry.size > RATIO_FLOOR && entry.size > entry.compressedSize * limits.maxRatio) {
    if (entry.readable) problems.push({ code: 'bundle.zip.ratio', params: { path: entry.name } });
    entry.readable = false;
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
    if (!located.ok) {
      problems.push(located.problem);
      entry.readable = false;
      position = located.end;
      continue;
    }
    entry.dataOffset = located.dataOffset;
    position = located.end;
  }
  gap(position, end.cdOffset);
  gap(end.cdOffset + end.cdSize, end.endStart);
}

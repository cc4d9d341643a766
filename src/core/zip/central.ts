import { BuktiError } from '../errors';
import type { MessageKey, MessageParams } from '../i18n';
import { applyZip64, isHarmlessExtra, splitExtra, view, ZIP64_EXTRA } from './fields';

/** One file in a ZIP, as its central directory describes it (checked against its local header). */
export interface ZipEntry {
  /** The stored name decoded as UTF-8 (invalid bytes become U+FFFD); compare `nameBytes` for exactness. */
  readonly name: string;
  readonly nameBytes: Uint8Array;
  /** 0 = stored, 8 = deflated; anything else is not readable here. */
  readonly method: number;
  readonly flags: number;
  readonly versionNeeded: number;
  /** DOS time (low 16 bits) and date (high 16 bits). */
  readonly modified: number;
  readonly crc32: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localHeaderOffset: number;
  /** Where this entry's central directory record starts in the file. */
  readonly centralOffset: number;
  /** A folder entry (`name/`), as `zip -r` writes them; it holds no data. */
  readonly directory: boolean;
  /** Carries the time and owner fields Info-ZIP `zip` adds, which the app's writer never writes. */
  readonly foreignExtras: boolean;
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

const CENTRAL_SIGNATURE = 0x02014b50;
/** Data descriptor (bit 3), UTF-8 names (bit 11); bits 1–2 only say how hard deflate tried. */
const ALLOWED_FLAGS = 0x0808;
const DEFLATE_LEVEL_FLAGS = 0x0006;
const ENCRYPTION_FLAGS = 0x0041;
/** 4.5 (Zip64) is the highest version any feature a bundle may use needs. */
const MAX_VERSION_NEEDED = 45;
const UNIX_HOST = 3;
const FILE_TYPE_MASK = 0o170000;
const REGULAR_FILE = 0o100000;
const DIRECTORY = 0o040000;
const DOS_DIRECTORY = 0x10;
const nameDecoder = new TextDecoder('utf-8');
const hex = (value: number, digits: number) => `0x${value.toString(16).padStart(digits, '0')}`;

/**
 * Parses `count` central directory records starting at file offset `base`. Refuses (throws) what makes
 * the directory itself unreadable; anything that makes one entry untrustworthy is a problem naming the
 * entry and the offset of its record, and marks it unreadable.
 */
export function parseCentralDirectory(
  directory: Uint8Array,
  count: number,
  base: number,
  problems: ZipProblem[],
): ZipEntry[] {
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
    if (data.getUint16(at + 34, true) !== 0) throw new BuktiError('bundle.zip.multiDisk');
    const nameBytes = directory.slice(at + 46, at + 46 + nameLength);
    const name = nameDecoder.decode(nameBytes);
    const found: ZipProblem[] = [];
    const extra = readExtras(directory.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength));
    const fields = {
      size: data.getUint32(at + 24, true),
      compressedSize: data.getUint32(at + 20, true),
      localHeaderOffset: data.getUint32(at + 42, true),
    };
    const offset = base + at;
    if (!extra) found.push(disagree(name, 'extra field', offset));
    else {
      if (extra.foreign !== undefined)
        found.push({
          code: 'bundle.zip.extraField',
          params: {
            path: name,
            id: hex(extra.foreign.id, 4),
            offset: offset + 46 + nameLength + extra.foreign.at,
          },
        });
      if (!applyZip64(fields, extra.zip64)) found.push(disagree(name, 'Zip64 extra field', offset));
    }
    if (commentLength > 0) found.push({ code: 'bundle.zip.entryComment', params: { path: name, offset } });
    const entry: ZipEntry = {
      name,
      nameBytes,
      method: data.getUint16(at + 10, true),
      flags: data.getUint16(at + 8, true),
      versionNeeded: data.getUint16(at + 6, true),
      modified: data.getUint32(at + 12, true),
      crc32: data.getUint32(at + 16, true),
      ...fields,
      centralOffset: offset,
      directory: name.endsWith('/'),
      foreignExtras: extra?.harmless ?? false,
      dataOffset: -1,
      readable: true,
    };
    checkFileType(entry, data.getUint16(at + 4, true) >> 8, data.getUint32(at + 38, true), found);
    checkEntryFields(entry, found);
    if (found.length > 0) {
      entry.readable = false;
      problems.push(...found);
    }
    entries.push(entry);
    at = next;
  }
  // Bytes after the last counted entry would be entries some readers list and others do not.
  if (at !== directory.length) throw new BuktiError('bundle.zip.corrupt');
  return entries;
}

function disagree(path: string, field: string, offset: number): ZipProblem {
  return { code: 'bundle.zip.entryDisagree', params: { path, field, offset } };
}

/** The extra block's Zip64 field, the first field no reader may act on, and whether harmless ones are there. */
function readExtras(
  block: Uint8Array,
): { zip64?: DataView; foreign?: { id: number; at: number }; harmless: boolean } | undefined {
  const fields = splitExtra(block);
  if (!fields) return undefined;
  let zip64: DataView | undefined;
  let foreign: { id: number; at: number } | undefined;
  let harmless = false;
  const seen = new Set<number>();
  for (const field of fields) {
    // A field given twice is two answers to one question.
    if (seen.has(field.id)) return undefined;
    seen.add(field.id);
    if (field.id === ZIP64_EXTRA) zip64 = field.data;
    else if (isHarmlessExtra(field, 'central')) harmless = true;
    else foreign ??= { id: field.id, at: field.at };
  }
  return { zip64, foreign, harmless };
}

/**
 * A Unix mode or DOS attribute that makes an entry a link, a device or a folder would make extractors
 * create that instead of the signed file. Folders are accepted only as `name/` entries with no data.
 */
function checkFileType(entry: ZipEntry, host: number, external: number, found: ZipProblem[]): void {
  const mode = external >>> 16;
  const type = mode & FILE_TYPE_MASK;
  const unixType = host === UNIX_HOST || mode !== 0 ? type : 0;
  const dosDirectory = (external & DOS_DIRECTORY) !== 0;
  const isFile = (unixType === 0 || unixType === REGULAR_FILE) && !dosDirectory;
  const isDirectory = (unixType === 0 || unixType === DIRECTORY) && (unixType === DIRECTORY || dosDirectory);
  const empty = entry.size === 0 && entry.compressedSize === 0 && entry.crc32 === 0 && entry.method === 0;
  const fits = entry.directory ? isDirectory && empty : isFile;
  if (!fits)
    found.push({ code: 'bundle.zip.fileType', params: { path: entry.name, offset: entry.centralOffset } });
}

function checkEntryFields(entry: ZipEntry, found: ZipProblem[]): void {
  const path = entry.name;
  const levelFlags = entry.method === 8 ? DEFLATE_LEVEL_FLAGS : 0;
  if (entry.flags & ENCRYPTION_FLAGS) found.push({ code: 'bundle.zip.encrypted', params: { path } });
  else if (entry.flags & ~(ALLOWED_FLAGS | levelFlags))
    found.push({ code: 'bundle.zip.flags', params: { path, flags: hex(entry.flags, 4) } });
  if (entry.method !== 0 && entry.method !== 8) {
    found.push({ code: 'bundle.zip.unsupportedMethod', params: { path, method: entry.method } });
  } else if (entry.method === 0 && entry.size !== entry.compressedSize) {
    found.push(disagree(path, 'size', entry.centralOffset));
  }
  if (entry.versionNeeded > MAX_VERSION_NEEDED)
    found.push({ code: 'bundle.zip.version', params: { path, version: entry.versionNeeded / 10 } });
}

import { deflateRawSync } from 'node:zlib';
import { openZip } from '../../../src/core/zip/archive';
import { crc32 } from '../../../src/core/zip/crc32';
import { readEntry } from '../../../src/core/zip/entry';
import { bytesSource } from '../../../src/core/zip/source';

/** One entry of a hand-built ZIP; every field a hostile writer could set differently is exposed. */
export interface CraftEntry {
  name: string | Uint8Array;
  data: Uint8Array;
  /** 0 stored (default), 8 deflated. */
  method?: number;
  /** Overrides the CRC-32 written in the headers. */
  crc?: number;
  /** Overrides the uncompressed size written in the headers. */
  size?: number;
  flags?: number;
  /** Write sizes and CRC in a data descriptor after the data (bit 3), as client-zip does. */
  descriptor?: boolean;
  /** Use Zip64 extra fields with 0xFFFFFFFF placeholders even though the values would fit. */
  zip64?: boolean;
  /** A different name in the local header only. */
  localName?: string;
  /** Local header offset to write in the central directory instead of the real one. */
  offset?: number;
  /** Fields written in the local header only, where they differ from the central directory. */
  local?: { flags?: number; method?: number; crc?: number; size?: number; version?: number; time?: number };
  /** `version needed` in both headers (default 45). */
  version?: number;
  /** Central directory `version made by` (default 0x032d: Unix, 4.5). */
  madeBy?: number;
  /** Central directory external attributes (default a regular file, mode 0644). */
  external?: number;
  /** Extra fields appended after any Zip64 field, in the local header and the central directory. */
  localExtra?: Uint8Array;
  centralExtra?: Uint8Array;
  /** An entry comment in the central directory. */
  comment?: string;
  /** Bytes written after the (compressed) data, counted in the compressed size: a deflate tail. */
  tail?: Uint8Array;
  /** Leave the UTF-8 name flag (bit 11) unset, as older writers do. */
  legacyName?: boolean;
  /** Write the data descriptor without its optional signature. */
  unsignedDescriptor?: boolean;
  /** Overrides written in the data descriptor only. */
  descriptorCrc?: number;
  descriptorSize?: number;
}

export interface CraftOptions {
  /** Write Zip64 end records (and 0xFFFF/0xFFFFFFFF placeholders in the classic one). */
  zip64End?: boolean;
  comment?: string;
  /** Bytes written before the first entry. */
  prefix?: Uint8Array;
  /** Bytes written between the entries and the central directory. */
  beforeDirectory?: Uint8Array;
  /** Bytes written between the central directory and the end records. */
  afterDirectory?: Uint8Array;
  /** Data after the 44 bytes of the Zip64 end record (its extensible data sector). */
  zip64Extensible?: Uint8Array;
  /** Overrides the classic end record's "entries on this disk". */
  diskEntries?: number;
  /** Overrides the entry count in both end records. */
  count?: number;
  /** Raw bytes appended to the central directory (not counted as entries). */
  directoryTail?: Uint8Array;
}

const encoder = new TextEncoder();
const nameBytes = (name: string | Uint8Array) => (typeof name === 'string' ? encoder.encode(name) : name);

class Writer {
  private readonly parts: Uint8Array[] = [];
  length = 0;
  bytes(bytes: Uint8Array) {
    this.parts.push(bytes);
    this.length += bytes.length;
  }
  fields(spec: [number, number][]) {
    const out = new Uint8Array(spec.reduce((sum, [size]) => sum + size, 0));
    const view = new DataView(out.buffer);
    let at = 0;
    for (const [size, value] of spec) {
      if (size === 2) view.setUint16(at, value, true);
      else if (size === 4) view.setUint32(at, value >>> 0, true);
      else view.setBigUint64(at, BigInt(value), true);
      at += size;
    }
    this.bytes(out);
  }
  result(): Uint8Array {
    const out = new Uint8Array(this.length);
    let at = 0;
    for (const part of this.parts) {
      out.set(part, at);
      at += part.length;
    }
    return out;
  }
}

/** Builds a ZIP byte for byte from `entries`, honouring every override (the reader's test bench). */
export function craftZip(entries: readonly CraftEntry[], options: CraftOptions = {}): Uint8Array {
  const out = new Writer();
  if (options.prefix) out.bytes(options.prefix);
  const central = new Writer();
  for (const entry of entries) {
    const method = entry.method ?? 0;
    const compressed = method === 8 ? new Uint8Array(deflateRawSync(entry.data)) : entry.data;
    const stored = entry.tail ? new Uint8Array(Buffer.concat([compressed, entry.tail])) : compressed;
    const crc = entry.crc ?? crc32(entry.data);
    const size = entry.size ?? entry.data.length;
    const name = nameBytes(entry.name);
    const localName = entry.localName === undefined ? name : nameBytes(entry.localName);
    const flags = (entry.flags ?? 0) | (entry.descriptor ? 0x0008 : 0) | (entry.legacyName ? 0 : 0x0800);
    const local = entry.local ?? {};
    const localFlags = local.flags ?? flags;
    const version = entry.version ?? 45;
    const time = entry.local?.time ?? 0x5a8b0000;
    const offset = out.length;
    const wide = entry.zip64 === true;
    const localExtra = entry.localExtra ?? new Uint8Array(0);
    const centralExtra = entry.centralExtra ?? new Uint8Array(0);
    const described = (localFlags & 0x0008) !== 0;
    out.fields([
      [4, 0x04034b50],
      [2, local.version ?? version],
      [2, localFlags],
      [2, local.method ?? method],
      [4, time],
      [4, described ? 0 : (local.crc ?? crc)],
      [4, described ? 0 : wide ? 0xffffffff : stored.length],
      [4, described ? 0 : wide ? 0xffffffff : (local.size ?? size)],
      [2, localName.length],
      [2, (wide ? 20 : 0) + localExtra.length],
    ]);
    out.bytes(localName);
    if (wide)
      out.fields([
        [2, 1],
        [2, 16],
        [8, size],
        [8, stored.length],
      ]);
    out.bytes(localExtra);
    out.bytes(stored);
    if (described) {
      if (!entry.unsignedDescriptor) out.fields([[4, 0x08074b50]]);
      out.fields([
        [4, entry.descriptorCrc ?? crc],
        [4, stored.length],
        [4, entry.descriptorSize ?? size],
      ]);
    }
    const writtenOffset = entry.offset ?? offset;
    const comment = encoder.encode(entry.comment ?? '');
    central.fields([
      [4, 0x02014b50],
      [2, entry.madeBy ?? 0x032d],
      [2, version],
      [2, flags],
      [2, method],
      [4, 0x5a8b0000],
      [4, crc],
      [4, wide ? 0xffffffff : stored.length],
      [4, wide ? 0xffffffff : size],
      [2, name.length],
      [2, (wide ? 28 : 0) + centralExtra.length],
      [2, comment.length],
      [2, 0],
      [2, 0],
      [4, entry.external ?? 0o100644 << 16],
      [4, wide ? 0xffffffff : writtenOffset],
    ]);
    central.bytes(name);
    if (wide)
      central.fields([
        [2, 1],
        [2, 24],
        [8, size],
        [8, stored.length],
        [8, writtenOffset],
      ]);
    central.bytes(centralExtra);
    central.bytes(comment);
  }
  if (options.beforeDirectory) out.bytes(options.beforeDirectory);
  const directoryOffset = out.length;
  if (options.directoryTail) central.bytes(options.directoryTail);
  const directory = central.result();
  out.bytes(directory);
  if (options.afterDirectory) out.bytes(options.afterDirectory);
  const count = options.count ?? entries.length;
  if (options.zip64End) {
    const recordOffset = out.length;
    const extensible = options.zip64Extensible ?? new Uint8Array(0);
    out.fields([
      [4, 0x06064b50],
      [8, 44 + extensible.length],
      [2, 0x032d],
      [2, 45],
      [4, 0],
      [4, 0],
      [8, count],
      [8, count],
      [8, directory.length],
      [8, directoryOffset],
    ]);
    out.bytes(extensible);
    out.fields([
      [4, 0x07064b50],
      [4, 0],
      [8, recordOffset],
      [4, 1],
    ]);
  }
  const comment = encoder.encode(options.comment ?? '');
  out.fields([
    [4, 0x06054b50],
    [2, 0],
    [2, 0],
    [2, options.diskEntries ?? (options.zip64End ? 0xffff : count)],
    [2, options.zip64End ? 0xffff : count],
    [4, options.zip64End ? 0xffffffff : directory.length],
    [4, options.zip64End ? 0xffffffff : directoryOffset],
    [2, comment.length],
  ]);
  out.bytes(comment);
  return out.result();
}

/** Every entry of a ZIP, in order, with its contents: what a person unzipping it would get. */
export async function unpack(zip: Uint8Array): Promise<CraftEntry[]> {
  const source = bytesSource(zip);
  const archive = await openZip(source);
  const entries: CraftEntry[] = [];
  for (const entry of archive.entries) {
    const chunks: Uint8Array[] = [];
    for await (const chunk of readEntry(source, entry)) chunks.push(chunk);
    entries.push({ name: entry.name, data: new Uint8Array(Buffer.concat(chunks)) });
  }
  return entries;
}

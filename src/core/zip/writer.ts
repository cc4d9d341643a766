import { crc32 } from './crc32';

/**
 * The bundle's ZIP writer: every entry STORED, a local header with the data descriptor flag (bit 3) and
 * UTF-8 names (bit 11), the data, then a data descriptor; Zip64 exactly where a size or an offset needs
 * it. Byte for byte the layout client-zip 2.5 writes (which the bundles were first written with, and a
 * property test compares against it), so the format does not change; its CRC-32 is slice-by-8 instead of
 * one byte at a time. No comments, no extra fields but Zip64, local and central headers agreeing.
 */

/** One entry: its name, its bytes (at once or as they come), and the time written into its headers. */
export interface ZipEntryInput {
  name: string;
  input: AsyncIterable<Uint8Array> | Uint8Array;
  lastModified: Date;
}

const LIMIT_32 = 0xffffffff;
const LOCAL = 0x04034b50;
const DESCRIPTOR = 0x08074b50;
const CENTRAL = 0x02014b50;
const ZIP64_END = 0x06064b50;
const ZIP64_LOCATOR = 0x07064b50;
const END = 0x06054b50;
/** General-purpose flags: sizes and CRC in a data descriptor (bit 3), UTF-8 name (bit 11). */
const FLAGS = 0x0808;
/** Version needed (4.5, Zip64) in every header; made by Unix, 4.5. */
const VERSION = 45;
const MADE_BY = 0x032d;
/** Unix mode of every file: a regular file, rw-rw-r--. */
const FILE_MODE = 0o100664;

const encoder = new TextEncoder();

/** DOS date and time of `date`, in local time (as the ZIP's other writers and unzip read it). */
function setDosTime(view: DataView, at: number, date: Date): void {
  const time = (date.getSeconds() >> 1) | (date.getMinutes() << 5) | (date.getHours() << 11);
  const day = date.getDate() | ((date.getMonth() + 1) << 5) | ((date.getFullYear() - 1980) << 9);
  view.setUint16(at, time, true);
  view.setUint16(at + 2, day, true);
}

function block(size: number): { bytes: Uint8Array; view: DataView } {
  const bytes = new Uint8Array(size);
  return { bytes, view: new DataView(bytes.buffer) };
}

interface Written {
  name: Uint8Array;
  date: Date;
  crc: number;
  size: number;
  offset: number;
}

function localHeader(name: Uint8Array, date: Date): Uint8Array {
  const { bytes, view } = block(30 + name.length);
  view.setUint32(0, LOCAL, true);
  view.setUint16(4, VERSION, true);
  view.setUint16(6, FLAGS, true);
  setDosTime(view, 10, date);
  view.setUint16(26, name.length, true);
  bytes.set(name, 30);
  return bytes;
}

function descriptor(crc: number, size: number): Uint8Array {
  const zip64 = size >= LIMIT_32;
  const { bytes, view } = block(zip64 ? 24 : 16);
  view.setUint32(0, DESCRIPTOR, true);
  view.setUint32(4, crc, true);
  if (zip64) {
    view.setBigUint64(8, BigInt(size), true);
    view.setBigUint64(16, BigInt(size), true);
  } else {
    view.setUint32(8, size, true);
    view.setUint32(12, size, true);
  }
  return bytes;
}

function centralHeader(entry: Written): Uint8Array {
  const bigSize = entry.size >= LIMIT_32;
  const bigOffset = entry.offset >= LIMIT_32;
  // The Zip64 extra field: both sizes and the offset when a size needs it, else the offset alone.
  const extra = bigSize ? 28 : bigOffset ? 12 : 0;
  const { bytes, view } = block(46 + entry.name.length + extra);
  view.setUint32(0, CENTRAL, true);
  view.setUint16(4, MADE_BY, true);
  view.setUint16(6, VERSION, true);
  view.setUint16(8, FLAGS, true);
  setDosTime(view, 12, entry.date);
  view.setUint32(16, entry.crc, true);
  view.setUint32(20, Math.min(entry.size, LIMIT_32), true);
  view.setUint32(24, Math.min(entry.size, LIMIT_32), true);
  view.setUint16(28, entry.name.length, true);
  view.setUint16(30, extra, true);
  view.setUint32(38, FILE_MODE * 0x10000, true);
  view.setUint32(42, Math.min(entry.offset, LIMIT_32), true);
  bytes.set(entry.name, 46);
  if (extra > 0) {
    const at = 46 + entry.name.length;
    view.setUint16(at, 0x0001, true);
    view.setUint16(at + 2, extra - 4, true);
    if (bigSize) {
      view.setBigUint64(at + 4, BigInt(entry.size), true);
      view.setBigUint64(at + 12, BigInt(entry.size), true);
    }
    view.setBigUint64(at + extra - 8, BigInt(entry.offset), true);
  }
  return bytes;
}

function end(count: number, centralSize: number, centralOffset: number, zip64: boolean): Uint8Array {
  const { bytes, view } = block((zip64 ? 76 : 0) + 22);
  let at = 0;
  if (zip64) {
    view.setUint32(0, ZIP64_END, true);
    view.setBigUint64(4, 44n, true);
    view.setUint16(12, MADE_BY, true);
    view.setUint16(14, VERSION, true);
    view.setBigUint64(24, BigInt(count), true);
    view.setBigUint64(32, BigInt(count), true);
    view.setBigUint64(40, BigInt(centralSize), true);
    view.setBigUint64(48, BigInt(centralOffset), true);
    view.setUint32(56, ZIP64_LOCATOR, true);
    view.setBigUint64(64, BigInt(centralOffset + centralSize), true);
    view.setUint32(72, 1, true);
    at = 76;
  }
  view.setUint32(at, END, true);
  view.setUint16(at + 8, Math.min(count, 0xffff), true);
  view.setUint16(at + 10, Math.min(count, 0xffff), true);
  view.setUint32(at + 12, Math.min(centralSize, LIMIT_32), true);
  view.setUint32(at + 16, Math.min(centralOffset, LIMIT_32), true);
  return bytes;
}

/**
 * The ZIP of `entries`, piece by piece: headers in arrays of their own, each entry's data pieces as they
 * come. A data piece's CRC is taken before it is handed out, so the reader owns every piece it gets.
 */
export async function* writeZip(entries: AsyncIterable<ZipEntryInput>): AsyncGenerator<Uint8Array> {
  const written: Written[] = [];
  let offset = 0;
  let zip64 = false;
  for await (const entry of entries) {
    const name = encoder.encode(entry.name);
    yield localHeader(name, entry.lastModified);
    let crc = 0;
    let size = 0;
    const pieces = entry.input instanceof Uint8Array ? [entry.input] : entry.input;
    for await (const piece of pieces) {
      crc = crc32(piece, crc);
      size += piece.length;
      yield piece;
    }
    const tail = descriptor(crc, size);
    written.push({ name, date: entry.lastModified, crc, size, offset });
    offset += 30 + name.length + size + tail.length;
    zip64 ||= size >= LIMIT_32;
    yield tail;
  }
  let centralSize = 0;
  for (const entry of written) {
    const header = centralHeader(entry);
    centralSize += header.length;
    yield header;
  }
  yield end(written.length, centralSize, offset, zip64 || offset >= LIMIT_32);
}

/** The exact length `writeZip` gives for entries of these names and sizes. */
export function zipLength(entries: readonly { name: string; size: number }[]): number {
  let data = 0;
  let central = 22;
  let zip64 = false;
  for (const entry of entries) {
    const name = encoder.encode(entry.name).length;
    const bigSize = entry.size >= LIMIT_32;
    const bigOffset = data >= LIMIT_32;
    data += 30 + name + entry.size + (bigSize ? 24 : 16);
    central += 46 + name + (bigSize ? 28 : bigOffset ? 12 : 0);
    zip64 ||= bigSize;
  }
  return data + central + (zip64 || data >= LIMIT_32 ? 76 : 0);
}

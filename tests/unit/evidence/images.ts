/**
 * Real image files built byte by byte, so the facts reader is tested against the formats themselves
 * rather than against a library's idea of them.
 */

const ASCII = 2;
const SHORT = 3;
const LONG = 4;
const RATIONAL = 5;

interface Tag {
  id: number;
  type: typeof ASCII | typeof SHORT | typeof LONG | typeof RATIONAL;
  /** ASCII: the text (a NUL is added); SHORT/LONG: numbers; RATIONAL: [numerator, denominator] pairs. */
  value: string | number[] | [number, number][];
}

const TYPE_SIZE = { [ASCII]: 1, [SHORT]: 2, [LONG]: 4, [RATIONAL]: 8 } as const;

function count(tag: Tag): number {
  return typeof tag.value === 'string' ? tag.value.length + 1 : tag.value.length;
}

/** Writes one IFD at `start` (big-endian), values that do not fit in 4 bytes right after it. */
function writeIfd(out: DataView, start: number, tags: Tag[], next = 0): number {
  const sorted = [...tags].sort((a, b) => a.id - b.id);
  out.setUint16(start, sorted.length);
  let data = start + 2 + sorted.length * 12 + 4;
  sorted.forEach((tag, index) => {
    const entry = start + 2 + index * 12;
    const size = count(tag) * TYPE_SIZE[tag.type];
    out.setUint16(entry, tag.id);
    out.setUint16(entry + 2, tag.type);
    out.setUint32(entry + 4, count(tag));
    const at = size <= 4 ? entry + 8 : data;
    if (size > 4) {
      out.setUint32(entry + 8, data);
      data += size + (size % 2);
    }
    writeValue(out, at, tag);
  });
  out.setUint32(start + 2 + sorted.length * 12, next);
  return data;
}

function writeValue(out: DataView, at: number, tag: Tag): void {
  if (typeof tag.value === 'string') {
    [...tag.value].forEach((char, i) => {
      out.setUint8(at + i, char.charCodeAt(0));
    });
    out.setUint8(at + tag.value.length, 0);
    return;
  }
  tag.value.forEach((value, i) => {
    if (tag.type === SHORT) out.setUint16(at + i * 2, value as number);
    else if (tag.type === LONG) out.setUint32(at + i * 4, value as number);
    else {
      const [numerator, denominator] = value as [number, number];
      out.setUint32(at + i * 8, numerator);
      out.setUint32(at + i * 8 + 4, denominator);
    }
  });
}

/** What to put into the EXIF block of a test JPEG. */
export interface ExifSpec {
  make?: string;
  model?: string;
  dateTimeOriginal?: string;
  offsetTimeOriginal?: string;
  /** Latitude and longitude in degrees; omitted means no GPS IFD at all. */
  gps?: { latitude: number; longitude: number };
  exifWidth?: number;
  exifHeight?: number;
}

const dms = (degrees: number): [number, number][] => {
  const abs = Math.abs(degrees);
  const d = Math.floor(abs);
  const m = Math.floor((abs - d) * 60);
  const s = Math.round(((abs - d) * 60 - m) * 60 * 100);
  return [
    [d, 1],
    [m, 1],
    [s, 100],
  ];
};

/** A big-endian TIFF structure (IFD0 → Exif IFD, GPS IFD) as found inside a JPEG APP1 segment. */
export function buildTiff(spec: ExifSpec): Uint8Array {
  const buffer = new ArrayBuffer(4096);
  const out = new DataView(buffer);
  out.setUint8(0, 0x4d);
  out.setUint8(1, 0x4d); // "MM": big-endian
  out.setUint16(2, 42);
  out.setUint32(4, 8);
  const ifd0: Tag[] = [];
  if (spec.make !== undefined) ifd0.push({ id: 0x010f, type: ASCII, value: spec.make });
  if (spec.model !== undefined) ifd0.push({ id: 0x0110, type: ASCII, value: spec.model });
  const exifTags: Tag[] = [];
  if (spec.dateTimeOriginal !== undefined)
    exifTags.push({ id: 0x9003, type: ASCII, value: spec.dateTimeOriginal });
  if (spec.offsetTimeOriginal !== undefined)
    exifTags.push({ id: 0x9011, type: ASCII, value: spec.offsetTimeOriginal });
  if (spec.exifWidth !== undefined) exifTags.push({ id: 0xa002, type: LONG, value: [spec.exifWidth] });
  if (spec.exifHeight !== undefined) exifTags.push({ id: 0xa003, type: LONG, value: [spec.exifHeight] });
  const gpsTags: Tag[] = [];
  if (spec.gps !== undefined) {
    gpsTags.push(
      { id: 0x0001, type: ASCII, value: spec.gps.latitude >= 0 ? 'N' : 'S' },
      { id: 0x0002, type: RATIONAL, value: dms(spec.gps.latitude) },
      { id: 0x0003, type: ASCII, value: spec.gps.longitude >= 0 ? 'E' : 'W' },
      { id: 0x0004, type: RATIONAL, value: dms(spec.gps.longitude) },
    );
  }
  // Pointers are filled in once the sizes before them are known.
  const pointerTags: Tag[] = [];
  if (exifTags.length > 0) pointerTags.push({ id: 0x8769, type: LONG, value: [0] });
  if (gpsTags.length > 0) pointerTags.push({ id: 0x8825, type: LONG, value: [0] });
  const ifd0End = writeIfd(out, 8, [...ifd0, ...pointerTags]);
  let cursor = ifd0End + (ifd0End % 2);
  const exifStart = cursor;
  if (exifTags.length > 0) cursor = writeIfd(out, exifStart, exifTags);
  cursor += cursor % 2;
  const gpsStart = cursor;
  if (gpsTags.length > 0) cursor = writeIfd(out, gpsStart, gpsTags);
  for (const pointer of pointerTags) pointer.value = [pointer.id === 0x8769 ? exifStart : gpsStart];
  writeIfd(out, 8, [...ifd0, ...pointerTags]);
  return new Uint8Array(buffer, 0, cursor);
}

function segment(marker: number, body: Uint8Array): Uint8Array {
  const out = new Uint8Array(4 + body.length);
  out[0] = 0xff;
  out[1] = marker;
  new DataView(out.buffer).setUint16(2, body.length + 2);
  out.set(body, 4);
  return out;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** A baseline JPEG of `width`×`height` with an optional APP1/EXIF segment (the scan data is a stub). */
export function buildJpeg(width: number, height: number, exif?: ExifSpec): Uint8Array {
  const parts: Uint8Array[] = [new Uint8Array([0xff, 0xd8])];
  parts.push(segment(0xe0, new Uint8Array([0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0])));
  if (exif !== undefined) {
    const header = new Uint8Array([0x45, 0x78, 0x69, 0x66, 0, 0]); // "Exif\0\0"
    parts.push(segment(0xe1, concat([header, buildTiff(exif)])));
  }
  const sof = new Uint8Array([8, height >> 8, height & 0xff, width >> 8, width & 0xff, 1, 1, 0x11, 0]);
  parts.push(segment(0xc0, sof));
  parts.push(segment(0xda, new Uint8Array([1, 1, 0, 0, 0x3f, 0])));
  parts.push(new Uint8Array([0x00, 0x00, 0xff, 0xd9]));
  return concat(parts);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(new TextEncoder().encode(type), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** A PNG with a valid IHDR (and CRCs) for `width`×`height`, optionally an eXIf chunk; no pixel data. */
export function buildPng(width: number, height: number, exif?: ExifSpec): Uint8Array {
  const ihdr = new Uint8Array(13);
  const view = new DataView(ihdr.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const parts = [new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk('IHDR', ihdr)];
  if (exif !== undefined) parts.push(pngChunk('eXIf', buildTiff(exif)));
  parts.push(pngChunk('IEND', new Uint8Array()));
  return concat(parts);
}

import exifr from 'exifr';
import { type ByteSource, byteSource } from './byte-source';
import { exifBlockState, headerImageSize, type SniffedFormat, sniffFormat } from './image-header';
import { isoMediaHasLocation } from './media-location';
import type { FileFacts } from './model';

/** Enough of the start of a file for every image header Bukti reads (JPEG EXIF segments are ≤ 64 KiB each). */
const HEAD_BYTES = 512 * 1024;
/** Images up to this size are handed to exifr whole; larger ones only by their head. */
const WHOLE_IMAGE_BYTES = 32 * 1024 * 1024;

const EXIF_FORMATS: readonly SniffedFormat[] = ['jpeg', 'png', 'tiff', 'heif', 'webp'];

/** EXIF fields Bukti reads; the GPS coordinates are looked at only to say whether they exist. */
const EXIF_OPTIONS = {
  tiff: true,
  ifd0: { pick: ['Make', 'Model'] },
  exif: { pick: ['DateTimeOriginal', 'OffsetTimeOriginal', 'ExifImageWidth', 'ExifImageHeight'] },
  gps: { pick: ['GPSLatitude', 'GPSLongitude'] },
  ifd1: false,
  interop: false,
  xmp: false,
  icc: false,
  iptc: false,
  jfif: false,
  ihdr: false,
  makerNote: false,
  userComment: false,
  reviveValues: false,
  translateValues: false,
  mergeOutput: true,
};

interface ExifFields {
  Make?: unknown;
  Model?: unknown;
  DateTimeOriginal?: unknown;
  OffsetTimeOriginal?: unknown;
  ExifImageWidth?: unknown;
  ExifImageHeight?: unknown;
  GPSLatitude?: unknown;
  GPSLongitude?: unknown;
}

/**
 * Read-only facts about a file, from its own bytes: EXIF date taken, camera make and model, whether
 * it records a GPS position (never the position itself), and pixel size from the image header (EXIF
 * as a fallback). `durationSeconds` is measured by the browser and passed through. Never throws for a
 * damaged file: it sets `metadataUnreadable` instead, so capture goes on.
 */
export async function readFileFacts(
  input: Uint8Array | Blob,
  measured: { durationSeconds?: number } = {},
): Promise<FileFacts> {
  const source = byteSource(input);
  const head = await source.read(0, HEAD_BYTES);
  const format = sniffFormat(head);
  const facts: FileFacts = { hasGps: false };
  if (measured.durationSeconds !== undefined && Number.isFinite(measured.durationSeconds)) {
    facts.durationSeconds = Math.max(0, measured.durationSeconds);
  }
  const size = headerImageSize(head, format);
  if (EXIF_FORMATS.includes(format)) {
    const exif = exifBlockState(head, format) === 'damaged' ? undefined : await readExif(source, head);
    if (exif === undefined) facts.metadataUnreadable = true;
    else Object.assign(facts, exifFacts(exif));
  } else if (format === 'isobmff') {
    // A read error is recorded as "facts unreadable", like a damaged header: capture must go on.
    const located = await isoMediaHasLocation(source).catch(() => undefined);
    if (located === undefined) facts.metadataUnreadable = true;
    else facts.hasGps = located;
  }
  if (size !== undefined) {
    facts.width = size.width;
    facts.height = size.height;
  }
  return facts;
}

async function readExif(source: ByteSource, head: Uint8Array): Promise<ExifFields | undefined> {
  const bytes =
    source.size <= HEAD_BYTES
      ? head
      : source.size <= WHOLE_IMAGE_BYTES
        ? await source.read(0, source.size)
        : head;
  try {
    // exifr resolves to undefined when a well-formed file simply has no EXIF.
    return ((await exifr.parse(bytes, EXIF_OPTIONS)) as ExifFields | undefined) ?? {};
  } catch {
    // A damaged or unusual header: the caller records that the facts could not be read.
    return undefined;
  }
}

function text(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  // EXIF ASCII fields are NUL-padded and often space-padded by cameras.
  const cleaned = value.replace(/\0+$/g, '').trim();
  return cleaned === '' ? undefined : cleaned;
}

const EXIF_DATE = /^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/;
const OFFSET = /^[+-]\d{2}:\d{2}$/;

/** EXIF "2024:05:01 13:45:10" (+ optional "+08:00") as ISO; undefined for blanks like "0000:00:00 00:00:00". */
export function exifDateToIso(value: unknown, offset?: unknown): string | undefined {
  const match = EXIF_DATE.exec(text(value) ?? '');
  if (match === null) return undefined;
  const [, year, month, day, hour, minute, second] = match;
  const iso = `${year}-${month}-${day}T${hour}:${minute}:${second}`;
  const check = new Date(`${iso}Z`);
  if (Number.isNaN(check.getTime()) || check.toISOString().slice(0, 19) !== iso) return undefined;
  const zone = text(offset);
  return zone !== undefined && OFFSET.test(zone) ? `${iso}${zone}` : iso;
}

function positiveInteger(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined;
}

function exifFacts(exif: ExifFields): Partial<FileFacts> {
  const facts: Partial<FileFacts> = {
    hasGps: exif.GPSLatitude !== undefined && exif.GPSLongitude !== undefined,
  };
  const dateTaken = exifDateToIso(exif.DateTimeOriginal, exif.OffsetTimeOriginal);
  if (dateTaken !== undefined) facts.dateTaken = dateTaken;
  const make = text(exif.Make);
  if (make !== undefined) facts.make = make;
  const model = text(exif.Model);
  if (model !== undefined) facts.model = model;
  const width = positiveInteger(exif.ExifImageWidth);
  const height = positiveInteger(exif.ExifImageHeight);
  if (width !== undefined && height !== undefined) {
    facts.width = width;
    facts.height = height;
  }
  return facts;
}

/** Container formats recognised from a file's first bytes (its declared MIME type is not trusted). */
export type SniffedFormat = 'png' | 'jpeg' | 'gif' | 'webp' | 'tiff' | 'heif' | 'isobmff' | 'unknown';

const ascii = (bytes: Uint8Array, start: number, length: number): string =>
  String.fromCharCode(...bytes.subarray(start, start + length));

const HEIF_BRANDS = new Set(['heic', 'heix', 'hevc', 'heim', 'heis', 'mif1', 'msf1', 'avif', 'avis']);

/** The format named by the file's magic bytes. */
export function sniffFormat(head: Uint8Array): SniffedFormat {
  if (head.length >= 8 && ascii(head, 1, 3) === 'PNG' && head[0] === 0x89) return 'png';
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  if (ascii(head, 0, 4) === 'GIF8') return 'gif';
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 4) === 'WEBP') return 'webp';
  const order = ascii(head, 0, 4);
  if (order === 'II*\0' || order === 'MM\0*') return 'tiff';
  if (ascii(head, 4, 4) === 'ftyp') return HEIF_BRANDS.has(ascii(head, 8, 4)) ? 'heif' : 'isobmff';
  return 'unknown';
}

/** Pixel size of an image. */
export interface ImageSize {
  width: number;
  height: number;
}

const view = (bytes: Uint8Array): DataView => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

function pngSize(bytes: Uint8Array): ImageSize | undefined {
  // The first chunk of every PNG is IHDR: length (4), "IHDR", width (4), height (4).
  if (bytes.length < 24 || ascii(bytes, 12, 4) !== 'IHDR') return undefined;
  return { width: view(bytes).getUint32(16), height: view(bytes).getUint32(20) };
}

/** Start-of-frame markers that carry the frame size (all SOFn except DHT, JPG and DAC). */
const SOF_MARKERS = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

interface JpegSegment {
  marker: number;
  /** Offset of the segment body (after marker and length). */
  body: number;
  length: number;
}

/** The segments before the image data, in order, as far as `bytes` reaches. */
function* jpegSegments(bytes: Uint8Array): Generator<JpegSegment> {
  const data = view(bytes);
  let offset = 2;
  while (offset + 4 <= bytes.length) {
    if (bytes[offset] !== 0xff) return;
    const marker = bytes[offset + 1] ?? 0;
    if (marker === 0xff) {
      offset += 1; // fill byte
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      offset += 2; // markers without a length
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return; // end of image or start of scan
    const length = data.getUint16(offset + 2);
    if (length < 2) return;
    yield { marker, body: offset + 4, length: length - 2 };
    offset += 2 + length;
  }
}

function jpegSize(bytes: Uint8Array): ImageSize | undefined {
  for (const segment of jpegSegments(bytes)) {
    if (!SOF_MARKERS.has(segment.marker)) continue;
    if (segment.body + 5 > bytes.length) return undefined;
    const data = view(bytes);
    return { height: data.getUint16(segment.body + 1), width: data.getUint16(segment.body + 3) };
  }
  return undefined;
}

function gifSize(bytes: Uint8Array): ImageSize | undefined {
  if (bytes.length < 10) return undefined;
  return { width: view(bytes).getUint16(6, true), height: view(bytes).getUint16(8, true) };
}

function webpSize(bytes: Uint8Array): ImageSize | undefined {
  if (bytes.length < 30) return undefined;
  const data = view(bytes);
  const chunk = ascii(bytes, 12, 4);
  if (chunk === 'VP8X') {
    return {
      width: 1 + (data.getUint32(24, true) & 0xffffff),
      height: 1 + (data.getUint32(27, true) & 0xffffff),
    };
  }
  if (chunk === 'VP8 ')
    return { width: data.getUint16(26, true) & 0x3fff, height: data.getUint16(28, true) & 0x3fff };
  if (chunk === 'VP8L') {
    const bits = data.getUint32(21, true);
    return { width: 1 + (bits & 0x3fff), height: 1 + ((bits >>> 14) & 0x3fff) };
  }
  return undefined;
}

/** Width and height from the image's own header, which (unlike EXIF) the decoder actually uses. */
export function headerImageSize(head: Uint8Array, format: SniffedFormat): ImageSize | undefined {
  const size =
    format === 'png'
      ? pngSize(head)
      : format === 'jpeg'
        ? jpegSize(head)
        : format === 'gif'
          ? gifSize(head)
          : format === 'webp'
            ? webpSize(head)
            : undefined;
  return size !== undefined && size.width > 0 && size.height > 0 ? size : undefined;
}

const TIFF_HEADERS = ['II*\0', 'MM\0*'];

/** Offset of the TIFF structure inside a JPEG APP1 "Exif" segment or a PNG eXIf chunk, if there is one. */
function exifOffset(head: Uint8Array, format: SniffedFormat): number | undefined {
  if (format === 'jpeg') {
    for (const segment of jpegSegments(head)) {
      if (segment.marker === 0xe1 && ascii(head, segment.body, 6) === 'Exif\0\0') return segment.body + 6;
    }
  }
  if (format === 'png') {
    for (let offset = 8; offset + 8 <= head.length; ) {
      const length = view(head).getUint32(offset);
      if (ascii(head, offset + 4, 4) === 'eXIf') return offset + 8;
      offset += 12 + length;
    }
  }
  return undefined;
}

/**
 * Whether a JPEG or PNG carries an EXIF block, and whether that block starts like TIFF. A damaged
 * block matters: EXIF readers skip it silently, and "no GPS" would then be a guess, not a fact.
 */
export function exifBlockState(head: Uint8Array, format: SniffedFormat): 'none' | 'valid' | 'damaged' {
  const offset = exifOffset(head, format);
  if (offset === undefined) return 'none';
  return TIFF_HEADERS.includes(ascii(head, offset, 4)) ? 'valid' : 'damaged';
}

import exifr from 'exifr';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import type { ImagePreparer, PreparedImage, PrepareOptions } from '../../src/core/report/types';
import { applyOrientation, boxBlur3, enlarge, fitWithin, flattenOnWhite, type Rgba, shrink } from './pixels';

/** JPEG quality for images in the report. */
export const REPORT_JPEG_QUALITY = 85;
/** A sensitive image is reduced to this many pixels on its long edge before being smoothed back up. */
export const BLUR_EDGE = 24;
/** Long edge of a blurred image in the PDF; more pixels would only repeat the same smooth colours. */
export const BLURRED_MAX_EDGE = 400;
/** Decoding refuses images above this many megapixels (a decompression-bomb guard). */
const MAX_MEGAPIXELS = 100;

const isJpeg = (bytes: Uint8Array) => bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
const isPng = (bytes: Uint8Array) =>
  bytes.length > 8 && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47;

/** Decodes JPEG or PNG (chosen by content, not by the claimed type), or null for anything else. */
function decode(bytes: Uint8Array): Rgba | null {
  if (isJpeg(bytes)) {
    const image = jpeg.decode(bytes, {
      useTArray: true,
      formatAsRGBA: true,
      maxResolutionInMP: MAX_MEGAPIXELS,
      maxMemoryUsageInMB: 1024,
    });
    return { width: image.width, height: image.height, data: image.data };
  }
  if (isPng(bytes)) {
    const image = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    if (image.width * image.height > MAX_MEGAPIXELS * 1e6) return null;
    return flattenOnWhite({ width: image.width, height: image.height, data: new Uint8Array(image.data) });
  }
  return null;
}

/** EXIF orientation (1–8) of a JPEG, 1 when it has none or it cannot be read. */
async function orientationOf(bytes: Uint8Array): Promise<number> {
  if (!isJpeg(bytes)) return 1;
  try {
    return (await exifr.orientation(bytes)) ?? 1;
  } catch {
    // An unreadable EXIF block only means the image is shown as stored.
    return 1;
  }
}

/**
 * Unrecognisable on purpose: averaged down to `BLUR_EDGE` pixels, smoothed twice at that size, and
 * enlarged with interpolation, so only broad patches of colour remain.
 */
export function blurStrongly(image: Rgba): Rgba {
  const tiny = fitWithin(image.width, image.height, BLUR_EDGE);
  const smooth = boxBlur3(boxBlur3(shrink(image, tiny.width, tiny.height)));
  const out = fitWithin(image.width, image.height, BLURRED_MAX_EDGE);
  return enlarge(smooth, out.width, out.height);
}

function encode(image: Rgba): PreparedImage {
  const encoded = jpeg.encode(
    { width: image.width, height: image.height, data: image.data },
    REPORT_JPEG_QUALITY,
  );
  return { jpeg: new Uint8Array(encoded.data), width: image.width, height: image.height };
}

/** Turns original bytes into the report's JPEG: decoded, upright, at most `maxEdge`, blurred on request. */
export async function prepareImage(
  bytes: Uint8Array,
  options: PrepareOptions,
): Promise<PreparedImage | null> {
  let decoded: Rgba | null;
  try {
    decoded = decode(bytes);
  } catch {
    // Corrupt or truncated data: the report says "could not be rendered" and shows the file's hash.
    return null;
  }
  if (!decoded || decoded.width === 0 || decoded.height === 0) return null;
  const size = fitWithin(decoded.width, decoded.height, options.maxEdge);
  // Shrinking before turning is cheaper and gives the same pixels.
  const upright = applyOrientation(shrink(decoded, size.width, size.height), await orientationOf(bytes));
  return encode(options.blur ? blurStrongly(upright) : upright);
}

/**
 * The ImagePreparer for Node (CLI, demo, tests): JPEG and PNG through jpeg-js and pngjs. Other formats
 * (WebP, GIF, HEIC) resolve null and are shown as not rendered; the browser's preparer handles them.
 */
export function nodeImagePreparer(): ImagePreparer {
  return { prepare: (bytes, _mime, options) => prepareImage(bytes, options) };
}

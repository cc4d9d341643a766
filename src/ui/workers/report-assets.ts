import regular from '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf?url';
import bold from '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf?url';
import mono from '@expo-google-fonts/noto-sans-mono/400Regular/NotoSansMono_400Regular.ttf?url';
import type { ImagePreparer, PreparedImage, ReportFonts } from '../../core/report/types';

async function bytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`font ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

let fonts: Promise<ReportFonts> | undefined;

/** The report's fonts, from this origin (precached with the app, so exports work offline). */
export function loadReportFonts(): Promise<ReportFonts> {
  fonts ??= Promise.all([bytes(regular), bytes(bold), bytes(mono)]).then(([r, b, m]) => ({
    regular: r,
    bold: b,
    mono: m,
  }));
  return fonts;
}

/** Long edge of the tiny image a sensitive picture is reduced to before it is enlarged again. */
const BLUR_EDGE = 12;

/** One downscaled (or blurred) JPEG of a decoded picture. */
async function encodeJpeg(
  bitmap: ImageBitmap,
  options: { maxEdge: number; blur: boolean },
): Promise<PreparedImage | null> {
  const scale = Math.min(1, options.maxEdge / Math.max(bitmap.width, bitmap.height));
  const width = Math.max(1, Math.round(bitmap.width * scale));
  const height = Math.max(1, Math.round(bitmap.height * scale));
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d');
  if (!context) return null;
  context.imageSmoothingEnabled = true;
  context.imageSmoothingQuality = 'high';
  if (options.blur) {
    const tinyScale = BLUR_EDGE / Math.max(width, height);
    const tiny = new OffscreenCanvas(
      Math.max(1, Math.round(width * tinyScale)),
      Math.max(1, Math.round(height * tinyScale)),
    );
    tiny.getContext('2d')?.drawImage(bitmap, 0, 0, tiny.width, tiny.height);
    context.drawImage(tiny, 0, 0, width, height);
  } else {
    context.drawImage(bitmap, 0, 0, width, height);
  }
  const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.85 });
  // A canvas keeps its pixels (about 5 MB at 1,600 px) until the collector finds it, which in a worker
  // making hundreds of pictures is seconds later: shrinking it lets them go now.
  canvas.width = 0;
  canvas.height = 0;
  return { jpeg: new Uint8Array(await blob.arrayBuffer()), width, height };
}

/**
 * Draws a picture with OffscreenCanvas: EXIF orientation applied by createImageBitmap, one JPEG at 0.85
 * per entry of `sizes` (downscaled to its `maxEdge`), all from one decoding. Blurring reduces the picture
 * to a dozen pixels and enlarges it smoothly, which leaves colours and nothing recognisable, in every
 * browser (canvas `filter` is not everywhere). Null when it cannot be decoded.
 */
export async function drawJpegs(
  picture: Blob,
  sizes: readonly { maxEdge: number; blur: boolean }[],
): Promise<PreparedImage[] | null> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(picture, { imageOrientation: 'from-image' });
  } catch {
    return null;
  }
  try {
    const drawn: PreparedImage[] = [];
    for (const size of sizes) {
      const jpeg = await encodeJpeg(bitmap, size);
      if (!jpeg) return null;
      drawn.push(jpeg);
    }
    return drawn;
  } finally {
    bitmap.close();
  }
}

/** Images for the PDF, drawn by `drawJpeg` from the decrypted original's bytes. */
export const browserImagePreparer: ImagePreparer = {
  prepare(data, mime, options): Promise<PreparedImage | null> {
    return drawJpegs(new Blob([data as BlobPart], { type: mime }), [options]).then(
      (drawn) => drawn?.[0] ?? null,
    );
  },
};

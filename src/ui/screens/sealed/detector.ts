import { BarcodeDetector as PolyfillDetector } from 'qr/decode.js';

interface Detector {
  detect(image: ImageBitmapSource): Promise<{ rawValue: string }[]>;
}

/**
 * The browser's own QR reader where it has one (Chrome on Android, ChromeOS and macOS), else the `qr`
 * library's decoder behind the same interface, so camera and photo scanning work in every browser.
 */
export function qrDetector(): Detector {
  const native = (globalThis as { BarcodeDetector?: new (options: { formats: string[] }) => Detector })
    .BarcodeDetector;
  return native ? new native({ formats: ['qr_code'] }) : new PolyfillDetector({ formats: ['qr_code'] });
}

/** The text of the first QR code in `image`, or null when there is none. */
export async function readQr(image: ImageBitmapSource): Promise<string | null> {
  try {
    const [first] = await qrDetector().detect(image);
    return first?.rawValue ?? null;
  } catch {
    // A frame the decoder cannot use (not yet playing, too small) simply holds no code.
    return null;
  }
}

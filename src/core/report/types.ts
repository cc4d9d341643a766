import type { CustodyRecord } from '../custody/log';
import type { CaptureTime, Case, EvidenceItem, FileFacts } from '../evidence/model';
import type { ReportImageStore } from './image-store';

/** Version of the report layout (docs/report.md); printed in the PDF metadata. */
export const REPORT_FORMAT_VERSION = 1 as const;

/** Longest edge, in pixels, of any image placed in the report. */
export const REPORT_IMAGE_MAX_EDGE = 1600;

/** Which language the report's own words are in; `both` puts English and Malay side by side. */
export type ReportLanguage = 'en' | 'ms' | 'both';

/** What happens to images of items marked sensitive (same values as the bundle's export policy). */
export type ReportSensitivePolicy = 'include' | 'blur' | 'omit';

/** An original file that is in the bundle. Same shape as the manifest's `IncludedFile`. */
export interface ReportFile {
  id: string;
  /** Entry name in the bundle, `evidence/NNN-<name>.<ext>`. */
  path: string;
  sha256: string;
  size: number;
  mime: string;
  originalName: string;
  lastModified?: string;
  facts: FileFacts;
}

/** A file the export left out of the bundle (sensitive, `omit` policy): only its hash is known. */
export interface ReportOmittedFile {
  omitted: true;
  sha256: string;
}

/** An item as the manifest carries it: the vault record with its files placed in the bundle. */
export type ReportItem = Omit<EvidenceItem, 'files' | 'caseId'> & {
  files: (ReportFile | ReportOmittedFile)[];
};

/**
 * Everything the report shows. It is a subset of the bundle's planned manifest, so
 * `buildReport({ ...plan.manifest, language }, deps)` works without conversion.
 */
export interface ReportInput {
  bundleId: string;
  /** When the bundle was made, in UTC and the device's local time with offset. */
  createdAt: CaptureTime;
  app: { name: string; version: string };
  signer: { fingerprint: string };
  case: Pick<Case, 'id' | 'title' | 'narrative' | 'accounts' | 'complainant'>;
  export: { sensitive: ReportSensitivePolicy; recipientNote?: string };
  /** The exported items, in the order the bundle lists them. */
  items: readonly ReportItem[];
  /** Custody records of the exported items, oldest first (redacted stand-ins are counted, not shown). */
  custody: readonly CustodyRecord[];
  /**
   * SHA-256 of SHA256SUMS, only when the report is made outside the bundle (e.g. reprinted after a
   * check). A report inside the bundle is itself listed in SHA256SUMS, so it can never contain this.
   */
  sumsSha256?: string;
  /** Default `both`. */
  language?: ReportLanguage;
}

/** A decoded, oriented, downscaled image ready for the PDF. */
export interface PreparedImage {
  /** Baseline JPEG bytes (quality about 0.85), EXIF orientation already applied. */
  jpeg: Uint8Array;
  /** Pixel size of `jpeg`, as displayed (after orientation). */
  width: number;
  height: number;
  /**
   * Set when the image store already keeps these bytes under this key (a report image made at capture):
   * the layout then only reads them, and the PDF takes them from the store when it is written.
   */
  stored?: string;
}

/** Options for one image; `maxEdge` is always `REPORT_IMAGE_MAX_EDGE`. */
export interface PrepareOptions {
  /** Blur so strongly that nothing in the image can be recognised (docs/report.md, "Blurring"). */
  blur: boolean;
  maxEdge: number;
}

/**
 * Turns original image bytes into a JPEG for the PDF only; the original in the bundle is never
 * touched. Resolves `null` when the image cannot be decoded. The browser implementation uses
 * OffscreenCanvas and createImageBitmap (imageOrientation 'from-image'); Node uses jpeg-js and pngjs.
 */
export interface ImagePreparer {
  /** Keeps nothing of `bytes` once its promise has settled (the caller may then free them). */
  prepare(bytes: Uint8Array, mime: string, options: PrepareOptions): Promise<PreparedImage | null>;
}

/** TrueType bytes of the three embedded fonts (Noto Sans Regular and Bold, Noto Sans Mono). */
export interface ReportFonts {
  regular: Uint8Array;
  bold: Uint8Array;
  mono: Uint8Array;
}

/** A still frame of a video, chosen by the caller (optional). */
export interface PosterFrame {
  bytes: Uint8Array;
  mime: string;
}

/** What the report needs from its surroundings: fonts, image decoding and file access. */
export interface ReportDeps {
  fonts: ReportFonts;
  images: ImagePreparer;
  /** Bytes of an original image file in the bundle. A rejection shows the image as not rendered. */
  readFile(file: ReportFile): Promise<Uint8Array>;
  /**
   * The image the report draws for `file`, made ahead (at capture) instead of from the original; null
   * when the file has none (it cannot be decoded). Without it, images are prepared from `readFile`.
   */
  readImage?(file: ReportFile, options: { blur: boolean }): Promise<PreparedImage | null>;
  /** A poster frame for a video file, or null; without it videos are described in words only. */
  readPoster?(file: ReportFile): Promise<PosterFrame | null>;
  /** Where prepared images wait until the PDF is written; in memory when absent. */
  imageStore?: ReportImageStore;
  /** Aborting stops the build with `report.cancelled`. */
  signal?: AbortSignal;
  /** Called after each item section is laid out. */
  onProgress?(itemsDone: number, itemsTotal: number): void;
}

/** True for a file that is in the bundle (not left out). */
export function isReportFile(file: ReportFile | ReportOmittedFile): file is ReportFile {
  return !('omitted' in file);
}

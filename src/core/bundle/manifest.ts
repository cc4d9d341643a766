import type { CustodyEntry } from '../custody/entry';
import type { CaptureTime, Case, EvidenceItem, FileFacts } from '../evidence/model';

/** Format name written into every manifest. */
export const BUNDLE_FORMAT = 'bukti-bundle';
/** Version of the bundle layout and manifest schema (docs/bundle-format.md). */
export const BUNDLE_FORMAT_VERSION = 1;

/** What happens to files of items marked sensitive: kept, kept but blurred in the report, or left out. */
export type SensitivePolicy = 'include' | 'blur' | 'omit';
export const SENSITIVE_POLICIES: readonly SensitivePolicy[] = ['include', 'blur', 'omit'];

/** An original file in the bundle. */
export interface IncludedFile {
  id: string;
  /** Entry name in the ZIP, `evidence/NNN-<name>.<ext>`. */
  path: string;
  sha256: string;
  size: number;
  mime: string;
  originalName: string;
  lastModified?: string;
  facts: FileFacts;
}

/** A file left out under the `omit` policy: only its hash, so its existence stays provable. */
export interface OmittedFile {
  omitted: true;
  sha256: string;
}

export type ManifestFile = IncludedFile | OmittedFile;

/** An evidence item exactly as in the vault, except that its files carry their place in the bundle. */
export type ManifestItem = Omit<EvidenceItem, 'files'> & { files: ManifestFile[] };

export interface ExportRecord {
  sensitive: SensitivePolicy;
  recipientNote?: string;
  /** Whether the survivor exported the whole case or chose items; `itemIds` lists what is in the bundle. */
  selection: { allItems: boolean; itemIds: string[] };
}

export interface SignerRecord {
  algorithm: 'Ed25519';
  /** Raw 32-byte public key, lowercase hex. */
  publicKey: string;
  /** SHA-256 of the raw public key, lowercase hex (shown in groups of four). */
  fingerprint: string;
}

/** `manifest.json`, version 1. */
export interface BundleManifest {
  format: typeof BUNDLE_FORMAT;
  version: typeof BUNDLE_FORMAT_VERSION;
  bundleId: string;
  createdAt: CaptureTime;
  app: { name: string; version: string };
  signer: SignerRecord;
  case: Case;
  export: ExportRecord;
  report: { path: 'report.pdf'; sha256: string; size: number };
  items: ManifestItem[];
  /** Full custody entries of the exported items and of the case, before this export. */
  custody: CustodyEntry[];
}

/** True for a file that is in the bundle (not omitted). */
export function isIncluded(file: ManifestFile): file is IncludedFile {
  return !('omitted' in file);
}

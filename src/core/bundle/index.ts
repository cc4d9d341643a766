/** The sealed bundle: what the export screen, the verify screen, the report and the CLI call. */

export { blobSource, bytesSource, type RandomAccessSource } from '../zip/source';
export { formatFingerprint, keyFingerprint, parsePublicKeyPem, publicKeyPem } from './key';
export type {
  BundleManifest,
  IncludedFile,
  ManifestFile,
  ManifestItem,
  OmittedFile,
  SensitivePolicy,
} from './manifest';
export { BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION, isIncluded } from './manifest';
export { evidencePath, isSafeEntryName } from './names';
export type { BundlePlan, ExportOptions, PlanInput, PlannedFile } from './plan';
export { planBundle } from './plan';
export type { BundleSigner, FileSource, SealOptions, SealProgress, SealResult, SealSources } from './seal';
export { sealBundle } from './seal';
export type { VerifyOptions } from './verify';
export { verifyBundle } from './verify';
export type { BundleStatus, FileCheck, FileStatus, VerifyProblem, VerifyReport } from './verify-report';
export { verifyText } from './verify-text';

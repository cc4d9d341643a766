import type { CaptureTime } from '../evidence/model';
import type { MessageKey, MessageParams } from '../i18n';

/**
 * intact: everything agrees (and, when a key was expected, it signed); unexpectedKey: intact, but signed by
 * another key than the one expected; tampered: readable but changed or inconsistent; invalid: not a
 * readable bundle.
 */
export type BundleStatus = 'intact' | 'unexpectedKey' | 'tampered' | 'invalid';

/** One finding, as a message key and its parameters, so the app and the CLI word it the same way. */
export interface VerifyProblem {
  code: MessageKey;
  params: MessageParams;
}

export type FileStatus = 'ok' | 'changed' | 'missing' | 'extra' | 'unreadable' | 'unchecked';

/** One file of the bundle compared with SHA256SUMS. */
export interface FileCheck {
  path: string;
  /** From SHA256SUMS; null when the file is not listed (or SHA256SUMS is unusable). */
  expectedSha256: string | null;
  /** Of the bytes in the ZIP; null when missing or unreadable. */
  actualSha256: string | null;
  size: number | null;
  status: FileStatus;
}

/** The result of `verifyBundle`, also printed by `bukti verify --json`. */
/** A change of signing key the bundle's custody log records: at which entry (from 1), key fingerprints. */
export interface KeyChangeNote {
  position: number;
  from: string;
  to: string;
}

export interface VerifyReport {
  format: 'bukti-verify-report';
  version: 2;
  status: BundleStatus;
  /** The files are the signed ones, but the ZIP around them is not the one the app wrote (`zip -r`). */
  repacked: boolean;
  /** The fingerprint the reader expected (lowercase hex) and whether the signing key is that one. */
  key: { expected: string | null; matches: boolean | null };
  bundleId: string | null;
  createdAt: CaptureTime | null;
  zip64: boolean;
  signature: {
    present: boolean;
    valid: boolean;
    /** SHA-256 of the Ed25519 key in public-key.pem, lowercase hex. */
    keyFingerprint: string | null;
    publicKey: string | null;
    /** Whether public-key.pem is the key manifest.json names; null when either is unreadable. */
    matchesManifest: boolean | null;
  };
  sums: { present: boolean; wellFormed: boolean; count: number };
  manifest: { present: boolean; valid: boolean; version: number | null; agreesWithSums: boolean | null };
  /**
   * `warnings` note things that do not break the chain: a device clock set back, and every restore
   * (where the vault moved to another device, docs/custody-log.md "Devices"); `keyChanges` every
   * verified change of the survivor's signing key (entries before it are signed by the old key).
   */
  custody: {
    present: boolean;
    entries: number;
    continuous: boolean | null;
    warnings: VerifyProblem[];
    keyChanges: KeyChangeNote[];
  };
  files: FileCheck[];
  problems: VerifyProblem[];
}

/** Problems that mean the file could not be checked as a bundle at all. */
const INVALID_CODES: ReadonlySet<MessageKey> = new Set<MessageKey>([
  'bundle.zip.empty',
  'bundle.zip.notZip',
  'bundle.zip.truncated',
  'bundle.zip.unreadable',
  'bundle.zip.corrupt',
  'bundle.zip.multiDisk',
  'bundle.zip.tooManyEntries',
  'bundle.zip.tooLarge',
  'bundle.verify.notBundle',
  'bundle.verify.unexpected',
]);

/**
 * The overall verdict. `invalid` wins when the bundle could not be read, or when a manifest that the
 * signature vouches for is unusable (for example a newer format); any other problem means `tampered`.
 */
export function statusOf(
  problems: readonly VerifyProblem[],
  attestedManifestUnusable: boolean,
  keyMatches: boolean | null,
): BundleStatus {
  if (attestedManifestUnusable || problems.some((problem) => INVALID_CODES.has(problem.code)))
    return 'invalid';
  if (problems.length > 0) return 'tampered';
  return keyMatches === false ? 'unexpectedKey' : 'intact';
}

/** Findings listed one by one; the rest are counted, so a hostile file cannot make the report huge. */
export const MAX_LISTED_PROBLEMS = 100;

/** The first `MAX_LISTED_PROBLEMS` problems, then one that counts the others. */
export function capProblems(problems: readonly VerifyProblem[]): VerifyProblem[] {
  if (problems.length <= MAX_LISTED_PROBLEMS) return [...problems];
  return [
    ...problems.slice(0, MAX_LISTED_PROBLEMS),
    { code: 'bundle.verify.moreProblems', params: { count: problems.length - MAX_LISTED_PROBLEMS } },
  ];
}

/** An empty report, filled in as the checks run. */
export function emptyReport(): VerifyReport {
  return {
    format: 'bukti-verify-report',
    version: 2,
    status: 'invalid',
    repacked: false,
    key: { expected: null, matches: null },
    bundleId: null,
    createdAt: null,
    zip64: false,
    signature: { present: false, valid: false, keyFingerprint: null, publicKey: null, matchesManifest: null },
    sums: { present: false, wellFormed: false, count: 0 },
    manifest: { present: false, valid: false, version: null, agreesWithSums: null },
    custody: { present: false, entries: 0, continuous: null, warnings: [], keyChanges: [] },
    files: [],
    problems: [],
  };
}

/** Control and format characters (bidirectional overrides among them) and the Unicode line separators. */
const UNPRINTABLE = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;

/** Text with control and format characters (bidirectional overrides among them) shown as `\u{…}` escapes. */
export function escapeUnprintable(text: string): string {
  return text.replace(UNPRINTABLE, (char) => `\\u{${(char.codePointAt(0) ?? 0).toString(16)}}`);
}

/**
 * An entry name made safe to show: escaped as above (a bidirectional override can make `gpj.exe` read
 * as `exe.jpg`), and shortened when very long.
 */
export function printable(name: string): string {
  const escaped = escapeUnprintable(name);
  return escaped.length > 200 ? `${escaped.slice(0, 200)}…` : escaped;
}

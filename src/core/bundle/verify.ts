import { loadSodium, type Sodium } from '../crypto/sodium';
import { isBuktiError } from '../errors';
import { openZip } from '../zip/archive';
import { type RandomAccessSource, readAheadSource } from '../zip/source';
import { checkBundleCustody } from './custody';
import { parseManifest } from './manifest-parse';
import { parseSums, type SumsLine } from './sums';
import { checkSignature, compareFiles, describedFiles, indexByName, REQUIRED_ENTRIES } from './verify-checks';
import {
  checkByteOrderMarks,
  checkReportFacts,
  checkVerifyText,
  isRepacked,
  normaliseFingerprint,
  splitFolders,
} from './verify-container';
import {
  type EntryContent,
  portablePrimitives,
  type ReadProgress,
  readEntries,
  type VerifyPrimitives,
} from './verify-read';
import {
  capProblems,
  emptyReport,
  printable,
  statusOf,
  type VerifyProblem,
  type VerifyReport,
} from './verify-report';

export interface VerifyOptions {
  signal?: AbortSignal;
  onProgress?: (progress: ReadProgress) => void;
  /** The fingerprint the reader expects (from the survivor's key card); spaces and capitals are fine. */
  expectedKey?: string;
  /** Native hashes (the CLI); by default libsodium and the core's CRC-32. */
  primitives?: VerifyPrimitives;
}

/**
 * Checks a bundle without a vault, reading it through `source` (a file handle, a Blob) without loading
 * it whole. Never throws for anything in the file: every finding is a problem in the report, and the
 * status says whether the bundle is intact, tampered or not a readable bundle. Throws only
 * `bundle.verify.cancelled` when `signal` aborts.
 */
export async function verifyBundle(
  source: RandomAccessSource,
  options: VerifyOptions = {},
): Promise<VerifyReport> {
  const report = emptyReport();
  const problems: VerifyProblem[] = [];
  const verdict = { attestedManifestUnusable: false };
  if (options.expectedKey !== undefined)
    report.key.expected = normaliseFingerprint(options.expectedKey) ?? null;
  try {
    await check(await loadSodium(), readAheadSource(source), options, report, problems, verdict);
  } catch (error) {
    if (isBuktiError(error, 'bundle.verify.cancelled')) throw error;
    if (isBuktiError(error)) problems.push({ code: error.code, params: error.params });
    else
      problems.push({
        code: 'bundle.verify.unexpected',
        params: { detail: error instanceof Error ? error.name : 'error' },
      });
  }
  const fingerprint = report.signature.keyFingerprint;
  if (report.key.expected !== null && fingerprint !== null && report.signature.valid)
    report.key.matches = fingerprint === report.key.expected;
  report.problems = capProblems(problems).map(shown);
  report.custody.warnings = capProblems(report.custody.warnings).map(shown);
  report.status = statusOf(problems, verdict.attestedManifestUnusable, report.key.matches);
  if (report.status !== 'intact' && report.status !== 'unexpectedKey') report.repacked = false;
  return report;
}

async function check(
  sodium: Sodium,
  source: RandomAccessSource,
  options: VerifyOptions,
  report: VerifyReport,
  problems: VerifyProblem[],
  verdict: { attestedManifestUnusable: boolean },
): Promise<void> {
  const archive = await openZip(source);
  report.zip64 = archive.zip64;
  for (const problem of archive.problems) {
    const path = problem.params.path;
    problems.push({
      code: problem.code,
      params: typeof path === 'string' ? { ...problem.params, path: printable(path) } : problem.params,
    });
  }
  const primitives = options.primitives ?? (await portablePrimitives());
  const entries = await readEntries(source, archive, problems, options, primitives);
  const sumsEntry = entries.find(({ entry }) => entry.name === 'SHA256SUMS');
  const { files: contents, folders } = splitFolders(entries, readSumsQuietly(sumsEntry), problems);
  const byName = indexByName(contents, problems);
  checkByteOrderMarks(byName, problems);
  if (!byName.has('manifest.json') && !byName.has('SHA256SUMS')) {
    problems.push({ code: 'bundle.verify.notBundle', params: {} });
    return;
  }
  for (const path of REQUIRED_ENTRIES) {
    if (!byName.has(path)) problems.push({ code: 'bundle.verify.missingRequired', params: { path } });
  }
  const publicKey = await checkSignature(sodium, byName, report, problems);
  const sumsContent = byName.get('SHA256SUMS');
  const lines = readSums(sumsContent, report, problems);
  const manifestContent = byName.get('manifest.json');
  const manifest = checkManifest(manifestContent, lines, publicKey, report, problems, verdict);
  const manifestListed = lines?.find((line) => line.path === 'manifest.json')?.sha256;
  report.manifest.agreesWithSums = compareFiles(
    contents,
    byName,
    {
      lines,
      sumsTrusted: report.signature.valid,
      sumsDamaged: sumsContent?.crcFailed ?? false,
      // A manifest that differs from its own SHA256SUMS line was changed; its hashes prove nothing.
      described:
        manifest && manifestListed === manifestContent?.sha256 ? describedFiles(manifest) : undefined,
    },
    report,
    problems,
  );
  // Only a signed, consistent bundle is worth this check; otherwise the files named above already fail.
  if (report.signature.valid && report.manifest.agreesWithSums) {
    const fingerprint = report.signature.keyFingerprint;
    checkVerifyText(byName.get('VERIFY.txt')?.bytes, manifest, fingerprint, problems);
    await checkReportFacts(source, byName.get('report.pdf'), manifest, fingerprint, problems);
  }
  report.repacked = isRepacked(contents, folders, lines);
  const custody = byName.get('custody-log.jsonl')?.bytes;
  if (custody) {
    const result = await checkBundleCustody(
      sodium,
      custody,
      {
        publicKey,
        bundleId: manifest?.bundleId,
        manifestSha256: manifestContent?.sha256 ?? undefined,
        manifestEntries: manifest?.custody,
      },
      problems,
    );
    report.custody = {
      present: true,
      entries: result.entries,
      continuous: result.continuous,
      warnings: result.warnings,
      keyChanges: result.keyChanges,
    };
  }
}

/** A problem whose text parameters (some come from the file itself) are safe to display. */
function shown(problem: VerifyProblem): VerifyProblem {
  const params = Object.fromEntries(
    Object.entries(problem.params).map(([key, value]) => [
      key,
      typeof value === 'string' ? printable(value) : value,
    ]),
  );
  return { code: problem.code, params };
}

/** SHA256SUMS parsed only to know which folders hold signed files; its problems are reported later. */
function readSumsQuietly(content: EntryContent | undefined): SumsLine[] | undefined {
  if (!content?.bytes) return undefined;
  const parsed = parseSums(new TextDecoder('utf-8', { ignoreBOM: true }).decode(content.bytes));
  return parsed.ok ? parsed.lines : undefined;
}

function readSums(
  content: EntryContent | undefined,
  report: VerifyReport,
  problems: VerifyProblem[],
): SumsLine[] | undefined {
  if (!content?.bytes) return undefined;
  report.sums.present = true;
  // ignoreBOM keeps a byte-order mark in the text, so the line it is on fails to parse, as in sha256sum.
  const parsed = parseSums(new TextDecoder('utf-8', { ignoreBOM: true }).decode(content.bytes));
  if (!parsed.ok) {
    problems.push(parsed.problem);
    return undefined;
  }
  report.sums.wellFormed = true;
  report.sums.count = parsed.lines.length;
  return parsed.lines;
}

function checkManifest(
  content: EntryContent | undefined,
  lines: SumsLine[] | undefined,
  publicKey: string | undefined,
  report: VerifyReport,
  problems: VerifyProblem[],
  verdict: { attestedManifestUnusable: boolean },
) {
  if (!content?.bytes) return undefined;
  report.manifest.present = true;
  const parsed = parseManifest(content.bytes);
  if (!parsed.ok) {
    problems.push(parsed.problem);
    // Signed and unchanged, yet unusable (a newer format): the bundle is fine, this verifier cannot read it.
    const listed = lines?.find((line) => line.path === 'manifest.json')?.sha256;
    verdict.attestedManifestUnusable =
      report.signature.valid && listed !== undefined && listed === content.sha256;
    if (parsed.problem.code === 'bundle.verify.manifestVersion')
      report.manifest.version = Number(parsed.problem.params.version);
    return undefined;
  }
  const { manifest } = parsed;
  report.manifest.valid = true;
  report.manifest.version = manifest.version;
  report.bundleId = manifest.bundleId;
  report.createdAt = manifest.createdAt;
  if (publicKey !== undefined) {
    report.signature.matchesManifest = manifest.signer.publicKey === publicKey;
    if (!report.signature.matchesManifest) problems.push({ code: 'bundle.verify.keyMismatch', params: {} });
    else if (manifest.signer.fingerprint !== report.signature.keyFingerprint) {
      problems.push({
        code: 'bundle.verify.manifestMalformed',
        params: { path: 'manifest.json', field: 'signer.fingerprint' },
      });
    }
  }
  return manifest;
}

import type { Sodium } from '../crypto/sodium';
import { parsePublicKeyPem } from './key';
import type { BundleManifest } from './manifest';
import { isIncluded } from './manifest';
import { isSafeEntryName } from './names';
import { type SumsLine, UNSIGNED_ENTRIES } from './sums';
import type { EntryContent } from './verify-read';
import { type FileCheck, printable, type VerifyProblem, type VerifyReport } from './verify-report';

/** Every entry a version 1 bundle has, besides its evidence files. */
export const REQUIRED_ENTRIES = [
  'report.pdf',
  'manifest.json',
  'custody-log.jsonl',
  'SHA256SUMS',
  'SHA256SUMS.sig',
  'public-key.pem',
  'VERIFY.txt',
] as const;

/**
 * Flags entry names no bundle may have (unsafe or not ASCII) and names used twice, and returns the
 * first entry of each name: the only one compared with SHA256SUMS, as `sha256sum -c` would see one file.
 */
export function indexByName(
  contents: readonly EntryContent[],
  problems: VerifyProblem[],
): Map<string, EntryContent> {
  const byName = new Map<string, EntryContent>();
  const reported = new Set<string>();
  for (const content of contents) {
    const { entry } = content;
    const ascii = entry.nameBytes.every((byte) => byte < 0x80);
    if (!ascii || !isSafeEntryName(entry.name)) {
      problems.push({ code: 'bundle.verify.unsafeName', params: { path: printable(entry.name) } });
      continue;
    }
    if (byName.has(entry.name)) {
      if (!reported.has(entry.name))
        problems.push({ code: 'bundle.verify.duplicateName', params: { path: entry.name } });
      reported.add(entry.name);
      continue;
    }
    byName.set(entry.name, content);
  }
  return byName;
}

/** Reads public-key.pem and checks SHA256SUMS.sig over SHA256SUMS; returns the key (hex) when readable. */
export async function checkSignature(
  sodium: Sodium,
  byName: Map<string, EntryContent>,
  report: VerifyReport,
  problems: VerifyProblem[],
): Promise<string | undefined> {
  const pem = byName.get('public-key.pem')?.bytes;
  const signature = byName.get('SHA256SUMS.sig')?.bytes;
  const sums = byName.get('SHA256SUMS')?.bytes;
  let key: Uint8Array | undefined;
  if (pem) {
    key = await parsePublicKeyPem(new TextDecoder().decode(pem));
    if (!key) problems.push({ code: 'bundle.verify.keyMalformed', params: { path: 'public-key.pem' } });
  }
  if (key) {
    report.signature.publicKey = sodium.to_hex(key);
    report.signature.keyFingerprint = sodium.to_hex(sodium.crypto_hash_sha256(key));
  }
  if (signature) {
    report.signature.present = true;
    if (signature.length !== 64) {
      problems.push({
        code: 'bundle.verify.signatureLength',
        params: { path: 'SHA256SUMS.sig', length: signature.length },
      });
    } else if (key && sums) {
      report.signature.valid = sodium.crypto_sign_verify_detached(signature, sums, key);
      if (!report.signature.valid) problems.push({ code: 'bundle.verify.signatureInvalid', params: {} });
    }
  }
  return report.signature.publicKey ?? undefined;
}

/** What each file should hash to, and how far each source can be trusted. */
export interface Expectations {
  /** SHA256SUMS, parsed; undefined when missing or malformed. */
  lines: readonly SumsLine[] | undefined;
  /** The signature over SHA256SUMS is valid. */
  sumsTrusted: boolean;
  /** SHA256SUMS failed the ZIP's CRC-32: its own bytes were changed inside the ZIP. */
  sumsDamaged: boolean;
  /** Report and originals as the manifest lists them; only when manifest.json matches its SHA256SUMS line. */
  described: ReadonlyMap<string, { sha256: string; size: number }> | undefined;
}

/** The files the manifest describes (report.pdf and every original kept), by path. */
export function describedFiles(manifest: BundleManifest): Map<string, { sha256: string; size: number }> {
  const described = new Map<string, { sha256: string; size: number }>([
    [manifest.report.path, manifest.report],
  ]);
  for (const item of manifest.items) {
    for (const file of item.files) if (isIncluded(file)) described.set(file.path, file);
  }
  return described;
}

/**
 * Compares every entry with SHA256SUMS and the manifest, fills `report.files`, and names each changed,
 * unreadable, added or missing file. When the signature does not hold, SHA256SUMS itself may be what
 * changed: a line that disagrees with a file the manifest (or the ZIP's CRC) still vouches for is
 * blamed on SHA256SUMS, not on the file. Returns whether manifest and SHA256SUMS agree.
 */
export function compareFiles(
  contents: readonly EntryContent[],
  byName: Map<string, EntryContent>,
  expect: Expectations,
  report: VerifyReport,
  problems: VerifyProblem[],
): boolean | null {
  const { lines, sumsTrusted, described } = expect;
  const sums = new Map(
    (lines ?? []).map((line, index) => [line.path, { sha256: line.sha256, line: index + 1 }]),
  );
  const before = problems.length;
  const sumsChanged = (path: string) =>
    problems.push({
      code: 'bundle.verify.sumsChanged',
      params: { path: 'SHA256SUMS', line: sums.get(path)?.line ?? 0 },
    });
  for (const content of contents) {
    const name = content.entry.name;
    const first = byName.get(name) === content;
    if (first && UNSIGNED_ENTRIES.includes(name)) continue;
    const listed = first ? sums.get(name) : undefined;
    const vouched = first ? described?.get(name) : undefined;
    const actual = content.sha256;
    const check: FileCheck = {
      path: printable(name),
      expectedSha256: listed?.sha256 ?? null,
      actualSha256: actual,
      size: content.entry.size,
      status: 'ok',
    };
    report.files.push(check);
    if (!first) check.status = 'extra';
    else if (!lines) check.status = 'unchecked';
    else if (!listed) {
      check.status = 'extra';
      // The file is the one the manifest describes: the line naming it is what went missing.
      if (sumsTrusted || vouched?.sha256 !== actual)
        problems.push({ code: 'bundle.verify.extraFile', params: { path: name } });
    } else if (actual === null) check.status = 'unreadable';
    else if (actual !== listed.sha256) {
      check.status = 'changed';
      if (sumsTrusted) problems.push({ code: 'bundle.verify.hashMismatch', params: { path: name } });
      else if (vouched?.sha256 === actual || (expect.sumsDamaged && !content.crcFailed)) sumsChanged(name);
      else problems.push({ code: 'bundle.verify.sumsDisagree', params: { path: name } });
    } else if (vouched && (vouched.sha256 !== actual || vouched.size !== content.entry.size)) {
      if (!sumsTrusted) check.status = 'changed';
      problems.push({ code: 'bundle.verify.manifestMismatch', params: { path: name } });
    }
  }
  for (const [path, line] of sums) {
    if (byName.has(path)) continue;
    report.files.push({
      path,
      expectedSha256: line.sha256,
      actualSha256: null,
      size: null,
      status: 'missing',
    });
    // A missing required entry has been reported already, in words that say it is required.
    if ((REQUIRED_ENTRIES as readonly string[]).includes(path)) continue;
    if (!sumsTrusted && described && !described.has(path)) sumsChanged(path);
    else problems.push({ code: 'bundle.verify.missingFile', params: { path } });
  }
  if (!lines || !described) return null;
  for (const [path, file] of described) {
    const present = byName.get(path);
    if (sums.has(path) || (!sumsTrusted && present?.sha256 === file.sha256)) continue;
    problems.push({ code: 'bundle.verify.manifestMismatch', params: { path } });
  }
  for (const path of sums.keys()) {
    const known = described.has(path) || (REQUIRED_ENTRIES as readonly string[]).includes(path);
    if (!known && byName.has(path))
      problems.push({ code: 'bundle.verify.manifestMismatch', params: { path } });
  }
  return !problems.slice(before).some((problem) => problem.code === 'bundle.verify.manifestMismatch');
}

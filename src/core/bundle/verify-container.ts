import { type RandomAccessSource, readExactly } from '../zip/source';
import type { BundleManifest } from './manifest';
import { isSafeEntryName } from './names';
import { reportKeywords } from './report-facts';
import type { SumsLine } from './sums';
import type { EntryContent } from './verify-read';
import { printable, type VerifyProblem } from './verify-report';

/** Entries the verifier reads as text: none may start with a byte-order mark, which Bukti never writes. */
const TEXT_ENTRIES = ['manifest.json', 'custody-log.jsonl', 'SHA256SUMS', 'public-key.pem', 'VERIFY.txt'];
const BOM = [0xef, 0xbb, 0xbf];

/**
 * Splits off folder entries (`evidence/`, as `zip -r` writes them). A folder is accepted only when a file
 * listed in SHA256SUMS is inside it, since unpacking any other folder creates something never sealed.
 */
export function splitFolders(
  contents: readonly EntryContent[],
  lines: readonly SumsLine[] | undefined,
  problems: VerifyProblem[],
): { files: EntryContent[]; folders: number } {
  const files: EntryContent[] = [];
  let folders = 0;
  for (const content of contents) {
    const { entry } = content;
    if (!entry.directory) {
      files.push(content);
      continue;
    }
    folders++;
    const name = entry.name;
    const safe = entry.nameBytes.every((byte) => byte < 0x80) && isSafeEntryName(name.slice(0, -1));
    const holdsSigned = lines?.some((line) => line.path.startsWith(name)) ?? false;
    if (!safe || !holdsSigned)
      problems.push({ code: 'bundle.verify.extraDirectory', params: { path: printable(name) } });
  }
  return { files, folders };
}

/** Names each text entry that starts with a byte-order mark. */
export function checkByteOrderMarks(
  byName: ReadonlyMap<string, EntryContent>,
  problems: VerifyProblem[],
): void {
  for (const path of TEXT_ENTRIES) {
    const bytes = byName.get(path)?.bytes;
    if (bytes && BOM.every((byte, index) => bytes[index] === byte))
      problems.push({ code: 'bundle.verify.byteOrderMark', params: { path } });
  }
}

/** The order the app writes: SHA256SUMS order, with SHA256SUMS and its signature after the custody log. */
function writerOrder(lines: readonly SumsLine[]): string[] {
  const paths = lines.map((line) => line.path);
  const at = paths.indexOf('custody-log.jsonl');
  paths.splice(at < 0 ? paths.length : at + 1, 0, 'SHA256SUMS', 'SHA256SUMS.sig');
  return paths;
}

/**
 * Whether the ZIP around the files is not the one the app wrote: folder entries, deflate, Info-ZIP's
 * time and owner fields, or another order of entries. Only asked once the files are exactly the signed ones.
 */
export function isRepacked(
  files: readonly EntryContent[],
  folders: number,
  lines: readonly SumsLine[] | undefined,
): boolean {
  if (folders > 0) return true;
  if (files.some(({ entry }) => entry.method !== 0 || entry.foreignExtras)) return true;
  if (!lines) return false;
  const inFileOrder = [...files]
    .sort((a, b) => a.entry.localHeaderOffset - b.entry.localHeaderOffset)
    .map(({ entry }) => entry.name);
  const expected = writerOrder(lines);
  return (
    inFileOrder.length !== expected.length || inFileOrder.some((name, index) => name !== expected[index])
  );
}

const BUNDLE_ID_LINE = /^(?:Bundle ID|ID berkas): (.*)$/gm;
const FINGERPRINT_LINE = /^(?:Signing key fingerprint|Cap jari kunci tandatangan)[^\n]*:\n {4}([^\n]*)$/gm;

/**
 * VERIFY.txt repeats the bundle id and the key fingerprint (in English and in Malay) so a reader can
 * compare them with the printed report; each must be this bundle's and the key that signed.
 */
export function checkVerifyText(
  bytes: Uint8Array | undefined,
  manifest: BundleManifest | undefined,
  fingerprint: string | null,
  problems: VerifyProblem[],
): void {
  if (!bytes || !manifest || !fingerprint) return;
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  const ids = [...text.matchAll(BUNDLE_ID_LINE)].map((match) => match[1]);
  const prints = [...text.matchAll(FINGERPRINT_LINE)].map((match) => match[1]?.replaceAll(' ', ''));
  if (ids.length === 0 || ids.some((id) => id !== manifest.bundleId))
    problems.push({ code: 'bundle.verify.verifyTextBundleId', params: { path: 'VERIFY.txt' } });
  if (prints.length === 0 || prints.some((print) => print !== fingerprint))
    problems.push({ code: 'bundle.verify.verifyTextKey', params: { path: 'VERIFY.txt' } });
}

/** A fingerprint as a person may type it (spaces, capitals), as 64 lowercase hex digits; undefined if not one. */
export function normaliseFingerprint(text: string): string | undefined {
  const compact = text.replace(/[\s:]/g, '').toLowerCase();
  return /^[0-9a-f]{64}$/.test(compact) ? compact : undefined;
}

/**
 * report.pdf names the bundle id and the signing key's fingerprint in its Keywords (docs/report.md); a
 * report moved from another bundle names others. A report whose metadata cannot be read (not the form
 * the app writes, or deflated by a re-packer) is not compared.
 */
export async function checkReportFacts(
  source: RandomAccessSource,
  report: EntryContent | undefined,
  manifest: BundleManifest | undefined,
  fingerprint: string | null,
  problems: VerifyProblem[],
): Promise<void> {
  const entry = report?.entry;
  if (!entry || !manifest || !fingerprint || entry.method !== 0 || !entry.readable) return;
  const read = (offset: number, length: number) =>
    readExactly(source, entry.dataOffset + offset, Math.min(length, entry.size - offset));
  const keywords = await reportKeywords(read, entry.size).catch(() => undefined);
  if (keywords === undefined) return;
  const words = keywords.split(/\s+/);
  if (!words.includes(manifest.bundleId))
    problems.push({ code: 'bundle.verify.reportBundleId', params: { path: 'report.pdf' } });
  if (words.some((word) => /^[0-9a-f]{64}$/.test(word) && word !== fingerprint))
    problems.push({ code: 'bundle.verify.reportKey', params: { path: 'report.pdf' } });
}

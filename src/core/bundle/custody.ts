import { fromUtf8 } from '../canonical';
import type { Sodium } from '../crypto/sodium';
import type { CustodyEntry, EntryFields } from '../custody/entry';
import { entryHashWith } from '../custody/entry';
import { type CustodyRecord, formatCustodyLog, isRedacted, parseCustodyLog, redactLog } from '../custody/log';
import { chainProblemMessage, verifySubsequence } from '../custody/verify';
import type { EvidenceItem } from '../evidence/model';
import { type KeyChangeNote, MAX_LISTED_PROBLEMS, type VerifyProblem } from './verify-report';

export type { CustodyEntry, CustodyRecord };

const LOG = 'custody-log.jsonl';
/**
 * A bundle of 10,000 items has about 30,000 custody entries of under 2 KiB each; these limits keep a
 * hostile log from costing minutes of signature checks while leaving genuine logs far inside.
 */
const MAX_CUSTODY_LINES = 250_000;
const MAX_CUSTODY_LINE = 64 * 2 ** 10;

function countLines(text: string): { count: number; longest: number } {
  let count = 0;
  let longest = 0;
  for (let start = 0; start < text.length; ) {
    const end = text.indexOf('\n', start);
    const stop = end < 0 ? text.length : end;
    longest = Math.max(longest, stop - start);
    count++;
    start = stop + 1;
  }
  return { count, longest };
}

export { formatCustodyLog };

/**
 * The custody log as a bundle carries it. The manifest lists the full entries of the exported items
 * (and of the case itself, and every restore); `custody-log.jsonl` holds the vault's whole log with every other entry
 * replaced by its hash (`redactLog`), then the export entry, so the chain stays checkable from the
 * first entry to the export without revealing other cases or items.
 */
export async function selectCustody(
  log: readonly CustodyEntry[],
  caseId: string,
  items: readonly EvidenceItem[],
): Promise<{ entries: CustodyEntry[]; records: CustodyRecord[] }> {
  const itemIds = new Set(items.map((item) => item.id));
  // A restore concerns every case: it shows where the evidence moved to another device. A change of
  // signing key is never hidden either: the entries after it are signed by the new key, and the change
  // is what links them to the old one.
  const keep = (entry: CustodyEntry) =>
    entry.event === 'restored' ||
    entry.event === 'keyChanged' ||
    (entry.itemId !== undefined ? itemIds.has(entry.itemId) : entry.caseId === caseId);
  return { entries: log.filter(keep), records: await redactLog(log, keep) };
}

/** The custody entry that records this export. Holds no names or notes: only ids, counts and hashes. */
export function exportFields(facts: {
  caseId: string;
  bundleId: string;
  manifestSha256: string;
  fileHashes: string[];
  items: number;
  sensitive: string;
}): EntryFields {
  return {
    event: 'exported',
    caseId: facts.caseId,
    fileHashes: facts.fileHashes,
    details: {
      bundleId: facts.bundleId,
      manifestSha256: facts.manifestSha256,
      items: facts.items,
      sensitive: facts.sensitive,
    },
  };
}

export interface CustodyCheck {
  entries: number;
  continuous: boolean;
  /** Findings that do not break the chain (a device clock set back). */
  warnings: VerifyProblem[];
  /** Verified changes of signing key, with key fingerprints (SHA-256 of each key). */
  keyChanges: KeyChangeNote[];
}

/**
 * Checks `custody-log.jsonl` of a bundle: a continuous signed chain (redacted stand-ins allowed) signed
 * by `publicKey`, holding every custody entry the manifest lists, and ending with the export entry of
 * this very bundle and manifest.
 */
export async function checkBundleCustody(
  sodium: Sodium,
  bytes: Uint8Array,
  expected: {
    publicKey?: string;
    bundleId?: string;
    manifestSha256?: string;
    manifestEntries?: readonly unknown[];
  },
  problems: VerifyProblem[],
): Promise<CustodyCheck> {
  let text: string;
  try {
    text = fromUtf8(bytes);
  } catch {
    problems.push({ code: 'bundle.verify.custodyMalformed', params: { path: LOG, line: 1 } });
    return { entries: 0, continuous: false, warnings: [], keyChanges: [] };
  }
  const lines = countLines(text);
  if (lines.count > MAX_CUSTODY_LINES || lines.longest > MAX_CUSTODY_LINE) {
    problems.push({
      code: 'bundle.verify.custodyTooLarge',
      params: { path: LOG, lines: MAX_CUSTODY_LINES, length: MAX_CUSTODY_LINE },
    });
    return { entries: lines.count, continuous: false, warnings: [], keyChanges: [] };
  }
  const { records, unreadable } = parseCustodyLog(text);
  for (const { line } of unreadable)
    problems.push({ code: 'bundle.verify.custodyMalformed', params: { path: LOG, line } });
  const chain = await verifySubsequence(records, {
    trustedKey: expected.publicKey,
    maxProblems: MAX_LISTED_PROBLEMS + 1,
  });
  const warnings: VerifyProblem[] = [];
  for (const problem of chain.problems) {
    const { key, params } = chainProblemMessage(problem);
    (problem.severity === 'error' ? problems : warnings).push({ code: key, params });
  }
  // Not a problem, but a reader must see it: from here on the entries come from another device.
  for (const move of chain.moves) {
    warnings.push({
      code: 'custody.move',
      params: { position: move.index + 1, from: move.seq, device: (move.toDevice ?? '?').slice(0, 8) },
    });
  }
  const before = problems.length;
  checkManifestEntries(sodium, records, expected.manifestEntries ?? [], problems);
  if (expected.bundleId !== undefined) checkExportEntry(records, expected, problems);
  const fingerprint = (key: string) => sodium.to_hex(sodium.crypto_hash_sha256(sodium.from_hex(key)));
  return {
    entries: records.length,
    continuous: chain.ok && unreadable.length === 0 && problems.length === before,
    warnings,
    keyChanges: chain.keyChanges.map((change) => ({
      position: change.index + 1,
      from: fingerprint(change.from),
      to: fingerprint(change.to),
    })),
  };
}

/** Every entry listed in the manifest must be in the log, unchanged, at its own position. */
function checkManifestEntries(
  sodium: Sodium,
  records: unknown[],
  listed: readonly unknown[],
  problems: VerifyProblem[],
) {
  const seqOf = (record: unknown) => (record as { seq?: unknown } | null)?.seq;
  // Only the entries the manifest lists are hashed: a long hostile log costs no more than a short one.
  const wanted = new Set(listed.map(seqOf));
  const hashes = new Map<number, string>();
  for (const record of records) {
    const seq = seqOf(record);
    if (typeof seq !== 'number' || !wanted.has(seq) || isRedacted(record as CustodyRecord)) continue;
    const hash = safeHash(sodium, record);
    if (hash !== undefined) hashes.set(seq, hash);
  }
  listed.forEach((entry, index) => {
    const seq = (entry as { seq?: unknown } | null)?.seq;
    const hash = safeHash(sodium, entry);
    if (typeof seq !== 'number' || hash === undefined || hashes.get(seq) !== hash) {
      problems.push({ code: 'bundle.verify.custodyMismatch', params: { path: LOG, line: index + 1 } });
    }
  });
}

/** The last entry must record the export of this bundle, naming its id and the manifest's hash. */
function checkExportEntry(
  records: unknown[],
  expected: { bundleId?: string; manifestSha256?: string },
  problems: VerifyProblem[],
) {
  const last = records[records.length - 1] as Partial<CustodyEntry> | undefined;
  const details = last?.details;
  const matches =
    last?.event === 'exported' &&
    details !== undefined &&
    details.bundleId === expected.bundleId &&
    details.manifestSha256 === expected.manifestSha256;
  if (!matches)
    problems.push({
      code: 'bundle.verify.custodyMismatch',
      params: { path: LOG, line: Math.max(records.length, 1) },
    });
}

function safeHash(sodium: Sodium, record: unknown): string | undefined {
  try {
    return entryHashWith(sodium, record as CustodyEntry);
  } catch {
    return undefined;
  }
}

import { canonicalJson } from '../canonical';
import { loadSodium } from '../crypto/sodium';
import { type CustodyEntry, entryHashWith } from './entry';

/** Version of the redacted stand-in's format; unchanged since the first custody log. */
export const REDACTED_VERSION = 1 as const;

/**
 * Stands in for an entry left out of an export: its position and hash only. The next full entry's
 * signed `prevHash` commits to that hash, so the hidden entry cannot be swapped or dropped unnoticed,
 * yet nothing about it (item, case, event, time, files) is revealed.
 */
export interface RedactedEntry {
  v: typeof REDACTED_VERSION;
  seq: number;
  redacted: true;
  /** `entryHash` of the hidden entry. */
  hash: string;
}

/** A line of an exported custody log: a full signed entry or a redacted stand-in. */
export type CustodyRecord = CustodyEntry | RedactedEntry;

/** True when the record is a redacted stand-in rather than a full entry. */
export function isRedacted(record: CustodyRecord): record is RedactedEntry {
  return (record as Partial<RedactedEntry>).redacted === true;
}

/**
 * `custody-log.jsonl`: one canonical JSON record per line, each followed by `\n`. Because each line is
 * exactly the bytes that were hashed, `sha256sum` of a line (without its newline) equals the next
 * entry's `prevHash`.
 */
export function formatCustodyLog(records: readonly CustodyRecord[]): string {
  return records.map((record) => `${canonicalJson(record)}\n`).join('');
}

/** One line of a custody log file that is not JSON; `line` counts from 1. */
export interface LogLineProblem {
  line: number;
}

/**
 * The records in a `custody-log.jsonl` text, unchecked (pass them to `verifyChain` or
 * `verifySubsequence`), plus the lines that are not JSON at all. Blank lines are ignored.
 */
export function parseCustodyLog(text: string): { records: unknown[]; unreadable: LogLineProblem[] } {
  const records: unknown[] = [];
  const unreadable: LogLineProblem[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    try {
      records.push(JSON.parse(line));
    } catch {
      // Reported by line number; the verifier then also finds the gap in the sequence.
      unreadable.push({ line: index + 1 });
    }
  });
  return { records, unreadable };
}

/**
 * The whole log with every entry `keep` rejects replaced by a `RedactedEntry`, for exporting some
 * items without revealing the rest. Positions are kept, so the result still verifies as one chain.
 */
export async function redactLog(
  entries: readonly CustodyEntry[],
  keep: (entry: CustodyEntry) => boolean,
): Promise<CustodyRecord[]> {
  const sodium = await loadSodium();
  return entries.map((entry) =>
    keep(entry)
      ? entry
      : { v: REDACTED_VERSION, seq: entry.seq, redacted: true, hash: entryHashWith(sodium, entry) },
  );
}

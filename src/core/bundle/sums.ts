import type { MessageKey, MessageParams } from '../i18n';
import { isSafeEntryName } from './names';

/** One line of SHA256SUMS. */
export interface SumsLine {
  sha256: string;
  path: string;
}

/**
 * SHA256SUMS in GNU coreutils text mode: `<64 lowercase hex><two spaces><path>\n` per file, so that
 * `sha256sum -c SHA256SUMS` in the unpacked folder checks every file.
 */
export function formatSums(lines: readonly SumsLine[]): string {
  return lines.map((line) => `${line.sha256}  ${line.path}\n`).join('');
}

export type SumsResult =
  | { ok: true; lines: SumsLine[] }
  | { ok: false; problem: { code: MessageKey; params: MessageParams } };

const LINE = /^([0-9a-f]{64}) {2}(.+)$/;
/** The two entries SHA256SUMS cannot cover: itself and its signature. */
export const UNSIGNED_ENTRIES: readonly string[] = ['SHA256SUMS', 'SHA256SUMS.sig'];

/**
 * Parses SHA256SUMS strictly: only the form `formatSums` writes (no binary-mode `*`, no escaped names,
 * no blank lines, a final newline), only safe relative names, each at most once. Anything looser would
 * let two tools disagree on which file a hash belongs to.
 */
export function parseSums(text: string): SumsResult {
  if (text.length === 0 || !text.endsWith('\n')) {
    return {
      ok: false,
      problem: {
        code: 'bundle.verify.sumsMalformed',
        params: { path: 'SHA256SUMS', line: countLines(text) },
      },
    };
  }
  const lines: SumsLine[] = [];
  const seen = new Set<string>();
  const rows = text.slice(0, -1).split('\n');
  for (const [index, row] of rows.entries()) {
    const match = LINE.exec(row);
    const path = match?.[2];
    if (!match || path === undefined || !isSafeEntryName(path) || UNSIGNED_ENTRIES.includes(path)) {
      return {
        ok: false,
        problem: { code: 'bundle.verify.sumsMalformed', params: { path: 'SHA256SUMS', line: index + 1 } },
      };
    }
    if (seen.has(path))
      return { ok: false, problem: { code: 'bundle.verify.sumsDuplicate', params: { path } } };
    seen.add(path);
    lines.push({ sha256: match[1] as string, path });
  }
  return { ok: true, lines };
}

function countLines(text: string): number {
  return Math.max(1, text.split('\n').length);
}

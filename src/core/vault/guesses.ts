import { COMMON_PASSPHRASES } from './common-passphrases';
import { EN_RANKED } from './words/en';
import { MS_RANKED } from './words/ms';
import { NAMES } from './words/names';

/** What a guesser's dictionary and rules found in a passphrase; each kind has its own advice. */
export type GuessKind = 'common' | 'word' | 'name' | 'date' | 'sequence' | 'other';

/** The cheapest way a guesser could build a passphrase, in bits, and what it was made of. */
export interface GuessEstimate {
  bits: number;
  kinds: ReadonlySet<GuessKind>;
}

/** Guesses needed for a name: lists of first names are tried early, as a few thousand words. */
const NAME_RANK = 4096;
/** A year (1900–2039) or a full date (about 100 years of days). */
const YEAR_BITS = Math.log2(140);
const DATE_BITS = Math.log2(366 * 100);
const LETTER_BITS = Math.log2(26);
const DIGIT_BITS = Math.log2(10);
const OTHER_BITS = Math.log2(33);
const LONGEST_WORD = 16;
const KEYBOARD_ROWS = ['1234567890', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm', 'abcdefghijklmnopqrstuvwxyz'];
/** Letter-for-digit swaps people make, undone before words are looked up. */
export const LEET: Readonly<Record<string, string>> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
};

interface Entry {
  rank: number;
  kind: GuessKind;
}

let dictionary: Map<string, Entry> | null = null;

/** Every word a guesser tries by rank: common passwords first, then words of either language, then names. */
function words(): Map<string, Entry> {
  if (dictionary) return dictionary;
  const map = new Map<string, Entry>();
  const add = (word: string, rank: number, kind: GuessKind) => {
    const known = map.get(word);
    if (!known || known.rank > rank) map.set(word, { rank, kind });
  };
  let rank = 1;
  for (const word of COMMON_PASSPHRASES) add(word, rank++, 'common');
  for (const list of [EN_RANKED, MS_RANKED]) {
    const ranked = list.split(' ');
    for (let i = 0; i < ranked.length; i++) add(ranked[i] ?? '', i + 1, 'word');
  }
  for (const name of NAMES.split(' ')) add(name, NAME_RANK, 'name');
  dictionary = map;
  return map;
}

/** A date a person would pick: ddmmyy(yy), yyyymmdd, or a year alone. */
function dateAt(text: string, start: number): Array<{ end: number; bits: number }> {
  const found: Array<{ end: number; bits: number }> = [];
  const digits = /^\d+/.exec(text.slice(start))?.[0] ?? '';
  const year = (y: string) => y.length === 2 || (Number(y) >= 1900 && Number(y) <= 2039);
  const day = (d: string, m: string) =>
    Number(d) >= 1 && Number(d) <= 31 && Number(m) >= 1 && Number(m) <= 12;
  if (digits.length >= 4 && year(digits.slice(0, 4))) found.push({ end: start + 4, bits: YEAR_BITS });
  for (const length of [6, 8]) {
    const d = digits.slice(0, length);
    if (d.length !== length) continue;
    const dayFirst = day(d.slice(0, 2), d.slice(2, 4)) && year(d.slice(4));
    const yearFirst = length === 8 && year(d.slice(0, 4)) && day(d.slice(6, 8), d.slice(4, 6));
    if (dayFirst || yearFirst) found.push({ end: start + length, bits: DATE_BITS });
  }
  return found;
}

/** How `b` follows `a`: the same key, the next one on a keyboard row or in the alphabet, the one before. */
function step(a: string, b: string): 'same' | 'next' | 'previous' | null {
  if (a === b) return 'same';
  if (KEYBOARD_ROWS.some((row) => row.includes(a + b))) return 'next';
  if (KEYBOARD_ROWS.some((row) => row.includes(b + a))) return 'previous';
  return null;
}

/** The end of a run from `start`: the same character repeated, or a row of the keyboard or the alphabet. */
function runEnd(text: string, start: number): number {
  const kind = step(text[start] ?? '', text[start + 1] ?? '');
  let end = start + 1;
  if (kind === null) return end;
  while (end < text.length && step(text[end - 1] ?? '', text[end] ?? '') === kind) end++;
  return end;
}

const charBits = (c: string) => (/[a-z]/.test(c) ? LETTER_BITS : /\d/.test(c) ? DIGIT_BITS : OTHER_BITS);

/**
 * Models a guesser who tries common passwords, words of English and Malay by how common they are,
 * first names, dates, and keyboard or alphabet runs, glued together: the fewest bits over every way to
 * cut the passphrase into such pieces (dynamic programming over its positions). Case, spaces and
 * common letter-for-digit swaps ("p@ssw0rd") cost the guesser almost nothing, so they are undone first.
 */
export function guessEstimate(passphrase: string): GuessEstimate {
  const lower = passphrase.normalize('NFC').toLowerCase();
  const raw = lower.replace(/[\s\-_.]+/g, '');
  // Letter-for-digit swaps are undone for words only: "p@ssw0rd" is a word, "2024" stays a year.
  const text = Array.from(raw, (c) => LEET[c] ?? c).join('');
  const separators = (lower.match(/[\s\-_.]+/g) ?? []).length;
  const capitals = (passphrase.match(/\p{Lu}/gu) ?? []).length;
  const dict = words();
  const best: Array<{ bits: number; from: number; kind: GuessKind }> = [{ bits: 0, from: -1, kind: 'other' }];
  for (let i = 1; i <= text.length; i++)
    best[i] = { bits: Number.POSITIVE_INFINITY, from: -1, kind: 'other' };
  const offer = (from: number, to: number, bits: number, kind: GuessKind) => {
    const total = (best[from]?.bits ?? Number.POSITIVE_INFINITY) + bits;
    const current = best[to];
    if (current && total < current.bits) best[to] = { bits: total, from, kind };
  };
  for (let i = 0; i < text.length; i++) {
    offer(i, i + 1, charBits(raw[i] ?? ''), 'other');
    for (let j = i + 2; j <= Math.min(text.length, i + LONGEST_WORD); j++) {
      const entry = dict.get(text.slice(i, j));
      if (entry) offer(i, j, Math.log2(entry.rank) + 1, entry.kind);
    }
    for (const date of dateAt(raw, i)) offer(i, date.end, date.bits, 'date');
    const end = runEnd(raw, i);
    if (end - i >= 3) offer(i, end, charBits(raw[i] ?? '') + Math.log2(end - i) + 1, 'sequence');
  }
  const kinds = new Set<GuessKind>();
  for (let at = text.length; at > 0; at = best[at]?.from ?? 0) kinds.add(best[at]?.kind ?? 'other');
  const bits = (best[text.length]?.bits ?? 0) + separators + capitals;
  return { bits, kinds };
}

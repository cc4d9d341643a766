import { COMMON_PASSPHRASES } from './common-passphrases';
import { MIN_PASSPHRASE_LENGTH } from './format';
import { guessEstimate, LEET } from './guesses';

/** 0 very weak … 4 very strong, for a five-step meter. */
export type StrengthScore = 0 | 1 | 2 | 3 | 4;

/** Message keys of the advice the meter can show (placeholder: `{min}`). */
export type StrengthHint =
  | 'vault.strength.hint.short'
  | 'vault.strength.hint.common'
  | 'vault.strength.hint.repeats'
  | 'vault.strength.hint.names'
  | 'vault.strength.hint.dates'
  | 'vault.strength.hint.moreWords';

/**
 * An estimate of how many guesses a passphrase withstands. A passphrase below `ACCEPTED_SCORE` is refused
 * wherever one is chosen (creating the vault, changing the passphrase).
 */
export interface PassphraseStrength {
  score: StrengthScore;
  /** Estimated entropy in bits; rounded down. */
  bits: number;
  label: `vault.strength.${StrengthScore}`;
  hints: StrengthHint[];
  /** False when a guesser would try it early: it is refused. */
  acceptable: boolean;
}

/** The lowest score accepted: 40 bits, about 10^12 guesses, years of Argon2id on a GPU. */
export const ACCEPTED_SCORE = 2;

/** Score boundaries in bits: below 28 is 0, below 40 is 1, below 56 is 2, below 72 is 3. */
const THRESHOLDS = [28, 40, 56, 72] as const;

/** A letter inside a word is far more predictable than a random character: natural text is ~2–3 bits. */
const IN_WORD_BITS = 3;
/** A repeat, an alphabet or digit step, or a keyboard neighbour adds almost nothing. */
const STEP_BITS = 1;

const KEYBOARD_ROWS = ['1234567890', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

const isLetter = (c: string) => /\p{L}/u.test(c);

function poolSize(chars: readonly string[]): number {
  let pool = 0;
  if (chars.some((c) => /[a-z]/.test(c))) pool += 26;
  if (chars.some((c) => /[A-Z]/.test(c))) pool += 26;
  if (chars.some((c) => /[0-9]/.test(c))) pool += 10;
  if (chars.some((c) => /[\x20-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e]/.test(c))) pool += 33;
  if (chars.some((c) => c.charCodeAt(0) > 0x7e)) pool += 100;
  return Math.max(pool, 2);
}

/**
 * How `current` follows `previous`: the same character, the next or previous one in the alphabet or
 * digits, or the next or previous key on a keyboard row. Null when it does not follow predictably.
 */
function stepKind(previous: string | undefined, current: string): string | null {
  if (previous === undefined) return null;
  const a = previous.toLowerCase();
  const b = current.toLowerCase();
  if (a === b) return 'same';
  const delta = b.charCodeAt(0) - a.charCodeAt(0);
  if (/[a-z0-9]/.test(a) && /[a-z0-9]/.test(b) && Math.abs(delta) === 1) return `alpha${delta}`;
  for (const row of KEYBOARD_ROWS) {
    const i = row.indexOf(a);
    if (i >= 0 && row[i + 1] === b) return 'key+';
    if (i >= 0 && row[i - 1] === b) return 'key-';
  }
  return null;
}

/** Lower case, leetspeak undone, spaces removed: the form compared with the common list. */
function simplified(text: string): string {
  return Array.from(text.toLowerCase().replace(/\s+/g, ''), (c) => LEET[c] ?? c).join('');
}

function isCommon(text: string): { exact: boolean; base: boolean } {
  const plain = text.toLowerCase().replace(/\s+/g, '');
  const simple = simplified(text);
  const lettersOnly = simple.replace(/[^\p{L}]/gu, '');
  const exact =
    COMMON_PASSPHRASES.has(plain) || COMMON_PASSPHRASES.has(simple) || COMMON_PASSPHRASES.has(lettersOnly);
  // "password2024!": a common word with a short decoration is guessed almost as fast as the word itself.
  let base = false;
  for (const word of COMMON_PASSPHRASES) {
    if (word.length >= 5 && simple.includes(word) && simple.length - word.length < 6) base = true;
  }
  return { exact, base };
}

/**
 * Estimates how hard a passphrase is to guess: per-character entropy from the character classes used,
 * less for letters inside words, almost none for repeats and sequences; common passwords score 0.
 */
export function estimatePassphraseStrength(passphrase: string): PassphraseStrength {
  const chars = Array.from(passphrase.normalize('NFC'));
  const full = Math.log2(poolSize(chars));
  let bits = 0;
  // A run is the same kind of step repeated: "aaa", "123", "qwe". One step alone ("tt", "re") is
  // ordinary spelling, so only repeats and the third character of a sequence count as predictable.
  let kind: string | null = null;
  let run = 0;
  let longestRun = 0;
  chars.forEach((c, i) => {
    const previous = chars[i - 1];
    const next = stepKind(previous, c);
    run = next !== null && next === kind ? run + 1 : next === null ? 0 : 1;
    kind = next;
    longestRun = Math.max(longestRun, run);
    if (next === 'same' || run >= 2) {
      bits += STEP_BITS;
    } else if (/\s/.test(c)) {
      bits += STEP_BITS;
    } else if (previous !== undefined && isLetter(previous) && isLetter(c)) {
      bits += Math.min(full, IN_WORD_BITS);
    } else {
      bits += full;
    }
  });
  // "abcabcabc" or "hahahaha": a repeated unit is worth little more than the unit.
  const unit = /^(.+?)\1+$/su.exec(passphrase)?.[1];
  if (unit !== undefined) bits = Math.min(bits, estimatePassphraseStrength(unit).bits + 2);

  // The guesser's dictionary and rules (common passwords, words, names, dates, runs) may need fewer.
  const guess = guessEstimate(passphrase);
  bits = Math.min(bits, guess.bits);

  const common = isCommon(passphrase);
  const tooShort = chars.length < MIN_PASSPHRASE_LENGTH;
  let score = THRESHOLDS.filter((limit) => bits >= limit).length as StrengthScore;
  if (common.exact || tooShort) score = 0;
  else if (common.base) score = Math.min(score, 1) as StrengthScore;

  const hints: StrengthHint[] = [];
  if (tooShort) hints.push('vault.strength.hint.short');
  if (common.exact || common.base || guess.kinds.has('common')) hints.push('vault.strength.hint.common');
  if (longestRun >= 2 || unit !== undefined || guess.kinds.has('sequence'))
    hints.push('vault.strength.hint.repeats');
  if (score < 3 && guess.kinds.has('name')) hints.push('vault.strength.hint.names');
  if (score < 3 && guess.kinds.has('date')) hints.push('vault.strength.hint.dates');
  if (score < 3 && !tooShort) hints.push('vault.strength.hint.moreWords');
  return {
    score,
    bits: Math.floor(bits),
    label: `vault.strength.${score}`,
    hints: [...new Set(hints)],
    acceptable: !tooShort && score >= ACCEPTED_SCORE,
  };
}

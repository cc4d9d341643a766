import type { Sodium } from '../crypto/sodium';
import { EN_GENERATOR } from './words/en';
import { MS_GENERATOR } from './words/ms';

/** The languages a passphrase can be generated in: English and Bahasa Malaysia. */
export type WordLanguage = 'en' | 'ms';

/** Words in a generated passphrase: 5 × 11 bits = 55 bits, beyond any offline guessing of Argon2id. */
export const GENERATED_WORD_COUNT = 5;

const LISTS: Record<WordLanguage, readonly string[]> = {
  en: EN_GENERATOR.split(' '),
  ms: MS_GENERATOR.split(' '),
};

/** The 2,048 common words (4–8 letters a–z) a passphrase in `language` is drawn from (docs/security.md §9). */
export function generatorWords(language: WordLanguage): readonly string[] {
  return LISTS[language];
}

/**
 * A passphrase of `count` words drawn uniformly and independently from the language's list with
 * libsodium's `randombytes_uniform` (no modulo bias), separated by spaces: lower case a–z only, so it is
 * typed on a phone's keyboard without switching layouts.
 */
export function generatePassphrase(
  sodium: Pick<Sodium, 'randombytes_uniform'>,
  language: WordLanguage,
  count = GENERATED_WORD_COUNT,
): string {
  const list = LISTS[language];
  return Array.from({ length: count }, () => list[sodium.randombytes_uniform(list.length)]).join(' ');
}

/** The entropy of a generated passphrase: log2(list size) bits per word. */
export function generatedBits(language: WordLanguage, count = GENERATED_WORD_COUNT): number {
  return count * Math.log2(LISTS[language].length);
}

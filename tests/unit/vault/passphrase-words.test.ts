import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadSodium } from '../../../src/core/crypto/sodium';
import {
  GENERATED_WORD_COUNT,
  generatedBits,
  generatePassphrase,
  generatorWords,
  type WordLanguage,
} from '../../../src/core/vault/generate';
import { estimatePassphraseStrength } from '../../../src/core/vault/strength';

const LANGUAGES: WordLanguage[] = ['en', 'ms'];

describe('generated passphrases', () => {
  it('draw from 2,048 distinct common words per language, each 4–8 letters a–z (typed on any phone keyboard)', () => {
    for (const language of LANGUAGES) {
      const words = generatorWords(language);
      expect(words.length).toBe(2048);
      expect(new Set(words).size).toBe(2048);
      for (const word of words) expect(word, language).toMatch(/^[a-z]{4,8}$/);
      expect(generatedBits(language)).toBe(55);
    }
  });

  it('are five words, each chosen with randombytes_uniform over the whole list', () => {
    const bounds: number[] = [];
    const picks = [0, 2047, 1, 1024, 7];
    const fake = {
      randombytes_uniform: (bound: number) => {
        bounds.push(bound);
        return picks[bounds.length - 1] ?? 0;
      },
    };
    const words = generatorWords('ms');
    expect(generatePassphrase(fake, 'ms')).toBe(picks.map((i) => words[i]).join(' '));
    expect(bounds).toEqual(Array(GENERATED_WORD_COUNT).fill(2048));
  });

  it('use every word about equally often (chi-square over 40,960 passphrases)', async () => {
    const sodium = await loadSodium();
    for (const language of LANGUAGES) {
      const index = new Map(generatorWords(language).map((word, i) => [word, i]));
      const counts = new Array<number>(2048).fill(0);
      const samples = 40_960;
      for (let i = 0; i < samples; i++)
        for (const word of generatePassphrase(sodium, language).split(' ')) {
          const at = index.get(word) as number;
          counts[at] = (counts[at] ?? 0) + 1;
        }
      const expected = (samples * GENERATED_WORD_COUNT) / 2048;
      const chiSquare = counts.reduce((sum, count) => sum + (count - expected) ** 2 / expected, 0);
      // 2,047 degrees of freedom: mean 2,047, standard deviation 64; six deviations either way.
      expect(Math.abs(chiSquare - 2047), language).toBeLessThan(6 * 64);
    }
  });

  it('are always accepted, and estimated near their real 55 bits', async () => {
    const sodium = await loadSodium();
    for (let i = 0; i < 300; i++) {
      const passphrase = generatePassphrase(sodium, LANGUAGES[i % 2] as WordLanguage);
      const strength = estimatePassphraseStrength(passphrase);
      expect(strength.acceptable, passphrase).toBe(true);
      expect(strength.bits, passphrase).toBeGreaterThanOrEqual(40);
    }
  });
});

describe('passphrases a guesser tries first are refused', () => {
  it.each([
    ['a Malay phrase', 'akusayangkamu'],
    ['a Malay phrase with spaces', 'aku sayang kamu'],
    ['two common words', 'rahsia saya'],
    ['a common password with a year', 'Password2024!'],
    ['a name and a year', 'Ahmad1990'],
    ['a name and a birthday', 'siti15031998'],
    ['an English name and a date', 'jessica 1999-12-31'],
    ['a keyboard run', 'qwertyuiop123'],
    ['a repeat', 'aaaaaaaaaaaa'],
    ['a repeated unit', 'abcabcabcabc'],
    ['letters for digits', 'p@ssw0rd123'],
    ['a few common English words', 'i love you so much'],
  ])('%s: %s', (_kind, passphrase) => {
    const strength = estimatePassphraseStrength(passphrase);
    expect(strength.acceptable).toBe(false);
    expect(strength.hints.length).toBeGreaterThan(0);
  });

  it('says why: names, dates and runs each get their own advice', () => {
    expect(estimatePassphraseStrength('Ahmad1990').hints).toContain('vault.strength.hint.dates');
    expect(estimatePassphraseStrength('aditya akhyar').hints).toContain('vault.strength.hint.names');
    expect(estimatePassphraseStrength('zxcvbnm,./').hints).toContain('vault.strength.hint.repeats');
  });

  it('never rates a passphrase higher for being cut short (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 40 }),
        fc.string({ minLength: 1, maxLength: 10 }),
        (a, b) => {
          expect(estimatePassphraseStrength(a + b).bits + 6).toBeGreaterThanOrEqual(
            estimatePassphraseStrength(a).bits,
          );
        },
      ),
    );
  });
});

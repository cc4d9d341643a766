import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { translate } from '../../../src/core/i18n';
import { estimatePassphraseStrength } from '../../../src/core/vault';

const score = (passphrase: string) => estimatePassphraseStrength(passphrase).score;
const hints = (passphrase: string) => estimatePassphraseStrength(passphrase).hints;

describe('estimatePassphraseStrength', () => {
  it('scores passwords from breach lists and common Malay phrases as very weak', () => {
    for (const common of [
      'password',
      'Password1',
      'P@ssw0rd',
      '12345678',
      'qwertyuiop',
      'sayangkamu',
      'Aku Sayang Kamu',
      'katalaluan',
    ]) {
      expect(score(common), common).toBe(0);
      expect(hints(common), common).toContain('vault.strength.hint.common');
    }
  });

  it('does not let a short decoration rescue a common word', () => {
    expect(score('password2024!')).toBeLessThanOrEqual(1);
    expect(score('Malaysia123#')).toBeLessThanOrEqual(1);
  });

  it('marks anything under 8 characters as very weak and says why', () => {
    const result = estimatePassphraseStrength('Zq#8vL!');
    expect(result.score).toBe(0);
    expect(result.hints).toContain('vault.strength.hint.short');
  });

  it('sees through repeats, sequences and keyboard runs', () => {
    for (const pattern of [
      'aaaaaaaaaaaaaaaa',
      'abcdefghijklmnop',
      '1234567890123456',
      'asdfghjklzxcvbnm',
      'abcabcabcabcabc',
    ]) {
      expect(score(pattern), pattern).toBeLessThanOrEqual(1);
      expect(hints(pattern), pattern).toContain('vault.strength.hint.repeats');
    }
  });

  it('rates four unrelated words and a long random string as strong', () => {
    expect(score('kerusi hujan pelangi tembikai')).toBeGreaterThanOrEqual(3);
    expect(score('T7#qL!9vZ@2mR$4x')).toBeGreaterThanOrEqual(3);
  });

  it('grows with more unrelated words', () => {
    expect(score('pelangi tembikai')).toBeLessThan(score('kerusi hujan pelangi tembikai'));
    expect(hints('pelangi tembikai')).toContain('vault.strength.hint.moreWords');
  });

  it('treats composed and decomposed accents alike', () => {
    expect(estimatePassphraseStrength('caf\u00e9 cr\u00e8me br\u00fbl\u00e9e')).toEqual(
      estimatePassphraseStrength('cafe\u0301 cre\u0300me bru\u0302le\u0301e'),
    );
  });

  it('always returns a score 0–4 with a matching label and translatable hints', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (passphrase) => {
        const result = estimatePassphraseStrength(passphrase);
        expect([0, 1, 2, 3, 4]).toContain(result.score);
        expect(result.label).toBe(`vault.strength.${result.score}`);
        expect(result.bits).toBeGreaterThanOrEqual(0);
        for (const hint of result.hints) {
          expect(translate('ms', hint, { min: 8 })).not.toBe(hint);
          expect(translate('en', hint, { min: 8 })).not.toContain('{');
        }
      }),
      { numRuns: 300 },
    );
  });
});

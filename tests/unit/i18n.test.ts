import { describe, expect, it } from 'vitest';
import { catalogues, type MessageKey, pickLocale, translate } from '../../src/core/i18n';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the message catalogue', () => {
  const keys = Object.keys(catalogues.en) as MessageKey[];

  it('has the same keys in English and Malay', () => {
    expect(Object.keys(catalogues.ms).sort()).toEqual([...keys].sort());
  });

  it.each(keys)('%s is present, non-empty and has the same placeholders in both languages', (key) => {
    const en = catalogues.en[key];
    const ms = catalogues.ms[key];
    expect(en?.trim()).toBeTruthy();
    expect(ms?.trim()).toBeTruthy();
    expect(placeholders(ms ?? '')).toEqual(placeholders(en ?? ''));
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('en', 'crypto.unavailable', { missing: 'crypto_pwhash' })).toContain(
      '(missing: crypto_pwhash)',
    );
    expect(translate('ms', 'crypto.unavailable', {})).toContain('{missing}');
  });

  it('follows the browser language, defaulting to English', () => {
    expect(pickLocale(['ms-MY', 'en'])).toBe('ms');
    expect(pickLocale(['en-GB', 'ms'])).toBe('en');
    expect(pickLocale(['ta-MY', 'ms'])).toBe('ms');
    expect(pickLocale(['zh-CN'])).toBe('en');
    expect(pickLocale([])).toBe('en');
  });
});

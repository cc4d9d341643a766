import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseUrl } from '../../../src/core/url/parse';
import { CASES } from './cases';

describe('parseUrl on real link shapes', () => {
  it('covers at least 40 shapes across every platform', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
    const platforms = new Set(CASES.map(([, expected]) => expected.platform));
    expect(platforms.size).toBe(13);
  });

  it.each(CASES)('%s', (input, expected) => {
    const parsed = parseUrl(input);
    expect(parsed.ok).toBe(true);
    expect(parsed).toMatchObject({ ...expected, original: input });
  });

  it('keeps the original text exactly while normalising', () => {
    const input = '  HTTPS://WWW.Instagram.com/p/C5xYz12AbCd/?igshid=abc  ';
    const parsed = parseUrl(input);
    expect(parsed).toMatchObject({
      ok: true,
      original: input,
      normalizedUrl: 'https://www.instagram.com/p/C5xYz12AbCd',
    });
  });

  it('removes share trackers that can identify the person who shared the link', () => {
    const parsed = parseUrl(
      'https://www.tiktok.com/@a.b/video/7350000000000000000?user_id=6800000000&u_code=xyz&_r=1',
    );
    expect(parsed.ok && parsed.normalizedUrl).toBe('https://www.tiktok.com/@a.b/video/7350000000000000000');
  });

  it('does not take feature pages for account names', () => {
    for (const url of [
      'https://x.com/home',
      'https://www.instagram.com/explore/',
      'https://www.facebook.com/marketplace',
    ]) {
      const parsed = parseUrl(url);
      expect(parsed).toMatchObject({ ok: true, kind: 'page' });
      expect(parsed.ok && parsed.handle).toBeUndefined();
    }
  });
});

describe('parseUrl on text that is not a link', () => {
  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['hello world', 'notAUrl'],
    ['justaword', 'notAUrl'],
    ['@someone', 'notAUrl'],
    ['javascript:alert(1)', 'unsupportedScheme'],
    ['mailto:someone@example.com', 'unsupportedScheme'],
    ['ftp://files.example.com/a', 'unsupportedScheme'],
    ['https://user:pass@x.com/abc', 'notAUrl'],
    ['https://x..com/abc', 'notAUrl'],
  ])('%j is refused as %s', (input, reason) => {
    expect(parseUrl(input)).toEqual({ ok: false, original: input, reason });
  });
});

describe('parseUrl properties', () => {
  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        const parsed = parseUrl(text);
        expect(parsed.original).toBe(text);
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on text shaped like links', () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (url) => {
        expect(parseUrl(url).ok).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  const platformLink = fc
    .tuple(
      fc.constantFrom(...CASES.map(([input]) => input)),
      fc.array(
        fc.constantFrom('/', 'a', '1', '@', '?', '&', '=', '#', '%', '.', 'utm_x=1', 'si=2', '+', ' '),
        {
          maxLength: 8,
        },
      ),
    )
    .map(([base, noise]) => base + noise.join(''));

  it('is idempotent on its own normalizedUrl', () => {
    const check = (text: string) => {
      const first = parseUrl(text);
      if (!first.ok) return;
      const second = parseUrl(first.normalizedUrl);
      expect(second.ok).toBe(true);
      if (!second.ok) return;
      expect(second.normalizedUrl).toBe(first.normalizedUrl);
      const { original: _a, normalizedUrl: _b, ...facts } = first;
      const { original: _c, normalizedUrl: _d, ...again } = second;
      expect(again).toEqual(facts);
    };
    fc.assert(fc.property(platformLink, check), { numRuns: 1000 });
    fc.assert(fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), check), {
      numRuns: 500,
    });
    fc.assert(fc.property(fc.string({ maxLength: 80 }), check), { numRuns: 1000 });
  });
});

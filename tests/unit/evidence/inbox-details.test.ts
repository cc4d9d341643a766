import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  parseShareDetails,
  type SharedTextDetails,
  sharedFileDetails,
  sharedLink,
  sharedTextDetails,
} from '../../../src/core/evidence/inbox-details';

const RUNS = { numRuns: 300 };
const instant = fc.date({
  min: new Date('2000-01-01T00:00:00Z'),
  max: new Date('2100-01-01T00:00:00Z'),
  noInvalidDate: true,
});
const fileFacts = fc.record(
  {
    name: fc.string(),
    type: fc.string(),
    size: fc.nat(),
    lastModified: fc.integer({ min: 0, max: 4_102_444_800_000 }),
  },
  { requiredKeys: ['name', 'type', 'size'] },
);
const textFields = fc.record(
  { title: fc.string(), text: fc.string(), url: fc.webUrl() },
  { requiredKeys: [] },
);

/** What the vault hands back: the details after a JSON round trip through the sealed deposit. */
const sealedAndOpened = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('share details (sealed with every deposit)', () => {
  it('read back exactly what the service worker sealed', () => {
    fc.assert(
      fc.property(fileFacts, instant, (file, at) => {
        const details = sharedFileDetails(file, at);
        expect(parseShareDetails(sealedAndOpened(details))).toEqual(details);
      }),
      RUNS,
    );
    fc.assert(
      fc.property(textFields, instant, (fields, at) => {
        const details = sharedTextDetails(fields, at);
        if (details === undefined) {
          expect(
            [fields.title, fields.text, fields.url].every((f) => f === undefined || f.trim() === ''),
          ).toBe(true);
          return;
        }
        expect(parseShareDetails(sealedAndOpened(details))).toEqual(details);
        expect(details.text ?? '').not.toContain('\r\n');
      }),
      RUNS,
    );
  });

  it('refuse anything that is not exactly a version-1 share, without throwing', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const parsed = parseShareDetails(value);
        if (parsed !== undefined) expect(parsed).toEqual(value);
      }),
      RUNS,
    );
    const valid = sharedFileDetails({ name: 'a.png', type: 'image/png', size: 3 }, new Date(0));
    fc.assert(
      fc.property(
        fc
          .string()
          .filter((key) => !['v', 'kind', 'name', 'type', 'size', 'lastModified', 'sharedAt'].includes(key)),
        fc.jsonValue(),
        (key, extra) => {
          expect(parseShareDetails({ ...valid, [key]: extra })).toBeUndefined();
        },
      ),
      RUNS,
    );
    for (const broken of [
      { ...valid, v: 2 },
      { ...valid, kind: 'folder' },
      { ...valid, size: -1 },
      { ...valid, size: 1.5 },
      { ...valid, name: 7 },
      { ...valid, sharedAt: '2025-05-03 13:14' },
      { ...valid, lastModified: 'yesterday' },
      { v: 1, kind: 'text', sharedAt: valid.sharedAt },
      { v: 1, kind: 'text', url: '   ', sharedAt: valid.sharedAt },
      [valid],
      null,
    ]) {
      expect(parseShareDetails(broken), JSON.stringify(broken)).toBeUndefined();
    }
  });

  it('find the shared link in the url field, else in running text, without the punctuation after it', () => {
    const at = new Date(0);
    const link = (fields: Parameters<typeof sharedTextDetails>[0]) =>
      sharedLink(sharedTextDetails(fields, at) as SharedTextDetails);
    expect(link({ text: 'Tengok ni https://t.me/kumpulan/123.', url: 'https://x.com/a/status/1' })).toBe(
      'https://x.com/a/status/1',
    );
    expect(link({ text: 'Dia siar (https://x.com/a/status/9), padam esok!' })).toBe(
      'https://x.com/a/status/9',
    );
    expect(link({ text: 'https://en.wikipedia.org/wiki/Bukti_(film)' })).toBe(
      'https://en.wikipedia.org/wiki/Bukti_(film)',
    );
    expect(link({ title: 'Siaran https://tiktok.com/@a/video/1', text: 'tiada pautan' })).toBe(
      'https://tiktok.com/@a/video/1',
    );
    expect(link({ text: 'tiada pautan di sini, hanya teks' })).toBeUndefined();

    const caption = fc.string().filter((text) => !/https?:\/\//i.test(text));
    const plainUrl = fc.webUrl().filter((url) => !/[\s<>"'.,;:!?)»”’]$/.test(url) && !/[\s<>"]/.test(url));
    fc.assert(
      fc.property(caption, plainUrl, fc.constantFrom('', '.', ',', '!', '?', ';'), (before, url, after) => {
        const found = link({ text: `${before} ${url}${after} ok` });
        expect(found).toBe(url);
      }),
      RUNS,
    );
    fc.assert(
      fc.property(fc.string(), (text) => {
        const found = text.trim() === '' ? undefined : link({ text });
        if (found !== undefined) {
          expect(text).toContain(found);
          expect(found).toMatch(/^https?:\/\/\S+$/i);
        }
      }),
      RUNS,
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nodeReportDeps } from '../../../scripts/report-node/deps';
import { buildReport } from '../../../src/core/report/build';
import type { ReportInput, ReportLanguage } from '../../../src/core/report/types';
import { details, item, pageTexts, pdfInfo, pdfText, qpdfCheck, reportInput, uuid } from './fixtures';

/** Scripts and characters the embedded fonts lack or that commonly break PDF writers. */
const ODD = [
  'தமிழ் வணக்கம்',
  '你好，世界',
  '😀 👩‍👩‍👧 🇲🇾 1️⃣',
  'مرحبا بالعالم',
  'שלום',
  'नमस्ते दुनिया',
  '한국어 ภาษาไทย ဗမာ',
  '\u202Egnp.exe',
  'zero\u200bwidth\u200djoin',
  'Z̤͔ͧ̑̓ä̖̭̈̇',
  'ctrl\u0000\u0007\u001b',
  'lone\uD83Dsurrogate',
  'soft\u00adhyphen\u00a0nbsp',
  'x'.repeat(300),
].join(' · ');

/** `Latin-ok` plus every odd string, so tests can see both what renders and what is replaced. */
const odd = (label: string) => `Latin-ok ${label} ${ODD}`;

async function oddInput(language: ReportLanguage): Promise<ReportInput> {
  const text = odd('message');
  const one = item(1, [], {
    kind: 'messageText',
    text,
    textSha256: 'f'.repeat(64),
    details: details({
      contentUrl: `https://example.org/${odd('url')}`,
      profileUrl: odd('profile'),
      account: { handle: odd('handle'), displayName: odd('name'), userId: odd('id') },
      postedTime: { asShown: odd('posted'), iso: odd('iso') },
      description: odd('description'),
      platformReport: { reference: odd('reference'), date: odd('date') },
      tags: [odd('tag'), odd('tag2')],
    }),
  });
  return reportInput([one], {
    case: {
      id: uuid(1000),
      title: odd('title'),
      narrative: odd('narrative'),
      accounts: [
        {
          id: uuid(2000),
          platform: 'other',
          handle: odd('a-handle'),
          displayName: odd('a-name'),
          userId: odd('a-id'),
          profileUrl: odd('a-url'),
          contact: odd('a-contact'),
          notes: odd('a-notes'),
        },
      ],
      complainant: {
        name: odd('c-name'),
        idNumber: odd('c-id'),
        phone: odd('c-phone'),
        email: odd('c-email'),
      },
    },
    export: { sensitive: 'blur', recipientNote: odd('note') },
    language,
  });
}

describe('text that never breaks an export', () => {
  for (const language of ['both', 'en', 'ms'] as const) {
    it(`exports Tamil, Chinese, emoji, right-to-left and control characters in every field (${language})`, async () => {
      const pdf = await buildReport(await oddInput(language), await nodeReportDeps(new Map()));
      expect(qpdfCheck(pdf)).toContain('No syntax or stream encoding errors');
      const text = pdfText(pdf);
      for (const label of [
        'title',
        'narrative',
        'message',
        'handle',
        'description',
        'a-notes',
        'c-email',
        'note',
      ]) {
        expect(text).toContain(`Latin-ok ${label}`);
      }
      expect(text).toContain('\uFFFD');
      expect(text).not.toMatch(/[\u0900-\u097F\u0B80-\u0BFF\u4E00-\u9FFF\u0590-\u06FF]/);
      // The metadata keeps the title as typed: it is Unicode text, not drawn glyphs.
      expect(pdfInfo(pdf).Title).toContain('你好，世界');
    });
  }

  it('survives any string in any field (property, few runs: each is a whole PDF)', async () => {
    const deps = await nodeReportDeps(new Map());
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: 'binary', maxLength: 120 }),
        fc.string({ unit: 'grapheme', maxLength: 60 }),
        async (a, b) => {
          const one = item(1, [], { details: details({ description: a, contentUrl: b, tags: [a, b] }) });
          const input = await reportInput([one], {
            case: { id: uuid(1), title: b, narrative: a, accounts: [], complainant: { name: a } },
            export: { sensitive: 'include', recipientNote: b },
          });
          const pdf = await buildReport(input, deps);
          expect(qpdfCheck(pdf)).toContain('No syntax or stream encoding errors');
        },
      ),
      { numRuns: 6 },
    );
  });

  it('paginates a 10,000-character statement, every word in order', async () => {
    const words = Array.from({ length: 1700 }, (_, i) => `w${String(i).padStart(4, '0')}`);
    const narrative = words.join(' ').slice(0, 10_000);
    expect(narrative.length).toBe(10_000);
    const input = await reportInput([], {
      case: { id: uuid(1), title: 'Long statement', narrative, accounts: [] },
    });
    const pdf = await buildReport(input, await nodeReportDeps(new Map()));
    const pages = pageTexts(pdf);
    const first = pages.findIndex((page) => page.includes('w0000'));
    const typed = narrative.match(/w\d{4}/g) ?? [];
    const last = pages.findIndex((page) => page.includes(typed.at(-1) as string));
    expect(last - first).toBeGreaterThanOrEqual(2);
    expect(pdfText(pdf).match(/w\d{4}/g)).toEqual(typed);
  });
});

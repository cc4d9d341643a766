import { beforeAll, describe, expect, it } from 'vitest';
import { appendEntry } from '../../../src/core/custody/entry';
import { buildReport } from '../../../src/core/report/build';
import {
  custodyFor,
  details,
  item,
  pageTexts,
  reportFile,
  reportInput,
  squash,
  testSigner,
  uuid,
} from './fixtures';
import { sampleCase } from './sample';

/**
 * What an officer and a lawyer read: the item's description under its own label, no hints meant for
 * the survivor, case events named as such, the period of the abuse, clean links and safe names.
 */
let pages: string[];
let text: string;

beforeAll(async () => {
  const sample = await sampleCase();
  const bytes = new TextEncoder().encode('Kalau kau tak bayar, aku sebar gambar ni.');
  const items = [
    item(1, [await reportFile('evidence/001-chat.txt', bytes, 'text/plain')], {
      kind: 'document',
      files: [
        {
          ...(await reportFile('evidence/001-chat.txt', bytes, 'text/plain')),
          originalName: 'chat\u202Etxt.exe',
        },
      ],
      details: details({
        platform: 'instagram',
        contentUrl: 'https://www.instagram.com/p/C0ffee123/?igsh=MXd4bTNtZ2x1&utm_source=ig_web_copy_link',
        account: { handle: 'ali\u202Eabab' },
        postedTime: { asShown: 'Yesterday at 21:14' },
        description: 'The chat where he asked for money.',
        flags: ['postedTimeUnparsed', 'profileUrlInvalid'],
      }),
    }),
    item(2, [], {
      kind: 'webLink',
      details: details({
        postedTime: { asShown: '3 Mar', iso: '2025-03-03' },
        contentUrl: 'https://x.com/a/status/1',
      }),
    }),
  ];
  const custody = await custodyFor(items);
  const caseOpened = await appendEntry(
    custody.at(-1) ?? null,
    { event: 'created', caseId: uuid(1000), fileHashes: [] },
    await testSigner(),
    new Date(Date.UTC(2025, 3, 12)),
  );
  const input = await reportInput(items, { custody: [...custody, caseOpened], language: 'en' });
  pages = pageTexts(await buildReport(input, await sample.deps()));
  text = squash(pages.join('\n'));
});

/** The first page after the contents (page 1) that holds `heading`. */
const pagesFrom = (heading: string) => pages.findIndex((page, index) => index > 0 && page.includes(heading));

describe('the report reads right', () => {
  it("labels an item's description apart from the case narrative", () => {
    expect(text).toContain(squash('What this item shows The chat where he asked for money.'));
    expect(text).not.toContain(squash('What happened'));
  });

  it('prints facts for the reader, never the hints meant for the survivor', () => {
    expect(text).not.toContain(squash('Add a date if you know it'));
    expect(text).not.toContain(squash('It is kept exactly as entered'));
    expect(text).toContain(squash('The posting time is given only as it was shown on screen'));
  });

  it('names the case being opened as such, not as a capture', () => {
    const custodyPages = squash(
      pages.slice(pagesFrom('Custody log'), pagesFrom('Integrity and verification')).join('\n'),
    );
    expect(custodyPages).toContain(squash('Case opened'));
    expect(custodyPages.match(/Captured/g)?.length).toBe(2);
  });

  it('covers the period of the posts, with the capture dates beside, day first', () => {
    const cover = squash(pages[0] ?? '');
    expect(cover).toContain(
      squash('3 Mar 2025 – 3 Mar 2025 (posted, as given); captured 10 Apr 2025 – 10 Apr 2025'),
    );
  });

  it('prints the link as captured and beside it the copy without tracking', () => {
    expect(text).toContain(squash('igsh=MXd4bTNtZ2x1'));
    expect(text).toContain(squash('Without tracking https://www.instagram.com/p/C0ffee123 Post ID'));
    expect(text).toContain(squash('Post ID (from the link) C0ffee123'));
  });

  it('writes out bidirectional controls in file names and handles', () => {
    expect(text).toContain(squash('chat\\u{202e}txt.exe'));
    expect(text).toContain(squash('ali\\u{202e}abab'));
    expect(text).not.toContain(squash('\u202E'));
  });
});

import { nodeReportDeps } from '../../../scripts/report-node/deps';
import { checkerboard, encodePng, fakeScreenshot } from '../../../scripts/report-node/draw';
import type { ReportDeps, ReportInput } from '../../../src/core/report/types';
import { details, item, reportFile, reportInput, sha256, uuid } from './fixtures';

export const LONG_URL =
  'https://www.facebook.com/groups/8812233445566/permalink/99887766554433221/?comment_id=1029384756&reply_comment_id=5647382910&notif_id=1712345678901234';

/**
 * A fictional case of five items: a long-URL screenshot posted the day before, a sensitive photo (a
 * yellow and blue checkerboard), a message text, a video and a PDF document, the screenshot listed
 * last in bundle order. Small images, so a build takes about a second.
 */
export async function sampleCase(overrides: Partial<ReportInput> = {}): Promise<{
  input: ReportInput;
  files: Map<string, Uint8Array>;
  deps: (extra?: Partial<ReportDeps>) => Promise<ReportDeps>;
}> {
  const shot = encodePng(fakeScreenshot(360, 780, [70, 110, 190], 8));
  const board = encodePng(checkerboard(480, 360, 30, [255, 255, 0], [0, 0, 255]));
  const video = new Uint8Array(2048).fill(3);
  const pdf = new TextEncoder().encode('%PDF-1.4 not really a document');
  const files = new Map([
    ['evidence/001-reply.png', shot],
    ['evidence/002-photo.png', board],
    ['evidence/003-clip.mp4', video],
    ['evidence/004-letter.pdf', pdf],
  ]);
  const text = 'You have 24 hours. Pay or everyone sees it.';
  const items = [
    item(1, [await reportFile('evidence/001-reply.png', shot, 'image/png', { width: 360, height: 780 })], {
      details: details({
        platform: 'facebook',
        contentUrl: LONG_URL,
        profileUrl: 'https://www.facebook.com/profile.php?id=100089999999999',
        account: { handle: 'kulai.anon.2025', displayName: 'Anon Kulai', userId: '100089999999999' },
        postedTime: { asShown: 'Yesterday at 21:14', iso: '2025-04-09T21:14+08:00' },
        description: 'A comment under my photo with my school name.',
        platformReport: { reference: 'FB-REPORT-77812', date: '2025-04-10' },
        tags: ['first post'],
        relatedItemIds: [uuid(3)],
      }),
    }),
    item(2, [await reportFile('evidence/002-photo.png', board, 'image/png')], {
      kind: 'photo',
      details: details({ category: 'deepfake', sensitive: true, contentUrl: 'https://t.me/c/1234567/89' }),
    }),
    item(3, [], {
      kind: 'messageText',
      text,
      textSha256: await sha256(new TextEncoder().encode(text)),
      details: details({
        platform: 'telegram',
        category: 'sextortion',
        contentUrl: 'https://t.me/kulai_group/4521',
      }),
    }),
    item(4, [await reportFile('evidence/003-clip.mp4', video, 'video/mp4', { durationSeconds: 65.2 })], {
      kind: 'video',
      details: details({
        platform: 'tiktok',
        contentUrl: 'https://www.tiktok.com/@someone/video/7351234567890123456',
      }),
    }),
    item(5, [await reportFile('evidence/004-letter.pdf', pdf, 'application/pdf')], {
      kind: 'document',
      details: details({
        platform: 'other',
        contentUrl: 'https://example.org/leak/letter.pdf',
        category: 'doxxing',
      }),
    }),
  ];
  // The bundle lists the Facebook item last; the report must still show it first, as it was posted first.
  const input = await reportInput([...items.slice(1), items[0] as (typeof items)[number]], {
    case: {
      id: uuid(1000),
      title: 'Edited photos shared in a school group',
      narrative:
        'On 9 April a classmate told me that photos of me were being shared.\n\nI did not take them.',
      accounts: [
        {
          id: uuid(2000),
          platform: 'telegram',
          handle: '@kulai_group',
          notes: 'Group with over 200 members',
        },
      ],
      complainant: { name: 'Nur Aisyah (fictional)' },
    },
    export: { sensitive: 'blur', recipientNote: 'For Inspector Lim, IPD Kulai.' },
    ...overrides,
  });
  return { input, files, deps: (extra = {}) => nodeReportDeps(files, extra) };
}

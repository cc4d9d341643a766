import type { CustodyEntry, CustodySigner } from '../../src/core/custody/entry';
import { appendEntry } from '../../src/core/custody/entry';
import { readFileFacts } from '../../src/core/evidence/facts';
import { sha256Hex } from '../../src/core/evidence/hash';
import type { Case, EvidenceFile, EvidenceItem } from '../../src/core/evidence/model';
import { newId } from '../../src/core/evidence/model';
import { editDetails, type NewItemInput, newCase, newEvidenceItem } from '../../src/core/evidence/records';
import { canvas, encodePng, fakeScreenshot, fillRect } from './draw';

/**
 * A fictional case for the demo: no real person, no real account, no explicit content. Every picture
 * is drawn in code; the "sensitive" one is an abstract pattern that stands in for an edited photo.
 */

const ZONE = 'Asia/Kuala_Lumpur';
/** 14 April 2025, 09:00 in Kuala Lumpur, plus `hours`. */
const at = (hours: number) => new Date(Date.UTC(2025, 3, 14, 1, 0, 0) + hours * 3_600_000);

export interface DemoCase {
  case: Case;
  items: EvidenceItem[];
  /** Original bytes by `EvidenceFile.id`. */
  bytes: Map<string, Uint8Array>;
  custody: CustodyEntry[];
}

async function evidenceFile(name: string, bytes: Uint8Array, mimeType: string): Promise<EvidenceFile> {
  return {
    id: newId(),
    sha256: await sha256Hex(bytes),
    size: bytes.length,
    mimeType,
    originalName: name,
    lastModified: at(-1).toISOString(),
    facts: await readFileFacts(bytes),
  };
}

/** A plain landscape of colour fields (sky, hills, a sun): something to blur, with nothing in it to recognise. */
function abstractPhoto(): Uint8Array {
  const image = canvas(1200, 900, [120, 180, 230]);
  fillRect(image, 0, 520, 1200, 380, [70, 140, 80]);
  fillRect(image, 150, 420, 500, 200, [50, 110, 60]);
  fillRect(image, 860, 120, 160, 160, [250, 210, 60]);
  for (let x = 0; x < 1200; x += 80) fillRect(image, x, 820, 40, 80, [240, 240, 235]);
  return encodePng(image);
}

type Draft = Omit<NewItemInput, 'caseId' | 'files' | 'timeZone'> & {
  file?: { name: string; bytes: Uint8Array; mime: string };
  hours: number;
};

const DRAFTS: Draft[] = [
  {
    hours: 0,
    kind: 'screenshot',
    file: {
      name: 'Screenshot_20250414-090012.png',
      bytes: encodePng(fakeScreenshot(1080, 2340, [29, 155, 240], 14)),
      mime: 'image/png',
    },
    details: {
      category: 'impersonation',
      contentUrl: 'https://x.com/aina_real_2025/status/1911723456789012345',
      profileUrl: 'https://x.com/aina_real_2025',
      account: { handle: '@aina_real_2025', displayName: 'Aina (real)', userId: '1911000000000000001' },
      postedTime: { asShown: '12 Apr', iso: '2025-04-12' },
      description:
        'An account pretending to be me, using my name and profile photo. This was its first post.',
      tags: ['first post'],
    },
  },
  {
    hours: 1,
    kind: 'photo',
    file: { name: 'IMG_4471.png', bytes: abstractPhoto(), mime: 'image/png' },
    details: {
      category: 'deepfake',
      contentUrl:
        'https://t.me/c/1987654321/4521?single&comment=88&thread=4500&utm_source=share&utm_medium=copy_link_to_message',
      postedTime: { asShown: 'Yesterday at 21:14', iso: '2025-04-13T21:14+08:00' },
      description:
        'An edited photo of me shared in a group of about 200 members. I did not take it and it is not real.',
    },
  },
  {
    hours: 2,
    kind: 'messageText',
    text: 'Delete your account or I send the pictures to your whole school. You have 24 hours.',
    details: {
      category: 'sextortion',
      platform: 'instagram',
      account: { handle: '@kulai.secrets', displayName: 'KS' },
      postedTime: { asShown: '10:42', iso: '2025-04-14T10:42+08:00' },
      description: 'A direct message from the account that runs the group.',
    },
  },
  {
    hours: 3,
    kind: 'screenshot',
    file: {
      name: 'Screenshot_20250414-120533.png',
      bytes: encodePng(fakeScreenshot(1080, 1920, [193, 53, 132], 9)),
      mime: 'image/png',
    },
    details: {
      category: 'harassment',
      contentUrl: 'https://www.instagram.com/kulai.secrets/',
      account: { handle: '@kulai.secrets', displayName: 'KS', userId: '58899001122' },
      description: 'The profile of the account that sent the message. It has 1,204 followers.',
      platformReport: { reference: 'IG-2025-0414-77812', date: '2025-04-14' },
    },
  },
];

/** Builds the case, its items (through the same record functions the app uses) and a signed custody log. */
export async function demoCase(signer: CustodySigner): Promise<DemoCase> {
  const record = newCase(
    {
      title: 'Fake account and edited photos (fictional demo)',
      narrative:
        'On 12 April a friend told me that an account on X was using my name and my photo. I never made that account.\n\n' +
        'On 13 April I was added to a Telegram group where an edited photo of me was being shared. The photo is not real. ' +
        'The next morning an Instagram account sent me a message saying it would send "the pictures" to my school unless I deleted my account.\n\n' +
        'I have not replied to any of them. I reported the Instagram account on 14 April.',
      accounts: [
        {
          platform: 'x',
          handle: '@aina_real_2025',
          displayName: 'Aina (real)',
          profileUrl: 'https://x.com/aina_real_2025',
        },
        {
          platform: 'instagram',
          handle: '@kulai.secrets',
          userId: '58899001122',
          notes: 'Runs the Telegram group',
        },
      ],
    },
    at(-2),
  );
  const bytes = new Map<string, Uint8Array>();
  const items: EvidenceItem[] = [];
  const custody: CustodyEntry[] = [
    await appendEntry(null, { event: 'created', caseId: record.id }, signer, at(-2)),
  ];
  for (const draft of DRAFTS) {
    const files: EvidenceFile[] = [];
    if (draft.file) {
      const file = await evidenceFile(draft.file.name, draft.file.bytes, draft.file.mime);
      bytes.set(file.id, draft.file.bytes);
      files.push(file);
    }
    const { hours, file: _file, ...input } = draft;
    const item = await newEvidenceItem({ ...input, caseId: record.id, files, timeZone: ZONE }, at(hours));
    const fileHashes = item.textSha256 ? [item.textSha256] : files.map((one) => one.sha256);
    custody.push(
      await appendEntry(
        custody.at(-1) ?? null,
        { event: 'created', itemId: item.id, caseId: record.id, fileHashes },
        signer,
        at(hours),
      ),
    );
    items.push(item);
  }
  // One later edit, so the report shows an item's history and an `edited` custody entry.
  const first = items[0] as EvidenceItem;
  items[0] = editDetails(
    first,
    { description: `${first.details.description} It now has 340 followers.` },
    at(5),
  );
  custody.push(
    await appendEntry(
      custody.at(-1) ?? null,
      { event: 'edited', itemId: first.id, caseId: record.id },
      signer,
      at(5),
    ),
  );
  return { case: record, items, bytes, custody };
}

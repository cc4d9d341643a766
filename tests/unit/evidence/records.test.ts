import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isBuktiError } from '../../../src/core/errors';
import { EVIDENCE_FORMAT_VERSION, type EvidenceFile, newId } from '../../../src/core/evidence/model';
import { addFile, editDetails, newCase, newEvidenceItem } from '../../../src/core/evidence/records';
import { checkCase, checkEvidenceItem } from '../../../src/core/evidence/validate';

const NOW = new Date('2025-04-10T06:03:22.123Z');
const LATER = new Date('2025-04-11T01:00:00.000Z');

function file(sha: string, overrides: Partial<EvidenceFile> = {}): EvidenceFile {
  return {
    id: newId(),
    sha256: sha.repeat(64).slice(0, 64),
    size: 2048,
    mimeType: 'image/png',
    originalName: 'Screenshot_20250410-140322.png',
    lastModified: '2025-04-10T06:03:20.000Z',
    facts: { hasGps: false, width: 1080, height: 2400 },
    ...overrides,
  };
}

async function screenshotItem(category: 'harassment' | 'intimateImage' = 'harassment') {
  return newEvidenceItem(
    {
      caseId: newId(),
      kind: 'screenshot',
      files: [file('a')],
      details: {
        category,
        contentUrl: 'https://x.com/abuser/status/1780000000000000001?s=20',
        description: 'Reply under my post',
      },
      timeZone: 'Asia/Kuala_Lumpur',
    },
    NOW,
  );
}

function errorCode(action: () => unknown): string | undefined {
  try {
    action();
  } catch (error) {
    return isBuktiError(error) ? error.code : 'not a BuktiError';
  }
  return undefined;
}

describe('newCase', () => {
  it('makes a versioned, valid case and drops empty fields', () => {
    const made = newCase(
      {
        title: ' Kulai deepfakes ',
        narrative: 'Someone made pictures of me.',
        accounts: [{ platform: 'telegram', handle: 'kulai_leaks', notes: '' }],
      },
      NOW,
    );
    expect(made).toMatchObject({
      v: EVIDENCE_FORMAT_VERSION,
      title: 'Kulai deepfakes',
      createdAt: '2025-04-10T06:03:22.123Z',
    });
    expect(made.accounts[0]).toEqual({
      id: made.accounts[0]?.id,
      platform: 'telegram',
      handle: 'kulai_leaks',
    });
    expect(checkCase(made)).toEqual([]);
  });
});

describe('newEvidenceItem', () => {
  it('records the capture time in UTC, local time with offset and zone', async () => {
    const item = await screenshotItem();
    expect(item.captured).toEqual({
      utc: '2025-04-10T06:03:22.123Z',
      local: '2025-04-10T14:03:22.123+08:00',
      timeZone: 'Asia/Kuala_Lumpur',
    });
    expect(checkEvidenceItem(item)).toEqual([]);
  });

  it('takes the platform from the link and keeps the link as entered', async () => {
    const item = await screenshotItem();
    expect(item.details).toMatchObject({
      platform: 'x',
      contentUrl: 'https://x.com/abuser/status/1780000000000000001?s=20',
      flags: [],
    });
  });

  it('hides intimate-image categories by default, and only those', async () => {
    expect((await screenshotItem('intimateImage')).details.sensitive).toBe(true);
    expect((await screenshotItem('harassment')).details.sensitive).toBe(false);
    for (const category of ['deepfake', 'sextortion'] as const) {
      const item = await newEvidenceItem(
        { caseId: newId(), kind: 'photo', files: [file('b')], details: { category } },
        NOW,
      );
      expect(item.details.sensitive).toBe(true);
    }
    const shown = await newEvidenceItem(
      {
        caseId: newId(),
        kind: 'photo',
        files: [file('b')],
        details: { category: 'deepfake', sensitive: false },
      },
      NOW,
    );
    expect(shown.details.sensitive).toBe(false);
  });

  it("keeps a file item's link that does not parse, flagged, with the platform left as other", async () => {
    const item = await newEvidenceItem(
      {
        caseId: newId(),
        kind: 'screenshot',
        files: [file('c')],
        details: { category: 'threat', contentUrl: 'group chat "Kulai 5B", not a link' },
      },
      NOW,
    );
    expect(item.details).toMatchObject({
      contentUrl: 'group chat "Kulai 5B", not a link',
      platform: 'other',
      flags: ['urlInvalid'],
    });
  });

  it('refuses a link item whose link is not a web address', async () => {
    const details = { category: 'threat' as const, contentUrl: 'group chat "Kulai 5B", not a link' };
    await expect(newEvidenceItem({ caseId: newId(), kind: 'webLink', details }, NOW)).rejects.toMatchObject({
      code: 'capture.notALink',
    });
  });

  it('flags a posting time kept only as shown', async () => {
    const item = await newEvidenceItem(
      {
        caseId: newId(),
        kind: 'webLink',
        details: {
          category: 'threat',
          contentUrl: 'https://t.me/kumpulan_4b/123',
          postedTime: { asShown: 'Yesterday at 21:14' },
        },
      },
      NOW,
    );
    expect(item.details.flags).toEqual(['postedTimeUnparsed']);
  });

  it('fixes message text with its SHA-256 at capture', async () => {
    const text = 'Kalau tak bayar, aku sebar gambar kau 😡';
    const item = await newEvidenceItem(
      { caseId: newId(), kind: 'messageText', text, details: { category: 'sextortion' } },
      NOW,
    );
    expect(item.text).toBe(text);
    expect(item.textSha256).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
  });

  it('refuses a file item without files and a message without text', async () => {
    await expect(
      newEvidenceItem({ caseId: newId(), kind: 'photo', details: { category: 'other' } }, NOW),
    ).rejects.toMatchObject({
      code: 'capture.noFiles',
    });
    await expect(
      newEvidenceItem(
        { caseId: newId(), kind: 'messageText', text: '  ', details: { category: 'other' } },
        NOW,
      ),
    ).rejects.toMatchObject({ code: 'capture.emptyText' });
  });

  it('refuses a record that would not validate, naming the field', async () => {
    await expect(
      newEvidenceItem(
        { caseId: 'case-1', kind: 'photo', files: [file('c')], details: { category: 'other' } },
        NOW,
      ),
    ).rejects.toMatchObject({ code: 'capture.invalidRecord', params: { path: '$.caseId' } });
  });
});

describe('editDetails', () => {
  it('keeps every earlier version of the details', async () => {
    const item = await screenshotItem();
    const once = editDetails(item, { description: 'Reply under my post, 3 likes' }, LATER);
    const twice = editDetails(once, { tags: ['first', 'worst'] }, new Date('2025-04-12T00:00:00.000Z'));
    expect(twice.details).toMatchObject({
      description: 'Reply under my post, 3 likes',
      tags: ['first', 'worst'],
    });
    expect(twice.history.map((version) => version.details.description)).toEqual([
      'Reply under my post',
      'Reply under my post, 3 likes',
    ]);
    expect(twice.history[0]?.replacedAt).toBe('2025-04-11T01:00:00.000Z');
    expect(twice.updatedAt).toBe('2025-04-12T00:00:00.000Z');
    expect(twice.files).toEqual(item.files);
    expect(twice.captured).toEqual(item.captured);
    expect(checkEvidenceItem(twice)).toEqual([]);
  });

  it('returns the same item when nothing changes', async () => {
    const item = await screenshotItem();
    expect(editDetails(item, { description: item.details.description }, LATER)).toBe(item);
  });

  it('hides an item moved into an intimate-image category unless told otherwise', async () => {
    const item = await screenshotItem('harassment');
    expect(editDetails(item, { category: 'deepfake' }, LATER).details.sensitive).toBe(true);
    expect(editDetails(item, { category: 'deepfake', sensitive: false }, LATER).details.sensitive).toBe(
      false,
    );
  });

  it('re-flags a link edited into something that does not parse', async () => {
    const item = await screenshotItem();
    expect(editDetails(item, { contentUrl: 'deleted post' }, LATER).details.flags).toEqual(['urlInvalid']);
  });

  it('never moves updatedAt backwards when the clock was set back', async () => {
    const item = await screenshotItem();
    const edited = editDetails(item, { description: 'changed' }, new Date('2025-01-01T00:00:00.000Z'));
    expect(edited.updatedAt).toBe(item.updatedAt);
    expect(edited.history[0]?.replacedAt).toBe('2025-01-01T00:00:00.000Z');
  });
});

describe('addFile', () => {
  it('adds a second original and refuses the same bytes twice', async () => {
    const item = await screenshotItem();
    const added = addFile(item, file('d'), LATER);
    expect(added.files).toHaveLength(2);
    expect(errorCode(() => addFile(added, file('d'), LATER))).toBe('capture.duplicateFile');
  });
});

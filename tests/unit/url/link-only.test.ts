import { describe, expect, it } from 'vitest';
import { draftToInput, EMPTY_DRAFT } from '../../../src/core/evidence/details-draft';
import { newEvidenceItem } from '../../../src/core/evidence/records';
import { cleanLink, parseUrl } from '../../../src/core/url/parse';
import { SHARED_LINKS } from './shared-links';

const CASE = '0b5a6c1e-5d0c-4c4a-9a55-2a3f1c3e9b10';

/** A link-only item as the capture flow makes it: the link is the content link of an empty draft. */
async function linkOnly(link: string) {
  const result = draftToInput({ ...EMPTY_DRAFT, contentUrl: link }, 'Asia/Kuala_Lumpur');
  if (!result.ok) throw new Error('the draft should be usable');
  return newEvidenceItem({ caseId: CASE, kind: 'webLink', details: result.input });
}

describe('a link shared from each of the 12 platforms', () => {
  it('covers every platform the url module knows', () => {
    expect(new Set(SHARED_LINKS.map((shared) => shared.platform)).size).toBe(12);
  });

  it.each(SHARED_LINKS)('$platform: clean copy without tracking, stable when read again', (shared) => {
    const parsed = parseUrl(shared.link);
    expect(parsed).toMatchObject({ ok: true, platform: shared.platform, normalizedUrl: shared.clean });
    expect(cleanLink(shared.link)).toBe(shared.clean);
    expect(cleanLink(shared.clean)).toBe(shared.clean);
    expect(shared.clean).not.toMatch(/[?&](utm_|igsh|fbclid|si=|s=|t=|share_id|trk|mibextid|xmt|_r=)/);
    if (shared.postId) expect(parsed.ok && parsed.postId).toBe(shared.postId);
  });

  it.each(SHARED_LINKS)(
    '$platform: a link-only item reads platform and account, keeps the link as captured',
    async (shared) => {
      const item = await linkOnly(shared.link);
      expect(item.details.contentUrl).toBe(shared.link);
      expect(item.details.platform).toBe(shared.platform);
      expect(item.details.account?.handle).toBe(shared.handle);
      expect(item.details.account?.userId).toBe(shared.userId);
    },
  );
});

describe('only web links become link items', () => {
  it.each(['javascript:alert(1)', 'ftp://files.example.com/a', 'not a web address at all', 'mailto:a@b.my'])(
    'refuses %s with a message saying what to do',
    async (text) => {
      await expect(linkOnly(text)).rejects.toMatchObject({ code: 'capture.notALink' });
    },
  );

  it('keeps a link typed without https:// as typed', async () => {
    const item = await linkOnly('instagram.com/p/C0ffee123/?igsh=abc');
    expect(item.details.contentUrl).toBe('instagram.com/p/C0ffee123/?igsh=abc');
    expect(item.details.platform).toBe('instagram');
    expect(cleanLink(item.details.contentUrl)).toBe('https://instagram.com/p/C0ffee123');
  });
});

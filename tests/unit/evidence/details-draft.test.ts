import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  chooseLinkFilled,
  type DetailsDraft,
  draftFromDetails,
  draftToInput,
  EMPTY_DRAFT,
  lastAccountItem,
  linkFilled,
  wallTimeToIso,
  withAccountOf,
  withCategory,
  withDateField,
} from '../../../src/core/evidence/details-draft';
import { CATEGORIES, newId, PLATFORMS } from '../../../src/core/evidence/model';
import { completeDetails } from '../../../src/core/evidence/records';

const KL = 'Asia/Kuala_Lumpur';
const POST = 'https://x.com/pembuli2291/status/1911111111111111111';

function input(draft: DetailsDraft, zone = KL) {
  const result = draftToInput(draft, zone);
  if (!result.ok) throw new Error(`unexpected problems ${JSON.stringify(result.problems)}`);
  return result.input;
}

describe('link-filled fields', () => {
  it('follow the content link until the person sets them', () => {
    const draft = { ...EMPTY_DRAFT, contentUrl: POST };
    expect(linkFilled(draft, 'platform')).toBe('x');
    expect(linkFilled(draft, 'handle')).toBe('pembuli2291');
    expect(linkFilled(draft, 'profileUrl')).toBe('https://x.com/pembuli2291');
    const corrected = chooseLinkFilled(draft, 'handle', '@pembuli_asal');
    expect(linkFilled(corrected, 'handle')).toBe('@pembuli_asal');
    // Changing the link later does not overwrite what the person typed, but still moves the platform.
    const moved = { ...corrected, contentUrl: 'https://t.me/kulai_leaks/123' };
    expect(linkFilled(moved, 'handle')).toBe('@pembuli_asal');
    expect(linkFilled(moved, 'platform')).toBe('telegram');
    expect(input(moved)).toMatchObject({ platform: 'telegram', account: { handle: '@pembuli_asal' } });
  });

  it('read the account from a profile link the person typed', () => {
    const draft = chooseLinkFilled({ ...EMPTY_DRAFT }, 'profileUrl', 'wa.me/60123456789');
    expect(linkFilled(draft, 'platform')).toBe('whatsapp');
    expect(linkFilled(draft, 'userId')).toBe('60123456789');
  });

  it('keep a corrected platform, and an emptied field stays empty', () => {
    let draft = { ...EMPTY_DRAFT, contentUrl: POST };
    draft = chooseLinkFilled(draft, 'platform', 'facebook');
    draft = chooseLinkFilled(draft, 'handle', '');
    expect(input(draft)).toMatchObject({ platform: 'facebook', account: undefined });
  });

  it('fall back to "other" for a link that is not a web address, which is kept as typed', () => {
    const draft = { ...EMPTY_DRAFT, contentUrl: 'not a link' };
    expect(linkFilled(draft, 'platform')).toBe('other');
    expect(completeDetails(input(draft)).flags).toEqual(['urlInvalid']);
    expect(input(draft).contentUrl).toBe('not a link');
  });
});

describe('withCategory', () => {
  it('hides intimate-image categories unless the person chose, and never unhides on its own', () => {
    expect(withCategory(EMPTY_DRAFT, 'deepfake').sensitive).toBe(true);
    expect(withCategory(withCategory(EMPTY_DRAFT, 'deepfake'), 'threat').sensitive).toBe(false);
    expect(withCategory({ ...EMPTY_DRAFT, sensitive: true }, 'threat', true).sensitive).toBe(true);
    const chosen = { ...EMPTY_DRAFT, sensitive: false, sensitiveChosen: true };
    expect(withCategory(chosen, 'intimateImage').sensitive).toBe(false);
  });
});

describe('posted time', () => {
  it('reads a date and time in the device zone, with its offset', () => {
    const draft = {
      ...EMPTY_DRAFT,
      postedAsShown: 'Semalam 21:14',
      postedDate: '2025-04-09',
      postedClock: '21:14',
    };
    expect(input(draft).postedTime).toEqual({ asShown: 'Semalam 21:14', iso: '2025-04-09T21:14+08:00' });
    expect(input({ ...draft, postedClock: '' }).postedTime?.iso).toBe('2025-04-09');
  });

  it('finds the offset on each side of a clock change', () => {
    expect(wallTimeToIso('2025-03-30T00:30', 'Europe/London')).toBe('2025-03-30T00:30+00:00');
    expect(wallTimeToIso('2025-03-30T03:30', 'Europe/London')).toBe('2025-03-30T03:30+01:00');
    expect(wallTimeToIso('2025-01-15T12:00:05', 'America/New_York')).toBe('2025-01-15T12:00:05-05:00');
  });

  it('keeps a saved time exactly while the form still shows it, even from another zone', () => {
    const saved = completeDetails({
      category: 'threat',
      postedTime: { asShown: '2h', iso: '2025-04-10T12:00:30Z' },
    });
    const draft = draftFromDetails(saved);
    expect([draft.postedDate, draft.postedClock]).toEqual(['2025-04-10', '12:00:30']);
    expect(input(draft, 'America/New_York').postedTime?.iso).toBe('2025-04-10T12:00:30Z');
    expect(input({ ...draft, postedClock: '13:00' }, KL).postedTime?.iso).toBe('2025-04-10T13:00+08:00');
  });

  it('names each unreadable field and keeps the draft as typed', () => {
    const draft = {
      ...EMPTY_DRAFT,
      postedDate: '12/04/2025',
      reportReference: 'FB-123',
      reportDate: '2025-02-30',
    };
    expect(draftToInput(draft, KL)).toEqual({
      ok: false,
      problems: [
        { field: 'postedDate', key: 'details.problem.postedDate' },
        { field: 'reportDate', key: 'details.problem.reportDate' },
      ],
    });
    expect(draftToInput({ ...EMPTY_DRAFT, postedClock: '21:14' }, KL)).toMatchObject({
      problems: [{ field: 'postedDate', key: 'details.problem.postedDateMissing' }],
    });
    expect(
      draftToInput({ ...EMPTY_DRAFT, postedDate: '2025-04-01', postedClock: '25:00' }, KL),
    ).toMatchObject({ problems: [{ field: 'postedClock', key: 'details.problem.postedClock' }] });
    expect(draft.postedDate).toBe('12/04/2025');
  });

  it('reports a date the browser holds as half-typed, instead of saving without it', () => {
    const half = withDateField({ ...EMPTY_DRAFT, postedClock: '21:14' }, 'postedDate', '', true);
    expect(draftToInput(half, KL)).toEqual({
      ok: false,
      problems: [{ field: 'postedDate', key: 'details.problem.postedDate' }],
    });
    const done = withDateField(half, 'postedDate', '2025-04-09', false);
    expect(done.unfinished).toEqual([]);
    expect(input(done).postedTime).toEqual({ asShown: '', iso: '2025-04-09T21:14+08:00' });
    const report = withDateField(EMPTY_DRAFT, 'reportDate', '', true);
    expect(draftToInput(report, KL)).toMatchObject({ problems: [{ field: 'reportDate' }] });
  });
});

describe('draftToInput', () => {
  it('sends every field, so an edit can clear one', () => {
    const result = input({ ...EMPTY_DRAFT, tags: ' deepfake, , sekolah ,deepfake' });
    expect(Object.keys(result).sort()).toEqual(
      [
        'account',
        'category',
        'contentUrl',
        'description',
        'platform',
        'platformReport',
        'postedTime',
        'profileUrl',
        'relatedItemIds',
        'sensitive',
        'tags',
      ].sort(),
    );
    expect(completeDetails(result).tags).toEqual(['deepfake', 'sekolah']);
    expect(input({ ...EMPTY_DRAFT, reportDate: '2025-04-11' }).platformReport).toEqual({
      reference: '',
      date: '2025-04-11',
    });
    const blank = draftFromDetails(
      completeDetails({ category: 'threat', postedTime: { asShown: '' }, platformReport: { reference: '' } }),
    );
    expect(input(blank)).toMatchObject({ postedTime: undefined, platformReport: undefined });
  });
});

const text = fc.string({ maxLength: 12 }).map((s) => s.trim());
const optional = fc.option(
  text.filter((s) => s !== ''),
  { nil: undefined },
);
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });
const details = fc
  .record({
    category: fc.constantFrom(...CATEGORIES),
    sensitive: fc.boolean(),
    description: text,
    contentUrl: maybe(fc.constantFrom(POST, 'https://wa.me/60123456789', 'nota', 'https://example.com/a')),
    profileUrl: maybe(fc.constantFrom('https://x.com/lain', 'profil saya')),
    platform: fc.constantFrom(...PLATFORMS),
    account: maybe(fc.record({ handle: optional, displayName: optional, userId: optional })),
    postedTime: maybe(
      fc.record({
        asShown: text,
        iso: maybe(
          fc.constantFrom('2025-04-09', '2025-04-09T21:14+08:00', '2025-04-10T12:00:30Z', '2025-04-10T12:00'),
        ),
      }),
    ),
    platformReport: maybe(fc.record({ reference: text, date: maybe(fc.constant('2025-04-11')) })),
    tags: fc.array(
      text.filter((s) => s !== '' && !s.includes(',')),
      { maxLength: 3 },
    ),
    relatedItemIds: fc.array(
      fc.constant(null).map(() => newId()),
      { maxLength: 2 },
    ),
  })
  // A posted time or report with nothing in it is dropped by the form, not kept as an empty record.
  .filter((d) => d.postedTime === undefined || d.postedTime.asShown !== '' || d.postedTime.iso !== undefined)
  .filter(
    (d) =>
      d.platformReport === undefined ||
      d.platformReport.reference !== '' ||
      d.platformReport.date !== undefined,
  )
  .map((d) => completeDetails(d));

describe('draftFromDetails then draftToInput', () => {
  it('gives back the same details, whatever the links say', () => {
    fc.assert(
      fc.property(details, fc.constantFrom(KL, 'UTC', 'America/New_York'), (saved, zone) => {
        expect(completeDetails(input(draftFromDetails(saved), zone))).toEqual(saved);
      }),
    );
  });
});

describe('same account as the last item', () => {
  const at = (createdAt: string, account?: { handle: string }) =>
    ({ createdAt, details: completeDetails({ category: 'other', platform: 'instagram', account }) }) as const;

  it('finds the latest item that names an account', () => {
    const items = [
      at('2025-04-10T01:00:00Z', { handle: 'old' }),
      at('2025-04-10T03:00:00Z'),
      at('2025-04-10T02:00:00Z', { handle: 'new' }),
    ];
    expect(lastAccountItem(items)?.details.account?.handle).toBe('new');
    expect(lastAccountItem([at('2025-04-10T03:00:00Z')])).toBeUndefined();
  });

  it('fills platform and account as chosen values, leaving the rest of the draft alone', () => {
    const draft = withAccountOf(
      { ...EMPTY_DRAFT, description: 'keep me', contentUrl: POST },
      at('2025-04-10T01:00:00Z', { handle: 'kulai.anon' }).details,
    );
    const result = input(draft);
    expect(result).toMatchObject({
      platform: 'instagram',
      account: { handle: 'kulai.anon' },
      description: 'keep me',
    });
  });
});

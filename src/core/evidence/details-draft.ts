import type { MessageKey } from '../i18n';
import { parseUrl } from '../url/parse';
import { isIsoDate, isIsoDateOrTime } from './checker';
import { type Category, type EvidenceDetails, isSensitiveByDefault, type Platform } from './model';
import type { DetailsInput } from './records';
import { deviceTimeZone, utcOffsetMinutes } from './time';

/**
 * The details form as a person fills it in (capture, edit, inbox): every field as typed, so nothing
 * typed is lost while something else needs fixing. Plain data, so every form reads it the same way.
 */

/** Fields a link can fill in; until the person sets one, it follows the links. */
export const LINK_FILLED = ['platform', 'handle', 'userId', 'profileUrl'] as const;
export type LinkFilled = (typeof LINK_FILLED)[number];

export interface DetailsDraft {
  category: Category;
  sensitive: boolean;
  /** True once the person changed "hide the picture" themselves; the category then stops overriding it. */
  sensitiveChosen: boolean;
  description: string;
  contentUrl: string;
  profileUrl: string;
  /** Only read when `chosen` includes it; otherwise the links decide. */
  platform: Platform;
  handle: string;
  displayName: string;
  userId: string;
  postedAsShown: string;
  /** YYYY-MM-DD, as a date field gives it, or as typed. */
  postedDate: string;
  /** HH:MM (or HH:MM:SS), optional. */
  postedClock: string;
  /** The saved ISO time the form started from; kept exactly while date and time still show it. */
  postedIsoBefore?: string;
  reportReference: string;
  reportDate: string;
  /** Comma-separated. */
  tags: string;
  relatedItemIds: string[];
  /** Link-filled fields the person set themselves. */
  chosen: LinkFilled[];
  /** Date and time fields the browser reports as partly typed (their value reads as empty meanwhile). */
  unfinished: DateField[];
}

/** The fields that take a date or a time. */
export type DateField = 'postedDate' | 'postedClock' | 'reportDate';

export const EMPTY_DRAFT: DetailsDraft = {
  category: 'other',
  sensitive: false,
  sensitiveChosen: false,
  description: '',
  contentUrl: '',
  profileUrl: '',
  platform: 'other',
  handle: '',
  displayName: '',
  userId: '',
  postedAsShown: '',
  postedDate: '',
  postedClock: '',
  reportReference: '',
  reportDate: '',
  tags: '',
  relatedItemIds: [],
  chosen: [],
  unfinished: [],
};

/** What the links (content first, then profile) say about platform, account and profile link. */
export function linkSuggestions(contentUrl: string, profileUrl: string): Record<LinkFilled, string> {
  const content = contentUrl.trim() === '' ? undefined : parseUrl(contentUrl);
  const profile = profileUrl.trim() === '' ? undefined : parseUrl(profileUrl);
  const read = [content, profile].filter((parsed) => parsed?.ok === true);
  const first = (pick: (parsed: (typeof read)[number]) => string | undefined) =>
    read.map(pick).find((value) => value !== undefined) ?? '';
  return {
    platform: first((parsed) => (parsed?.ok && parsed.platform !== 'other' ? parsed.platform : undefined)),
    handle: first((parsed) => (parsed?.ok ? parsed.handle : undefined)),
    userId: first((parsed) => (parsed?.ok ? parsed.userId : undefined)),
    profileUrl: content?.ok ? (content.profileUrl ?? '') : '',
  };
}

/** The value a link-filled field shows: the person's own, or what the links suggest. */
export function linkFilled(draft: DetailsDraft, field: 'platform'): Platform;
export function linkFilled(draft: DetailsDraft, field: LinkFilled): string;
export function linkFilled(draft: DetailsDraft, field: LinkFilled): string {
  if (draft.chosen.includes(field)) return draft[field];
  // The profile link the person typed also feeds the suggestions, unless it is itself a suggestion.
  const profile = draft.chosen.includes('profileUrl') ? draft.profileUrl : '';
  const suggested = linkSuggestions(draft.contentUrl, profile)[field];
  return field === 'platform' ? suggested || 'other' : suggested;
}

/** The draft with a link-filled field set by the person (it stops following the links). */
export function chooseLinkFilled(draft: DetailsDraft, field: LinkFilled, value: string): DetailsDraft {
  const chosen = draft.chosen.includes(field) ? draft.chosen : [...draft.chosen, field];
  return { ...draft, [field]: value, chosen };
}

/** The item whose account a new item most likely shares: the latest one that names an account. */
export function lastAccountItem<T extends { createdAt: string; details: EvidenceDetails }>(
  items: readonly T[],
): T | undefined {
  return [...items]
    .filter((item) => item.details.account !== undefined)
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0))[0];
}

/** The draft with the platform and account of `details`, as if the person had typed them. */
export function withAccountOf(draft: DetailsDraft, details: EvidenceDetails): DetailsDraft {
  const account = details.account ?? {};
  return {
    ...draft,
    platform: details.platform,
    handle: account.handle ?? '',
    displayName: account.displayName ?? '',
    userId: account.userId ?? '',
    profileUrl: details.profileUrl ?? '',
    chosen: [...LINK_FILLED],
  };
}

/**
 * The draft with a new category. Unless the person chose otherwise, intimate-image categories hide the
 * picture; an item that `startedHidden` stays hidden (only the person unhides it).
 */
export function withCategory(draft: DetailsDraft, category: Category, startedHidden = false): DetailsDraft {
  const sensitive = draft.sensitiveChosen ? draft.sensitive : startedHidden || isSensitiveByDefault(category);
  return { ...draft, category, sensitive };
}

const WALL_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}(?::\d{2})?)/;
const CLOCK = /^([01]\d|2[0-3]):[0-5]\d(?::[0-5]\d)?$/;

/** A saved item's details as a draft; link-filled fields that differ from the links count as chosen. */
export function draftFromDetails(details: EvidenceDetails): DetailsDraft {
  const posted = details.postedTime?.iso;
  const wall = posted === undefined ? undefined : WALL_TIME.exec(posted);
  const draft: DetailsDraft = {
    category: details.category,
    sensitive: details.sensitive,
    sensitiveChosen: false,
    description: details.description,
    contentUrl: details.contentUrl ?? '',
    profileUrl: details.profileUrl ?? '',
    platform: details.platform,
    handle: details.account?.handle ?? '',
    displayName: details.account?.displayName ?? '',
    userId: details.account?.userId ?? '',
    postedAsShown: details.postedTime?.asShown ?? '',
    postedDate: wall ? (wall[1] as string) : (posted ?? ''),
    postedClock: wall ? (wall[2] as string) : '',
    postedIsoBefore: posted,
    reportReference: details.platformReport?.reference ?? '',
    reportDate: details.platformReport?.date ?? '',
    tags: details.tags.join(', '),
    relatedItemIds: [...details.relatedItemIds],
    chosen: [],
    unfinished: [],
  };
  // The profile link feeds the other suggestions, so whether the person set it is decided first.
  const profileChosen = draft.profileUrl !== linkFilled({ ...draft, chosen: [] }, 'profileUrl');
  const base: DetailsDraft = { ...draft, chosen: profileChosen ? ['profileUrl'] : [] };
  const chosen = LINK_FILLED.filter(
    (field) => field !== 'profileUrl' && linkFilled(base, field) !== draft[field],
  );
  return { ...draft, chosen: [...base.chosen, ...chosen] };
}

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const magnitude = Math.abs(minutes);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${sign}${pad(Math.floor(magnitude / 60))}:${pad(magnitude % 60)}`;
}

/** A wall time (YYYY-MM-DDTHH:MM[:SS]) in `timeZone` as ISO with that zone's offset at that moment. */
export function wallTimeToIso(wall: string, timeZone: string): string {
  const asUtc = Date.parse(`${wall.length === 16 ? `${wall}:00` : wall}Z`);
  // The offset at the instant, found in two steps so times near a clock change land on the right side.
  const first = utcOffsetMinutes(new Date(asUtc), timeZone);
  const offset = utcOffsetMinutes(new Date(asUtc - first * 60_000), timeZone);
  return `${wall}${offsetText(offset)}`;
}

/** The draft with a date or time field as the browser gives it; `unfinished` when only partly typed. */
export function withDateField(
  draft: DetailsDraft,
  field: DateField,
  value: string,
  unfinished: boolean,
): DetailsDraft {
  const others = draft.unfinished.filter((other) => other !== field);
  return { ...draft, [field]: value, unfinished: unfinished ? [...others, field] : others };
}

/** A field of the form that holds something unusable, and what to tell the person. */
export interface DraftProblem {
  field: DateField;
  key: MessageKey;
}

const UNREADABLE: Record<DateField, MessageKey> = {
  postedDate: 'details.problem.postedDate',
  postedClock: 'details.problem.postedClock',
  reportDate: 'details.problem.reportDate',
};

function postedIso(draft: DetailsDraft, timeZone: string): string | DraftProblem | undefined {
  const date = draft.postedDate.trim();
  const clock = draft.postedClock.trim();
  if (date === '' && clock === '') return undefined;
  if (date === '') return { field: 'postedDate', key: 'details.problem.postedDateMissing' };
  if (!isIsoDate(date)) return { field: 'postedDate', key: UNREADABLE.postedDate };
  if (clock !== '' && !CLOCK.test(clock)) return { field: 'postedClock', key: UNREADABLE.postedClock };
  const before = draft.postedIsoBefore;
  const wall = before === undefined ? undefined : WALL_TIME.exec(before);
  const unchanged = wall ? wall[1] === date && wall[2] === clock : before === date && clock === '';
  if (before !== undefined && unchanged && isIsoDateOrTime(before)) return before;
  return clock === '' ? date : wallTimeToIso(`${date}T${clock}`, timeZone);
}

const trimmed = (text: string): string | undefined => text.trim() || undefined;

/**
 * The draft as details for the vault, with every field present (an emptied field is `undefined`, so an
 * edit clears it), or the problems to show. Posted times without a zone are read in `timeZone`.
 */
export function draftToInput(
  draft: DetailsDraft,
  timeZone: string = deviceTimeZone(),
): { ok: true; input: DetailsInput } | { ok: false; problems: DraftProblem[] } {
  const problems = draft.unfinished.map((field): DraftProblem => ({ field, key: UNREADABLE[field] }));
  const postedUnfinished = problems.some((problem) => problem.field !== 'reportDate');
  const posted = postedUnfinished ? undefined : postedIso(draft, timeZone);
  if (typeof posted === 'object') problems.push(posted);
  const reportDate = draft.reportDate.trim();
  if (reportDate !== '' && !isIsoDate(reportDate) && !draft.unfinished.includes('reportDate'))
    problems.push({ field: 'reportDate', key: UNREADABLE.reportDate });
  if (problems.length > 0) return { ok: false, problems };

  const iso = typeof posted === 'string' ? posted : undefined;
  const asShown = draft.postedAsShown.trim();
  const reference = draft.reportReference.trim();
  const account = {
    handle: trimmed(linkFilled(draft, 'handle')),
    displayName: trimmed(draft.displayName),
    userId: trimmed(linkFilled(draft, 'userId')),
  };
  return {
    ok: true,
    input: {
      category: draft.category,
      sensitive: draft.sensitive,
      description: draft.description.trim(),
      contentUrl: trimmed(draft.contentUrl),
      profileUrl: trimmed(linkFilled(draft, 'profileUrl')),
      platform: linkFilled(draft, 'platform'),
      account: Object.values(account).some((value) => value !== undefined) ? account : undefined,
      postedTime: asShown === '' && iso === undefined ? undefined : { asShown, iso },
      platformReport:
        reference === '' && reportDate === '' ? undefined : { reference, date: trimmed(reportDate) },
      tags: draft.tags
        .split(',')
        .map((tag) => tag.trim())
        .filter((tag) => tag !== ''),
      relatedItemIds: [...draft.relatedItemIds],
    },
  };
}

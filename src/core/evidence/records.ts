import { canonicalJson, utf8 } from '../canonical';
import { BuktiError } from '../errors';
import { parseUrl } from '../url/parse';
import { Checker } from './checker';
import { sha256Hex } from './hash';
import {
  type Case,
  type Category,
  type Complainant,
  EVIDENCE_FORMAT_VERSION,
  type EvidenceDetails,
  type EvidenceFile,
  type EvidenceItem,
  type EvidenceKind,
  FILE_KINDS,
  type InvolvedAccount,
  type ItemFlag,
  isSensitiveByDefault,
  newId,
} from './model';
import { captureTimeAt, utcIso } from './time';
import { checkCase, checkEvidenceItem } from './validate';

/** What a person fills in to open a case. */
export interface NewCaseInput {
  title: string;
  narrative?: string;
  accounts?: Omit<InvolvedAccount, 'id'>[];
  complainant?: Complainant;
}

/** A new case, checked; `capture.invalidRecord` if a field is unusable. */
export function newCase(input: NewCaseInput, now: Date = new Date()): Case {
  const time = utcIso(now);
  const record: Case = {
    v: EVIDENCE_FORMAT_VERSION,
    id: newId(),
    title: input.title.trim(),
    narrative: input.narrative ?? '',
    accounts: (input.accounts ?? []).map((account) => ({ ...dropEmpty(account), id: newId() })),
    complainant: input.complainant === undefined ? undefined : dropEmpty(input.complainant),
    createdAt: time,
    updatedAt: time,
  };
  return ensure(checkCase, record);
}

/** Details as entered; only the category is required, the rest gets safe defaults. */
export type DetailsInput = Partial<EvidenceDetails> & { category: Category };

/** What the capture screen hands over for a new item. */
export interface NewItemInput {
  caseId: string;
  kind: EvidenceKind;
  files?: EvidenceFile[];
  /** The message, for `messageText` items. */
  text?: string;
  details: DetailsInput;
  /** Device time zone; defaults to the runtime's. */
  timeZone?: string;
}

/**
 * A new evidence item captured at `now`. Fills the platform from the link when not given, hides
 * intimate-image categories by default, flags links that do not parse, and fingerprints message text.
 */
export async function newEvidenceItem(input: NewItemInput, now: Date = new Date()): Promise<EvidenceItem> {
  const files = input.files ?? [];
  if (FILE_KINDS.includes(input.kind) && files.length === 0) throw new BuktiError('capture.noFiles');
  const isText = input.kind === 'messageText';
  if (isText && (input.text === undefined || input.text.trim() === ''))
    throw new BuktiError('capture.emptyText');
  // A link item is a web page someone can open: anything else is refused before it is stored as one.
  if (input.kind === 'webLink' && parseUrl(input.details.contentUrl ?? '').ok !== true)
    throw new BuktiError('capture.notALink');
  const time = utcIso(now);
  const item: EvidenceItem = {
    v: EVIDENCE_FORMAT_VERSION,
    id: newId(),
    caseId: input.caseId,
    kind: input.kind,
    files,
    text: isText ? input.text : undefined,
    textSha256: isText && input.text !== undefined ? await sha256Hex(utf8(input.text)) : undefined,
    captured: captureTimeAt(now, input.timeZone),
    details: completeDetails(input.details),
    history: [],
    createdAt: time,
    updatedAt: time,
  };
  return ensure(checkEvidenceItem, item);
}

/**
 * The item with its details changed. The previous details go to `history`, so an edit never loses
 * what was written before; an edit that changes nothing returns the item as it was.
 */
export function editDetails(
  item: EvidenceItem,
  patch: Partial<EvidenceDetails>,
  now: Date = new Date(),
): EvidenceItem {
  const merged: DetailsInput = { ...item.details, ...patch };
  const newCategory = patch.category !== undefined && patch.category !== item.details.category;
  // Moving an item into an intimate-image category hides it unless the person says otherwise.
  if (newCategory && patch.sensitive === undefined && isSensitiveByDefault(merged.category)) {
    merged.sensitive = true;
  }
  const details = completeDetails(merged);
  if (canonicalJson(details) === canonicalJson(item.details)) return item;
  return ensure(checkEvidenceItem, {
    ...item,
    details,
    history: [...item.history, { replacedAt: utcIso(now), details: item.details }],
    updatedAt: laterOf(now, item.updatedAt),
  });
}

/** The item with one more original file; `capture.duplicateFile` if the same bytes are already there. */
export function addFile(item: EvidenceItem, file: EvidenceFile, now: Date = new Date()): EvidenceItem {
  if (item.files.some((existing) => existing.sha256 === file.sha256))
    throw new BuktiError('capture.duplicateFile');
  return ensure(checkEvidenceItem, {
    ...item,
    files: [...item.files, file],
    updatedAt: laterOf(now, item.updatedAt),
  });
}

/** Details with defaults filled in, text fields tidied, and flags worked out again from the content. */
export function completeDetails(input: DetailsInput): EvidenceDetails {
  const contentUrl = tidy(input.contentUrl);
  const profileUrl = tidy(input.profileUrl);
  const content = contentUrl === undefined ? undefined : parseUrl(contentUrl);
  const profile = profileUrl === undefined ? undefined : parseUrl(profileUrl);
  const derivedPlatform = content?.ok ? content.platform : profile?.ok ? profile.platform : 'other';
  const flags: ItemFlag[] = [];
  if (content?.ok === false) flags.push('urlInvalid');
  if (profile?.ok === false) flags.push('profileUrlInvalid');
  const postedTime =
    input.postedTime === undefined ? undefined : { ...input.postedTime, iso: tidy(input.postedTime.iso) };
  if (postedTime !== undefined && postedTime.iso === undefined) flags.push('postedTimeUnparsed');
  const account = input.account === undefined ? undefined : dropEmpty(input.account);
  return {
    contentUrl,
    profileUrl,
    platform: input.platform ?? derivedPlatform,
    account: account !== undefined && Object.keys(account).length > 0 ? account : undefined,
    postedTime,
    description: input.description ?? '',
    category: input.category,
    sensitive: input.sensitive ?? isSensitiveByDefault(input.category),
    platformReport: input.platformReport,
    relatedItemIds: unique(input.relatedItemIds ?? []),
    tags: unique((input.tags ?? []).map((tag) => tag.trim()).filter((tag) => tag !== '')),
    flags,
  };
}

function tidy(text: string | undefined): string | undefined {
  const trimmed = text?.trim();
  return trimmed === '' ? undefined : trimmed;
}

function dropEmpty<T extends object>(record: T): T {
  const entries = Object.entries(record).map(([key, value]) => [
    key,
    typeof value === 'string' ? tidy(value) : value,
  ]);
  return Object.fromEntries(entries.filter(([, value]) => value !== undefined)) as T;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/** `updatedAt` never goes backwards, even if the device clock did; the edit's own time stays true. */
export function laterOf(now: Date, previous: string): string {
  const time = utcIso(now);
  return time < previous ? previous : time;
}

/** Drops undefined fields (so stored records equal their canonical form) and refuses invalid ones. */
function ensure<T extends object>(
  check: (value: unknown) => { path: string; problem: string }[],
  record: T,
): T {
  const clean = JSON.parse(canonicalJson(record)) as T;
  const checker = new Checker();
  checker.problems.push(...check(clean));
  checker.throwIfAny();
  return clean;
}

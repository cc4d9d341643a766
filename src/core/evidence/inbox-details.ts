/**
 * What the service worker seals with each deposit it makes from the OS share sheet, format version 1
 * (docs/inbox.md), and how the inbox reads it back. Kept free of heavy imports: the service worker
 * bundles this file.
 */
import { isUtcIso } from './checker';

/** Version of the sealed share details; written into every deposit as `v`. */
export const SHARE_DETAILS_VERSION = 1 as const;

/** One file from the share sheet, as the browser described it when it arrived. */
export interface SharedFileDetails {
  v: typeof SHARE_DETAILS_VERSION;
  kind: 'file';
  name: string;
  type: string;
  size: number;
  /** `File.lastModified` at arrival. Multipart bodies carry no modification time, so this is usually the share time. */
  lastModified?: number;
  /** When the service worker received the share (UTC ISO). */
  sharedAt: string;
}

/** The title, text and link that came with one share, kept together as one deposit. */
export interface SharedTextDetails {
  v: typeof SHARE_DETAILS_VERSION;
  kind: 'text';
  title?: string;
  text?: string;
  url?: string;
  sharedAt: string;
}

export type ShareDetails = SharedFileDetails | SharedTextDetails;

/** Why a share was not kept; the service worker puts it in `/?shared=<problem>` for the app to explain. */
export const SHARE_PROBLEMS = ['no-vault', 'storage-full', 'failed', 'nothing', 'refused'] as const;
export type ShareProblem = (typeof SHARE_PROBLEMS)[number];

/** The query parameter that carries a `ShareProblem` to the app. */
export const SHARE_PROBLEM_PARAM = 'shared';

/** Details to seal with a shared file. */
export function sharedFileDetails(
  file: { name: string; type: string; size: number; lastModified?: number },
  sharedAt: Date,
): SharedFileDetails {
  const details: SharedFileDetails = {
    v: SHARE_DETAILS_VERSION,
    kind: 'file',
    name: file.name,
    type: file.type,
    size: file.size,
    sharedAt: sharedAt.toISOString(),
  };
  if (file.lastModified !== undefined && Number.isFinite(file.lastModified))
    details.lastModified = file.lastModified;
  return details;
}

/**
 * Details to seal for a share's title, text and link, or undefined when all three are blank. Form
 * encoding turns every line break into CRLF, so line breaks go back to LF (as a pasted message has
 * them: the same message shared or pasted then has one SHA-256). Otherwise the text is kept exactly as
 * shared (it may become message evidence); the link and title are trimmed.
 */
export function sharedTextDetails(
  fields: { title?: string | null; text?: string | null; url?: string | null },
  sharedAt: Date,
): SharedTextDetails | undefined {
  const title = fields.title?.replace(/\r\n/g, '\n').trim();
  const url = fields.url?.trim();
  const text = fields.text?.trim() ? fields.text.replace(/\r\n/g, '\n') : undefined;
  if (!title && !url && text === undefined) return undefined;
  const details: SharedTextDetails = {
    v: SHARE_DETAILS_VERSION,
    kind: 'text',
    sharedAt: sharedAt.toISOString(),
  };
  if (title) details.title = title;
  if (text !== undefined) details.text = text;
  if (url) details.url = url;
  return details;
}

const FILE_FIELDS = ['v', 'kind', 'name', 'type', 'size', 'lastModified', 'sharedAt'];
const TEXT_FIELDS = ['v', 'kind', 'title', 'text', 'url', 'sharedAt'];

function onlyFields(record: Record<string, unknown>, allowed: readonly string[]): boolean {
  return Object.keys(record).every((key) => allowed.includes(key));
}

function optionalText(value: unknown): value is string | undefined {
  return value === undefined || (typeof value === 'string' && value.trim() !== '');
}

/**
 * Reads sealed share details. Anyone who can run script in Bukti's origin can make a deposit, so the
 * value is untrusted: anything that is not exactly a version-1 share (an unknown field included) gives
 * undefined, and the inbox shows the deposit as unreadable rather than guessing.
 */
export function parseShareDetails(value: unknown): ShareDetails | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const record = value as Record<string, unknown>;
  if (record.v !== SHARE_DETAILS_VERSION || !isUtcIso(record.sharedAt)) return undefined;
  const sharedAt = record.sharedAt;
  if (record.kind === 'file') {
    const { name, type, size, lastModified } = record;
    const ok =
      onlyFields(record, FILE_FIELDS) &&
      typeof name === 'string' &&
      typeof type === 'string' &&
      Number.isSafeInteger(size) &&
      (size as number) >= 0 &&
      (lastModified === undefined || (typeof lastModified === 'number' && Number.isFinite(lastModified)));
    if (!ok) return undefined;
    const details: SharedFileDetails = { v: 1, kind: 'file', name, type, size: size as number, sharedAt };
    if (lastModified !== undefined) details.lastModified = lastModified as number;
    return details;
  }
  if (record.kind === 'text') {
    const { title, text, url } = record;
    const ok =
      onlyFields(record, TEXT_FIELDS) &&
      optionalText(title) &&
      optionalText(text) &&
      optionalText(url) &&
      (title !== undefined || text !== undefined || url !== undefined);
    if (!ok) return undefined;
    const details: SharedTextDetails = { v: 1, kind: 'text', sharedAt };
    if (title !== undefined) details.title = title;
    if (text !== undefined) details.text = text;
    if (url !== undefined) details.url = url;
    return details;
  }
  return undefined;
}

const WEB_LINK = /\bhttps?:\/\/[^\s<>"]+/i;
/** Sentence punctuation that follows a link in running text but is almost never its last character. */
const TRAILING = /[.,;:!?'"»”’]+$/;

/**
 * The web link a text share is about: its `url` field, else the first http(s) link in its text or
 * title (many apps put the link in the text, after a caption). Undefined when there is none.
 */
export function sharedLink(details: SharedTextDetails): string | undefined {
  if (details.url !== undefined) return details.url;
  for (const field of [details.text, details.title]) {
    const found = field === undefined ? null : WEB_LINK.exec(field);
    if (found) return withoutUnbalancedParen(found[0].replace(TRAILING, ''));
  }
  return undefined;
}

/** "(see https://x.com/a)" ends the link before ")", but a Wikipedia link's own "(…)" is kept. */
function withoutUnbalancedParen(link: string): string {
  const opens = link.split('(').length;
  const closes = link.split(')').length;
  return link.endsWith(')') && closes > opens ? link.slice(0, -1).replace(TRAILING, '') : link;
}

/** The message of a text share without a link: its text, else its title. */
export function sharedMessage(details: SharedTextDetails): string {
  return details.text ?? details.title ?? '';
}

/**
 * What came with a shared link besides the link itself (the page title, a caption), on one line, as a
 * starting description the survivor can change.
 */
export function sharedLinkDescription(share: { title?: string; text?: string }, link: string): string {
  const text = share.text?.trim();
  const parts = [share.title, text === link ? undefined : text];
  return parts
    .filter((part): part is string => part !== undefined && part !== '')
    .join(' — ')
    .replace(/\s*\n\s*/g, ' ');
}

import type { Platform } from '../evidence/model';

/** What a recognised link points at, as far as its shape tells. */
export const URL_KINDS = [
  'post',
  'video',
  'story',
  'profile',
  'message',
  'group',
  'channel',
  'invite',
  'share',
  'page',
] as const;
export type UrlKind = (typeof URL_KINDS)[number];

/** What the shape of a recognised link reveals; every field is optional except `kind`. */
export interface UrlFacts {
  kind: UrlKind;
  /** Account name without a leading @, as written in the link. */
  handle?: string;
  /** Numeric or opaque account identifier (Facebook id, YouTube channel id, phone number for WhatsApp). */
  userId?: string;
  /** Identifier of the post, video, story or message. */
  postId?: string;
  /** The group, subreddit, channel or server the content sits in. */
  community?: string;
  /** A link to the account's profile, built from the handle or user id. */
  profileUrl?: string;
}

/** A link Bukti could read. `normalizedUrl` drops tracking parameters; `original` is kept as entered. */
export interface ParsedUrl extends UrlFacts {
  ok: true;
  original: string;
  platform: Platform;
  /** Host name in lowercase, without a leading `www.` or trailing dot. */
  host: string;
  normalizedUrl: string;
}

/** Why a text is not a usable web address. */
export type InvalidUrlReason = 'empty' | 'notAUrl' | 'unsupportedScheme';

/** A text that is not a web address; it is kept as entered and the item is flagged `urlInvalid`. */
export interface InvalidUrl {
  ok: false;
  original: string;
  reason: InvalidUrlReason;
}

export type UrlParseResult = ParsedUrl | InvalidUrl;

/** The parts of a link a platform rule looks at. */
export interface UrlShape {
  host: string;
  /** Decoded, non-empty path segments. */
  segments: string[];
  query: URLSearchParams;
}

/** A platform's reading of a link on one of its hosts. */
export type PlatformRule = (shape: UrlShape) => UrlFacts;

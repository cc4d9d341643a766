/**
 * The evidence data model, format version 1 (see docs/evidence-format.md). Plain data only: every
 * record is canonical-JSON serialisable (no Dates, no byte arrays, no undefined inside arrays), so the
 * vault stores it, the bundle exports it and the custody log hashes it without conversion.
 */

/** Version of the case and evidence records; written into every record as `v`. */
export const EVIDENCE_FORMAT_VERSION = 1 as const;

/** What kind of thing was captured. */
export const EVIDENCE_KINDS = [
  'screenshot',
  'photo',
  'video',
  'audio',
  'document',
  'webLink',
  'messageText',
] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/** Kinds whose content is one or more original files (the others carry a URL or text). */
export const FILE_KINDS: readonly EvidenceKind[] = ['screenshot', 'photo', 'video', 'audio', 'document'];

/** What kind of abuse the item shows, in the words survivor and investigator guides use. */
export const CATEGORIES = [
  'intimateImage',
  'deepfake',
  'sextortion',
  'threat',
  'harassment',
  'doxxing',
  'impersonation',
  'hate',
  'other',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** Categories whose items are hidden (blurred) by default, on screen and in reports. */
export const SENSITIVE_CATEGORIES: readonly Category[] = ['intimateImage', 'deepfake', 'sextortion'];

/** Platforms Bukti recognises from a URL; anything else is `other`. */
export const PLATFORMS = [
  'x',
  'facebook',
  'instagram',
  'tiktok',
  'telegram',
  'whatsapp',
  'youtube',
  'reddit',
  'threads',
  'snapchat',
  'discord',
  'linkedin',
  'other',
] as const;
export type Platform = (typeof PLATFORMS)[number];

/** Warnings attached to an item; the item is kept as entered either way. */
export const ITEM_FLAGS = ['urlInvalid', 'profileUrlInvalid', 'postedTimeUnparsed'] as const;
export type ItemFlag = (typeof ITEM_FLAGS)[number];

/** An account involved in a case (the abuser's, a fake profile, a group). All text as entered. */
export interface InvolvedAccount {
  id: string;
  platform: Platform;
  handle?: string;
  displayName?: string;
  userId?: string;
  profileUrl?: string;
  /** Phone number or e-mail address, as shown. */
  contact?: string;
  notes?: string;
}

/** Details about the person making the report, only if they choose to fill them in. */
export interface Complainant {
  name?: string;
  /** MyKad (IC) or passport number. */
  idNumber?: string;
  phone?: string;
  email?: string;
}

/** A case groups the evidence about one situation. */
export interface Case {
  v: typeof EVIDENCE_FORMAT_VERSION;
  id: string;
  title: string;
  /** What happened, in the survivor's own words. */
  narrative: string;
  accounts: InvolvedAccount[];
  complainant?: Complainant;
  /** UTC ISO 8601 with milliseconds, e.g. 2025-04-10T06:03:22.123Z. */
  createdAt: string;
  updatedAt: string;
}

/** Read-only facts found in (or measured from) a file; never edited by hand. */
export interface FileFacts {
  /** EXIF DateTimeOriginal as the camera wrote it, ISO form; offset only when the file records one. */
  dateTaken?: string;
  make?: string;
  model?: string;
  /** True when the file holds a GPS position (the position itself is never copied into the record). */
  hasGps: boolean;
  width?: number;
  height?: number;
  /** Length of video or audio in seconds, as measured by the browser. */
  durationSeconds?: number;
  /** True when the file's metadata could not be read, so facts (including GPS) may be missing. */
  metadataUnreadable?: boolean;
}

/** One original file, kept byte for byte as imported. */
export interface EvidenceFile {
  id: string;
  /** Lowercase hex SHA-256 of the exact bytes, computed at import. */
  sha256: string;
  size: number;
  mimeType: string;
  originalName: string;
  /** The file's last-modified time as the device reported it (UTC ISO), if any. */
  lastModified?: string;
  facts: FileFacts;
}

/** When the item was captured: the same instant three ways, so nobody has to convert. */
export interface CaptureTime {
  /** UTC ISO 8601, e.g. 2025-04-10T06:03:22.123Z. */
  utc: string;
  /** Local wall time with offset, e.g. 2025-04-10T14:03:22.123+08:00. */
  local: string;
  /** IANA time zone of the device, e.g. Asia/Kuala_Lumpur. */
  timeZone: string;
}

/** When the content was posted or the incident happened, as shown on screen. */
export interface PostedTime {
  /** Exactly as shown ("2 hrs", "Yesterday at 21:14", "12/4/2025"). */
  asShown: string;
  /** The survivor's or helper's reading of it as an ISO date or date-time, when they give one. */
  iso?: string;
}

/** Account shown with the content. */
export interface ItemAccount {
  handle?: string;
  displayName?: string;
  userId?: string;
}

/** A report already made to the platform about this content. */
export interface PlatformReport {
  reference: string;
  /** ISO date (YYYY-MM-DD) the report was made. */
  date?: string;
}

/** The editable description of an item. Each edit keeps the earlier version in `history`. */
export interface EvidenceDetails {
  /** Link to the content, as entered (kept even when it does not parse; see flags). */
  contentUrl?: string;
  profileUrl?: string;
  platform: Platform;
  account?: ItemAccount;
  postedTime?: PostedTime;
  description: string;
  category: Category;
  /** Hidden until asked for; on by default for intimate-image categories. */
  sensitive: boolean;
  platformReport?: PlatformReport;
  relatedItemIds: string[];
  tags: string[];
  flags: ItemFlag[];
}

/** An earlier version of the details, replaced at `replacedAt` (UTC ISO). */
export interface DetailsVersion {
  replacedAt: string;
  details: EvidenceDetails;
}

/** One piece of evidence: its original content (files or text) plus the survivor's description. */
export interface EvidenceItem {
  v: typeof EVIDENCE_FORMAT_VERSION;
  id: string;
  caseId: string;
  kind: EvidenceKind;
  /** Original files (file kinds: at least one; webLink: screenshots of the page, optional). */
  files: EvidenceFile[];
  /** The message text, for `messageText` items; fixed at capture like a file. */
  text?: string;
  /** Lowercase hex SHA-256 of the UTF-8 bytes of `text`. */
  textSha256?: string;
  captured: CaptureTime;
  details: EvidenceDetails;
  /** Earlier versions of `details`, oldest first. */
  history: DetailsVersion[];
  createdAt: string;
  updatedAt: string;
}

/** True when items in `category` are hidden by default. */
export function isSensitiveByDefault(category: Category): boolean {
  return SENSITIVE_CATEGORIES.includes(category);
}

/** A new random identifier (UUID v4) for a case, item, file or account. */
export function newId(): string {
  return globalThis.crypto.randomUUID();
}

import type { EvidenceDetails, EvidenceItem } from './model';

/** The details a person can change, one by one, in the order the forms show them. */
export const DETAIL_FIELDS = [
  'category',
  'sensitive',
  'description',
  'contentUrl',
  'postedAsShown',
  'postedDate',
  'handle',
  'displayName',
  'userId',
  'profileUrl',
  'platform',
  'platformReport',
  'tags',
  'relatedItemIds',
] as const;
export type DetailField = (typeof DETAIL_FIELDS)[number];

/** One field's value for showing: text, yes/no, or a list; `undefined` when empty. */
export type DetailValue = string | boolean | readonly string[] | undefined;

/** One field that differs between two versions of the details. */
export interface FieldChange {
  field: DetailField;
  before: DetailValue;
  after: DetailValue;
}

/** An earlier version: when it was replaced, and what the version that replaced it changed. */
export interface HistoryStep {
  replacedAt: string;
  details: EvidenceDetails;
  changes: FieldChange[];
}

function reportText(details: EvidenceDetails): string | undefined {
  const report = details.platformReport;
  if (report === undefined) return undefined;
  return [report.reference, report.date].filter((part) => part !== undefined && part !== '').join(' · ');
}

/** Every field of `details` as a value to compare and show. */
export function detailValues(details: EvidenceDetails): Record<DetailField, DetailValue> {
  return {
    category: details.category,
    sensitive: details.sensitive,
    description: details.description || undefined,
    contentUrl: details.contentUrl,
    postedAsShown: details.postedTime?.asShown || undefined,
    postedDate: details.postedTime?.iso,
    handle: details.account?.handle,
    displayName: details.account?.displayName,
    userId: details.account?.userId,
    profileUrl: details.profileUrl,
    platform: details.platform,
    platformReport: reportText(details) || undefined,
    tags: details.tags.length > 0 ? details.tags : undefined,
    relatedItemIds: details.relatedItemIds.length > 0 ? details.relatedItemIds : undefined,
  };
}

function same(a: DetailValue, b: DetailValue): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i]);
  return a === b;
}

/** The fields that differ from `before` to `after`, in form order. Flags are left out: they follow the fields. */
export function diffDetails(before: EvidenceDetails, after: EvidenceDetails): FieldChange[] {
  const a = detailValues(before);
  const b = detailValues(after);
  return DETAIL_FIELDS.filter((field) => !same(a[field], b[field])).map((field) => ({
    field,
    before: a[field],
    after: b[field],
  }));
}

/** The item's earlier versions, newest first, each with what the next version changed. */
export function detailsHistory(item: EvidenceItem): HistoryStep[] {
  return item.history
    .map((version, index) => ({
      replacedAt: version.replacedAt,
      details: version.details,
      changes: diffDetails(version.details, item.history[index + 1]?.details ?? item.details),
    }))
    .reverse();
}

import type { CaptureTime } from '../evidence/model';
import { localIsoWithOffset } from '../evidence/time';
import type { Locale } from './index';

/**
 * Dates and times as people in Malaysia read them: day, month name, year (`5 Dec 2026`, `5 Dis 2026`),
 * the order en-MY and ms-MY use, with the month spelt out so nobody reads 12 May for 5 December. The
 * one formatter for the app, the report and the CLI; written out rather than left to Intl so paper and
 * screen agree on every runtime.
 */

const MONTHS: Record<Locale, readonly string[]> = {
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  ms: ['Jan', 'Feb', 'Mac', 'Apr', 'Mei', 'Jun', 'Jul', 'Ogo', 'Sep', 'Okt', 'Nov', 'Dis'],
};

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}:\d{2})(:\d{2})?(?:\.\d+)?(Z|[+-]\d{2}:\d{2})?)?$/;

/** What the time is shown with: seconds for the record, minutes for lists. */
export interface TimeStyle {
  seconds?: boolean;
}

/**
 * An ISO date or time for reading: `10 Apr 2025`, `10 Apr 2025, 14:03:22 +08:00`, `… UTC` for a `Z`
 * time; a time written without an offset stays without one. Any other text comes back unchanged, so
 * nothing the person typed is lost.
 */
export function dateTimeText(iso: string, locale: Locale, style: TimeStyle = { seconds: true }): string {
  const match = ISO.exec(iso);
  const month = match ? MONTHS[locale][Number(match[2]) - 1] : undefined;
  if (!match || month === undefined) return iso;
  const day = `${Number(match[3])} ${month} ${match[1]}`;
  if (match[4] === undefined) return day;
  const clock = style.seconds ? `${match[4]}${match[5] ?? ''}` : match[4];
  const zone = match[6] === 'Z' ? 'UTC' : match[6];
  return `${day}, ${[clock, zone].filter(Boolean).join(' ')}`;
}

/** Only the calendar date of an ISO date or time, as written there: `10 Apr 2025`. */
export function dayText(iso: string, locale: Locale): string {
  return dateTimeText(iso.slice(0, 10), locale);
}

/** An instant as wall time in `timeZone`, with its offset and the zone's name: `10 Apr 2025, 14:03 +08:00 (Asia/Kuala_Lumpur)`. */
export function instantText(iso: string, timeZone: string, locale: Locale, style: TimeStyle = {}): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return `${dateTimeText(localIsoWithOffset(new Date(ms), timeZone), locale, style)} (${timeZone})`;
}

/** A capture time: local time with offset and zone name, then UTC — the same instant both ways. */
export function captureTimeText(time: CaptureTime, locale: Locale): string {
  return `${dateTimeText(time.local, locale)} (${time.timeZone}) = ${dateTimeText(time.utc, locale)}`;
}

/** A capture time in short: where and when it was taken, to the minute, with the zone. */
export function capturedShort(time: CaptureTime, locale: Locale): string {
  return `${dateTimeText(time.local, locale, {})} (${time.timeZone})`;
}

import type { ReportItem } from './types';

/** `1.2 MB (1,234,567 bytes)`. */
export function sizeText(bytes: number): string {
  const exact = `${bytes.toLocaleString('en-US')} bytes`;
  if (bytes < 1024) return exact;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]} (${exact})`;
}

/** `1:05:09` or `4:07` for a duration in seconds, with the exact seconds. */
export function durationText(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return String(seconds);
  return `${clockText(seconds)} (${Number(seconds.toFixed(3))} s)`;
}

/** A duration as a player shows it, rounded to the second: `1:05:09`, `2:05`, `0:07`. */
export function clockText(seconds: number): string {
  const whole = Math.round(seconds);
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = String(whole % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** Fingerprint in groups of four hex digits, as VERIFY.txt prints it. */
export function groupedHex(hex: string): string {
  return (hex.match(/.{1,4}/g) ?? []).join(' ');
}

const DATE = /^(\d{4}-\d{2}-\d{2})/;

/** First and last of a set of calendar dates (YYYY-MM-DD). */
export interface DateSpan {
  from: string;
  to: string;
}

function span(candidates: readonly (string | undefined)[]): DateSpan | undefined {
  const dates = candidates
    .map((candidate) => (candidate === undefined ? undefined : DATE.exec(candidate)?.[1]))
    .filter((date): date is string => date !== undefined)
    .sort();
  const from = dates[0];
  const to = dates[dates.length - 1];
  return from === undefined || to === undefined ? undefined : { from, to };
}

/**
 * The period the items cover: when the abuse happened (the posting dates the survivor gave), and
 * beside it when the evidence was captured (device local dates). Undefined when there are no items.
 */
export function periodCovered(
  items: readonly ReportItem[],
): { posted: DateSpan | undefined; captured: DateSpan } | undefined {
  const captured = span(items.map((item) => item.captured.local));
  if (captured === undefined) return undefined;
  return { posted: span(items.map((item) => item.details.postedTime?.iso)), captured };
}

/** Milliseconds of an ISO date or date-time; one without an offset is read as UTC, so order never depends on the machine. */
function instant(iso: string): number {
  const withZone = /^\d{4}-\d{2}-\d{2}T[\d:.]+$/.test(iso) ? `${iso}Z` : iso;
  const ms = Date.parse(withZone);
  return Number.isNaN(ms) ? Number.POSITIVE_INFINITY : ms;
}

/** Items in the order a reader follows events: posting time where known, else capture time; ties keep bundle order. */
export function chronological(items: readonly ReportItem[]): ReportItem[] {
  const key = (item: ReportItem) => {
    const posted = item.details.postedTime?.iso;
    const postedMs = posted === undefined ? Number.POSITIVE_INFINITY : instant(posted);
    return Number.isFinite(postedMs) ? postedMs : instant(item.captured.utc);
  };
  return items
    .map((item, position) => ({ item, position, at: key(item) }))
    .sort((a, b) => (a.at === b.at ? a.position - b.position : a.at < b.at ? -1 : 1))
    .map((entry) => entry.item);
}

import type { CaptureTime } from '../evidence/model';
import type { ReportItem } from './types';

const ISO_WITH_OFFSET = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2})?(?:\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;

/**
 * An ISO time for reading on paper: `2025-04-10 14:03:22 +08:00`, or `... UTC` for a `Z` time; a time
 * without an offset stays without one. Anything else is returned unchanged, so nothing is lost.
 */
export function readableTime(iso: string): string {
  const match = ISO_WITH_OFFSET.exec(iso);
  if (!match) return iso;
  return [match[1], `${match[2]}${match[3] ?? ''}`, zoneText(match[4])].filter(Boolean).join(' ');
}

function zoneText(zone: string | undefined): string | undefined {
  return zone === 'Z' ? 'UTC' : zone;
}

/** Local time with offset and zone name, then UTC: the same instant both ways, as the vault records it. */
export function captureTimeText(time: CaptureTime): string {
  return `${readableTime(time.local)} (${time.timeZone}) = ${readableTime(time.utc)}`;
}

/** The short form for tables: date and minutes, with the offset when there is one. */
export function shortTime(iso: string): string {
  const match = ISO_WITH_OFFSET.exec(iso);
  if (!match) return iso;
  return [match[1], match[2], zoneText(match[4])].filter(Boolean).join(' ');
}

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

/**
 * First and last calendar date the items cover: capture dates (device local time) and posting dates
 * where the survivor gave one. Undefined when there are no items.
 */
export function periodCovered(items: readonly ReportItem[]): { from: string; to: string } | undefined {
  const dates: string[] = [];
  for (const item of items) {
    for (const candidate of [item.captured.local, item.details.postedTime?.iso]) {
      const date = candidate === undefined ? undefined : DATE.exec(candidate)?.[1];
      if (date) dates.push(date);
    }
  }
  if (dates.length === 0) return undefined;
  dates.sort();
  return { from: dates[0] as string, to: dates[dates.length - 1] as string };
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

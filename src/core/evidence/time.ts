import type { CaptureTime } from './model';

/** The device's IANA time zone, or `UTC` when the runtime cannot say. */
export function deviceTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** `date` as UTC ISO with milliseconds, e.g. 2025-04-10T06:03:22.123Z. */
export function utcIso(date: Date): string {
  return date.toISOString();
}

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/**
 * Minutes east of UTC in `timeZone` at `date`. Derived from Intl because the JS Date API only knows the
 * runtime's own zone, and a capture must record the zone the survivor's device was really in.
 */
export function utcOffsetMinutes(date: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
    era: 'short',
  }).formatToParts(date);
  const field = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((part) => part.type === type)?.value);
  const era = parts.find((part) => part.type === 'era')?.value;
  const year = era === 'BC' ? 1 - field('year') : field('year');
  const wall = new Date(0);
  wall.setUTCFullYear(year, field('month') - 1, field('day'));
  wall.setUTCHours(field('hour'), field('minute'), field('second'), 0);
  const instant = Math.floor(date.getTime() / 1000) * 1000;
  return Math.round((wall.getTime() - instant) / 60_000);
}

/** `date` as local wall time in `timeZone` with its offset, e.g. 2025-04-10T14:03:22.123+08:00. */
export function localIsoWithOffset(date: Date, timeZone: string): string {
  const offset = utcOffsetMinutes(date, timeZone);
  const shifted = new Date(date.getTime() + offset * 60_000);
  const wall = shifted.toISOString().slice(0, -1);
  const sign = offset < 0 ? '-' : '+';
  const magnitude = Math.abs(offset);
  return `${wall}${sign}${pad(Math.floor(magnitude / 60))}:${pad(magnitude % 60)}`;
}

/** The capture time of `date` in UTC, local time with offset, and the zone's name. */
export function captureTimeAt(date: Date, timeZone: string = deviceTimeZone()): CaptureTime {
  return { utc: utcIso(date), local: localIsoWithOffset(date, timeZone), timeZone };
}

import { BuktiError } from '../errors';
import { isSha256Hex } from './hash';

/** One thing wrong with a record: where (`$.details.category`) and what, in short technical words. */
export interface RecordProblem {
  path: string;
  problem: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const UTC_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const LOCAL_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{3})?[+-]\d{2}:\d{2}$/;
const LOOSE_ISO = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})?)?$/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** True for a UTC time exactly as `Date.prototype.toISOString` writes it. */
export function isUtcIso(value: unknown): value is string {
  return typeof value === 'string' && UTC_ISO.test(value) && new Date(value).toISOString() === value;
}

/** True for a local time with an explicit offset, e.g. 2025-04-10T14:03:22.123+08:00. */
export function isLocalIso(value: unknown): value is string {
  return typeof value === 'string' && LOCAL_ISO.test(value) && !Number.isNaN(Date.parse(value));
}

/** True for an ISO date (YYYY-MM-DD) or date-time, with or without a zone, that names a real day. */
export function isIsoDateOrTime(value: unknown): value is string {
  if (typeof value !== 'string' || !LOOSE_ISO.test(value)) return false;
  const day = value.slice(0, 10);
  return !Number.isNaN(Date.parse(day)) && new Date(`${day}T00:00:00Z`).toISOString().startsWith(day);
}

/** True for an ISO calendar date (YYYY-MM-DD) that exists. */
export function isIsoDate(value: unknown): value is string {
  return typeof value === 'string' && DATE_ONLY.test(value) && isIsoDateOrTime(value);
}

/** True for a lowercase UUID as `crypto.randomUUID()` makes. */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** Collects problems while walking an untrusted record, so a report can list all of them at once. */
export class Checker {
  readonly problems: RecordProblem[] = [];

  add(path: string, problem: string): void {
    this.problems.push({ path, problem });
  }

  /** The value as a plain object, or undefined (and a problem) when it is not one. */
  object(path: string, value: unknown, allowed: readonly string[]): Record<string, unknown> | undefined {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      this.add(path, 'not an object');
      return undefined;
    }
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (!allowed.includes(key)) this.add(`${path}.${key}`, 'unknown field');
    }
    return record;
  }

  array(path: string, value: unknown): unknown[] {
    if (Array.isArray(value)) return value;
    this.add(path, 'not a list');
    return [];
  }

  string(path: string, value: unknown, optional = false): void {
    if (optional && value === undefined) return;
    if (typeof value !== 'string') this.add(path, value === undefined ? 'missing' : 'not text');
  }

  boolean(path: string, value: unknown, optional = false): void {
    if (optional && value === undefined) return;
    if (typeof value !== 'boolean') this.add(path, 'not true or false');
  }

  oneOf(path: string, value: unknown, allowed: readonly string[]): void {
    if (typeof value !== 'string' || !allowed.includes(value)) this.add(path, 'not an allowed value');
  }

  /** A check that only a predicate can express (UUID, SHA-256, time formats). */
  shape(path: string, value: unknown, ok: (value: unknown) => boolean, what: string, optional = false): void {
    if (optional && value === undefined) return;
    if (!ok(value)) this.add(path, value === undefined ? 'missing' : `not ${what}`);
  }

  number(
    path: string,
    value: unknown,
    options: { integer?: boolean; min: number; optional?: boolean },
  ): void {
    if (options.optional === true && value === undefined) return;
    const ok =
      typeof value === 'number' &&
      Number.isFinite(value) &&
      value >= options.min &&
      (options.integer !== true || Number.isInteger(value));
    if (!ok) this.add(path, value === undefined ? 'missing' : 'not a valid number');
  }

  uuid(path: string, value: unknown, optional = false): void {
    this.shape(path, value, isUuid, 'an id', optional);
  }

  sha256(path: string, value: unknown, optional = false): void {
    this.shape(path, value, isSha256Hex, 'a SHA-256', optional);
  }

  utc(path: string, value: unknown, optional = false): void {
    this.shape(path, value, isUtcIso, 'a UTC time', optional);
  }

  /** Throws `capture.invalidRecord` naming the first problem, if there is any. */
  throwIfAny(): void {
    const first = this.problems[0];
    if (first !== undefined) throw new BuktiError('capture.invalidRecord', { ...first });
  }
}

import { BuktiError } from './errors';

/**
 * Canonical JSON: the one byte sequence Bukti hashes and signs for a value. Object keys are sorted by
 * UTF-16 code unit (the order of `Array.prototype.sort`, as in RFC 8785), properties whose value is
 * `undefined` are left out, there is no whitespace, and numbers and strings are written exactly as
 * `JSON.stringify` writes them. Anything JSON cannot carry faithfully is refused rather than silently
 * changed, because a value that reads back differently would no longer match its signature.
 */
export function canonicalJson(value: unknown): string {
  return write(value, '$', new Set());
}

/** The UTF-8 bytes of `canonicalJson(value)`: what gets hashed and signed. */
export function canonicalBytes(value: unknown): Uint8Array {
  return utf8(canonicalJson(value));
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

/** UTF-8 bytes of a string. */
export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}

/** The string in UTF-8 `bytes`; throws a TypeError on malformed UTF-8 instead of inserting U+FFFD. */
export function fromUtf8(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}

function refuse(path: string, reason: string): never {
  throw new BuktiError('canonical.unsupportedValue', { path, reason });
}

function write(value: unknown, path: string, open: Set<object>): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) refuse(path, 'non-finite number');
      return JSON.stringify(value);
    case 'object':
      if (value === null) return 'null';
      return writeContainer(value, path, open);
    default:
      // undefined (outside an object), bigint, symbol, function: JSON has no faithful form for them.
      return refuse(path, typeof value);
  }
}

function writeContainer(value: object, path: string, open: Set<object>): string {
  if (open.has(value)) refuse(path, 'cycle');
  open.add(value);
  let out: string;
  if (Array.isArray(value)) {
    out = `[${value.map((element, index) => write(element, `${path}[${index}]`, open)).join(',')}]`;
  } else {
    const prototype = Object.getPrototypeOf(value);
    // Dates, byte arrays, maps and class instances would be flattened or emptied by JSON; callers
    // convert them explicitly (ISO string, hex) so the stored form is obvious.
    if (prototype !== Object.prototype && prototype !== null) refuse(path, 'not a plain object');
    const record = value as Record<string, unknown>;
    const members: string[] = [];
    for (const key of Object.keys(record).sort()) {
      const member = record[key];
      if (member === undefined) continue;
      members.push(`${JSON.stringify(key)}:${write(member, `${path}.${key}`, open)}`);
    }
    out = `{${members.join(',')}}`;
  }
  open.delete(value);
  return out;
}

import { BuktiError } from '../errors';

/** One DER element: its identifier octet, its content, and the whole encoding (for signatures over it). */
export interface Der {
  readonly tag: number;
  readonly content: Uint8Array;
  readonly encoded: Uint8Array;
}

export const TAG = {
  boolean: 0x01,
  integer: 0x02,
  bitString: 0x03,
  octetString: 0x04,
  null: 0x05,
  oid: 0x06,
  utf8String: 0x0c,
  sequence: 0x30,
  set: 0x31,
  utcTime: 0x17,
  generalizedTime: 0x18,
} as const;

/** A context-specific tag `[n]`, constructed or primitive. */
export const context = (n: number, constructed = true) => (constructed ? 0xa0 : 0x80) | n;

function fail(what: string): never {
  throw new BuktiError('timestamp.malformed', { what });
}

/**
 * The element at `offset`. Strict DER: low tag numbers only (all RFC 3161 and X.509 need), definite
 * lengths in the fewest octets, nothing past the end of `bytes`.
 */
export function readDer(bytes: Uint8Array, offset = 0): Der {
  if (offset + 2 > bytes.length) fail('truncated');
  const tag = bytes[offset] as number;
  if ((tag & 0x1f) === 0x1f) fail('high tag number');
  let length = bytes[offset + 1] as number;
  let header = 2;
  if (length & 0x80) {
    const octets = length & 0x7f;
    if (octets === 0) fail('indefinite length');
    if (octets > 4) fail('length too large');
    if (offset + 2 + octets > bytes.length) fail('truncated');
    length = 0;
    for (let i = 0; i < octets; i++) length = length * 256 + (bytes[offset + 2 + i] as number);
    if (bytes[offset + 2] === 0 || length < 0x80) fail('length not minimal');
    header += octets;
  }
  const end = offset + header + length;
  if (end > bytes.length) fail('truncated');
  return { tag, content: bytes.subarray(offset + header, end), encoded: bytes.subarray(offset, end) };
}

/** The one element `bytes` holds, refusing trailing bytes. */
export function readWhole(bytes: Uint8Array, tag?: number): Der {
  const der = readDer(bytes);
  if (der.encoded.length !== bytes.length) fail('trailing bytes');
  if (tag !== undefined) expectTag(der, tag);
  return der;
}

/** The elements inside a constructed element, in order. */
export function children(der: Der): Der[] {
  if ((der.tag & 0x20) === 0) fail('primitive where constructed expected');
  const out: Der[] = [];
  for (let at = 0; at < der.content.length; ) {
    const child = readDer(der.content, at);
    out.push(child);
    at += child.encoded.length;
  }
  return out;
}

export function expectTag(der: Der | undefined, tag: number): Der {
  if (!der || der.tag !== tag) fail(`tag ${tag.toString(16)}`);
  return der;
}

/** The children of a SEQUENCE (or another constructed element of `tag`). */
export function sequence(der: Der | undefined, tag: number = TAG.sequence): Der[] {
  return children(expectTag(der, tag));
}

/** An OBJECT IDENTIFIER in dotted form. */
export function oid(der: Der | undefined): string {
  const { content } = expectTag(der, TAG.oid);
  if (content.length === 0 || (content.at(-1) as number) & 0x80) fail('oid');
  const arcs: number[] = [];
  let value = 0;
  for (const [i, byte] of content.entries()) {
    if (value === 0 && byte === 0x80) fail('oid not minimal');
    value = value * 128 + (byte & 0x7f);
    if (value > Number.MAX_SAFE_INTEGER / 128) fail('oid arc too large');
    if ((byte & 0x80) === 0) {
      if (arcs.length === 0)
        arcs.push(value < 80 ? Math.floor(value / 40) : 2, value < 80 ? value % 40 : value - 80);
      else arcs.push(value);
      value = 0;
    } else if (i === content.length - 1) fail('oid');
  }
  return arcs.join('.');
}

/** An INTEGER's two's-complement octets, checked to be minimal. */
export function integerBytes(der: Der | undefined): Uint8Array {
  const { content } = expectTag(der, TAG.integer);
  if (content.length === 0) fail('integer');
  if (content.length > 1 && content[0] === 0 && ((content[1] as number) & 0x80) === 0)
    fail('integer not minimal');
  if (content.length > 1 && content[0] === 0xff && (content[1] as number) & 0x80) fail('integer not minimal');
  return content;
}

/** A small non-negative INTEGER (versions, status codes). */
export function smallInteger(der: Der | undefined): number {
  const bytes = integerBytes(der);
  if (bytes.length > 4 || (bytes[0] as number) & 0x80) fail('integer out of range');
  return bytes.reduce((value, byte) => value * 256 + byte, 0);
}

export function octetString(der: Der | undefined): Uint8Array {
  return expectTag(der, TAG.octetString).content;
}

/** A BIT STRING with no unused bits (keys, signatures). */
export function bitString(der: Der | undefined): Uint8Array {
  const { content } = expectTag(der, TAG.bitString);
  if (content[0] !== 0) fail('bit string with unused bits');
  return content.subarray(1);
}

/** UTCTime or GeneralizedTime, in UTC ("Z") and to the second or finer, as a Date. */
export function time(der: Der | undefined): Date {
  if (!der || (der.tag !== TAG.utcTime && der.tag !== TAG.generalizedTime)) fail('time');
  const text = new TextDecoder().decode(der.content);
  const match =
    der.tag === TAG.utcTime
      ? /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(text)
      : /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\.\d*[1-9])?Z$/.exec(text);
  if (!match) fail('time');
  const [, y, mo, d, h, mi, s, fraction] = match as unknown as string[];
  const year = der.tag === TAG.utcTime ? (Number(y) >= 50 ? 1900 : 2000) + Number(y) : Number(y);
  const ms = fraction ? Math.floor(Number(`0${fraction}`) * 1000) : 0;
  const date = new Date(Date.UTC(year, Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms));
  if (Number.isNaN(date.getTime()) || date.getUTCDate() !== Number(d)) fail('time');
  return date;
}

/** Equal bytes (DER is canonical, so equal names and serials are equal encodings). */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

/** A DER element built from its tag and content (for the request Bukti sends). */
export function encodeDer(tag: number, ...parts: Uint8Array[]): Uint8Array {
  const length = parts.reduce((sum, part) => sum + part.length, 0);
  const lengthBytes: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) lengthBytes.unshift(rest % 256);
  const header = length < 0x80 ? [tag, length] : [tag, 0x80 | lengthBytes.length, ...lengthBytes];
  const out = new Uint8Array(header.length + length);
  out.set(header);
  let at = header.length;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** An OBJECT IDENTIFIER encoded from its dotted form. */
export function encodeOid(dotted: string): Uint8Array {
  const [first, second, ...rest] = dotted.split('.').map(Number) as [number, number, ...number[]];
  const bytes: number[] = [];
  for (const arc of [first * 40 + second, ...rest]) {
    const group = [arc & 0x7f];
    for (let value = Math.floor(arc / 128); value > 0; value = Math.floor(value / 128))
      group.unshift(0x80 | (value & 0x7f));
    bytes.push(...group);
  }
  return encodeDer(TAG.oid, new Uint8Array(bytes));
}

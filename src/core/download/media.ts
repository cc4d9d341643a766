/**
 * Streamed previews through the service worker (sw/media.ts, src/ui/sw-media.ts): the page offers a
 * decrypted file under a one-time random URL; each request for it (a `<video>` asks for byte ranges as
 * it plays and seeks) gets a new port on which the page streams that range, piece by piece, from the
 * vault worker. No Blob or blob: URL ever holds the whole original (docs/security.md §8).
 */

/** Where the service worker answers offered previews. */
export const MEDIA_PATH = '/media/';
/** Page → service worker (`postMessage`, with a port): a file can be fetched until it is revoked. */
export const MEDIA_OFFER = 'bukti-media-offer';
/** Page → service worker: the preview is closed (or the vault locked); its URL answers nothing more. */
export const MEDIA_REVOKE = 'bukti-media-revoke';

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Pictures, video and sound only: nothing a browser would run as a document. */
const CONTENT_TYPE = /^(image|video|audio)\/[a-z0-9][a-z0-9.+-]{0,63}$/;

export interface MediaOffer {
  type: typeof MEDIA_OFFER;
  id: string;
  size: number;
  contentType: string;
}

export interface MediaRevoke {
  type: typeof MEDIA_REVOKE;
  id: string;
}

/** Service worker → page on the offer's port: stream bytes `start`…`end` (inclusive) on the port sent along. */
export type MediaRequest = { kind: 'ready' } | { kind: 'open'; start: number; end: number };

/** A byte range, both ends inclusive, within a file of known size. */
export interface ByteRange {
  start: number;
  end: number;
}

export function isMediaOffer(value: unknown): value is MediaOffer {
  const offer = value as Partial<MediaOffer> | null;
  return (
    typeof offer === 'object' &&
    offer !== null &&
    offer.type === MEDIA_OFFER &&
    typeof offer.id === 'string' &&
    ID.test(offer.id) &&
    Number.isSafeInteger(offer.size) &&
    (offer.size as number) >= 0 &&
    typeof offer.contentType === 'string' &&
    CONTENT_TYPE.test(offer.contentType)
  );
}

export function isMediaRevoke(value: unknown): value is MediaRevoke {
  const revoke = value as Partial<MediaRevoke> | null;
  return (
    typeof revoke === 'object' &&
    revoke !== null &&
    revoke.type === MEDIA_REVOKE &&
    typeof revoke.id === 'string'
  );
}

/** The offer id in a `/media/<id>` path, or null for any other path. */
export function mediaId(pathname: string): string | null {
  if (!pathname.startsWith(MEDIA_PATH)) return null;
  const id = pathname.slice(MEDIA_PATH.length);
  return ID.test(id) ? id : null;
}

/** A content type a preview may be offered as: the file's own when it is media, else none. */
export function previewContentType(mimeType: string): string | null {
  const type = mimeType.toLowerCase().split(';')[0]?.trim() ?? '';
  return CONTENT_TYPE.test(type) ? type : null;
}

/**
 * The range a `Range` header asks for in a file of `size` bytes (RFC 9110 §14.1.2): null to send the
 * whole file (no header, or one this server does not honour: several ranges, another unit, a malformed
 * one), 'unsatisfiable' when it starts past the end.
 */
export function parseRange(header: string | null, size: number): ByteRange | null | 'unsatisfiable' {
  if (header === null) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return null;
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return null;
  if (first === '') {
    const suffix = Number(last);
    if (!Number.isSafeInteger(suffix)) return null;
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(size - suffix, 0), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? Number.MAX_SAFE_INTEGER : Number(last);
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || end < start) return null;
  if (start >= size) return 'unsatisfiable';
  return { start, end: Math.min(end, size - 1) };
}

/**
 * Headers of a preview response: never cached, never sniffed, never run as a document even when
 * opened on its own (an SVG picture could carry script), and seekable.
 */
export function mediaHeaders(offer: MediaOffer, range: ByteRange | null): Record<string, string> {
  const headers: Record<string, string> = {
    'Content-Type': offer.contentType,
    'Content-Length': String(range ? range.end - range.start + 1 : offer.size),
    'Accept-Ranges': 'bytes',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "sandbox; default-src 'none'",
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
  if (range) headers['Content-Range'] = `bytes ${range.start}-${range.end}/${offer.size}`;
  return headers;
}

/**
 * Streamed downloads through the service worker (sw/download.ts, src/ui/sw-download.ts): the page offers
 * a stream over a MessagePort, the service worker answers one request for `/download/<id>` with it, as an
 * attachment. Nothing is stored: the bytes pass from the page to the browser's download, piece by piece.
 */

/** Where the service worker answers one-time download URLs. */
export const DOWNLOAD_PATH = '/download/';
/** Page → service worker (`postMessage`, with the port): a stream is ready to be fetched once. */
export const DOWNLOAD_OFFER = 'bukti-download-offer';
/** Page → service worker while a download runs: a client message keeps the worker alive. */
export const DOWNLOAD_KEEP_ALIVE = 'bukti-download-alive';

/** The types a download may declare; anything else is refused. */
const CONTENT_TYPES = ['application/zip', 'application/octet-stream'] as const;
const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** The bundle and backup names: ASCII, no quotes, no path, nothing a header could be split on. */
const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;

export interface DownloadOffer {
  type: typeof DOWNLOAD_OFFER;
  id: string;
  fileName: string;
  contentType: (typeof CONTENT_TYPES)[number];
}

/** Service worker → page, on the offer's port. */
export type WorkerToPage = { kind: 'ready' } | { kind: 'pull' } | { kind: 'cancel' };
/** Page → service worker, on the offer's port: the next piece, the end, or a failure. */
export type PageToWorker = { kind: 'piece'; bytes: Uint8Array } | { kind: 'end' } | { kind: 'error' };

export function isDownloadOffer(value: unknown): value is DownloadOffer {
  const offer = value as Partial<DownloadOffer> | null;
  return (
    typeof offer === 'object' &&
    offer !== null &&
    offer.type === DOWNLOAD_OFFER &&
    typeof offer.id === 'string' &&
    ID.test(offer.id) &&
    typeof offer.fileName === 'string' &&
    FILE_NAME.test(offer.fileName) &&
    !offer.fileName.includes('..') &&
    CONTENT_TYPES.includes(offer.contentType as DownloadOffer['contentType'])
  );
}

/** The download id in a `/download/<id>` path, or null for any other path. */
export function downloadId(pathname: string): string | null {
  if (!pathname.startsWith(DOWNLOAD_PATH)) return null;
  const id = pathname.slice(DOWNLOAD_PATH.length);
  return ID.test(id) ? id : null;
}

/** Response headers: an attachment under the offered name, never cached, never sniffed. */
export function downloadHeaders(offer: DownloadOffer): Record<string, string> {
  return {
    'Content-Type': offer.contentType,
    'Content-Disposition': `attachment; filename="${offer.fileName}"`,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  };
}

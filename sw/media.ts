/// <reference lib="webworker" />
import {
  isMediaOffer,
  isMediaRevoke,
  type MediaOffer,
  type MediaRequest,
  mediaHeaders,
  mediaId,
  parseRange,
} from '../src/core/download/media';
import { pagePulledStream } from './download';

interface Offered {
  offer: MediaOffer;
  port: MessagePort;
}

/** Previews the pages have open, by id, until they revoke them. Held in memory only. */
const offered = new Map<string, Offered>();

/** Takes preview offers and revocations from the pages this worker controls (src/ui/sw-media.ts). */
export function acceptMediaOffers(scope: ServiceWorkerGlobalScope): void {
  scope.addEventListener('message', (event) => {
    const port = event.ports[0];
    if (isMediaOffer(event.data) && port) {
      offered.set(event.data.id, { offer: event.data, port });
      port.postMessage({ kind: 'ready' } satisfies MediaRequest);
    } else if (isMediaRevoke(event.data)) {
      offered.get(event.data.id)?.port.close();
      offered.delete(event.data.id);
    }
  });
}

const MEDIA_DESTINATIONS: readonly RequestDestination[] = ['image', 'video', 'audio'];

const refused = (status: number, headers: Record<string, string> = {}) =>
  new Response(null, { status, headers: { 'Cache-Control': 'no-store', ...headers } });

/**
 * Answers a request for `/media/<id>`: the range asked for (or the whole file), streamed from the page
 * as the browser reads it. Only pictures, video and sound elements get an answer; an unknown or revoked
 * id, or any other kind of request (opening the URL as a page), gets 404.
 */
export function serveMedia(request: Request): Response {
  const id = mediaId(new URL(request.url).pathname);
  const found = id === null ? undefined : offered.get(id);
  if (!found || !MEDIA_DESTINATIONS.includes(request.destination)) return refused(404);
  const { offer, port } = found;
  const range = parseRange(request.headers.get('Range'), offer.size);
  if (range === 'unsatisfiable') return refused(416, { 'Content-Range': `bytes */${offer.size}` });
  if (offer.size === 0) return new Response(new Uint8Array(0), { headers: mediaHeaders(offer, null) });
  const channel = new MessageChannel();
  const { start, end } = range ?? { start: 0, end: offer.size - 1 };
  port.postMessage({ kind: 'open', start, end } satisfies MediaRequest, [channel.port2]);
  return new Response(pagePulledStream(channel.port1), {
    status: range ? 206 : 200,
    headers: mediaHeaders(offer, range),
  });
}

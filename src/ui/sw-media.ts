import {
  MEDIA_OFFER,
  MEDIA_PATH,
  MEDIA_REVOKE,
  type MediaOffer,
  type MediaRequest,
  type MediaRevoke,
} from '../core/download/media';
import { DOWNLOAD_KEEP_ALIVE, type PageToWorker, type WorkerToPage } from '../core/download/protocol';
import { BuktiError } from '../core/errors';
import type { VaultClient } from './state/session';
// An idle service worker is stopped after 30 s and would forget the offer; the download's keep-alive serves.
import { KEEP_ALIVE_MS } from './sw-download';

/** What a preview needs of the vault: ranges of a file, read in the vault worker. */
type RangeReader = Pick<VaultClient, 'mediaOpen' | 'mediaRead' | 'mediaClose'>;

/** An offered preview: its URL, and how to withdraw it (closing every range still streaming). */
export interface MediaUrl {
  url: string;
  revoke(): void;
}

function post(port: MessagePort, message: PageToWorker): void {
  port.postMessage(message, message.kind === 'piece' ? [message.bytes.buffer as ArrayBuffer] : []);
}

/** Streams one range on `port` as the service worker pulls it; a cancel or a failure closes it. */
function answerRange(port: MessagePort, vault: RangeReader, fileId: string, start: number, end: number) {
  const opened = vault.mediaOpen(fileId, start, end);
  const close = () => {
    port.close();
    void opened.then((handle) => vault.mediaClose(handle)).catch(() => undefined);
  };
  port.onmessage = async (event: MessageEvent<WorkerToPage>) => {
    if (event.data.kind !== 'pull') return close();
    try {
      const piece = await vault.mediaRead(await opened);
      post(port, piece ? { kind: 'piece', bytes: piece } : { kind: 'end' });
      if (!piece) port.close();
    } catch {
      post(port, { kind: 'error' });
      close();
    }
  };
  return close;
}

/**
 * Offers a decrypted original to the service worker (sw/media.ts) under a one-time URL for an `<img>`,
 * `<video>` or `<audio>`: each range the element asks for is read from the vault worker as it plays, so
 * no Blob holds the whole file. Resolves once the URL answers; `revoke` withdraws it at once.
 */
export function offerMedia(
  vault: RangeReader,
  file: { id: string; size: number },
  contentType: string,
): Promise<MediaUrl> {
  const worker = navigator.serviceWorker?.controller;
  if (!worker) return Promise.reject(new BuktiError('preview.needsReload'));
  const id = crypto.randomUUID();
  const channel = new MessageChannel();
  const ranges = new Set<() => void>();
  const keepAlive = setInterval(() => worker.postMessage({ type: DOWNLOAD_KEEP_ALIVE }), KEEP_ALIVE_MS);
  const revoke = () => {
    clearInterval(keepAlive);
    channel.port1.close();
    for (const close of ranges) close();
    ranges.clear();
    worker.postMessage({ type: MEDIA_REVOKE, id } satisfies MediaRevoke);
  };
  return new Promise((resolve) => {
    channel.port1.onmessage = (event: MessageEvent<MediaRequest>) => {
      const request = event.data;
      const port = event.ports[0];
      if (request.kind === 'ready') resolve({ url: `${MEDIA_PATH}${id}`, revoke });
      else if (port) {
        const close = answerRange(port, vault, file.id, request.start, request.end);
        ranges.add(close);
      }
    };
    const offer: MediaOffer = { type: MEDIA_OFFER, id, size: file.size, contentType };
    worker.postMessage(offer, [channel.port2]);
  });
}

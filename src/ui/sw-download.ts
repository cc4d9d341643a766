import {
  DOWNLOAD_KEEP_ALIVE,
  DOWNLOAD_OFFER,
  DOWNLOAD_PATH,
  type DownloadOffer,
  type PageToWorker,
  type WorkerToPage,
} from '../core/download/protocol';
import { BuktiError } from '../core/errors';

/** Chromium stops an idle service worker after 30 s; a message from the page every 10 s keeps it serving. */
export const KEEP_ALIVE_MS = 10_000;

/** True when a service worker controls this page, so a download can be streamed through it. */
export function canStreamDownload(): boolean {
  return Boolean(navigator.serviceWorker?.controller);
}

/** Hands a piece over without copying when it owns its buffer. */
function post(port: MessagePort, message: PageToWorker): void {
  const bytes = message.kind === 'piece' ? message.bytes : null;
  const whole = bytes !== null && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
  port.postMessage(message, whole ? [bytes.buffer as ArrayBuffer] : []);
}

/**
 * Saves `stream` as a browser download named `fileName`, streamed through the service worker
 * (sw/download.ts): the browser pulls each piece as it writes the file, so nothing piles up in memory.
 * Resolves once the browser has taken the last byte; rejects with `export.downloadStopped` when the
 * download is cancelled or fails (a full disk), and with the stream's own error when the stream fails.
 * Aborting `signal` stops the download; the browser then marks it failed, never complete.
 */
export function streamDownload(
  stream: ReadableStream<Uint8Array>,
  fileName: string,
  contentType: DownloadOffer['contentType'],
  signal: AbortSignal,
): Promise<void> {
  const worker = navigator.serviceWorker?.controller;
  if (!worker) return Promise.reject(new BuktiError('export.notReadyToSave'));
  const id = crypto.randomUUID();
  const channel = new MessageChannel();
  const port = channel.port1;
  const reader = stream.getReader();
  return new Promise<void>((resolve, reject) => {
    const keepAlive = setInterval(() => worker.postMessage({ type: DOWNLOAD_KEEP_ALIVE }), KEEP_ALIVE_MS);
    let over = false;
    const end = (error?: unknown) => {
      if (over) return;
      over = true;
      clearInterval(keepAlive);
      signal.removeEventListener('abort', onAbort);
      port.close();
      if (error === undefined) resolve();
      else reject(error);
    };
    const stop = (error: unknown) => {
      post(port, { kind: 'error' });
      void reader.cancel(error).catch(() => undefined);
      end(error);
    };
    const onAbort = () => stop(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    port.onmessage = async (event: MessageEvent<WorkerToPage>) => {
      if (over) return;
      const message = event.data;
      if (message.kind === 'ready') {
        // No `download` attribute: the response's Content-Disposition makes it a download, and the page stays.
        const link = document.createElement('a');
        link.href = `${DOWNLOAD_PATH}${id}`;
        link.click();
      } else if (message.kind === 'pull') {
        try {
          const next = await reader.read();
          if (over) return;
          if (next.done) {
            post(port, { kind: 'end' });
            end();
          } else post(port, { kind: 'piece', bytes: next.value });
        } catch (error) {
          stop(error);
        }
      } else {
        void reader.cancel().catch(() => undefined);
        end(new BuktiError('export.downloadStopped'));
      }
    };
    const offer: DownloadOffer = { type: DOWNLOAD_OFFER, id, fileName, contentType };
    worker.postMessage(offer, [channel.port2]);
  });
}

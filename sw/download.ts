/// <reference lib="webworker" />
import {
  type DownloadOffer,
  downloadHeaders,
  downloadId,
  isDownloadOffer,
  type PageToWorker,
  type WorkerToPage,
} from '../src/core/download/protocol';

interface Offered {
  offer: DownloadOffer;
  port: MessagePort;
}

/** Offers not yet fetched, by id. Each is answered once, then forgotten. */
const offered = new Map<string, Offered>();

function send(port: MessagePort, message: WorkerToPage): void {
  port.postMessage(message);
}

/** Takes stream offers from the pages this worker controls (src/ui/sw-download.ts). */
export function acceptDownloadOffers(scope: ServiceWorkerGlobalScope): void {
  scope.addEventListener('message', (event) => {
    const port = event.ports[0];
    if (!isDownloadOffer(event.data) || !port) return;
    offered.set(event.data.id, { offer: event.data, port });
    send(port, { kind: 'ready' });
  });
}

/**
 * A stream that asks the page for each next piece only when the browser's download wants it, so nothing
 * piles up here. The download being cancelled (by the person, or a full disk) tells the page to stop.
 */
export function pagePulledStream(port: MessagePort): ReadableStream<Uint8Array> {
  let settle: (() => void) | undefined;
  let controller: ReadableStreamDefaultController<Uint8Array> | undefined;
  let finished = false;
  const fail = () => {
    if (finished) return;
    finished = true;
    controller?.error(new Error('The page stopped the download.'));
    port.close();
  };
  // The page closed mid-download (a newer "close" event): fail the download rather than leave it hanging.
  port.addEventListener('close', () => {
    fail();
    settle?.();
  });
  port.onmessage = (event: MessageEvent<PageToWorker>) => {
    const message = event.data;
    if (!controller || finished) return;
    if (message.kind === 'piece') controller.enqueue(message.bytes);
    else if (message.kind === 'end') {
      finished = true;
      controller.close();
      port.close();
    } else fail();
    settle?.();
    settle = undefined;
  };
  return new ReadableStream<Uint8Array>(
    {
      start(streamController) {
        controller = streamController;
      },
      pull() {
        return new Promise<void>((resolve) => {
          settle = resolve;
          send(port, { kind: 'pull' });
        });
      },
      cancel() {
        finished = true;
        send(port, { kind: 'cancel' });
        port.close();
      },
    },
    { highWaterMark: 0 },
  );
}

/**
 * Answers `/download/<id>` once with the offered stream. Unknown or used ids get 204 No Content, which
 * leaves the page where it is instead of navigating it to an error.
 */
export function serveDownload(url: URL): Response {
  const id = downloadId(url.pathname);
  const found = id === null ? undefined : offered.get(id);
  if (!found || id === null)
    return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
  offered.delete(id);
  return new Response(pagePulledStream(found.port), { headers: downloadHeaders(found.offer) });
}

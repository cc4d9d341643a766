import { describe, expect, it } from 'vitest';
import {
  DOWNLOAD_OFFER,
  DOWNLOAD_PATH,
  type PageToWorker,
  type WorkerToPage,
} from '../../../src/core/download/protocol';
import { acceptDownloadOffers, serveDownload } from '../../../sw/download';

const scope = new EventTarget();
acceptDownloadOffers(scope as unknown as ServiceWorkerGlobalScope);

/** The page's side: offers a download and answers each pull from `pieces`, then `last`. */
function offer(pieces: Uint8Array[], last: PageToWorker = { kind: 'end' }) {
  const id = crypto.randomUUID();
  const channel = new MessageChannel();
  const seen: WorkerToPage['kind'][] = [];
  let onCancel: () => void = () => undefined;
  const cancelled = new Promise<void>((resolve) => {
    onCancel = resolve;
  });
  const ready = new Promise<void>((resolve) => {
    channel.port1.onmessage = (event: MessageEvent<WorkerToPage>) => {
      seen.push(event.data.kind);
      if (event.data.kind === 'ready') resolve();
      if (event.data.kind === 'cancel') onCancel();
      if (event.data.kind === 'pull') {
        const bytes = pieces.shift();
        channel.port1.postMessage(bytes ? ({ kind: 'piece', bytes } satisfies PageToWorker) : last);
      }
    };
  });
  const data = {
    type: DOWNLOAD_OFFER,
    id,
    fileName: 'document-20250407-3f2b8c1e.zip',
    contentType: 'application/zip',
  };
  scope.dispatchEvent(new MessageEvent('message', { data, ports: [channel.port2] }));
  return { id, ready, cancelled, seen, close: () => channel.port1.close() };
}

const url = (id: string) => new URL(`https://bukti.example${DOWNLOAD_PATH}${id}`);

describe('the service worker side of a streamed download', () => {
  it('answers the offered URL once, as an attachment, with the pieces in order', async () => {
    const page = offer([new Uint8Array([1, 2]), new Uint8Array([3])]);
    await page.ready;
    const response = serveDownload(url(page.id));
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Disposition')).toBe(
      'attachment; filename="document-20250407-3f2b8c1e.zip"',
    );
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    expect([...new Uint8Array(await response.arrayBuffer())]).toEqual([1, 2, 3]);
    // One time only; an unknown id neither: 204 leaves the page where it is.
    expect(serveDownload(url(page.id)).status).toBe(204);
    expect(serveDownload(url(crypto.randomUUID())).status).toBe(204);
    page.close();
  });

  it('asks for a piece only when the download reads one', async () => {
    const page = offer([new Uint8Array(10), new Uint8Array(10), new Uint8Array(10)]);
    await page.ready;
    const reader = (serveDownload(url(page.id)).body as ReadableStream<Uint8Array>).getReader();
    expect((await reader.read()).value).toHaveLength(10);
    expect(page.seen.filter((kind) => kind === 'pull')).toHaveLength(1);
    await reader.cancel();
    // Cancelling the download tells the page to stop its export.
    await page.cancelled;
    expect(page.seen.filter((kind) => kind === 'pull')).toHaveLength(1);
    page.close();
  });

  it('fails the download when the page reports an error, so it never looks complete', async () => {
    const page = offer([new Uint8Array(4)], { kind: 'error' });
    await page.ready;
    const response = serveDownload(url(page.id));
    await expect(response.arrayBuffer()).rejects.toThrow();
    page.close();
  });

  it('ignores messages that are not well-formed offers', async () => {
    const channel = new MessageChannel();
    const data = {
      type: DOWNLOAD_OFFER,
      id: crypto.randomUUID(),
      fileName: 'a"b.zip',
      contentType: 'application/zip',
    };
    scope.dispatchEvent(new MessageEvent('message', { data, ports: [channel.port2] }));
    expect(serveDownload(url(data.id)).status).toBe(204);
    channel.port1.close();
  });
});

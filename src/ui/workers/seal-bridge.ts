import { BuktiError } from '../../core/errors';
import type { OpenWith, SealFor } from '../../core/seal';
import type { SerializedError } from './rpc';
import type { SealRequest, SealResponse } from './seal.worker';

const isSerialized = (reason: unknown): reason is SerializedError =>
  typeof (reason as { code?: unknown } | null)?.code === 'string';

const revived = (reason: unknown) =>
  isSerialized(reason) ? new BuktiError(reason.code, reason.params) : reason;

/**
 * Runs one age seal or open in a worker of its own, so the passphrase's scrypt (seconds) and the
 * stream's encryption never hold up the page. Streams are moved both ways; the worker is terminated
 * once the result stream has ended, failed or been cancelled.
 */
async function runInWorker(request: SealRequest): Promise<ReadableStream<Uint8Array>> {
  const worker = new Worker(new URL('./seal.worker.ts', import.meta.url), { type: 'module' });
  let output: ReadableStream<Uint8Array>;
  try {
    const response = await new Promise<SealResponse>((resolve, reject) => {
      worker.onmessage = (event: MessageEvent<SealResponse>) => resolve(event.data);
      worker.onerror = (event) => {
        event.preventDefault();
        reject(new BuktiError('sealUi.failed'));
      };
      worker.postMessage(request, [request.input]);
    });
    if (response.kind === 'failed') throw new BuktiError(response.error.code, response.error.params);
    output = response.output;
  } catch (error) {
    worker.terminate();
    throw error;
  }
  const reader = output.getReader();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await reader.read();
        if (next.done) {
          controller.close();
          worker.terminate();
        } else controller.enqueue(next.value);
      } catch (error) {
        worker.terminate();
        controller.error(revived(error));
      }
    },
    async cancel(reason) {
      await reader.cancel(reason).catch(() => undefined);
      worker.terminate();
    },
  });
}

/** `sealStream` (src/core/seal) off the main thread. */
export const sealInWorker = (plain: ReadableStream<Uint8Array>, to: SealFor) =>
  runInWorker({ kind: 'seal', input: plain, to });

/** `openStream` (src/core/seal) off the main thread, with the same typed errors. */
export const openInWorker = (sealed: ReadableStream<Uint8Array>, key: OpenWith) =>
  runInWorker({ kind: 'open', input: sealed, key });

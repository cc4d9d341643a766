import type { VerifyReport } from '../../core/bundle/verify-report';
import { BuktiError } from '../../core/errors';
import { catalogues, type MessageKey, type MessageParams } from '../../core/i18n';
import type { SealingApp, VerifyRequest, VerifyResponse } from './verify.worker';

export type { SealingApp };

/** A finished check: the verifier's report and, when its manifest is usable, the app that sealed it. */
export interface VerifiedBundle {
  report: VerifyReport;
  app: SealingApp | null;
}

export interface VerifyInWorkerOptions {
  signal?: AbortSignal;
  /** The key fingerprint the reader expects; the report then says whether it signed. */
  expectedKey?: string;
  onProgress?: (bytesDone: number, bytesTotal: number) => void;
}

/**
 * How long a cancelled check may take to stop by itself before its worker is terminated: the verifier
 * looks at the signal between chunks, and a few steps (reading a huge ZIP directory) have none.
 */
const CANCEL_GRACE_MS = 1000;

/**
 * Checks `file` with the core verifier in a fresh worker, so a large bundle never blocks the page, and
 * terminates the worker afterwards (its memory, up to the 64 MiB a manifest may take, is freed at once).
 * Rejects with `bundle.verify.cancelled` when `signal` aborts, `verifyUi.failed` when the worker dies.
 */
export function verifyInWorker(file: File, options: VerifyInWorkerOptions = {}): Promise<VerifiedBundle> {
  const { signal, onProgress, expectedKey } = options;
  if (signal?.aborted) return Promise.reject(new BuktiError('bundle.verify.cancelled'));
  const worker = new Worker(new URL('./verify.worker.ts', import.meta.url), { type: 'module' });
  const stopped = new AbortController();
  return new Promise<VerifiedBundle>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<VerifyResponse>) => {
      const response = event.data;
      if (response.kind === 'progress') onProgress?.(response.bytesDone, response.bytesTotal);
      // A check that finished just after Cancel was pressed is still reported as cancelled, as asked.
      else if (signal?.aborted) reject(new BuktiError('bundle.verify.cancelled'));
      else if (response.kind === 'done') resolve({ report: response.report, app: response.app });
      else reject(failure(response.code, response.params));
    };
    worker.onerror = (event) => {
      event.preventDefault();
      reject(new BuktiError('verifyUi.failed', { detail: 'worker' }));
    };
    worker.onmessageerror = () => reject(new BuktiError('verifyUi.failed', { detail: 'message' }));
    signal?.addEventListener(
      'abort',
      () => {
        worker.postMessage({ kind: 'cancel' } satisfies VerifyRequest);
        const grace = setTimeout(() => reject(new BuktiError('bundle.verify.cancelled')), CANCEL_GRACE_MS);
        stopped.signal.addEventListener('abort', () => clearTimeout(grace));
      },
      { once: true, signal: stopped.signal },
    );
    worker.postMessage({ kind: 'verify', file, expectedKey } satisfies VerifyRequest);
  }).finally(() => {
    // Removes the abort listener and any grace timer, then frees the worker.
    stopped.abort();
    worker.terminate();
  });
}

/** A code from the worker is shown only if the catalogue has it; anything else is an unexpected failure. */
function failure(code: string, params: MessageParams): BuktiError {
  if (code in catalogues.en) return new BuktiError(code as MessageKey, params);
  return new BuktiError('verifyUi.failed', { detail: 'worker' });
}

import { BuktiError } from '../../core/errors';
import type { MessageKey } from '../../core/i18n';
import type { DeriveKey, KdfParams, MeasureKdf } from '../../core/vault/kdf';
import type { KdfRequest, KdfResponse } from './kdf.worker';

/**
 * Runs one Argon2id request in a fresh worker and terminates it afterwards: the up to 256 MiB of wasm
 * memory Argon2id takes is released at once, and no copy of the passphrase outlives the request.
 */
function runInWorker(request: KdfRequest, transfer: Transferable[] = []): Promise<KdfResponse> {
  const worker = new Worker(new URL('./kdf.worker.ts', import.meta.url), { type: 'module' });
  return new Promise<KdfResponse>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<KdfResponse>) => resolve(event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      reject(new BuktiError('vault.kdfFailed'));
    };
    worker.postMessage(request, transfer);
  }).finally(() => worker.terminate());
}

function failure(response: KdfResponse): BuktiError {
  const code = response.kind === 'failed' ? response.code : 'vault.kdfFailed';
  return new BuktiError(code as MessageKey);
}

/** `DeriveKey` for the browser: Argon2id off the main thread. The caller's passphrase copy is zeroed. */
export const deriveKeyInWorker: DeriveKey = async (
  passphrase: Uint8Array,
  salt: Uint8Array,
  params: KdfParams,
) => {
  const copy = passphrase.slice();
  const response = await runInWorker({ kind: 'derive', passphrase: copy, salt: salt.slice(), params }, [
    copy.buffer,
  ]);
  if (response.kind !== 'derived') throw failure(response);
  return response.key;
};

/** `MeasureKdf` for calibration: one worker per measurement, so memory never accumulates. */
export const measureKdfInWorker: MeasureKdf = async (params: KdfParams) => {
  const response = await runInWorker({ kind: 'measure', params });
  if (response.kind !== 'measured') throw failure(response);
  return response.ms;
};

/// <reference lib="webworker" />
import { loadSodium } from '../../core/crypto/sodium';
import { deriveKeyInProcess, type KdfParams, measureWith } from '../../core/vault/kdf';

/** Requests the KDF worker answers. It lives for one derivation or one calibration and is then terminated. */
export type KdfRequest =
  | { kind: 'derive'; passphrase: Uint8Array; salt: Uint8Array; params: KdfParams }
  | { kind: 'measure'; params: KdfParams };

export type KdfResponse =
  | { kind: 'derived'; key: Uint8Array }
  | { kind: 'measured'; ms: number }
  | { kind: 'failed'; code: string };

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = async (event: MessageEvent<KdfRequest>) => {
  const request = event.data;
  try {
    const derive = deriveKeyInProcess(await loadSodium());
    if (request.kind === 'derive') {
      const key = await derive(request.passphrase, request.salt, request.params);
      request.passphrase.fill(0);
      self.postMessage({ kind: 'derived', key } satisfies KdfResponse, [key.buffer]);
    } else {
      const ms = await measureWith(derive)(request.params);
      self.postMessage({ kind: 'measured', ms } satisfies KdfResponse);
    }
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    self.postMessage({
      kind: 'failed',
      code: typeof code === 'string' ? code : 'vault.kdfFailed',
    } satisfies KdfResponse);
  }
};

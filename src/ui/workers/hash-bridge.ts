import { type AsyncSha256, type AsyncSha256Factory, sha256OnThisThread } from '../../core/bundle/hash';
import { BuktiError } from '../../core/errors';
import type { HashRequest, HashResponse } from './hash.worker';

/** Slices sent ahead of the hasher at most: enough to keep it busy, few enough to bound the copies. */
const MAX_UNHASHED = 3;

/**
 * SHA-256 of a large file in a worker of its own, so that hashing (about as slow as encrypting, with
 * libsodium) runs on another core than the vault's encryption of the same slices. Each slice is copied
 * over (the vault still encrypts it); at most three wait unhashed. Where workers cannot be made, the
 * hash runs on this thread.
 */
export const workerSha256: AsyncSha256Factory = async () => {
  if (typeof Worker === 'undefined') return sha256OnThisThread();
  const worker = new Worker(new URL('./hash.worker.ts', import.meta.url), { type: 'module' });
  let unhashed = 0;
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  let digest: ((hex: string) => void) | undefined;
  const failed = (error: Error) => {
    failure ??= error;
    wake?.();
    worker.terminate();
  };
  worker.onmessage = (event: MessageEvent<HashResponse>) => {
    const response = event.data;
    if (response.kind === 'hashed') {
      unhashed--;
      wake?.();
    } else if (response.kind === 'digest') {
      worker.terminate();
      digest?.(response.hex);
    } else failed(new BuktiError('error.unexpected', { detail: 'hashing failed' }));
  };
  worker.onerror = (event) => {
    event.preventDefault();
    failed(new BuktiError('error.unexpected', { detail: 'hash worker failed' }));
  };
  const hasher: AsyncSha256 = {
    async update(bytes) {
      while (unhashed >= MAX_UNHASHED && !failure) await new Promise<void>((resolve) => (wake = resolve));
      if (failure) throw failure;
      unhashed++;
      worker.postMessage({ kind: 'update', bytes } satisfies HashRequest);
    },
    hex() {
      if (failure) return Promise.reject(failure);
      return new Promise<string>((resolve, reject) => {
        digest = resolve;
        wake = () => failure && reject(failure);
        worker.postMessage({ kind: 'finish' } satisfies HashRequest);
      });
    },
    abandon() {
      worker.terminate();
    },
  };
  return hasher;
};

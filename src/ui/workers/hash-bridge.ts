import { type AsyncSha256, type AsyncSha256Factory, sha256OnThisThread } from '../../core/bundle/hash';
import { BuktiError } from '../../core/errors';
import { sha256Hex } from '../../core/evidence/hash';
import type { CaptureHashing } from '../../core/evidence/ingest';
import type { HashRequest, HashResponse } from './hash.worker';

/** Slices sent ahead of the hasher at most: enough to keep it busy, few enough to bound the copies. */
const MAX_UNHASHED = 3;

/** Set once a hash worker has failed: later files are hashed on the vault's own thread instead. */
let workersFailed = false;

/**
 * SHA-256 of a large file in a worker of its own, so that hashing (about as slow as encrypting, with
 * libsodium) runs on another core than the vault's encryption of the same slices. Each slice is copied
 * over (the vault still encrypts it); at most three wait unhashed. Where workers cannot be made, the
 * hash runs on this thread.
 */
export const workerSha256: AsyncSha256Factory = async () => {
  if (typeof Worker === 'undefined' || workersFailed) return sha256OnThisThread();
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
    workersFailed = true;
    failed(new BuktiError('error.unexpected', { detail: 'hash worker failed' }));
  };
  const hasher: AsyncSha256 = {
    async update(bytes) {
      while (unhashed >= MAX_UNHASHED && !failure) await new Promise<void>((resolve) => (wake = resolve));
      if (failure) throw failure;
      unhashed++;
      // A copy of just these bytes, moved: posting a view would copy the whole buffer it is part of.
      const copy = bytes.slice();
      worker.postMessage({ kind: 'update', bytes: copy } satisfies HashRequest, [copy.buffer]);
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

/**
 * Capture's hashing in the browser: a large file in a worker of its own, beside its encryption; a small
 * one with WebCrypto on the vault's thread once stored. Handing small files to a kept worker instead
 * was measured and made capture slower and its peak memory far higher (200 screenshots: 10.1 s and
 * 730-920 MiB against 7.7 s and 375 MiB), so it was not kept.
 */
export const workerHashing: CaptureHashing = { whole: sha256Hex, stream: workerSha256 };

import { type AsyncSha256, type AsyncSha256Factory, sha256OnThisThread } from '../../core/bundle/hash';
import { BuktiError } from '../../core/errors';
import { sha256Hex } from '../../core/evidence/hash';
import type { CaptureHashing } from '../../core/evidence/ingest';
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
  if (typeof Worker === 'undefined' || workersFailed) return sha256OnThisThread();
  const worker = startHashWorker();
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

/** Set once a hash worker has failed: later files are hashed on the vault's own thread instead. */
let workersFailed = false;

function startHashWorker(): Worker {
  return new Worker(new URL('./hash.worker.ts', import.meta.url), { type: 'module' });
}

let wholeWorker: Worker | undefined;
let nextWhole = 0;
const wholeWaiting = new Map<number, (hex: string | null) => void>();

/**
 * SHA-256 of a small file's bytes, once they are stored, in one worker kept for the purpose: the bytes
 * are transferred (no copy), and WebCrypto's digest, which in a worker runs on the calling thread, no
 * longer takes the vault worker's time (measured: about 0.8 s of its 7 s for 200 screenshots).
 */
async function wholeInWorker(bytes: Uint8Array): Promise<string> {
  if (typeof Worker === 'undefined' || workersFailed) return sha256Hex(bytes);
  // Only a buffer that holds exactly these bytes is handed over; anything else is copied first.
  const own =
    bytes.byteOffset === 0 &&
    bytes.byteLength === bytes.buffer.byteLength &&
    bytes.buffer instanceof ArrayBuffer
      ? bytes
      : bytes.slice();
  if (!wholeWorker) {
    const started = startHashWorker();
    started.onmessage = (event: MessageEvent<HashResponse>) => {
      if (event.data.kind !== 'whole') return;
      wholeWaiting.get(event.data.id)?.(event.data.hex);
      wholeWaiting.delete(event.data.id);
    };
    started.onerror = (event) => {
      event.preventDefault();
      workersFailed = true;
      wholeWorker = undefined;
      for (const settle of wholeWaiting.values()) settle(null);
      wholeWaiting.clear();
    };
    wholeWorker = started;
  }
  const id = nextWhole++;
  const hex = await new Promise<string | null>((resolve) => {
    wholeWaiting.set(id, resolve);
    wholeWorker?.postMessage({ kind: 'whole', id, bytes: own } satisfies HashRequest, [
      own.buffer as ArrayBuffer,
    ]);
  });
  if (hex === null) throw new BuktiError('error.unexpected', { detail: 'hashing failed' });
  return hex;
}

/** Capture's hashing in the browser: small files in the kept worker, large ones each in their own. */
export const workerHashing: CaptureHashing = { whole: wholeInWorker, stream: workerSha256 };

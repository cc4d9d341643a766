import type { HashRequest, HashResponse } from '../../src/ui/workers/hash.worker';

/** A request's result (IndexedDB), as a promise. */
export function result<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** SHA-256 in the app's hash worker, each piece moved there (the caller gives it up), three at most waiting. */
export interface MovingHasher {
  update(bytes: Uint8Array<ArrayBuffer>): Promise<void>;
  /** The digest of everything given, lowercase hex; the worker is ended. */
  hex(): Promise<string>;
}

/** Starts a `MovingHasher`: what the floor scenarios use where the app copies (the floor is the least cost). */
export function movingHasher(): MovingHasher {
  const worker = new Worker(new URL('../../src/ui/workers/hash.worker.ts', import.meta.url), {
    type: 'module',
  });
  let unhashed = 0;
  let wake: (() => void) | undefined;
  let digest: ((hex: string) => void) | undefined;
  worker.onmessage = (message: MessageEvent<HashResponse>) => {
    if (message.data.kind === 'hashed') {
      unhashed--;
      wake?.();
    } else if (message.data.kind === 'digest') digest?.(message.data.hex);
  };
  return {
    async update(bytes) {
      while (unhashed >= 3) await new Promise<void>((resolve) => (wake = resolve));
      unhashed++;
      worker.postMessage({ kind: 'update', bytes } satisfies HashRequest, [bytes.buffer]);
    },
    async hex() {
      const hex = await new Promise<string>((resolve) => {
        digest = resolve;
        worker.postMessage({ kind: 'finish' } satisfies HashRequest);
      });
      worker.terminate();
      return hex;
    },
  };
}

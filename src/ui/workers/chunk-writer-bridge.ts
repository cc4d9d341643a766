import { BuktiError } from '../../core/errors';
import {
  type ChunkWriteRequest,
  type ChunkWriteResponse,
  type ChunkWriter,
  chunkWriteError,
} from '../../core/vault/chunk-writer';

/**
 * A `ChunkWriter` in a dedicated worker of its own, started at the first write and stopped with the
 * connection it serves. Buffers are transferred both ways, never copied. Where workers cannot be made
 * (a service worker), it gives `undefined` and the vault stores chunks on its own thread.
 */
export function workerChunkWriter(dbName: string): ChunkWriter | undefined {
  if (typeof Worker === 'undefined') return undefined;
  let worker: Worker | undefined;
  let broken = false;
  let nextId = 0;
  const pending = new Map<
    number,
    { resolve: (buffers: ArrayBuffer[]) => void; reject: (e: Error) => void }
  >();
  const failAll = (error: Error) => {
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  };
  const start = () => {
    const started = new Worker(new URL('./chunk-writer.worker.ts', import.meta.url), { type: 'module' });
    started.onmessage = (event: MessageEvent<ChunkWriteResponse>) => {
      const response = event.data;
      const waiting = pending.get(response.id);
      pending.delete(response.id);
      if (response.ok) waiting?.resolve(response.buffers);
      else waiting?.reject(chunkWriteError(response));
    };
    started.onerror = (event) => {
      event.preventDefault();
      broken = true;
      failAll(new BuktiError('error.unexpected', { detail: 'chunk writer failed' }));
    };
    return started;
  };
  return {
    get broken() {
      return broken;
    },
    write(fileId, chunks, extras) {
      worker ??= start();
      const id = nextId++;
      const request: ChunkWriteRequest = { id, dbName, fileId, chunks, extras };
      const done = new Promise<ArrayBuffer[]>((resolve, reject) => pending.set(id, { resolve, reject }));
      worker.postMessage(
        request,
        chunks.map((chunk) => chunk.value),
      );
      return done;
    },
    close() {
      worker?.terminate();
      worker = undefined;
      failAll(new BuktiError('vault.closed'));
    },
  };
}

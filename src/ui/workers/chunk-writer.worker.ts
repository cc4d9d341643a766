/// <reference lib="webworker" />
import {
  type ChunkWriteRequest,
  type ChunkWriteResponse,
  serveChunkWrites,
} from '../../core/vault/chunk-writer';

declare const self: DedicatedWorkerGlobalScope;

// Stores the vault's encrypted file chunks, so that IndexedDB's per-put work runs beside the sealing
// of the next chunks instead of after it. It sees ciphertext only, and hands each buffer back.
const serve = serveChunkWrites({ indexedDB, IDBKeyRange });
self.onmessage = async (event: MessageEvent<ChunkWriteRequest>) => {
  const response: ChunkWriteResponse = await serve(event.data);
  self.postMessage(response, response.ok ? response.buffers : []);
};

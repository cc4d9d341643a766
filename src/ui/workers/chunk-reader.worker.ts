/// <reference lib="webworker" />
import {
  type ChunkReadRequest,
  type ChunkReadResponse,
  serveChunkReads,
} from '../../core/vault/chunk-reader';

declare const self: DedicatedWorkerGlobalScope;

// Reads the vault's encrypted file chunks and moves each to the vault worker; it sees ciphertext only.
// It is ended and replaced after a few tens of MiB (chunk-reader-bridge.ts), taking with it the memory
// IndexedDB's reads leave behind until a collection.
const serve = serveChunkReads({ indexedDB, IDBKeyRange });
self.onmessage = async (event: MessageEvent<ChunkReadRequest>) => {
  const response: ChunkReadResponse = await serve(event.data);
  self.postMessage(response, response.ok && response.value ? [response.value] : []);
};

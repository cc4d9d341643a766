/// <reference lib="webworker" />
import { type Sha256, startSha256 } from '../../core/bundle/hash';
import { discardBuffer } from './discard';

declare const self: DedicatedWorkerGlobalScope;

/** To the hash worker: more bytes, or the end. */
export type HashRequest = { kind: 'update'; bytes: Uint8Array } | { kind: 'finish' };
/** From it: each update acknowledged once hashed, then the digest (or a failure). */
export type HashResponse = { kind: 'hashed' } | { kind: 'digest'; hex: string } | { kind: 'failed' };

// One incremental SHA-256 of one large file, beside the vault worker's encryption of the same bytes.
// The worker is terminated once the digest is sent (or the file abandoned), which frees what it held.
let hash: Promise<Sha256> | undefined;
self.onmessage = async (event: MessageEvent<HashRequest>) => {
  const request = event.data;
  try {
    hash ??= startSha256();
    const sha256 = await hash;
    if (request.kind === 'update') {
      sha256.update(request.bytes);
      // Each update is a copy of its own: freed now, not after hundreds of MiB wait for the collector.
      if (request.bytes.byteOffset === 0 && request.bytes.byteLength === request.bytes.buffer.byteLength)
        discardBuffer(request.bytes.buffer as ArrayBuffer);
      self.postMessage({ kind: 'hashed' } satisfies HashResponse);
    } else {
      self.postMessage({ kind: 'digest', hex: sha256.hex() } satisfies HashResponse);
    }
  } catch {
    self.postMessage({ kind: 'failed' } satisfies HashResponse);
  }
};

/// <reference lib="webworker" />
import { type Sha256, startSha256 } from '../../core/bundle/hash';
import { sha256Hex } from '../../core/evidence/hash';

declare const self: DedicatedWorkerGlobalScope;

/** To a hash worker: more bytes of its one large file, the end of it, or a whole small file to digest. */
export type HashRequest =
  | { kind: 'update'; bytes: Uint8Array }
  | { kind: 'finish' }
  | { kind: 'whole'; id: number; bytes: Uint8Array };
/** From it: each update acknowledged once hashed, then the digest (or a failure); a whole file's digest. */
export type HashResponse =
  | { kind: 'hashed' }
  | { kind: 'digest'; hex: string }
  | { kind: 'failed' }
  | { kind: 'whole'; id: number; hex: string | null };

// Two uses, one per worker: an incremental SHA-256 of one large file, beside the vault worker's
// encryption of the same bytes (terminated once the digest is sent, or the file abandoned); or the
// digests of small files handed over whole once stored (WebCrypto, one worker kept for them).
let hash: Promise<Sha256> | undefined;
self.onmessage = async (event: MessageEvent<HashRequest>) => {
  const request = event.data;
  if (request.kind === 'whole') {
    const hex = await sha256Hex(request.bytes).catch(() => null);
    self.postMessage({ kind: 'whole', id: request.id, hex } satisfies HashResponse);
    return;
  }
  try {
    hash ??= startSha256();
    const sha256 = await hash;
    if (request.kind === 'update') {
      sha256.update(request.bytes);
      self.postMessage({ kind: 'hashed' } satisfies HashResponse);
    } else {
      self.postMessage({ kind: 'digest', hex: sha256.hex() } satisfies HashResponse);
    }
  } catch {
    self.postMessage({ kind: 'failed' } satisfies HashResponse);
  }
};

/// <reference lib="webworker" />
import { loadSodium, type Sodium } from '../../src/core/crypto/sodium';
import { movingHasher, result } from './floor-tools';

declare const self: DedicatedWorkerGlobalScope;

/**
 * This file is two workers. Asked to `ingest`, it stores `files` as the app's capture must at least:
 * each file read once, SHA-256 (WebCrypto for a file read whole, libsodium in a third worker for a large
 * one, fed by moving each slice once it is sealed), sealed with secretstream in 1 MiB chunks (or `chunkMiB`), and the
 * chunks stored about 4 MiB to a transaction, two transactions in flight, by a second copy of this worker asked
 * to `store`. No records, no custody log, no facts, no thumbnails.
 */
export type IngestFloorRequest =
  | { kind: 'ingest'; dbName: string; files: File[]; chunkMiB: number }
  | { kind: 'store'; dbName: string; keys: string[]; values: ArrayBuffer[] };
export interface IngestFloorResponse {
  bytes: number;
  sha256: string[];
}

const MiB = 1024 * 1024;
const WHOLE = 8 * MiB;

let db: Promise<IDBDatabase> | undefined;

self.onmessage = async (event: MessageEvent<IngestFloorRequest>) => {
  const request = event.data;
  db ??= result(indexedDB.open(request.dbName));
  if (request.kind === 'store') {
    const tx = (await db).transaction('chunks', 'readwrite');
    for (const [i, value] of request.values.entries()) tx.objectStore('chunks').put(value, request.keys[i]);
    tx.oncomplete = () => self.postMessage('stored');
    return;
  }
  self.postMessage(await ingest(await loadSodium(), request.dbName, request.files, request.chunkMiB * MiB));
};

async function ingest(
  sodium: Sodium,
  dbName: string,
  files: File[],
  chunk: number,
): Promise<IngestFloorResponse> {
  // Stored about 4 MiB to a transaction; a large file read in slices of 2 MiB, or one chunk if larger.
  const perWrite = Math.max(1, (4 * MiB) / chunk);
  const slice = Math.max(2 * MiB, chunk);
  const store = new Worker(new URL('./ingest-floor.worker.ts', import.meta.url), { type: 'module' });
  const waiting: Array<() => void> = [];
  store.onmessage = () => waiting.shift()?.();
  let inFlight: Array<Promise<void>> = [];
  let batch: { keys: string[]; values: ArrayBuffer[] } = { keys: [], values: [] };
  const flush = async () => {
    if (batch.keys.length === 0) return;
    const { keys, values } = batch;
    batch = { keys: [], values: [] };
    inFlight.push(new Promise<void>((resolve) => waiting.push(resolve)));
    store.postMessage({ kind: 'store', dbName, keys, values } satisfies IngestFloorRequest, values);
    if (inFlight.length >= 2) await inFlight.shift();
  };
  const drain = async () => {
    await flush();
    await Promise.all(inFlight);
    inFlight = [];
  };
  let bytes = 0;
  const sha256: string[] = [];
  for (const [n, file] of files.entries()) {
    const { state } = sodium.crypto_secretstream_xchacha20poly1305_init_push(
      sodium.crypto_secretstream_xchacha20poly1305_keygen(),
    );
    let index = 0;
    const seal = async (plain: Uint8Array, last: boolean) => {
      for (let at = 0; at < plain.length; at += chunk) {
        const end = Math.min(plain.length, at + chunk);
        const tag =
          last && end === plain.length
            ? sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL
            : sodium.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE;
        const sealed = sodium.crypto_secretstream_xchacha20poly1305_push(
          state,
          plain.subarray(at, end),
          null,
          tag,
        );
        batch.keys.push(`${n}:${index++}`);
        batch.values.push(sealed.buffer as ArrayBuffer);
        if (batch.keys.length === perWrite) await flush();
      }
    };
    if (file.size <= WHOLE) {
      const whole = new Uint8Array(await file.arrayBuffer());
      await seal(whole, true);
      const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', whole));
      sha256.push(sodium.to_hex(digest));
    } else {
      const hasher = movingHasher();
      const read = (at: number) => file.slice(at, at + slice).arrayBuffer();
      let next: Promise<ArrayBuffer> | undefined = read(0);
      for (let at = 0; next; at += slice) {
        const bytes = new Uint8Array(await next);
        next = at + slice < file.size ? read(at + slice) : undefined;
        await seal(bytes, next === undefined);
        // Sealed, the slice is given up: moved to the hasher, not copied.
        await hasher.update(bytes);
      }
      sha256.push(await hasher.hex());
    }
    // A file's last chunks go in a batch of their own, sent before the next file starts (the app adds the
    // manifest with them); unlike the app, the floor does not wait for it to commit.
    await flush();
    bytes += file.size;
  }
  await drain();
  store.terminate();
  return { bytes, sha256 };
}

/// <reference lib="webworker" />
import { loadSodium } from '../../src/core/crypto/sodium';
import { crc32 } from '../../src/core/zip/crc32';
import { movingHasher, result } from './floor-tools';

declare const self: DedicatedWorkerGlobalScope;

/** What the page asks: stream `count` sealed chunks of database `dbName` into OPFS file `file`. */
export interface FloorRequest {
  dbName: string;
  count: number;
  key: Uint8Array;
  header: Uint8Array;
  file: string;
  readsInFlight: number;
}

/** What it answers: the bytes written, their CRC-32 and SHA-256 (so no stage can be skipped unseen). */
export interface FloorResponse {
  bytes: number;
  crc: number;
  sha256: string;
}

/**
 * The export's work with nothing else around it, as the floor the app's export is measured against: each
 * chunk is read from IndexedDB (several reads in flight), opened with secretstream, checked with CRC-32 and
 * written into a file; once written, its buffer is moved (not copied) to a second worker that computes
 * the SHA-256 of everything written. No report, no ZIP headers, no vault records.
 */
self.onmessage = async (event: MessageEvent<FloorRequest>) => {
  const { dbName, count, key, header, file, readsInFlight } = event.data;
  const sodium = await loadSodium();
  const db = await result(indexedDB.open(dbName));
  const hasher = movingHasher();
  const writable = await (
    await (await navigator.storage.getDirectory()).getFileHandle(file)
  ).createWritable();
  const state = sodium.crypto_secretstream_xchacha20poly1305_init_pull(header, key);
  const reads: Array<Promise<ArrayBuffer>> = [];
  const read = async (index: number) => {
    const value = (await result(db.transaction('chunks').objectStore('chunks').get(index))) as
      | ArrayBuffer
      | Blob;
    return value instanceof Blob ? value.arrayBuffer() : value;
  };
  for (let i = 0; i < Math.min(readsInFlight, count); i++) reads.push(read(i));
  let crc = 0;
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const cipher = new Uint8Array(await (reads.shift() as Promise<ArrayBuffer>));
    if (i + readsInFlight < count) reads.push(read(i + readsInFlight));
    const opened = sodium.crypto_secretstream_xchacha20poly1305_pull(state, cipher, null);
    if (!opened) throw new Error('chunk did not open');
    // The wrapper copies the message out of WebAssembly memory; a view of a larger buffer is copied again.
    const message = opened.message as Uint8Array<ArrayBuffer>;
    const plain = message.byteLength === message.buffer.byteLength ? message : message.slice();
    crc = crc32(plain, crc);
    await writable.write(plain);
    bytes += plain.length;
    await hasher.update(plain);
  }
  await writable.close();
  const sha256 = await hasher.hex();
  db.close();
  self.postMessage({ bytes, crc, sha256 } satisfies FloorResponse);
};

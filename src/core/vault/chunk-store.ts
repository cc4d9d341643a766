import { runInTransaction, type VaultDb, withStorage } from './db';
import type { EncryptedChunk } from './file-crypto';
import { storedBytes, toArrayBuffer } from './format';

/** Size and chunk count of a stored file. */
export interface FileInfo {
  size: number;
  chunks: number;
}

/** Chunk writes allowed to overlap; each holds one sealed chunk (about 1 MiB) until stored. */
const MAX_WRITES_IN_FLIGHT = 2;

/**
 * Writes encrypted chunks as they are produced, one small transaction each, so only a few chunks are
 * ever in memory. `beforeEach` runs before every chunk (the vault uses it to stop once locked).
 */
export async function storeChunks(
  db: VaultDb,
  fileId: string,
  chunks: AsyncIterable<EncryptedChunk>,
  beforeEach: () => void = () => undefined,
): Promise<FileInfo> {
  let count = 0;
  let size = 0;
  // Writes overlap with encrypting the next chunk: the browser stores one chunk while this thread
  // seals the next. At most MAX_WRITES_IN_FLIGHT chunks wait in memory, so a large file still streams.
  const inFlight = new Set<Promise<void>>();
  let failure: { error: unknown } | undefined;
  for await (const chunk of chunks) {
    beforeEach();
    if (failure) break;
    const write = withStorage(db, (idb) =>
      idb.put('chunks', toArrayBuffer(chunk.value), [fileId, chunk.index]),
    ).then(
      () => undefined,
      (error: unknown) => {
        failure ??= { error };
      },
    );
    inFlight.add(write);
    void write.finally(() => inFlight.delete(write));
    if (inFlight.size >= MAX_WRITES_IN_FLIGHT) await Promise.race(inFlight);
    count++;
    size += chunk.plainLength;
  }
  await Promise.all(inFlight);
  if (failure) throw failure.error;
  return { size, chunks: count };
}

/** One stored chunk, or undefined when it is missing. */
export async function readChunk(db: VaultDb, fileId: string, index: number): Promise<Uint8Array | undefined> {
  const value = await withStorage(db, (idb) => idb.get('chunks', [fileId, index]));
  return value === undefined ? undefined : storedBytes(value);
}

/** The key range holding every chunk of `fileId`. */
export function chunkRange(db: VaultDb, fileId: string) {
  return db.range([fileId, 0], [fileId, Number.POSITIVE_INFINITY]);
}

/** Deletes every chunk of `fileId` (one range delete, so also leftovers of an interrupted write). */
export async function removeChunks(db: VaultDb, fileId: string): Promise<void> {
  await withStorage(db, async (idb) => {
    const tx = idb.transaction('chunks', 'readwrite');
    await runInTransaction(tx, [() => tx.store.delete(chunkRange(db, fileId))]);
  });
}

/**
 * Runs a chunked write and, if anything fails (a full disk, a stream error, the vault locking), deletes
 * the chunks written so far before passing the error on: no half-written file is left behind.
 */
export async function writeAllOrNothing<T>(db: VaultDb, fileId: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    // Deleting frees space, so it works on a full disk. If the connection is gone, the next write of
    // this id clears the leftovers; the original error is the one the person needs to see.
    if (!db.closed) await removeChunks(db, fileId).catch(() => undefined);
    throw error;
  }
}

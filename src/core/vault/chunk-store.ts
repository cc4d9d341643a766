import { BuktiError, isBuktiError } from '../errors';
import type { ChunkValue } from './chunk-writer';
import { runInTransaction, type VaultDb, withStorage } from './db';
import type { EncryptedChunk } from './file-crypto';
import { storedBytes, toArrayBuffer } from './format';

/** Size and chunk count of a stored file. */
export interface FileInfo {
  size: number;
  chunks: number;
}

/** Chunks stored per IndexedDB transaction: fewer commits, while memory stays a few MiB. */
const CHUNKS_PER_WRITE = 4;
/** Batches allowed to be in flight while the next ones are encrypted. */
const MAX_WRITES_IN_FLIGHT = 2;

/** The most chunks a write holds in memory at once: the batches in flight and the one being filled. */
export const MAX_CHUNKS_IN_MEMORY = CHUNKS_PER_WRITE * (MAX_WRITES_IN_FLIGHT + 1);

/** What `storeChunks` does besides storing. */
export interface StoreOptions {
  /** Runs before every chunk (the vault uses it to stop once locked). */
  beforeEach?: () => void;
  /**
   * The file's sealed manifest. With it, every transaction but the last first checks that no file has
   * the id (`vault.fileExists`), the first one also clears chunks an interrupted write left under it, and
   * the last one adds the manifest with the last chunks (an add, refused if a file has the id), so the
   * file becomes complete in one commit and a small file costs one.
   */
  manifest?: (info: FileInfo) => ArrayBuffer;
  /** Added to every chunk's index in its storage key (`chunkLane` of the key epoch); 0 by default. */
  lane?: number;
}

/**
 * Writes encrypted chunks as they are produced, a few per transaction, so only a few chunks are ever in
 * memory. With `manifest`, the last batch is written only after every earlier one has committed. The
 * first batch is not waited for: each batch checks the id itself (transactions on the same stores run
 * in the order they were made), so encrypting goes on while the claim commits, and a batch queued
 * behind a refused claim is refused too instead of writing into another file's chunks.
 */
export async function storeChunks(
  db: VaultDb,
  fileId: string,
  chunks: AsyncIterable<EncryptedChunk>,
  options: StoreOptions = {},
): Promise<FileInfo> {
  const { manifest } = options;
  const lane = options.lane ?? 0;
  let count = 0;
  let size = 0;
  // Writes overlap with encrypting the next chunks: the browser stores one batch while this thread
  // seals the next. At most (MAX_WRITES_IN_FLIGHT + 1) × CHUNKS_PER_WRITE chunks wait in memory.
  const inFlight = new Set<Promise<void>>();
  let failure: { error: unknown } | undefined;
  let batch: EncryptedChunk[] = [];
  let claim = manifest !== undefined;
  const flush = async () => {
    const pending = batch;
    batch = [];
    const write = writeBatch(db, fileId, pending, lane, { claim, check: manifest !== undefined }).then(
      () => undefined,
      (error: unknown) => {
        failure ??= { error };
      },
    );
    inFlight.add(write);
    void write.finally(() => inFlight.delete(write));
    if (inFlight.size >= MAX_WRITES_IN_FLIGHT) await Promise.race(inFlight);
    claim = false;
  };
  for await (const chunk of chunks) {
    options.beforeEach?.();
    if (failure) break;
    batch.push(chunk);
    count++;
    size += chunk.plainLength;
    // The last batch waits for the manifest, if there is one.
    if (batch.length >= CHUNKS_PER_WRITE && !(chunk.last && manifest)) await flush();
  }
  if (!failure && batch.length > 0 && !manifest) await flush();
  await Promise.all(inFlight);
  if (failure) throw failure.error;
  const info = { size, chunks: count };
  // No separate check here: adding the manifest fails (ConstraintError) if a file has the id, and takes
  // the batch's chunks with it.
  if (manifest) await writeBatch(db, fileId, batch, lane, { claim, manifest: manifest(info) });
  return info;
}

/** What a batch does besides storing chunks: check the id is free, claim it first, or add the manifest last. */
export interface BatchExtras {
  /** Clear the chunks an interrupted write left under the id (the file's first batch); implies `check`. */
  claim: boolean;
  /** Refuse with `vault.fileExists`, writing nothing, if a file has the id. */
  check?: boolean;
  manifest?: ArrayBuffer;
}

/**
 * Stores one batch: on the database's chunk writer where it has one (so storing overlaps with sealing
 * the next chunks, and the buffers come back for reuse), else here. Either way in one transaction.
 */
async function writeBatch(
  db: VaultDb,
  fileId: string,
  chunks: EncryptedChunk[],
  lane: number,
  extras: BatchExtras,
): Promise<void> {
  const values = chunks.map((chunk) => ({ index: lane + chunk.index, value: toArrayBuffer(chunk.value) }));
  const writer = db.chunkWriter;
  const done = writer
    ? await withStorage(db, () => writer.write(fileId, values, extras))
    : await putChunkBatch(db, fileId, values, extras).then(() => values.map((v) => v.value));
  done.forEach((buffer, i) => {
    chunks[i]?.recycle?.(buffer);
  });
}

/**
 * One transaction: `chunks` of `fileId`; first, if `check` or `claim`, the check that no file has the
 * id (`vault.fileExists`), and if `claim` the removal of leftovers; last, the manifest if given (added,
 * never overwritten: a race for the id fails with ConstraintError). Used here and by chunk writers.
 */
export async function putChunkBatch(
  db: VaultDb,
  fileId: string,
  chunks: readonly ChunkValue[],
  extras: BatchExtras = { claim: false },
): Promise<void> {
  const { claim, manifest } = extras;
  const check = claim || extras.check === true;
  await withStorage(db, async (idb) => {
    const stores: Array<'chunks' | 'files'> = check || manifest ? ['chunks', 'files'] : ['chunks'];
    const tx = idb.transaction(stores, 'readwrite');
    const store = tx.objectStore('chunks');
    if (check && (await tx.objectStore('files').getKey(fileId)) !== undefined) {
      tx.done.catch(() => undefined);
      tx.abort();
      throw new BuktiError('vault.fileExists');
    }
    await runInTransaction(tx, [
      ...(claim ? [() => store.delete(chunkRange(db, fileId))] : []),
      ...chunks.map((chunk) => () => store.put(chunk.value, [fileId, chunk.index])),
      ...(manifest === undefined ? [] : [() => tx.objectStore('files').add(manifest, fileId)]),
    ]);
  });
}

/**
 * One stored chunk, or undefined when it is missing: a fresh buffer nobody else holds. Read by the
 * database's chunk reader where it has one (see `ChunkReader`), else here.
 */
export async function readChunk(db: VaultDb, fileId: string, index: number): Promise<Uint8Array | undefined> {
  const reader = db.chunkReader;
  const value = await withStorage(db, (idb) =>
    reader ? reader.read(fileId, index) : idb.get('chunks', [fileId, index]),
  );
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
    // A refused id is another file's: its chunks are not this write's to delete.
    if (!db.closed && !isBuktiError(error, 'vault.fileExists'))
      await removeChunks(db, fileId).catch(() => undefined);
    throw error;
  }
}

import { chunkFailure } from './chunk-writer';
import { type IdbEnvironment, openVaultDb, type VaultDb } from './db';

/**
 * Reads stored (encrypted) file chunks on another thread and hands each over as a buffer of its own.
 * Chromium keeps, per IndexedDB read, the value's bytes in Blink's memory until the reading thread next
 * collects garbage, which comes only after about 64 MiB of such bytes: an export reading 1.7 GB left
 * 50–60 MiB waiting there at any time. A reader whose thread is replaced every few tens of MiB takes
 * that memory with it when it ends (measured, the 500-item export bench: +137 MiB over its start with one
 * reader never replaced, +61 with readers replaced every 32 MiB). It only ever sees ciphertext.
 */
export interface ChunkReader {
  /**
   * Chunk `index` of `fileId` as stored (`[version][ciphertext]`), moved to the caller; undefined when
   * there is none. Fails with the storage error by name, or a vault code (`vault.closed`).
   */
  read(fileId: string, index: number): Promise<ArrayBuffer | undefined>;
  /** Stops the reader; reads still pending fail with `vault.closed`. */
  close(): void;
  /** True once the reader itself has failed: the vault then reads on its own thread. */
  readonly broken?: boolean;
}

/** Makes the reader for the vault database `name` (or none, where it cannot); see `IdbEnvironment`. */
export type ChunkReaderFactory = (name: string) => ChunkReader | undefined;

/** A request to a chunk reader on another thread. */
export interface ChunkReadRequest {
  id: number;
  dbName: string;
  fileId: string;
  index: number;
}

/** Its answer: the stored value (moved, not copied), or the failure by name (and code, for a BuktiError). */
export type ChunkReadResponse =
  | { id: number; ok: true; value: ArrayBuffer | undefined }
  | { id: number; ok: false; name: string; code?: string };

/**
 * The reader's side: answers requests with a connection of its own, opened at the first request, to a
 * database that must exist already (a reader never creates one, not even one just erased elsewhere).
 * Once that connection closes it is not reopened; every later request fails with `vault.closed`.
 */
export function serveChunkReads(
  env: IdbEnvironment,
): (request: ChunkReadRequest) => Promise<ChunkReadResponse> {
  let opening: Promise<VaultDb> | undefined;
  return async (request) => {
    try {
      opening ??= openVaultDb(env, { name: request.dbName, existing: true });
      const db = await opening;
      const value: unknown = await db.idb.get('chunks', [request.fileId, request.index]);
      if (value !== undefined && !(value instanceof ArrayBuffer))
        return { id: request.id, ok: false, name: 'Error', code: 'vault.integrity' };
      return { id: request.id, ok: true, value };
    } catch (error) {
      return chunkFailure(request.id, error);
    }
  };
}

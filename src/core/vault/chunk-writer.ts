import { BuktiError, isBuktiError } from '../errors';
import type { MessageKey } from '../i18n';
import { type BatchExtras, putChunkBatch } from './chunk-store';
import { type IdbEnvironment, openVaultDb, type VaultDb } from './db';

/** One encrypted chunk on its way to the `chunks` store: its index in the file and its stored bytes. */
export interface ChunkValue {
  index: number;
  value: ArrayBuffer;
}

/**
 * Stores batches of a file's encrypted chunks (and, with the last, its sealed manifest) from another thread. In Chromium, `put` of a 1 MiB value
 * costs its caller about as much time as encrypting it (the value is cloned and wrapped there), so a
 * writer on its own thread lets storing one batch overlap with sealing the next. It only ever sees
 * ciphertext: keys and plaintext stay with the vault.
 */
export interface ChunkWriter {
  /**
   * Stores `chunks` of `fileId` in one transaction (all or none), claiming the id first or adding the
   * manifest last as `extras` say (see `putChunkBatch`). The buffers are handed over
   * (transferred); once the transaction has committed they are handed back, for the next chunks.
   * Fails with the storage error, its `name` kept (`QuotaExceededError`, `ConstraintError`), or a
   * vault code (`vault.fileExists`, `vault.closed`, `vault.quotaExceeded`).
   */
  write(fileId: string, chunks: ChunkValue[], extras: BatchExtras): Promise<ArrayBuffer[]>;
  /** Stops the writer; writes still pending fail with `vault.closed`. */
  close(): void;
  /**
   * True once the writer itself has failed (its worker crashed or never started): its pending writes
   * failed, and the vault stores the next batches on its own thread instead.
   */
  readonly broken?: boolean;
}

/** Makes the writer for the vault database `name` (or none, where it cannot); see `IdbEnvironment`. */
export type ChunkWriterFactory = (name: string) => ChunkWriter | undefined;

/** A request to a chunk writer on another thread. */
export interface ChunkWriteRequest {
  id: number;
  dbName: string;
  fileId: string;
  chunks: ChunkValue[];
  extras: BatchExtras;
}

/** Its answer: the buffers back, or the failure by name (and code, for a BuktiError). */
export type ChunkWriteResponse =
  | { id: number; ok: true; buffers: ArrayBuffer[] }
  | { id: number; ok: false; name: string; code?: string };

/**
 * The writer's side: answers requests with a connection of its own, opened at the first request. Once
 * that connection closes (the vault is erased or upgraded elsewhere) it is not reopened — reopening
 * could create an empty database where one was just deleted — and every later request fails with
 * `vault.closed`; the vault then makes a new writer with its next connection.
 */
export function serveChunkWrites(
  env: IdbEnvironment,
): (request: ChunkWriteRequest) => Promise<ChunkWriteResponse> {
  let opening: Promise<VaultDb> | undefined;
  return async (request) => {
    try {
      opening ??= openVaultDb(env, { name: request.dbName });
      const db = await opening;
      await putChunkBatch(db, request.fileId, request.chunks, request.extras);
      return { id: request.id, ok: true, buffers: request.chunks.map((chunk) => chunk.value) };
    } catch (error) {
      return chunkFailure(request.id, error);
    }
  };
}

/** A chunk worker's answer to request `id` that failed with `error`: its name, and code if a BuktiError. */
export function chunkFailure(
  id: number,
  error: unknown,
): { id: number; ok: false; name: string; code?: string } {
  const name = (error as { name?: unknown } | null)?.name;
  return {
    id,
    ok: false,
    name: typeof name === 'string' ? name : 'Error',
    ...(isBuktiError(error) ? { code: error.code } : {}),
  };
}

/** The error a failed response stands for, as the vault's own code would have raised it. */
export function chunkWriteError(response: Extract<ChunkWriteResponse, { ok: false }>): Error {
  if (response.code !== undefined) return new BuktiError(response.code as MessageKey);
  const error = new Error(`Storing file chunks failed (${response.name})`);
  error.name = response.name;
  return error;
}

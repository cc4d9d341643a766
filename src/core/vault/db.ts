import { type DBSchema, type IDBPDatabase, wrap } from 'idb';
import { BuktiError, isBuktiError } from '../errors';
import type { ChunkReader, ChunkReaderFactory } from './chunk-reader';
import type { ChunkWriter, ChunkWriterFactory } from './chunk-writer';
import { inProcessWriterLock, type WriterLock, type WriterLockFactory } from './writer-lock';

/**
 * The object stores. Names are opaque on purpose: logical stores ('cases', 'items', …) are not visible,
 * and every value is an ArrayBuffer that starts with a format version byte.
 */
export interface VaultSchema extends DBSchema {
  /** 'header' (clear, checksummed), 'keys' (sealed key pairs), 'lockout' (clear failure counter). */
  meta: { key: string; value: ArrayBuffer };
  /** Sealed records, keyed by [keyed hash of the logical store, random id]. */
  records: { key: [string, string]; value: ArrayBuffer };
  /** Sealed file manifests, keyed by file id; written after all of the file's chunks. */
  files: { key: string; value: ArrayBuffer };
  /** Encrypted file chunks, keyed by [file or deposit id, index]. */
  chunks: { key: [string, number]; value: ArrayBuffer };
  /** Sealed-box manifests of files deposited while the vault was locked. */
  deposits: { key: string; value: ArrayBuffer };
}

export type VaultIdb = IDBPDatabase<VaultSchema>;

/** The part of `IDBFactory` the vault uses. */
export interface IdbFactory {
  open(name: string, version?: number): unknown;
  deleteDatabase(name: string): unknown;
}

/**
 * Where IndexedDB comes from: `globalThis` in a page or worker, or `{ indexedDB, IDBKeyRange }` from
 * fake-indexeddb in Node. Passed in, so the core never reaches for browser globals itself.
 */
export interface IdbEnvironment {
  indexedDB: IdbFactory;
  IDBKeyRange: { bound(lower: unknown, upper: unknown): unknown };
  /** Where file chunks can be stored from another thread (a worker in the browser); see `ChunkWriter`. */
  chunkWriter?: ChunkWriterFactory;
  /** Where file chunks can be read from another thread (a worker in the browser); see `ChunkReader`. */
  chunkReader?: ChunkReaderFactory;
  /** The one-writer lock shared by every tab and worker (Web Locks in the browser); in-process by default. */
  writerLock?: WriterLockFactory;
}

/** A key range as the typed `idb` calls accept it (the `IDBKeyRange` type, without naming DOM types). */
export type KeyRange = Exclude<Parameters<VaultIdb['getAll']>[1], string | unknown[] | null | undefined>;

interface RequestLike {
  result: unknown;
  error: { name: string } | null;
  transaction: { abort(): void } | null;
  onsuccess: (() => void) | null;
  onerror: (() => void) | null;
  onblocked: (() => void) | null;
  onupgradeneeded: ((event: { oldVersion: number }) => void) | null;
}

interface ConnectionEvents {
  addEventListener(type: 'versionchange' | 'close', listener: () => void): void;
}

/** Schema steps; step n upgrades version n to n + 1. Append only: shipped steps never change. */
const MIGRATIONS: ReadonlyArray<(db: VaultIdb) => void> = [
  (db) => {
    db.createObjectStore('meta');
    db.createObjectStore('records');
    db.createObjectStore('files');
    db.createObjectStore('chunks');
    db.createObjectStore('deposits');
  },
  // Version 2: record format 2 (key epochs) and the sealed ledger; no store changes, but code that
  // knows only format 1 must refuse this database rather than read its records as damaged.
  () => undefined,
];

/** The IndexedDB schema version this code writes. */
export const DB_VERSION = MIGRATIONS.length;

/** The database name, neutral so a glance at browser storage does not say what it holds. */
export const DEFAULT_DB_NAME = 'vault';

/** Runs the migrations from `oldVersion` up to `DB_VERSION`, inside the upgrade transaction. */
export function migrate(db: VaultIdb, oldVersion: number): void {
  for (let version = oldVersion; version < DB_VERSION; version++) MIGRATIONS[version]?.(db);
}

/**
 * An open vault database. It closes itself when another tab opens a newer version or deletes the
 * database, so that upgrade is never wedged; afterwards every use fails with `vault.closed`.
 */
export class VaultDb {
  readonly env: IdbEnvironment;
  readonly name: string;
  readonly #idb: VaultIdb;
  readonly #listeners = new Set<() => void>();
  #closed = false;
  #chunkWriter: ChunkWriter | undefined;
  #writerBroken = false;
  #chunkReader: ChunkReader | undefined;
  #readerBroken = false;
  #writerLock: WriterLock | undefined;

  constructor(env: IdbEnvironment, name: string, idb: VaultIdb) {
    this.env = env;
    this.name = name;
    this.#idb = idb;
    const events = idb as unknown as ConnectionEvents;
    events.addEventListener('versionchange', () => this.close());
    events.addEventListener('close', () => this.close());
  }

  /** True once this connection is closed (here, by another tab, or by the browser). */
  get closed(): boolean {
    return this.#closed;
  }

  /** The connection, or `vault.closed` once it is gone. */
  get idb(): VaultIdb {
    if (this.#closed) throw new BuktiError('vault.closed');
    return this.#idb;
  }

  /** The writer that stores chunks off this thread, made at first use; none where the environment has none. */
  get chunkWriter(): ChunkWriter | undefined {
    if (this.#closed || this.#writerBroken) return undefined;
    this.#chunkWriter ??= this.env.chunkWriter?.(this.name);
    if (this.#chunkWriter?.broken) {
      // A writer that failed is not tried again on this connection: chunks are stored here instead.
      this.#chunkWriter.close();
      this.#chunkWriter = undefined;
      this.#writerBroken = true;
    }
    return this.#chunkWriter;
  }

  /** The reader that reads chunks off this thread, made at first use; none where the environment has none. */
  get chunkReader(): ChunkReader | undefined {
    if (this.#closed || this.#readerBroken) return undefined;
    this.#chunkReader ??= this.env.chunkReader?.(this.name);
    if (this.#chunkReader?.broken) {
      // A reader that failed is not tried again on this connection: chunks are read here instead.
      this.#chunkReader.close();
      this.#chunkReader = undefined;
      this.#readerBroken = true;
    }
    return this.#chunkReader;
  }

  /** The lock that structural operations on this database hold (see `WriterLock`). */
  get writerLock(): WriterLock {
    this.#writerLock ??=
      this.env.writerLock?.(this.name) ?? inProcessWriterLock(this.env.indexedDB, this.name);
    return this.#writerLock;
  }

  /** Every key from `lower` to `upper`, both included. */
  range(lower: unknown, upper: unknown): KeyRange {
    return this.env.IDBKeyRange.bound(lower, upper) as KeyRange;
  }

  /** Calls `listener` once when the connection closes; returns a function that unsubscribes. */
  onClose(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Closes the connection and tells every listener (an unlocked vault locks itself). */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#idb.close();
    this.#chunkWriter?.close();
    this.#chunkReader?.close();
    for (const listener of this.#listeners) listener();
    this.#listeners.clear();
  }
}

/** Options for `openVaultDb`. */
export interface OpenVaultDbOptions {
  name?: string;
  /** Called while an older Bukti tab keeps the database open; the open completes once it closes. */
  onBlocked?: () => void;
  /** Open only a database that exists: fail with `vault.closed` rather than create one. */
  existing?: boolean;
}

/** Opens (creating or upgrading) the vault database. Fails with a typed error the UI can show. */
export async function openVaultDb(env: IdbEnvironment, options: OpenVaultDbOptions = {}): Promise<VaultDb> {
  const name = options.name ?? DEFAULT_DB_NAME;
  let request: RequestLike;
  try {
    request = env.indexedDB.open(name, DB_VERSION) as RequestLike;
  } catch (cause) {
    throw new BuktiError('vault.storageUnavailable', {}, { cause });
  }
  const raw = await new Promise<unknown>((resolve, reject) => {
    request.onupgradeneeded = (event) => {
      if (options.existing && event.oldVersion === 0) {
        // Aborting the upgrade of a database that did not exist leaves none behind.
        request.transaction?.abort();
        reject(new BuktiError('vault.closed'));
        return;
      }
      try {
        migrate(wrap(request.result as never) as unknown as VaultIdb, event.oldVersion);
      } catch (cause) {
        request.transaction?.abort();
        reject(new BuktiError('vault.storageUnavailable', {}, { cause }));
      }
    };
    request.onblocked = () => options.onBlocked?.();
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => {
      const code =
        request.error?.name === 'VersionError' ? 'vault.unsupportedVersion' : 'vault.storageUnavailable';
      reject(new BuktiError(code, {}, { cause: request.error }));
    };
  });
  return new VaultDb(env, name, wrap(raw as never) as unknown as VaultIdb);
}

/** True when `error` (a DOMException, or an abort carrying one) means the storage quota is full. */
export function isQuotaError(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  const inner = (error as { error?: { name?: unknown } } | null)?.error?.name;
  return name === 'QuotaExceededError' || inner === 'QuotaExceededError';
}

/**
 * Runs a storage operation and turns storage failures into typed errors: a full disk becomes
 * `vault.quotaExceeded`, a connection closed under it becomes `vault.closed`.
 */
export async function withStorage<T>(db: VaultDb, work: (idb: VaultIdb) => Promise<T>): Promise<T> {
  const idb = db.idb;
  try {
    return await work(idb);
  } catch (error) {
    if (isBuktiError(error)) throw error;
    if (isQuotaError(error)) throw new BuktiError('vault.quotaExceeded', {}, { cause: error });
    if (db.closed) throw new BuktiError('vault.closed', {}, { cause: error });
    throw error;
  }
}

/**
 * Issues a transaction's requests and waits for it to commit. If issuing one throws (a synchronous
 * QuotaExceededError or DataCloneError), the transaction is aborted so the earlier requests in it are
 * not committed on their own: a batch is stored whole or not at all.
 */
export async function runInTransaction(
  tx: { abort(): void; done: Promise<void> },
  requests: ReadonlyArray<() => Promise<unknown>>,
): Promise<void> {
  const pending: Promise<unknown>[] = [];
  try {
    for (const request of requests) pending.push(request());
  } catch (error) {
    tx.abort();
    await Promise.allSettled([...pending, tx.done]);
    throw error;
  }
  await Promise.all([...pending, tx.done]);
}

/**
 * Deletes the whole vault database. The header and key records are first overwritten with zeros,
 * best effort: deleting a database does not promise to wipe its bytes from disk. The delete itself is
 * what erases; other tabs close their connections when they see it (see `VaultDb`).
 */
export async function eraseVault(db: VaultDb, options: { onBlocked?: () => void } = {}): Promise<void> {
  if (!db.closed) {
    await overwriteSecrets(db.idb).catch(() => undefined);
    db.close();
  }
  const request = db.env.indexedDB.deleteDatabase(db.name) as RequestLike;
  await new Promise<void>((resolve, reject) => {
    request.onsuccess = () => resolve();
    request.onerror = () => reject(new BuktiError('vault.storageUnavailable', {}, { cause: request.error }));
    request.onblocked = () => options.onBlocked?.();
  });
}

/**
 * Overwrites the vault's header and keys with zeros of their length, in one strict transaction that
 * also writes `also` (a replace's journal), if given. Nothing opens the vault afterwards.
 */
export async function overwriteSecrets(
  idb: VaultIdb,
  also?: { key: string; value: ArrayBuffer },
): Promise<void> {
  const keys = ['header', 'keys'] as const;
  const values = await Promise.all(keys.map((key) => idb.get('meta', key)));
  const tx = idb.transaction('meta', 'readwrite', { durability: 'strict' });
  await runInTransaction(tx, [
    ...keys.flatMap((key, i) => {
      const value = values[i];
      return value === undefined ? [] : [() => tx.store.put(new ArrayBuffer(value.byteLength), key)];
    }),
    ...(also ? [() => tx.store.put(also.value, also.key)] : []),
  ]);
}

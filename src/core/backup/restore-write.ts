import { BuktiError } from '../errors';
import { overwriteSecrets, runInTransaction, type VaultDb, type VaultSchema, withStorage } from '../vault/db';
import { toArrayBuffer } from '../vault/format';
import { encodeLockout, NO_LOCKOUT } from '../vault/lockout';
import { isRetired, META } from '../vault/meta';
import { decodeJournal, encodeJournal, type RestoreJournal, type RestoreMode } from './journal';

const ALL_STORES = ['meta', 'records', 'files', 'chunks', 'deposits'] as const;
const DATA_STORES = ['records', 'files', 'chunks', 'deposits'] as const;

/** One stored value to put back, under its original key. */
export type StoredValue =
  | { store: 'records'; key: VaultSchema['records']['key']; value: Uint8Array }
  | { store: 'files' | 'deposits'; key: string; value: Uint8Array }
  | { store: 'chunks'; key: VaultSchema['chunks']['key']; value: Uint8Array };

/** Bytes per write transaction: big enough to amortise a commit, small enough to stream. */
const BATCH_BYTES = 4 * 1024 * 1024;
const BATCH_VALUES = 256;
/** Transactions allowed to overlap with decrypting the next batch. */
const MAX_IN_FLIGHT = 2;

type MetaStore = { get(key: string): Promise<ArrayBuffer | undefined> };

/** The restore that owns the database now, read inside the caller's transaction. */
async function journalIn(meta: MetaStore): Promise<RestoreJournal | undefined> {
  return decodeJournal(await meta.get(META.restoring));
}

/**
 * The first step of a replace, in one transaction: the vault's header and keys are overwritten with
 * zeros (nothing opens it from then on) and `journal` is written beside them. Cut off after this, the
 * device holds a journal: the next start empties it and says a replace was interrupted. There is no
 * moment at which the old vault is gone and nothing says so.
 */
export async function retireVault(db: VaultDb, journal: RestoreJournal): Promise<void> {
  await withStorage(db, (idb) =>
    overwriteSecrets(idb, { key: META.restoring, value: toArrayBuffer(encodeJournal(journal)) }),
  );
}

/**
 * Makes sure `db` holds no vault, empties it and writes `journal`, in one transaction: values left
 * without a header can only come from an interrupted restore. A vault that appeared meanwhile is
 * `backup.vaultExists` and is left alone. A replace first retires the vault it replaces
 * (`retireVault`), whose zeroed header is no vault and goes with everything else.
 */
export async function prepareEmpty(db: VaultDb, journal: RestoreJournal): Promise<void> {
  if (journal.mode === 'replace') await retireVault(db, journal);
  await withStorage(db, async (idb) => {
    const tx = idb.transaction(ALL_STORES, 'readwrite');
    const meta = tx.objectStore('meta');
    const header = await meta.get(META.header);
    if (header !== undefined && !isRetired(header)) {
      tx.abort();
      await tx.done.catch(() => undefined);
      throw new BuktiError('backup.vaultExists');
    }
    await runInTransaction(tx, [
      ...ALL_STORES.map((store) => () => tx.objectStore(store).clear()),
      () => tx.objectStore('meta').put(toArrayBuffer(encodeJournal(journal)), META.restoring),
    ]);
  });
}

/**
 * Undoes restore `journalId` if it did not reach its header: every store is emptied, unless a vault is
 * there or the database now belongs to another restore.
 */
export async function discardUnfinished(db: VaultDb, journalId: string): Promise<void> {
  if (db.closed) return;
  await withStorage(db, async (idb) => {
    const tx = idb.transaction(ALL_STORES, 'readwrite');
    const meta = tx.objectStore('meta');
    const header = await meta.get(META.header);
    const owner = await journalIn(meta);
    const vaultHere = header !== undefined && !isRetired(header);
    if (vaultHere || (owner !== undefined && owner.id !== journalId)) {
      await tx.done;
      return;
    }
    await runInTransaction(
      tx,
      ALL_STORES.map((store) => () => tx.objectStore(store).clear()),
    );
  });
}

/**
 * What an interrupted restore left (a journal, or values without a header) is removed; returns the
 * mode of that restore, or null when there was none. A vault that exists is never touched. Call it
 * only holding the writer lock, so that a restore still running elsewhere is not mistaken for one.
 */
export async function cleanUpInterrupted(db: VaultDb): Promise<RestoreMode | null> {
  return withStorage(db, async (idb) => {
    const tx = idb.transaction(ALL_STORES, 'readwrite');
    const meta = tx.objectStore('meta');
    const header = await meta.get(META.header);
    const journal = await journalIn(meta);
    if (header !== undefined && !isRetired(header)) {
      // A committed vault: a journal beside it is only a leftover.
      await runInTransaction(tx, journal ? [() => meta.delete(META.restoring)] : []);
      return null;
    }
    const counts = await Promise.all(DATA_STORES.map((store) => tx.objectStore(store).count()));
    const metaKeys = await meta.count();
    if (journal === undefined && metaKeys === 0 && counts.every((count) => count === 0)) {
      await tx.done;
      return null;
    }
    await runInTransaction(
      tx,
      ALL_STORES.map((store) => () => tx.objectStore(store).clear()),
    );
    // A zeroed header without a journal: an erase cut short, which is what the person asked for.
    if (header !== undefined && journal === undefined) return null;
    return journal?.mode ?? 'restore';
  });
}

/**
 * Puts values back in batches, one transaction per batch, with a few batches in flight so the disk
 * works while the next segment is decrypted. Each batch's transaction first checks that the journal is
 * still this restore's and aborts otherwise (`backup.superseded`). The first failure is thrown by the
 * next `put` or `flush`.
 */
export class BatchWriter {
  readonly #db: VaultDb;
  readonly #journalId: string;
  #batch: StoredValue[] = [];
  #bytes = 0;
  readonly #inFlight = new Set<Promise<void>>();
  #failure: { error: unknown } | undefined;

  constructor(db: VaultDb, journalId: string) {
    this.#db = db;
    this.#journalId = journalId;
  }

  /** Queues one value; waits only when enough batches are already being written. */
  async put(value: StoredValue): Promise<void> {
    if (this.#failure) throw this.#failure.error;
    this.#batch.push(value);
    this.#bytes += value.value.length;
    if (this.#bytes >= BATCH_BYTES || this.#batch.length >= BATCH_VALUES) await this.#send();
  }

  /** Writes what is queued and waits for every batch to commit. */
  async flush(): Promise<void> {
    if (this.#batch.length > 0) await this.#send();
    await Promise.all(this.#inFlight);
    if (this.#failure) throw this.#failure.error;
  }

  async #send(): Promise<void> {
    const batch = this.#batch;
    this.#batch = [];
    this.#bytes = 0;
    const stores = [...new Set(batch.map((item) => item.store)), 'meta' as const];
    const write = withStorage(this.#db, async (idb) => {
      const tx = idb.transaction(stores, 'readwrite');
      await ownJournal(tx, this.#journalId);
      await runInTransaction(
        tx,
        batch.map((item) => () => {
          const value = toArrayBuffer(item.value);
          if (item.store === 'records') return tx.objectStore('records').put(value, item.key);
          if (item.store === 'chunks') return tx.objectStore('chunks').put(value, item.key);
          return tx.objectStore(item.store).put(value, item.key);
        }),
      );
    }).catch((error: unknown) => {
      this.#failure ??= { error };
    });
    this.#inFlight.add(write);
    void write.finally(() => this.#inFlight.delete(write));
    if (this.#inFlight.size >= MAX_IN_FLIGHT) await Promise.race(this.#inFlight);
    if (this.#failure) throw this.#failure.error;
  }
}

/** Aborts `tx` with `backup.superseded` unless the database still belongs to restore `journalId`. */
async function ownJournal(
  tx: { objectStore(name: 'meta'): MetaStore; abort(): void; done: Promise<void> },
  journalId: string,
): Promise<void> {
  const owner = await journalIn(tx.objectStore('meta'));
  if (owner?.id === journalId) return;
  tx.abort();
  await tx.done.catch(() => undefined);
  throw new BuktiError('backup.superseded');
}

/** `backup.superseded` unless the database still belongs to restore `journalId` (checked before writing through the vault). */
export async function assertOwnJournal(db: VaultDb, journalId: string): Promise<void> {
  await withStorage(db, async (idb) => {
    const tx = idb.transaction('meta', 'readwrite');
    await ownJournal(tx, journalId);
    await tx.done;
  });
}

/** What the commit writes besides the header: the sealed keys, this device's id and a fresh lockout counter. */
export interface VaultCommit {
  journalId: string;
  header: Uint8Array;
  sealedSeeds: Uint8Array;
  deviceRecord: Uint8Array;
}

/**
 * The commit point: the sealed keys, this device's id, a fresh lockout
 * counter and the header, in one strict-durability transaction that also removes the journal. It
 * commits only if the journal is still this restore's; `add` refuses to replace a vault.
 */
export async function commitVault(db: VaultDb, commit: VaultCommit): Promise<void> {
  try {
    await withStorage(db, async (idb) => {
      const tx = idb.transaction(['meta', 'records'], 'readwrite', { durability: 'strict' });
      await ownJournal(tx, commit.journalId);
      const meta = tx.objectStore('meta');
      await runInTransaction(tx, [
        () => meta.put(toArrayBuffer(commit.sealedSeeds), META.keys),
        () => meta.put(toArrayBuffer(commit.deviceRecord), META.device),
        () => meta.put(toArrayBuffer(encodeLockout(NO_LOCKOUT)), META.lockout),
        () => meta.delete(META.restoring),
        () => meta.add(toArrayBuffer(commit.header), META.header),
      ]);
    });
  } catch (error) {
    const name = (error as { name?: unknown } | null)?.name;
    throw name === 'ConstraintError' ? new BuktiError('backup.vaultExists', {}, { cause: error }) : error;
  }
}

import { BuktiError } from '../errors';
import { runInTransaction, type VaultDb, type VaultSchema, withStorage } from '../vault/db';
import { toArrayBuffer } from '../vault/format';
import { encodeLockout, NO_LOCKOUT } from '../vault/lockout';
import { META } from '../vault/meta';

const ALL_STORES = ['meta', 'records', 'files', 'chunks', 'deposits'] as const;

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

/**
 * Makes sure `db` holds no vault and empties it: values left without a header can only come from an
 * interrupted restore. A vault that appeared meanwhile is `backup.vaultExists` and is left alone.
 */
export async function prepareEmpty(db: VaultDb): Promise<void> {
  await withStorage(db, async (idb) => {
    const tx = idb.transaction(ALL_STORES, 'readwrite');
    if ((await tx.objectStore('meta').getKey(META.header)) !== undefined) {
      tx.abort();
      await tx.done.catch(() => undefined);
      throw new BuktiError('backup.vaultExists');
    }
    await runInTransaction(
      tx,
      ALL_STORES.map((store) => () => tx.objectStore(store).clear()),
    );
  });
}

/** Undoes a restore that did not reach its header: every store is emptied, unless a vault is there. */
export async function discardUnfinished(db: VaultDb): Promise<void> {
  if (db.closed) return;
  await withStorage(db, async (idb) => {
    const tx = idb.transaction(ALL_STORES, 'readwrite');
    if ((await tx.objectStore('meta').getKey(META.header)) !== undefined) {
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
 * Puts values back in batches, one transaction per batch, with a few batches in flight so the disk
 * works while the next segment is decrypted. The first failure is thrown by the next `put` or `flush`.
 */
export class BatchWriter {
  readonly #db: VaultDb;
  #batch: StoredValue[] = [];
  #bytes = 0;
  readonly #inFlight = new Set<Promise<void>>();
  #failure: { error: unknown } | undefined;

  constructor(db: VaultDb) {
    this.#db = db;
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
    const stores = [...new Set(batch.map((item) => item.store))];
    const write = withStorage(this.#db, async (idb) => {
      const tx = idb.transaction(stores, 'readwrite');
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

/**
 * The commit point: the sealed keys, a fresh lockout counter and the header, in one strict-durability
 * transaction. Until the header is there the database holds no vault; `add` refuses to replace one.
 */
export async function commitVault(db: VaultDb, header: Uint8Array, sealedSeeds: Uint8Array): Promise<void> {
  try {
    await withStorage(db, async (idb) => {
      const tx = idb.transaction('meta', 'readwrite', { durability: 'strict' });
      await runInTransaction(tx, [
        () => tx.store.put(toArrayBuffer(sealedSeeds), META.keys),
        () => tx.store.put(toArrayBuffer(encodeLockout(NO_LOCKOUT)), META.lockout),
        () => tx.store.add(toArrayBuffer(header), META.header),
      ]);
    });
  } catch (error) {
    const name = (error as { name?: unknown } | null)?.name;
    throw name === 'ConstraintError' ? new BuktiError('backup.vaultExists', {}, { cause: error }) : error;
  }
}

import type { IDBPObjectStore, IDBPTransaction } from 'idb';
import type { Sodium } from '../crypto/sodium';
import { BuktiError } from '../errors';
import { runInTransaction, type VaultDb, type VaultSchema, withStorage } from './db';
import { SUBKEY, storedBytes, toArrayBuffer } from './format';
import type { Keyring } from './keyring';
import { INTERNAL_TAG, LEDGER_KEY, Ledger, type LedgerEntry, REKEY_KEY } from './ledger';
import { openRecord, type RecordSlot, recordEpoch, recordFingerprint, sealRecord } from './record-crypto';

/** The internal stores of pictures made from files (sealed with the `thumbnails` key; thumbnail-store.ts). */
export const PICTURE_STORES = { thumbnail: '#thumbs', report: '#report-images' } as const;

const PICTURES: ReadonlySet<string> = new Set(Object.values(PICTURE_STORES));

/** The key id a record of `store` is sealed with: pictures with `thumbnails`, everything else with `records`. */
export function keyIdOf(store: string): number {
  return PICTURES.has(store) ? SUBKEY.thumbnails : SUBKEY.records;
}

type Secret = 'records' | 'files' | 'thumbnails';
const SECRET_OF: Record<number, Secret> = {
  [SUBKEY.records]: 'records',
  [SUBKEY.files]: 'files',
  [SUBKEY.thumbnails]: 'thumbnails',
};

/** The key of `slot` in the keys of `keyring`'s epoch. */
export function slotKey(keyring: Keyring, slot: RecordSlot): Uint8Array {
  const secret = SECRET_OF[slot.keyId];
  if (secret === undefined) throw new RangeError(`No record key ${slot.keyId}`);
  return keyring.secrets[secret];
}

/** Where a record sealed under `epoch` is stored: its store's tag under that epoch's index key, and its id. */
export function recordKey(keyring: Keyring, store: string, id: string, epoch: number): [string, string] {
  return [keyring.forEpoch(epoch).storeTag(store), id];
}

/** The object stores a ledger transaction may span besides `records`. */
export type OtherStore = 'meta' | 'files' | 'chunks' | 'deposits';
type Stores = Array<'records' | OtherStore>;
/** Typed as read-write; a read-only transaction only ever reads. */
export type LedgerIdbTx = IDBPTransaction<VaultSchema, Stores, 'readwrite'>;
type RecordsStore = IDBPObjectStore<VaultSchema, Stores, 'records', 'readwrite'>;

/**
 * One transaction with the ledger opened: records are read and written through it, so every write
 * updates the ledger and every read is checked against it. Only IndexedDB requests of this transaction
 * may be awaited inside (the crypto is synchronous).
 */
export class LedgerTransaction {
  readonly ledger: Ledger;
  readonly tx: LedgerIdbTx;
  readonly #records: RecordsStore;
  readonly #sodium: Sodium;
  readonly #keyring: Keyring;
  readonly #pending: Array<() => Promise<unknown>> = [];

  constructor(tx: LedgerIdbTx, ledger: Ledger, sodium: Sodium, keyring: Keyring) {
    this.tx = tx;
    this.#records = tx.objectStore('records');
    this.ledger = ledger;
    this.#sodium = sodium;
    this.#keyring = keyring;
  }

  /** Stores `sealed` (sealed under the current epoch) as the record (store, id), replacing any copy. */
  put(store: string, id: string, sealed: Uint8Array): void {
    const keyring = this.#keyring;
    const old = this.ledger.entry(store, id);
    if (old !== undefined && old.epoch !== keyring.epoch) {
      const oldKey = recordKey(keyring, store, id, old.epoch);
      this.#pending.push(() => this.#records.delete(oldKey));
    }
    const value = toArrayBuffer(sealed);
    const key = recordKey(keyring, store, id, keyring.epoch);
    this.#pending.push(() => this.#records.put(value, key));
    const fingerprint = recordFingerprint(this.#sodium, sealed);
    this.ledger.set({ store, id, epoch: keyring.epoch, fingerprint });
  }

  /** Deletes the record (store, id); a missing one is not an error. */
  remove(store: string, id: string): void {
    const old = this.ledger.entry(store, id);
    const key = recordKey(this.#keyring, store, id, old?.epoch ?? this.#keyring.epoch);
    this.#pending.push(() => this.#records.delete(key));
    this.ledger.remove(store, id);
  }

  /**
   * The record in `slot`, opened, or undefined when the ledger has no such record. A changed or moved
   * copy is `vault.integrity`; a missing one, or an authentic copy that is not the one the ledger names
   * (an older copy put back), is `vault.rolledBack`.
   */
  async read(slot: RecordSlot): Promise<Uint8Array | undefined> {
    const sealed = await this.readSealed(slot.store, slot.id);
    if (sealed === undefined) return undefined;
    const plaintext = this.open(slot, sealed);
    const entry = this.ledger.entry(slot.store, slot.id);
    if (recordFingerprint(this.#sodium, sealed) !== entry?.fingerprint)
      throw new BuktiError('vault.rolledBack');
    return plaintext;
  }

  /** The stored copy the ledger names for (store, id), unopened; `vault.rolledBack` when it is missing. */
  async readSealed(store: string, id: string): Promise<Uint8Array | undefined> {
    const entry = this.ledger.entry(store, id);
    if (entry === undefined) return undefined;
    const value = await this.#records.get(recordKey(this.#keyring, store, id, entry.epoch));
    if (value === undefined) throw new BuktiError('vault.rolledBack');
    return storedBytes(value);
  }

  /** Opens a sealed copy for `slot` with the keys of the epoch it was sealed under. */
  open(slot: RecordSlot, sealed: Uint8Array): Uint8Array {
    return openRecord(this.#sodium, slotKey(this.#keyring.forEpoch(recordEpoch(sealed)), slot), slot, sealed);
  }

  /** Seals `plaintext` for `slot` under the current epoch. */
  seal(slot: RecordSlot, plaintext: Uint8Array): Uint8Array {
    return sealRecord(this.#sodium, slotKey(this.#keyring, slot), slot, plaintext, this.#keyring.epoch);
  }

  /** Queues another request of this transaction (on `files` or `chunks`), issued with the record writes. */
  queue(request: () => Promise<unknown>): void {
    this.#pending.push(request);
  }

  /** Issues the writes queued by `put`, `remove` and `queue`, then the ledger if it changed. */
  async commit(): Promise<void> {
    if (this.ledger.dirty) {
      const sealed = toArrayBuffer(this.ledger.seal(this.#sodium, this.#keyring));
      this.#pending.push(() => this.#records.put(sealed, LEDGER_KEY));
    }
    await runInTransaction(this.tx, this.#pending.splice(0));
  }
}

/**
 * Runs `work` in one transaction over `records` (and `others`) with the ledger opened, then commits
 * what it queued. If `work` throws, the transaction is aborted and nothing is stored.
 */
export async function withLedger<T>(
  db: VaultDb,
  sodium: Sodium,
  keyring: Keyring,
  others: readonly OtherStore[],
  mode: 'readonly' | 'readwrite',
  work: (ltx: LedgerTransaction) => Promise<T> | T,
): Promise<T> {
  keyring.assertUnlocked();
  return withStorage(db, async (idb) => {
    const tx = idb.transaction(['records', ...others], mode) as unknown as LedgerIdbTx;
    let result: T;
    try {
      const raw = await tx.objectStore('records').get(LEDGER_KEY);
      if (raw === undefined) throw new BuktiError('vault.rolledBack');
      const ltx = new LedgerTransaction(tx, Ledger.open(sodium, keyring, raw), sodium, keyring);
      result = await work(ltx);
      if (mode === 'readwrite') await ltx.commit();
    } catch (error) {
      try {
        tx.abort();
      } catch {
        // Already finished or aborted: nothing was committed by this call either way.
      }
      await tx.done.catch(() => undefined);
      throw error;
    }
    await tx.done;
    return result;
  });
}

/** The slot of a ledger entry. */
function ledgerSlot(entry: LedgerEntry): RecordSlot {
  return { store: entry.store, id: entry.id, keyId: keyIdOf(entry.store) };
}

/** What `checkLedger` found: counts of records missing, added from elsewhere, or put back from older copies. */
export interface LedgerCheck {
  missing: number;
  extra: number;
  replaced: number;
}

/**
 * Compares the whole `records` store with the ledger: every record it names must be there in the copy it
 * names, and nothing else may be. Thumbnails are compared by key only (they are larger); their copies
 * are checked when they are read.
 */
export async function checkLedger(db: VaultDb, sodium: Sodium, keyring: Keyring): Promise<LedgerCheck> {
  return withLedger(db, sodium, keyring, [], 'readonly', async (ltx) => {
    const store = ltx.tx.objectStore('records');
    const keys = await store.getAllKeys();
    const present = new Set(keys.map(([tag, id]) => `${tag}/${id}`));
    const expected = new Set([`${INTERNAL_TAG}/${LEDGER_KEY[1]}`]);
    if (keyring.previous) expected.add(`${INTERNAL_TAG}/${REKEY_KEY[1]}`);
    const reads: Array<Promise<unknown>> = [];
    let missing = 0;
    let replaced = 0;
    for (const entry of ltx.ledger.entries()) {
      const key = recordKey(keyring, entry.store, entry.id, entry.epoch);
      expected.add(`${key[0]}/${key[1]}`);
      if (!present.has(`${key[0]}/${key[1]}`)) missing++;
      else if (!PICTURES.has(entry.store))
        reads.push(
          ltx.read(ledgerSlot(entry)).catch(() => {
            replaced++;
          }),
        );
    }
    await Promise.all(reads);
    const extra = [...present].filter((key) => !expected.has(key)).length;
    return { missing, extra, replaced };
  });
}

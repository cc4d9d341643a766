import type { Sodium } from '../crypto/sodium';
import { BuktiError } from '../errors';
import { SUBKEY, storedBytes, utf8Bytes } from './format';
import type { Keyring } from './keyring';
import { openRecord, type RecordSlot, recordEpoch, sealRecord } from './record-crypto';

/**
 * Tag of the vault's own records in the `records` object store (the ledger, the previous epoch's keys).
 * Keyed-hash store tags are 32 random-looking hex digits; this one is fixed so it can be found before any
 * key is known, and it is carried by backups like every record.
 */
export const INTERNAL_TAG = '0'.repeat(32);
export const LEDGER_KEY: [string, string] = [INTERNAL_TAG, 'ledger'];
export const REKEY_KEY: [string, string] = [INTERNAL_TAG, 'rekey'];

const LEDGER_SLOT: RecordSlot = { store: '#ledger', id: 'ledger', keyId: SUBKEY.records };
const LEDGER_VERSION = 1;

/** Where one record is and which sealed copy of it is the current one. */
export interface LedgerEntry {
  store: string;
  id: string;
  /** The key epoch it is sealed under. */
  epoch: number;
  /** `recordFingerprint` of the current sealed copy. */
  fingerprint: string;
}

interface LedgerData {
  v: typeof LEDGER_VERSION;
  /** Counts the ledger's own writes. */
  gen: number;
  /** store name → id → [epoch, fingerprint]. */
  records: Record<string, Record<string, [number, string]>>;
  /** Small facts kept in step with the records, e.g. the custody log's length and last hash. */
  anchors: Record<string, unknown>;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

function parse(bytes: Uint8Array): LedgerData {
  try {
    const data = JSON.parse(decoder.decode(bytes)) as LedgerData;
    if (data?.v !== LEDGER_VERSION || typeof data.records !== 'object' || typeof data.anchors !== 'object')
      throw new TypeError('ledger');
    return data;
  } catch (cause) {
    throw new BuktiError('vault.integrity', {}, { cause });
  }
}

/**
 * The sealed list of every record in the vault and of which sealed copy is current (docs/security.md
 * §4.8). It is updated in the same transaction as every record write, so a record deleted, put back from
 * an older copy, or added from elsewhere no longer matches it. Store names are kept inside, in clear
 * only once sealed; ids are random, so neither shows order or count.
 */
export class Ledger {
  readonly #data: LedgerData;
  #dirty = false;

  private constructor(data: LedgerData) {
    this.#data = data;
  }

  /** A ledger with no records, for a new vault. */
  static empty(): Ledger {
    const ledger = new Ledger({ v: LEDGER_VERSION, gen: 0, records: {}, anchors: {} });
    ledger.#dirty = true;
    return ledger;
  }

  /** Opens a sealed ledger with the keys of the epoch it was sealed under. */
  static open(sodium: Sodium, keyring: Keyring, value: unknown): Ledger {
    const sealed = storedBytes(value);
    const key = keyring.forEpoch(recordEpoch(sealed)).secrets.records;
    return new Ledger(parse(openRecord(sodium, key, LEDGER_SLOT, sealed)));
  }

  /** True once something changed since it was opened. */
  get dirty(): boolean {
    return this.#dirty;
  }

  /** The ledger sealed under the current epoch's records key. */
  seal(sodium: Sodium, keyring: Keyring): Uint8Array {
    this.#data.gen += 1;
    const bytes = utf8Bytes(JSON.stringify(this.#data));
    return sealRecord(sodium, keyring.secrets.records, LEDGER_SLOT, bytes, keyring.epoch);
  }

  /** Marks the ledger for resealing even though no record changed (new keys). */
  touch(): void {
    this.#dirty = true;
  }

  entry(store: string, id: string): LedgerEntry | undefined {
    const found = this.#data.records[store]?.[id];
    return found && { store, id, epoch: found[0], fingerprint: found[1] };
  }

  set(entry: LedgerEntry): void {
    this.#data.records[entry.store] ??= {};
    (this.#data.records[entry.store] as Record<string, [number, string]>)[entry.id] = [
      entry.epoch,
      entry.fingerprint,
    ];
    this.#dirty = true;
  }

  remove(store: string, id: string): void {
    const ids = this.#data.records[store];
    if (ids?.[id] === undefined) return;
    delete ids[id];
    if (Object.keys(ids).length === 0) delete this.#data.records[store];
    this.#dirty = true;
  }

  /** Ids in one store, sorted (the order says nothing about when they were written). */
  ids(store: string): string[] {
    return Object.keys(this.#data.records[store] ?? {}).sort();
  }

  /** Every entry, store by store. */
  *entries(): Generator<LedgerEntry> {
    for (const [store, ids] of Object.entries(this.#data.records))
      for (const [id, [epoch, fingerprint]] of Object.entries(ids)) yield { store, id, epoch, fingerprint };
  }

  anchor(name: string): unknown {
    return this.#data.anchors[name];
  }

  setAnchor(name: string, value: unknown): void {
    this.#data.anchors[name] = value;
    this.#dirty = true;
  }
}

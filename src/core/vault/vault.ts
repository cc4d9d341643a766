import type { Sodium } from '../crypto/sodium';
import type { CustodySigner } from '../custody/entry';
import { BuktiError } from '../errors';
import type { FileInfo } from './chunk-store';
import { eraseVault, runInTransaction, type VaultDb, withStorage } from './db';
import * as deposits from './deposits';
import type { FileSource } from './file-crypto';
import {
  assertId,
  assertStoreName,
  type EraseAfterFailures,
  SUBKEY,
  storedBytes,
  toArrayBuffer,
  utf8Bytes,
} from './format';
import type { VaultHeader } from './header';
import type { KdfParams } from './kdf';
import type { Keyring } from './keyring';
import {
  assertNewPassphrase,
  type HeaderChange,
  type PassphraseCheck,
  rewrapMasterKey,
  type VaultRuntime,
} from './passphrase';
import { openRecord, type RecordSlot, sealRecord } from './record-crypto';
import * as thumbs from './thumbnail-store';
import * as files from './vault-files';
import type { WriterLock } from './writer-lock';

/** One record of a logical store, decrypted. */
export interface RecordEntry {
  id: string;
  value: unknown;
}

/** A write or delete for `writeRecords`, which applies a list of them atomically. */
export type RecordChange =
  | { store: string; id: string; value: unknown }
  | { store: string; id: string; delete: true };

/** A record change as stored: its IndexedDB key, and its sealed value (none for a delete). */
export interface SealedRecord {
  key: [string, string];
  value: ArrayBuffer | undefined;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * An unlocked vault. Records are JSON values in named logical stores ('cases', 'items', 'custody', …);
 * files are byte streams. Everything is encrypted before it reaches IndexedDB. After `lock()` (or when
 * another tab takes the database away) every key is zeroed and every call fails with `vault.locked`.
 */
export class Vault {
  readonly #db: VaultDb;
  readonly #sodium: Sodium;
  readonly #keyring: Keyring;
  readonly #runtime: VaultRuntime;
  readonly #deviceId: string;
  #header: VaultHeader;

  constructor(
    db: VaultDb,
    sodium: Sodium,
    keyring: Keyring,
    header: VaultHeader,
    runtime: VaultRuntime,
    deviceId: string,
  ) {
    this.#db = db;
    this.#sodium = sodium;
    this.#keyring = keyring;
    this.#header = header;
    this.#runtime = runtime;
    this.#deviceId = deviceId;
    db.onClose(() => this.lock());
  }

  /** This device's id in the custody log (32 hex digits); each device holding the vault has its own. */
  get deviceId(): string {
    return this.#deviceId;
  }

  /** Signs custody entries as this vault on this device. */
  get custodySigner(): CustodySigner {
    return {
      publicKey: this.publicSigningKey,
      sign: (bytes: Uint8Array) => this.signDetached(bytes),
      device: this.#deviceId,
    };
  }

  /** The lock that structural operations on this vault's database hold. */
  get writerLock(): WriterLock {
    return this.#db.writerLock;
  }

  /** True after `lock()`, `erase()`, or the database being closed elsewhere. */
  get locked(): boolean {
    return this.#keyring.wiped;
  }

  /** The vault's Ed25519 public key (a copy), for signatures others verify. */
  get publicSigningKey(): Uint8Array {
    return this.#keyring.publicSigningKey.slice();
  }

  /** The vault's X25519 public key (a copy), for `sealToVault`. */
  get publicBoxKey(): Uint8Array {
    return this.#keyring.publicBoxKey.slice();
  }

  /** The "erase after N failed attempts" setting; 0 is off. */
  get eraseAfterFailures(): EraseAfterFailures {
    return this.#header.eraseAfterFailures;
  }

  #slot(store: string, id: string): RecordSlot {
    assertStoreName(store);
    assertId(id);
    return { store, id, keyId: SUBKEY.records };
  }

  /** Encrypts and stores one JSON value under (store, id), replacing any earlier value. */
  async putRecord(store: string, id: string, value: unknown): Promise<void> {
    await this.writeRecords([{ store, id, value }]);
  }

  /**
   * The stored form of record changes (IndexedDB key and sealed value; no value for a delete), for a
   * caller that must write them inside a transaction of its own (the restore's commit).
   */
  sealRecords(changes: readonly RecordChange[]): SealedRecord[] {
    const { records } = this.#keyring.secrets;
    return changes.map((change) => {
      const slot = this.#slot(change.store, change.id);
      const key: [string, string] = [this.#keyring.storeTag(change.store), change.id];
      if ('delete' in change) return { key, value: undefined };
      const json = JSON.stringify(change.value);
      if (json === undefined) throw new TypeError('Vault records must be JSON-serialisable values');
      return { key, value: toArrayBuffer(sealRecord(this.#sodium, records, slot, utf8Bytes(json))) };
    });
  }

  /** Applies writes and deletes in one transaction: all of them are stored, or none (e.g. item + custody entry). */
  async writeRecords(changes: readonly RecordChange[]): Promise<void> {
    const prepared = this.sealRecords(changes);
    await withStorage(this.#db, async (idb) => {
      const tx = idb.transaction('records', 'readwrite');
      await runInTransaction(
        tx,
        prepared.map(
          ({ key, value }) =>
            () =>
              value === undefined ? tx.store.delete(key) : tx.store.put(value, key),
        ),
      );
    });
  }

  /** The value stored under (store, id), or undefined. A changed or moved record gives `vault.integrity`. */
  async getRecord(store: string, id: string): Promise<unknown> {
    const slot = this.#slot(store, id);
    const key: [string, string] = [this.#keyring.storeTag(store), id];
    const value = await withStorage(this.#db, (idb) => idb.get('records', key));
    return value === undefined ? undefined : this.#decode(slot, value);
  }

  /** Deletes (store, id); deleting a missing record is not an error. */
  async deleteRecord(store: string, id: string): Promise<void> {
    await this.writeRecords([{ store, id, delete: true }]);
  }

  /** Ids in one logical store, in key order, without decrypting anything. */
  async listRecordIds(store: string): Promise<string[]> {
    assertStoreName(store);
    const keys = await withStorage(this.#db, (idb) => idb.getAllKeys('records', this.#storeRange(store)));
    return keys.map(([, id]) => id);
  }

  /** The last id in one logical store in key order, or undefined; reads one key, however many there are. */
  async lastRecordId(store: string): Promise<string | undefined> {
    assertStoreName(store);
    const range = this.#storeRange(store);
    const cursor = await withStorage(this.#db, (idb) =>
      idb.transaction('records').store.openKeyCursor(range, 'prev'),
    );
    return cursor?.key[1];
  }

  /** Every record of one logical store, decrypted (for lists of cases and items). */
  async listRecords(store: string): Promise<RecordEntry[]> {
    assertStoreName(store);
    const range = this.#storeRange(store);
    const [keys, values] = await withStorage(this.#db, async (idb) => {
      const tx = idb.transaction('records');
      const [k, v] = await Promise.all([tx.store.getAllKeys(range), tx.store.getAll(range), tx.done]);
      return [k, v] as const;
    });
    return keys.map(([, id], index) => ({ id, value: this.#decode(this.#slot(store, id), values[index]) }));
  }

  #storeRange(store: string) {
    const tag = this.#keyring.storeTag(store);
    // Array keys sort after strings, so [tag, []] is above every [tag, id].
    return this.#db.range([tag], [tag, []]);
  }

  #decode(slot: RecordSlot, value: unknown): unknown {
    const plaintext = openRecord(this.#sodium, this.#keyring.secrets.records, slot, storedBytes(value));
    try {
      return JSON.parse(decoder.decode(plaintext));
    } catch (cause) {
      throw new BuktiError('vault.integrity', {}, { cause });
    }
  }

  /** Encrypts a file from a stream in 1 MiB chunks; `fileId` must be new (use `newId()`). */
  writeFile(fileId: string, source: FileSource): Promise<FileInfo> {
    return files.writeVaultFile(this.#db, this.#sodium, this.#keyring, fileId, source);
  }

  /**
   * A stored file's bytes, chunk by chunk; ends with `vault.integrity` if the file was altered. With
   * `transient`, each chunk may be used only until the next is asked for (its memory is then freed).
   */
  readFile(fileId: string, options: { transient?: boolean } = {}): AsyncGenerator<Uint8Array> {
    this.#keyring.assertUnlocked();
    return files.readVaultFile(this.#db, this.#sodium, this.#keyring, fileId, options);
  }

  /** A stored file's bytes in one array; for files that are used whole (images for a report). */
  readFileBytes(fileId: string): Promise<Uint8Array> {
    this.#keyring.assertUnlocked();
    return files.readVaultFileBytes(this.#db, this.#sodium, this.#keyring, fileId);
  }

  /**
   * Frees memory now instead of at the next garbage collection, where the runtime can (it is detached):
   * a buffer, or the buffer of bytes that fill it whole, that has been used and that nobody holds.
   * Bytes that are a view of part of a larger buffer are left alone.
   */
  discard(memory: ArrayBuffer | Uint8Array): void {
    if (memory instanceof ArrayBuffer) this.#db.discard(memory);
    else if (memory.byteOffset === 0 && memory.byteLength === memory.buffer.byteLength)
      this.#db.discard(memory.buffer as ArrayBuffer);
  }

  /** A stored file's size and chunk count, or undefined. */
  fileInfo(fileId: string): Promise<FileInfo | undefined> {
    return files.vaultFileInfo(this.#db, this.#sodium, this.#keyring, fileId);
  }

  /** Ids of every complete file. */
  listFileIds(): Promise<string[]> {
    this.#keyring.assertUnlocked();
    return files.listVaultFileIds(this.#db);
  }

  /** Deletes a file, all its chunks, its thumbnail and its report image. */
  deleteFile(fileId: string): Promise<void> {
    const keys = thumbs.PICTURE_KINDS.map((kind) => thumbs.thumbnailKey(this.#keyring, fileId, kind));
    return files.deleteVaultFile(this.#db, fileId, keys);
  }

  /**
   * Seals and stores a file's thumbnail, or with `kind` 'report' its report image (format:
   * src/core/thumbnails/format.ts); the file must exist.
   */
  putThumbnail(fileId: string, payload: Uint8Array, kind?: thumbs.PictureKind): Promise<void> {
    return thumbs.putThumbnail(this.#db, this.#sodium, this.#keyring, fileId, payload, kind);
  }

  /** A file's thumbnail (or report image) payload, or undefined when it has none yet. */
  readThumbnail(fileId: string, kind?: thumbs.PictureKind): Promise<Uint8Array | undefined> {
    return thumbs.readThumbnail(this.#db, this.#sodium, this.#keyring, fileId, kind);
  }

  /** Ids of files deposited while the vault was locked. */
  listDepositIds(): Promise<string[]> {
    this.#keyring.assertUnlocked();
    return deposits.listDepositIds(this.#db);
  }

  /** A deposit's size and the details stored with it. */
  depositInfo(id: string): Promise<deposits.DepositInfo> {
    return deposits.depositInfo(this.#db, this.#sodium, this.#keyring, id);
  }

  /** A deposit's bytes; pass them to `writeFile`, then `deleteDeposit`. */
  readDeposit(id: string): AsyncGenerator<Uint8Array> {
    this.#keyring.assertUnlocked();
    return deposits.readDeposit(this.#db, this.#sodium, this.#keyring, id);
  }

  /** Deletes a deposit and its chunks. */
  deleteDeposit(id: string): Promise<void> {
    this.#keyring.assertUnlocked();
    return deposits.deleteDeposit(this.#db, id);
  }

  /** A detached Ed25519 signature of `bytes` with the vault's signing key. */
  signDetached(bytes: Uint8Array): Uint8Array {
    return this.#sodium.crypto_sign_detached(bytes, this.#keyring.secrets.signSecret);
  }

  /** Opens a `sealToVault` box; anything not sealed to this vault, or altered, is `vault.integrity`. */
  openSealed(ciphertext: Uint8Array): Uint8Array {
    const { boxSecret } = this.#keyring.secrets;
    try {
      return this.#sodium.crypto_box_seal_open(ciphertext, this.#keyring.publicBoxKey, boxSecret);
    } catch (cause) {
      throw new BuktiError('vault.integrity', {}, { cause });
    }
  }

  /** Re-wraps the master key under `next`; no record or file is re-encrypted. */
  changePassphrase(
    current: string,
    next: string,
    options: { kdfParams?: KdfParams } = {},
  ): Promise<PassphraseCheck> {
    assertNewPassphrase(next);
    return this.#rewrap(current, { passphrase: next, kdf: options.kdfParams });
  }

  /** Sets "erase after N failed attempts" (0, 5, 10 or 20); asks for the passphrase, like a passphrase change. */
  setEraseAfterFailures(
    passphrase: string,
    eraseAfterFailures: EraseAfterFailures,
  ): Promise<PassphraseCheck> {
    return this.#rewrap(passphrase, { eraseAfterFailures });
  }

  async #rewrap(current: string, change: HeaderChange): Promise<PassphraseCheck> {
    this.#keyring.assertUnlocked();
    const result = await rewrapMasterKey(this.#db, this.#sodium, this.#runtime, current, change);
    if (result.kind !== 'ok') return result;
    this.#header = result.header;
    return { kind: 'ok' };
  }

  /** Zeroes every key in memory. The vault object stays unusable; unlock again for a new one. */
  lock(): void {
    this.#keyring.wipe();
  }

  /** Locks, then deletes the whole vault database on this device. There is no undo. */
  async erase(): Promise<void> {
    this.lock();
    await eraseVault(this.#db);
  }
}

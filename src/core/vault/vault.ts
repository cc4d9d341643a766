import type { Sodium } from '../crypto/sodium';
import type { CustodySigner } from '../custody/entry';
import { BuktiError } from '../errors';
import type { FileInfo } from './chunk-store';
import { eraseVault, type VaultDb } from './db';
import * as deposits from './deposits';
import type { FileSource } from './file-crypto';
import { assertId, assertStoreName, type EraseAfterFailures, SUBKEY, utf8Bytes } from './format';
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
import type { RecordSlot } from './record-crypto';
import { checkLedger, type LedgerCheck, type LedgerTransaction, withLedger } from './record-store';
import {
  beginRotation,
  continueRotation,
  type RotationHost,
  type RotationProgress,
  type RotationRecords,
  type RotationSigner,
} from './rotation';
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

/**
 * A fact kept in the sealed ledger beside the records (e.g. the custody log's length and last hash),
 * changed from `from` to `to` in the same transaction as the records; if it is no longer `from`, another
 * tab wrote meanwhile and nothing is stored (`vault.changedElsewhere`).
 */
export interface AnchorChange {
  name: string;
  from: unknown;
  to: unknown;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/**
 * An unlocked vault. Records are JSON values in named logical stores ('cases', 'items', 'custody', …);
 * files are byte streams. Everything is encrypted before it reaches IndexedDB, and every record is
 * checked against the sealed ledger (docs/security.md §4.8). After `lock()` (or when another tab takes
 * the database away) every key is zeroed and every call fails with `vault.locked`.
 */
export class Vault {
  readonly #db: VaultDb;
  readonly #sodium: Sodium;
  #keyring: Keyring;
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

  /** The key epoch: 0 at creation, one more after each key rotation. */
  get keyEpoch(): number {
    return this.#keyring.epoch;
  }

  /** True while a key rotation's re-encryption is unfinished (`finishRotation` completes it). */
  get rotationPending(): boolean {
    return this.#keyring.previous !== undefined;
  }

  #slot(store: string, id: string): RecordSlot {
    assertStoreName(store);
    assertId(id);
    return { store, id, keyId: SUBKEY.records };
  }

  #ledger<T>(mode: 'readonly' | 'readwrite', work: (ltx: LedgerTransaction) => Promise<T> | T): Promise<T> {
    return withLedger(this.#db, this.#sodium, this.#keyring, [], mode, work);
  }

  /** Encrypts and stores one JSON value under (store, id), replacing any earlier value. */
  async putRecord(store: string, id: string, value: unknown): Promise<void> {
    await this.writeRecords([{ store, id, value }]);
  }

  /**
   * Applies writes and deletes in one transaction, with the ledger and `anchor`: all of them are stored,
   * or none (e.g. item + custody entry + the log's new length).
   */
  async writeRecords(
    changes: readonly RecordChange[],
    options: { anchor?: AnchorChange } = {},
  ): Promise<void> {
    const prepared = changes.map((change) => {
      const slot = this.#slot(change.store, change.id);
      if ('delete' in change) return { slot, bytes: undefined };
      const json = JSON.stringify(change.value);
      if (json === undefined) throw new TypeError('Vault records must be JSON-serialisable values');
      return { slot, bytes: utf8Bytes(json) };
    });
    const { anchor } = options;
    await this.#ledger('readwrite', (ltx) => {
      if (anchor) {
        if (!sameJson(ltx.ledger.anchor(anchor.name), anchor.from))
          throw new BuktiError('vault.changedElsewhere');
        ltx.ledger.setAnchor(anchor.name, anchor.to);
      }
      for (const { slot, bytes } of prepared) {
        if (bytes === undefined) ltx.remove(slot.store, slot.id);
        else ltx.put(slot.store, slot.id, ltx.seal(slot, bytes));
      }
    });
  }

  /**
   * The value stored under (store, id), or undefined. A changed or moved record gives `vault.integrity`,
   * a missing or older copy of one the ledger names gives `vault.rolledBack`.
   */
  async getRecord(store: string, id: string): Promise<unknown> {
    const slot = this.#slot(store, id);
    return this.#ledger('readonly', async (ltx) => {
      const plaintext = await ltx.read(slot);
      return plaintext === undefined ? undefined : decode(plaintext);
    });
  }

  /** Deletes (store, id); deleting a missing record is not an error. */
  async deleteRecord(store: string, id: string): Promise<void> {
    await this.writeRecords([{ store, id, delete: true }]);
  }

  /** Ids in one logical store, sorted, from the ledger without decrypting any record. */
  async listRecordIds(store: string): Promise<string[]> {
    assertStoreName(store);
    return this.#ledger('readonly', (ltx) => ltx.ledger.ids(store));
  }

  /** Every record of one logical store, decrypted (for lists of cases and items). */
  async listRecords(store: string): Promise<RecordEntry[]> {
    assertStoreName(store);
    return this.#ledger('readonly', async (ltx) => {
      const ids = ltx.ledger.ids(store);
      const opened = await Promise.all(ids.map((id) => ltx.read(this.#slot(store, id))));
      return ids.map((id, i) => ({ id, value: decode(opened[i] as Uint8Array) }));
    });
  }

  /** An anchor kept in the ledger (see `AnchorChange`), or undefined. */
  async anchor(name: string): Promise<unknown> {
    return this.#ledger('readonly', (ltx) => ltx.ledger.anchor(name));
  }

  /** Compares every stored record with the ledger (at unlock): what is missing, extra or an older copy. */
  checkRecords(): Promise<LedgerCheck> {
    return checkLedger(this.#db, this.#sodium, this.#keyring);
  }

  /** Encrypts a file from a stream in 1 MiB chunks; `fileId` must be new (use `newId()`). */
  writeFile(fileId: string, source: FileSource): Promise<FileInfo> {
    return files.writeVaultFile(this.#db, this.#sodium, this.#keyring, fileId, source);
  }

  /** A stored file's bytes, chunk by chunk; ends with `vault.integrity` if the file was altered. */
  readFile(fileId: string): AsyncGenerator<Uint8Array> {
    this.#keyring.assertUnlocked();
    return files.readVaultFile(this.#db, this.#sodium, this.#keyring, fileId);
  }

  /** A stored file's bytes in one array; for files that are used whole (images for a report). */
  readFileBytes(fileId: string): Promise<Uint8Array> {
    this.#keyring.assertUnlocked();
    return files.readVaultFileBytes(this.#db, this.#sodium, this.#keyring, fileId);
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
    return files.deleteVaultFile(this.#db, this.#sodium, this.#keyring, fileId);
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

  #rotationHost(): RotationHost {
    return {
      db: this.#db,
      sodium: this.#sodium,
      runtime: this.#runtime,
      keyring: () => this.#keyring,
      swap: (keyring, header) => {
        const old = this.#keyring;
        this.#keyring = keyring;
        this.#header = header;
        // The previous keys live on only as `keyring.previous`, until the re-encryption is done.
        old.wipe();
      },
    };
  }

  /**
   * "Someone knows my passphrase": replaces the passphrase, the master key, every subkey and both key
   * pairs (docs/security.md §2.1). `records(old, next)` gives what to store with the new keys (the
   * custody entry signed by both). After `ok`, call `continueRotation` to re-encrypt everything.
   */
  rotateKeys(
    current: string,
    next: string,
    records: (old: RotationSigner, next: RotationSigner) => Promise<RotationRecords>,
  ): Promise<PassphraseCheck> {
    return beginRotation(this.#rotationHost(), current, next, records);
  }

  /** Re-encrypts what a rotation left under the previous keys, then destroys them; resumable, idempotent. */
  continueRotation(onProgress?: (progress: RotationProgress) => void): Promise<void> {
    return continueRotation(this.#rotationHost(), onProgress);
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

function decode(plaintext: Uint8Array): unknown {
  try {
    return JSON.parse(decoder.decode(plaintext));
  } catch (cause) {
    throw new BuktiError('vault.integrity', {}, { cause });
  }
}

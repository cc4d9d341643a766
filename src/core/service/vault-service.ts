import { loadSodium } from '../crypto/sodium';
import { BuktiError } from '../errors';
import {
  createVault,
  type DeriveKey,
  type EraseAfterFailures,
  eraseVault,
  type IdbEnvironment,
  openVaultDb,
  type PassphraseCheck,
  type RecordEntry,
  unlockVault,
  type Vault,
  type VaultDb,
  vaultExists,
} from '../vault';

/** An unlock outcome without the vault object (which stays inside the service). */
export type UnlockOutcome =
  | { kind: 'ok' }
  | { kind: 'wrongPassphrase'; failures: number; retryAt: number; attemptsBeforeErase: number | null }
  | { kind: 'wait'; until: number }
  | { kind: 'erased' };

/** What the UI may know about the open vault: public halves and settings, never a secret. */
export interface VaultSummary {
  eraseAfterFailures: EraseAfterFailures;
  publicSigningKey: Uint8Array;
  publicBoxKey: Uint8Array;
}

/**
 * Everything the app does with the vault, behind one object that the browser runs in a worker (so keys
 * and heavy work stay off the page's thread) and tests run in Node. Every method is async and takes and
 * returns structured-cloneable values only.
 */
export class VaultService {
  readonly #env: IdbEnvironment;
  readonly #deriveKey: DeriveKey;
  readonly #onClosed: () => void;
  #db: VaultDb | null = null;
  #vault: Vault | null = null;
  #erasing = false;

  constructor(env: IdbEnvironment, deriveKey: DeriveKey, onClosed: () => void = () => undefined) {
    this.#env = env;
    this.#deriveKey = deriveKey;
    this.#onClosed = onClosed;
  }

  async #openDb(): Promise<VaultDb> {
    if (this.#db && !this.#db.closed) return this.#db;
    const db = await openVaultDb(this.#env);
    db.onClose(() => {
      this.#vault = null;
      if (!this.#erasing) this.#onClosed();
    });
    this.#db = db;
    return db;
  }

  /** The open vault, or `vault.locked`. */
  protected get vault(): Vault {
    if (!this.#vault || this.#vault.locked) throw new BuktiError('vault.locked');
    return this.#vault;
  }

  #summary(): VaultSummary {
    const vault = this.vault;
    return {
      eraseAfterFailures: vault.eraseAfterFailures,
      publicSigningKey: vault.publicSigningKey,
      publicBoxKey: vault.publicBoxKey,
    };
  }

  /**
   * Whether this device has a vault yet. Loads and checks libsodium first, so a browser that lacks a
   * primitive fails here with `crypto.unavailable`, before anyone types a passphrase.
   */
  async status(): Promise<'absent' | 'locked' | 'unlocked'> {
    await loadSodium();
    if (this.#vault && !this.#vault.locked) return 'unlocked';
    return (await vaultExists(await this.#openDb())) ? 'locked' : 'absent';
  }

  async create(passphrase: string): Promise<VaultSummary> {
    this.#vault = await createVault(await this.#openDb(), passphrase, { deriveKey: this.#deriveKey });
    return this.#summary();
  }

  async unlock(passphrase: string): Promise<UnlockOutcome> {
    const result = await unlockVault(await this.#openDb(), passphrase, { deriveKey: this.#deriveKey });
    if (result.kind === 'ok') {
      this.#vault = result.vault;
      return { kind: 'ok' };
    }
    if (result.kind === 'erased') this.#db = null;
    return result;
  }

  async summary(): Promise<VaultSummary> {
    return this.#summary();
  }

  /** Zeroes every key. Safe in any state. */
  async lock(): Promise<void> {
    this.#vault?.lock();
    this.#vault = null;
  }

  /** Deletes the vault database from this device. */
  async erase(): Promise<void> {
    this.#erasing = true;
    try {
      if (this.#vault) await this.#vault.erase();
      else await eraseVault(await this.#openDb());
    } finally {
      this.#erasing = false;
      this.#vault = null;
      this.#db = null;
    }
  }

  async changePassphrase(current: string, next: string): Promise<PassphraseCheck> {
    return this.vault.changePassphrase(current, next);
  }

  async setEraseAfterFailures(passphrase: string, limit: EraseAfterFailures): Promise<PassphraseCheck> {
    return this.vault.setEraseAfterFailures(passphrase, limit);
  }

  async getRecord(store: string, id: string): Promise<unknown> {
    return this.vault.getRecord(store, id);
  }

  async putRecord(store: string, id: string, value: unknown): Promise<void> {
    await this.vault.putRecord(store, id, value);
  }

  async listRecords(store: string): Promise<RecordEntry[]> {
    return this.vault.listRecords(store);
  }

  async deleteRecord(store: string, id: string): Promise<void> {
    await this.vault.deleteRecord(store, id);
  }

  // --- evidence (cases, items, files, custody): the capture screens ---

  // --- inbox (files shared into the app while locked): see src/core/evidence/inbox.ts ---

  // --- backup and restore: see src/core/backup/ ---
}

import { loadSodium } from '../crypto/sodium';
import type { CustodyEntry } from '../custody/entry';
import { BuktiError } from '../errors';
import { classifyFile } from '../evidence/classify';
import type { Case, EvidenceDetails, EvidenceItem } from '../evidence/model';
import type { DetailsInput, NewCaseInput, NewItemInput } from '../evidence/records';
import { EvidenceRepository, type IncomingFile } from '../evidence/repository';
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

/** The case fields a person can change after creating it. */
export type CasePatch = Partial<Pick<Case, 'title' | 'narrative' | 'accounts' | 'complainant'>>;

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

  #repository: EvidenceRepository | null = null;

  /** The one repository of the open vault (one instance, so custody appends are serialised). */
  protected get repository(): EvidenceRepository {
    const vault = this.vault;
    if (!this.#repository || this.#repositoryVault !== vault) {
      this.#repository = new EvidenceRepository(vault);
      this.#repositoryVault = vault;
    }
    return this.#repository;
  }

  #repositoryVault: Vault | null = null;

  async listCases(): Promise<Case[]> {
    return this.repository.listCases();
  }

  async getCase(id: string): Promise<Case | undefined> {
    return this.repository.getCase(id);
  }

  async createCase(input: NewCaseInput): Promise<Case> {
    return this.repository.createCase(input);
  }

  async updateCase(id: string, patch: CasePatch): Promise<Case> {
    return this.repository.updateCase(id, patch);
  }

  async listItems(caseId?: string): Promise<EvidenceItem[]> {
    return this.repository.listItems(caseId);
  }

  async getItem(id: string): Promise<EvidenceItem | undefined> {
    return this.repository.getItem(id);
  }

  /**
   * Captures files into a case, one item per file: each original is hashed and encrypted in one pass.
   * A file whose bytes are already in the case is not added twice; its existing item is reported.
   */
  async captureFiles(
    caseId: string,
    files: IncomingFile[],
    details: DetailsInput,
  ): Promise<{ added: EvidenceItem[]; duplicates: Array<{ name: string; itemId: string }> }> {
    const repo = this.repository;
    const added: EvidenceItem[] = [];
    const duplicates: Array<{ name: string; itemId: string }> = [];
    for (const incoming of files) {
      const file = await repo.importFile(incoming);
      const existing = await repo.findDuplicate(caseId, file.sha256);
      if (existing) {
        await repo.discardFiles([file]);
        duplicates.push({ name: incoming.name, itemId: existing });
        continue;
      }
      const kind = classifyFile(incoming.name, incoming.type, incoming.blob.size);
      added.push(await repo.addItem({ caseId, kind, details }, [file]));
    }
    return { added, duplicates };
  }

  /** A link-only or message-text item (no file). */
  async captureWithoutFile(input: Omit<NewItemInput, 'files'>): Promise<EvidenceItem> {
    return this.repository.addItem(input, []);
  }

  async editItem(id: string, patch: Partial<EvidenceDetails>): Promise<EvidenceItem> {
    return this.repository.editItem(id, patch);
  }

  async deleteItem(id: string): Promise<void> {
    await this.repository.deleteItem(id);
  }

  /** An original as a Blob for preview (decrypted in the worker; the page never sees the key). */
  async readFileBlob(fileId: string, type: string): Promise<Blob> {
    const parts: Uint8Array[] = [];
    for await (const chunk of this.repository.readFile(fileId)) parts.push(chunk);
    return new Blob(parts as BlobPart[], { type });
  }

  async custodyLog(): Promise<CustodyEntry[]> {
    return this.repository.custodyLog();
  }

  // --- inbox (files shared into the app while locked): see src/core/evidence/inbox.ts ---

  // --- backup and restore: see src/core/backup/ ---
}

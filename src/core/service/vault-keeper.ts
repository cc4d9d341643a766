import type { RestoreMode } from '../backup/journal';
import { keyFingerprint } from '../bundle/key';
import { loadSodium } from '../crypto/sodium';
import { BuktiError, isBuktiError } from '../errors';
import type { CaptureHashing } from '../evidence/ingest';
import { type CustodyCut, EvidenceRepository } from '../evidence/repository';
import { recordSigningKeyMade } from '../keycard/made';
import type * as thumbnails from '../thumbnails/thumbnails';
import {
  createVault,
  type DeriveKey,
  type EraseAfterFailures,
  eraseVault,
  type IdbEnvironment,
  type MeasureKdf,
  openVaultDb,
  type PassphraseCheck,
  type RecordEntry,
  unlockVault,
  type Vault,
  type VaultDb,
  vaultExists,
} from '../vault';
import { generatePassphrase, type WordLanguage } from '../vault/generate';
import { attemptPassphrase } from '../vault/passphrase';
import { estimatePassphraseStrength } from '../vault/strength';
import { busyError, type LockHolder, type StructuralOperation } from '../vault/writer-lock';
import type { ExportDeps } from './export';
import { sweepReportImages } from './report-images';

/** What the runtime adds: report rendering for exports, and a channel for progress events. */
export interface ServiceOptions {
  exportDeps?: ExportDeps;
  emit?: (name: string, data: unknown) => void;
  /** Draws thumbnails (the vault worker's uses OffscreenCanvas); without one, none are made. */
  thumbnailMaker?: thumbnails.ThumbnailMaker;
  /** Fingerprints captured files (the browser's hashes in workers, beside the encryption). */
  captureHashing?: CaptureHashing;
  /**
   * Times one Argon2id run for calibration where it runs (the browser's KDF worker, timed inside it, so
   * the worker's start-up is not counted); by default `deriveKey` is timed from here.
   */
  measureKdf?: MeasureKdf;
}

/** Changes to the vault Bukti did not make, found at unlock (see docs/security.md §4.8). */
export interface TamperReport {
  /** Records the ledger names that are gone, records added from elsewhere, older copies put back. */
  missing: number;
  extra: number;
  replaced: number;
  /** The custody log does not end where the ledger says it does. */
  custody: CustodyCut | null;
}

/**
 * Refuses a new passphrase a guesser would try early (`vault.strength.refused`), wherever one is chosen;
 * the screens say so before they get here, with advice.
 */
function refuseGuessable(passphrase: string): void {
  if (!estimatePassphraseStrength(passphrase).acceptable) throw new BuktiError('vault.strength.refused');
}

/** An unlock outcome without the vault object (which stays inside the service). */
export type UnlockOutcome =
  | { kind: 'ok'; tampered?: TamperReport }
  | { kind: 'wrongPassphrase'; failures: number; retryAt: number; attemptsBeforeErase: number | null }
  | { kind: 'wait'; until: number }
  | { kind: 'erased' };

/** What the UI may know about the open vault: public halves and settings, never a secret. */
export interface VaultSummary {
  eraseAfterFailures: EraseAfterFailures;
  publicSigningKey: Uint8Array;
  publicBoxKey: Uint8Array;
  /** SHA-256 of the public signing key, lowercase hex: what the key card and every verifier show. */
  signingKeyFingerprint: string;
}

/**
 * The vault's own life in the service: whether there is one, creating, unlocking, locking and erasing
 * it, its passphrase and key rotation, and its records. VaultService adds the evidence, exports and
 * backups on top. Members for VaultService alone start with `_` (the worker's RPC never serves those),
 * or are not functions.
 */
export class VaultKeeper {
  readonly #env: IdbEnvironment;
  protected readonly _deriveKey: DeriveKey;
  readonly #onClosed: () => void;
  #db: VaultDb | null = null;
  #vault: Vault | null = null;
  #erasing = false;

  protected readonly options: ServiceOptions;

  constructor(
    env: IdbEnvironment,
    deriveKey: DeriveKey,
    onClosed: () => void = () => undefined,
    options: ServiceOptions = {},
  ) {
    this.#env = env;
    this._deriveKey = deriveKey;
    this.#onClosed = onClosed;
    this.options = options;
  }

  protected async _openDb(): Promise<VaultDb> {
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

  async #summary(): Promise<VaultSummary> {
    const vault = this.vault;
    return {
      eraseAfterFailures: vault.eraseAfterFailures,
      publicSigningKey: vault.publicSigningKey,
      publicBoxKey: vault.publicBoxKey,
      signingKeyFingerprint: await keyFingerprint(vault.publicSigningKey),
    };
  }

  /**
   * Whether this device has a vault yet. Loads and checks libsodium first, so a browser that lacks a
   * primitive fails here with `crypto.unavailable`, before anyone types a passphrase.
   */
  async status(): Promise<'absent' | 'locked' | 'unlocked'> {
    await loadSodium();
    if (this.#vault && !this.#vault.locked) return 'unlocked';
    return (await vaultExists(await this._openDb())) ? 'locked' : 'absent';
  }

  /** Runs a structural operation holding the device's writer lock; refused with `vault.busy.*` if taken. */
  protected async _holding<T>(operation: StructuralOperation, work: () => Promise<T>): Promise<T> {
    return (await this._openDb()).writerLock.hold(operation, work);
  }

  /** The structural operation running on this device (in any tab or worker), or null. */
  async writerHolder(): Promise<LockHolder> {
    return (await this._openDb()).writerLock.holder();
  }

  /**
   * Removes what an interrupted restore left on this device and says which kind it was (null: none).
   * While a restore is running elsewhere nothing is touched: its data is not a leftover.
   */
  async cleanUpInterrupted(): Promise<RestoreMode | null> {
    const db = await this._openDb();
    if ((await db.writerLock.holder()) !== null) return null;
    const { cleanUpInterrupted } = await import('../backup');
    return this._holding('cleanup', () => cleanUpInterrupted(db)).catch((error: unknown) => {
      // Taken between the look and the hold: the other operation is running, so this is no leftover.
      if (isBuktiError(error) && error.code.startsWith('vault.busy.')) return null;
      throw error;
    });
  }

  /** A passphrase of random common words in English or Malay, made here where libsodium is loaded. */
  async suggestPassphrase(language: WordLanguage): Promise<string> {
    return generatePassphrase(await loadSodium(), language);
  }

  async create(passphrase: string): Promise<VaultSummary> {
    refuseGuessable(passphrase);
    this.#vault = await this._holding('create', async () =>
      createVault(await this._openDb(), passphrase, {
        deriveKey: this._deriveKey,
        measureKdf: this.options.measureKdf,
      }),
    );
    await recordSigningKeyMade(this.#vault, new Date());
    return this.#summary();
  }

  /**
   * One unlock attempt. After it opens, the whole vault is compared with its sealed ledger and the
   * custody log with its anchor: what someone changed behind Bukti's back is reported (`tampered`), and
   * the rest opens as usual. A key rotation left unfinished resumes in the background.
   */
  async unlock(passphrase: string): Promise<UnlockOutcome> {
    const db = await this._openDb();
    // Not while the vault is being replaced, erased or re-keyed elsewhere: this one may be gone next.
    const holder = await db.writerLock.holder();
    if (holder !== null) throw busyError(holder);
    const result = await unlockVault(db, passphrase, { deriveKey: this._deriveKey });
    if (result.kind === 'ok') {
      this.#vault = result.vault;
      const tampered = await this.#tampering();
      // Report images of an export that never ended; if this fails too, the next unlock tries again.
      if (!tampered) await sweepReportImages(result.vault).catch(() => undefined);
      this.#resumeRotation();
      return tampered ? { kind: 'ok', tampered } : { kind: 'ok' };
    }
    if (result.kind === 'erased') this.#db = null;
    return result;
  }

  async #tampering(): Promise<TamperReport | undefined> {
    const records = await this.vault.checkRecords();
    const custody = await this.repository.checkCustodyLog();
    const clean = records.missing + records.extra + records.replaced === 0 && custody === null;
    return clean ? undefined : { ...records, custody };
  }

  async summary(): Promise<VaultSummary> {
    return this.#summary();
  }

  /** Zeroes every key. Safe in any state. */
  async lock(): Promise<void> {
    this.#vault?.lock();
    this.#vault = null;
  }

  /**
   * Deletes the vault database from this device, once the passphrase is confirmed (a wrong one counts
   * against the lockout like any other, so a phone picked up unlocked cannot be wiped in one tap). With
   * null, only a locked vault is erased ("forgot my passphrase").
   */
  async erase(passphrase: string | null): Promise<PassphraseCheck> {
    if (passphrase === null) {
      // "Forgot my passphrase" on the lock screen: nothing is unlocked, so there is nothing to confirm
      // it with; an open vault is never erased without it.
      if (this.#vault && !this.#vault.locked) throw new BuktiError('vault.eraseNeedsPassphrase');
      await this._holding('erase', () => this._eraseNow());
      return { kind: 'ok' };
    }
    const db = await this._openDb();
    const sodium = await loadSodium();
    const attempt = await attemptPassphrase(db, sodium, passphrase, this._deriveKey, Date.now);
    if (attempt.kind === 'erased') this.#forget();
    if (attempt.kind !== 'ok') {
      return attempt.kind === 'wrongPassphrase'
        ? { kind: 'wrongPassphrase', failures: attempt.failures, retryAt: attempt.retryAt }
        : attempt;
    }
    sodium.memzero(attempt.masterKey);
    await this._holding('erase', () => this._eraseNow());
    return { kind: 'ok' };
  }

  /** Forgets the vault and its database after they were erased (the erase setting was reached). */
  #forget(): void {
    this.#vault = null;
    this.#db = null;
  }

  /** Deletes the vault database from this device, without asking again (the passphrase was confirmed). */
  protected async _eraseNow(): Promise<void> {
    this.#erasing = true;
    try {
      if (this.#vault) await this.#vault.erase();
      else await eraseVault(await this._openDb());
    } finally {
      this.#erasing = false;
      this.#vault = null;
      this.#db = null;
    }
  }

  async changePassphrase(current: string, next: string): Promise<PassphraseCheck> {
    refuseGuessable(next);
    const vault = this.vault;
    return this.#checked(await this._holding('passphrase', () => vault.changePassphrase(current, next)));
  }

  async setEraseAfterFailures(passphrase: string, limit: EraseAfterFailures): Promise<PassphraseCheck> {
    const vault = this.vault;
    return this.#checked(
      await this._holding('passphrase', () => vault.setEraseAfterFailures(passphrase, limit)),
    );
  }

  /** Passes a passphrase check on; one that reached the erase setting leaves nothing to use. */
  #checked<T extends { kind: string }>(result: T): T {
    if (result.kind === 'erased') this.#forget();
    return result;
  }

  // --- "someone knows my passphrase": see src/core/vault/rotation.ts ---

  #rotation: Promise<void> | null = null;

  /**
   * Replaces the passphrase and every key, and records it in the custody log signed by both keys;
   * then re-encrypts everything in the background ('rotation-progress' events, then 'rotation-done',
   * or 'rotation-stopped' if the vault locked or failed meanwhile: the next unlock resumes it).
   */
  async rotateKeys(current: string, next: string): Promise<PassphraseCheck> {
    refuseGuessable(next);
    const repository = this.repository;
    const result = this.#checked(await this._holding('rekey', () => repository.rotateKeys(current, next)));
    if (result.kind === 'ok') {
      // The key card tells when the key in use was made: now, for the new one.
      await recordSigningKeyMade(this.vault, new Date());
      this.#resumeRotation();
    }
    return result;
  }

  /** Resolves once no re-encryption is left (waiting for the one running, or running it). */
  async finishRotation(): Promise<void> {
    this.#resumeRotation();
    await this.#rotation;
    if (this.vault.rotationPending) throw new BuktiError('vault.rotationPending');
  }

  #resumeRotation(): void {
    const vault = this.vault;
    if (!vault.rotationPending || this.#rotation) return;
    const emit = (name: string, data?: unknown) => this.options.emit?.(name, data);
    this.#rotation = vault
      .continueRotation((progress) => emit('rotation-progress', progress))
      .then(
        () => emit('rotation-done'),
        (error: unknown) =>
          emit('rotation-stopped', { code: isBuktiError(error) ? error.code : 'error.unexpected' }),
      )
      .finally(() => {
        this.#rotation = null;
      });
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

  #repository: EvidenceRepository | null = null;

  /** The one repository of the open vault (one instance, so custody appends are serialised). */
  protected get repository(): EvidenceRepository {
    const vault = this.vault;
    if (!this.#repository || this.#repositoryVault !== vault) {
      this.#repository = new EvidenceRepository(vault, { hashing: this.options.captureHashing });
      this.#repositoryVault = vault;
    }
    return this.#repository;
  }

  #repositoryVault: Vault | null = null;
}

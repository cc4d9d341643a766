import type { RestoreMode } from '../backup/journal';
import { keyFingerprint } from '../bundle/key';
import { loadSodium } from '../crypto/sodium';
import type { CustodyEntry } from '../custody/entry';
import { BuktiError, isBuktiError } from '../errors';
import { type CaptureResult, captureFiles } from '../evidence/capture-files';
import type { CasePatch } from '../evidence/case-edit';
import { type FiledEntry, Inbox, type InboxEntry } from '../evidence/inbox';
import type { CaptureHashing } from '../evidence/ingest';
import type { Case, EvidenceDetails, EvidenceItem } from '../evidence/model';
import type { DetailsInput, NewCaseInput, NewItemInput } from '../evidence/records';
import { type CustodyCut, EvidenceRepository, type IncomingFile } from '../evidence/repository';
import { keyCardPdf } from '../keycard/card';
import { recordSigningKeyMade, signingKeyMadeAt } from '../keycard/made';
import * as thumbnails from '../thumbnails/thumbnails';
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
import {
  BackupMethods,
  type BackupSource,
  type BackupStartOutcome,
  type BackupStatus,
  type ReminderDays,
  type RestoreSummary,
} from './backup-methods';
import type { ExportDeps, ExportOpened, ExportRequest, ExportSummary } from './export';
import { ExportHandles, type PickedFile } from './export-handles';
import { MediaReads } from './media-reads';
import { sweepReportImages } from './report-images';
import { givenAway } from './transfer';

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

export type { CasePatch };

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

  readonly #options: ServiceOptions;

  constructor(
    env: IdbEnvironment,
    deriveKey: DeriveKey,
    onClosed: () => void = () => undefined,
    options: ServiceOptions = {},
  ) {
    this.#env = env;
    this.#deriveKey = deriveKey;
    this.#onClosed = onClosed;
    this.#options = options;
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
    return (await vaultExists(await this.#openDb())) ? 'locked' : 'absent';
  }

  /** Runs a structural operation holding the device's writer lock; refused with `vault.busy.*` if taken. */
  async #holding<T>(operation: StructuralOperation, work: () => Promise<T>): Promise<T> {
    return (await this.#openDb()).writerLock.hold(operation, work);
  }

  /** The structural operation running on this device (in any tab or worker), or null. */
  async writerHolder(): Promise<LockHolder> {
    return (await this.#openDb()).writerLock.holder();
  }

  /**
   * Removes what an interrupted restore left on this device and says which kind it was (null: none).
   * While a restore is running elsewhere nothing is touched: its data is not a leftover.
   */
  async cleanUpInterrupted(): Promise<RestoreMode | null> {
    const db = await this.#openDb();
    if ((await db.writerLock.holder()) !== null) return null;
    const { cleanUpInterrupted } = await import('../backup');
    return this.#holding('cleanup', () => cleanUpInterrupted(db)).catch((error: unknown) => {
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
    this.#vault = await this.#holding('create', async () =>
      createVault(await this.#openDb(), passphrase, {
        deriveKey: this.#deriveKey,
        measureKdf: this.#options.measureKdf,
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
    const db = await this.#openDb();
    // Not while the vault is being replaced, erased or re-keyed elsewhere: this one may be gone next.
    const holder = await db.writerLock.holder();
    if (holder !== null) throw busyError(holder);
    const result = await unlockVault(db, passphrase, { deriveKey: this.#deriveKey });
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
    void this.#exports.cancelAll();
    this.#media.closeAll();
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
      await this.#holding('erase', () => this.#eraseNow());
      return { kind: 'ok' };
    }
    const db = await this.#openDb();
    const sodium = await loadSodium();
    const attempt = await attemptPassphrase(db, sodium, passphrase, this.#deriveKey, Date.now);
    if (attempt.kind === 'erased') this.#forget();
    if (attempt.kind !== 'ok') {
      return attempt.kind === 'wrongPassphrase'
        ? { kind: 'wrongPassphrase', failures: attempt.failures, retryAt: attempt.retryAt }
        : attempt;
    }
    sodium.memzero(attempt.masterKey);
    await this.#holding('erase', () => this.#eraseNow());
    return { kind: 'ok' };
  }

  /** Forgets the vault and its database after they were erased (the erase setting was reached). */
  #forget(): void {
    this.#vault = null;
    this.#db = null;
  }

  /** Deletes the vault database from this device, without asking (a restore replacing it). */
  async #eraseNow(): Promise<void> {
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
    refuseGuessable(next);
    const vault = this.vault;
    return this.#checked(await this.#holding('passphrase', () => vault.changePassphrase(current, next)));
  }

  async setEraseAfterFailures(passphrase: string, limit: EraseAfterFailures): Promise<PassphraseCheck> {
    const vault = this.vault;
    return this.#checked(
      await this.#holding('passphrase', () => vault.setEraseAfterFailures(passphrase, limit)),
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
    const result = this.#checked(await this.#holding('rekey', () => repository.rotateKeys(current, next)));
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
    const emit = (name: string, data?: unknown) => this.#options.emit?.(name, data);
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

  // --- evidence (cases, items, files, custody): the capture screens ---

  #repository: EvidenceRepository | null = null;

  /** The one repository of the open vault (one instance, so custody appends are serialised). */
  protected get repository(): EvidenceRepository {
    const vault = this.vault;
    if (!this.#repository || this.#repositoryVault !== vault) {
      this.#repository = new EvidenceRepository(vault, { hashing: this.#options.captureHashing });
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
  async captureFiles(caseId: string, files: IncomingFile[], details: DetailsInput): Promise<CaptureResult> {
    const maker = thumbnails.of(this.vault, this.#options.thumbnailMaker);
    return maker.whileCapturing(() =>
      captureFiles(this.repository, caseId, files, details, (file, incoming) =>
        maker.afterCapture(file, incoming.blob),
      ),
    );
  }

  /** Resolves once every thumbnail being made (after a capture, say) has been stored or given up. */
  async thumbnailsSettled(): Promise<void> {
    await thumbnails.of(this.vault, this.#options.thumbnailMaker).idle();
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

  readonly #media = new MediaReads((fileId) => this.repository.readFile(fileId));

  /**
   * Opens bytes `start`…`end` (inclusive) of an original for a preview (sw/media.ts): decrypted here,
   * a piece at a time, as `mediaRead` asks; the page never holds the whole file.
   */
  async mediaOpen(fileId: string, start: number, end: number): Promise<number> {
    return this.#media.open(fileId, start, end);
  }

  /** The next piece (up to 1 MiB) of an open preview range, or null once it is complete. */
  async mediaRead(handle: number): Promise<Uint8Array | null> {
    return this.#media.read(handle);
  }

  async mediaClose(handle: number): Promise<void> {
    this.#media.close(handle);
  }

  /** The first `maxBytes` of a file, for a text preview: only the chunks they lie in are decrypted. */
  async readFileStart(fileId: string, maxBytes: number): Promise<Uint8Array> {
    const handle = this.#media.open(fileId, 0, Math.max(0, maxBytes - 1));
    const parts: Uint8Array[] = [];
    for (let piece = await this.#media.read(handle); piece; piece = await this.#media.read(handle))
      parts.push(piece);
    const start = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
    let at = 0;
    for (const part of parts) {
      start.set(part, at);
      at += part.length;
    }
    return givenAway(start, [start.buffer]);
  }

  /** A file's thumbnail, decrypted (made first if it has none yet); null when it has none. */
  async thumbnail(file: thumbnails.ThumbnailFile): Promise<thumbnails.ThumbnailView | null> {
    return thumbnails.of(this.vault, this.#options.thumbnailMaker).view(file);
  }

  async custodyLog(): Promise<CustodyEntry[]> {
    return this.repository.custodyLog();
  }

  /** When the signing key was made (UTC ISO), or null when this vault does not know. */
  async signingKeyMadeAt(): Promise<string | null> {
    return signingKeyMadeAt(this.vault, async () => (await this.repository.custodyLog())[0]?.time ?? null);
  }

  /** The key card (src/core/keycard/card.ts): a one-page PDF, EN and BM, with the key's fingerprint. */
  async keyCard(): Promise<Uint8Array> {
    const fonts = this.#options.exportDeps?.fonts;
    if (!fonts) throw new BuktiError('keycard.failed');
    const pdf = await keyCardPdf({
      fingerprint: await keyFingerprint(this.vault.publicSigningKey),
      madeAt: await this.signingKeyMadeAt(),
      fonts: await fonts(),
    });
    return givenAway(pdf, [pdf.buffer]);
  }

  readonly #exports = new ExportHandles({
    vault: () => this.vault,
    repository: () => this.repository,
    deps: () => {
      const { exportDeps, thumbnailMaker } = this.#options;
      // With a maker, the report draws the images made at capture (made now for files that have none).
      return exportDeps && thumbnailMaker
        ? { ...exportDeps, pictures: thumbnails.of(this.vault, thumbnailMaker) }
        : exportDeps;
    },
    emit: (name, data) => this.#options.emit?.(name, data),
  });

  /**
   * Writes the report and opens the sealed bundle for a case (docs/bundle-format.md, "How Bukti writes and
   * saves it"). Progress is emitted as 'export-progress' events with the export's number; the page then
   * pulls the ZIP with `exportRead`, or has it written into a picked file with `exportWrite`, and once it
   * is saved calls `exportFinish` to record the export. `cancelExport(number)` stops it at any point and
   * nothing is kept.
   */
  async exportStart(exportNumber: number, request: ExportRequest): Promise<ExportOpened> {
    return this.#exports.open(exportNumber, request);
  }

  /** The next pieces of the ZIP (about 1 MiB), or null once it is complete. */
  async exportRead(exportNumber: number): Promise<Uint8Array[] | null> {
    return this.#exports.read(exportNumber);
  }

  /**
   * Writes the rest of the ZIP straight into a file the person picked (a FileSystemFileHandle posted
   * from the page), so no piece crosses to the page; 'export-written' events carry the bytes written.
   * Resolves once the file is complete and in place; then `exportFinish` records it.
   */
  async exportWrite(exportNumber: number, file: PickedFile): Promise<void> {
    await this.#exports.write(exportNumber, file);
  }

  /** Records a bundle read to its end and saved: the custody log gets the export and the ZIP's SHA-256. */
  async exportFinish(exportNumber: number): Promise<ExportSummary> {
    return this.#exports.finish(exportNumber);
  }

  async cancelExport(exportNumber: number): Promise<void> {
    await this.#exports.cancel(exportNumber);
  }

  // --- inbox (files shared into the app while locked): see src/core/evidence/inbox.ts ---

  /** What was shared into Bukti from other apps, decrypted for review (see sw/share-target.ts). */
  async inboxList(): Promise<InboxEntry[]> {
    return new Inbox(this.vault, this.repository).list();
  }

  /** Files one inbox entry into a case; content the case already holds comes back as `duplicate`. */
  async inboxFile(depositId: string, caseId: string, details: DetailsInput): Promise<FiledEntry> {
    return new Inbox(this.vault, this.repository).fileIntoCase(depositId, caseId, details);
  }

  /** Deletes an inbox entry without keeping it. */
  async inboxDiscard(depositId: string): Promise<void> {
    await new Inbox(this.vault, this.repository).discard(depositId);
  }

  // --- backup and restore: the work is in backup-methods.ts ---

  readonly #backups = new BackupMethods({
    openDb: () => this.#openDb(),
    deriveKey: (...args) => this.#deriveKey(...args),
    vault: () => this.vault,
    custodyLog: () => this.repository.custodyLog(),
    // Inside the restore's own hold of the writer lock.
    erase: () => this.#eraseNow(),
    emit: (name, data) => this.#options.emit?.(name, data),
  });

  /**
   * Asks for the passphrase again and prepares a backup of the whole vault; the page pulls the file
   * with `backupRead(handle)`. The backup stops if the vault locks.
   */
  async backupStart(passphrase: string): Promise<BackupStartOutcome> {
    return this.#backups.start(passphrase);
  }

  /** The next piece of backup `handle` (about 1 MiB), or null once the file is complete. */
  async backupRead(handle: number): Promise<Uint8Array | null> {
    return this.#backups.read(handle);
  }

  /** Stops a backup early and zeroes its key. */
  async backupCancel(handle: number): Promise<void> {
    return this.#backups.cancel(handle);
  }

  /** Records that backup `handle`, read to its end, has been saved; returns the new status. */
  async backupSaved(handle: number): Promise<BackupStatus> {
    return this.#backups.saved(handle);
  }

  /** When the last backup was made, the reminder setting, and whether a reminder is due now. */
  async backupStatus(): Promise<BackupStatus> {
    return this.#backups.status();
  }

  /** Days without a backup before reminding, once there is new evidence: 0 (off), 3, 7, 14 or 30. */
  async setBackupReminder(days: ReminderDays): Promise<BackupStatus> {
    return this.#backups.setReminder(days);
  }

  /**
   * Restores a backup file. If this device has a vault, only with `replace` and while it is unlocked:
   * it is erased only once the whole file has been checked with the passphrase. The restored vault is
   * left locked; the page unlocks it with the same passphrase. Failures change nothing. Progress is
   * emitted as 'restore-progress' events (a RestoreProgress each).
   */
  async restoreBackup(file: BackupSource, passphrase: string, replace = false): Promise<RestoreSummary> {
    const exists = await vaultExists(await this.#openDb());
    return this.#holding(exists ? 'replace' : 'restore', () =>
      this.#backups.restore(file, passphrase, replace),
    );
  }
}

import { keyFingerprint } from '../bundle/key';
import type { CustodyEntry } from '../custody/entry';
import { BuktiError } from '../errors';
import { type CaptureResult, captureFiles } from '../evidence/capture-files';
import type { CasePatch } from '../evidence/case-edit';
import { type FiledEntry, Inbox, type InboxEntry } from '../evidence/inbox';
import type { Case, EvidenceDetails, EvidenceItem } from '../evidence/model';
import type { DetailsInput, NewCaseInput, NewItemInput } from '../evidence/records';
import type { IncomingFile } from '../evidence/repository';
import { keyCardPdf } from '../keycard/card';
import { signingKeyMadeAt } from '../keycard/made';
import * as thumbnails from '../thumbnails/thumbnails';
import { vaultExists } from '../vault';
import {
  BackupMethods,
  type BackupSource,
  type BackupStartOutcome,
  type BackupStatus,
  type ReminderDays,
  type RestoreSummary,
} from './backup-methods';
import type { ExportOpened, ExportRequest, ExportSummary } from './export';
import { ExportHandles, type PickedFile } from './export-handles';
import { MediaReads } from './media-reads';
import { givenAway } from './transfer';
import { VaultKeeper } from './vault-keeper';

export type { ServiceOptions, TamperReport, UnlockOutcome, VaultSummary } from './vault-keeper';
export type { CasePatch };

/**
 * Everything the app does with the vault, behind one object that the browser runs in a worker (so keys
 * and heavy work stay off the page's thread) and tests run in Node. Every method is async and takes and
 * returns structured-cloneable values only. The vault's own life (create, unlock, lock, erase,
 * passphrase, key rotation) is in VaultKeeper; here are the evidence, previews, exports and backups.
 */
export class VaultService extends VaultKeeper {
  /** Zeroes every key, and stops the exports and previews reading from the vault. Safe in any state. */
  override async lock(): Promise<void> {
    void this.#exports.cancelAll();
    this.#media.closeAll();
    await super.lock();
  }

  // --- evidence (cases, items, files, custody): the capture screens ---

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
    const maker = thumbnails.of(this.vault, this.options.thumbnailMaker);
    return maker.whileCapturing(() =>
      captureFiles(this.repository, caseId, files, details, (file, incoming) =>
        maker.afterCapture(file, incoming.blob),
      ),
    );
  }

  /** Resolves once every thumbnail being made (after a capture, say) has been stored or given up. */
  async thumbnailsSettled(): Promise<void> {
    await thumbnails.of(this.vault, this.options.thumbnailMaker).idle();
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
    return thumbnails.of(this.vault, this.options.thumbnailMaker).view(file);
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
    const fonts = this.options.exportDeps?.fonts;
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
      const { exportDeps, thumbnailMaker } = this.options;
      // With a maker, the report draws the images made at capture (made now for files that have none).
      return exportDeps && thumbnailMaker
        ? { ...exportDeps, pictures: thumbnails.of(this.vault, thumbnailMaker) }
        : exportDeps;
    },
    emit: (name, data) => this.options.emit?.(name, data),
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
    openDb: () => this._openDb(),
    deriveKey: (...args) => this._deriveKey(...args),
    vault: () => this.vault,
    custodyLog: () => this.repository.custodyLog(),
    // Inside the restore's own hold of the writer lock.
    closeVault: () => this.lock(),
    emit: (name, data) => this.options.emit?.(name, data),
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
    const exists = await vaultExists(await this._openDb());
    return this._holding(exists ? 'replace' : 'restore', () =>
      this.#backups.restore(file, passphrase, replace),
    );
  }
}

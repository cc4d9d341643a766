import type { CustodyEntry } from '../custody/entry';
import { BuktiError } from '../errors';
import { type DeriveKey, type PassphraseCheck, type Vault, type VaultDb, vaultExists } from '../vault';

type BackupModule = typeof import('../backup');
export type BackupSource = import('../backup').BackupSource;
export type BackupStatus = import('../backup').BackupStatus;
export type ReminderDays = import('../backup').ReminderDays;
export type RestoreProgress = import('../backup').RestoreProgress;
export type RestoreSummary = import('../backup').RestoreSummary;
export type BackupStartOutcome =
  | { kind: 'ok'; handle: number; createdAt: string }
  | Exclude<PassphraseCheck, { kind: 'ok' }>;

/** What backup and restore need from the service that owns the vault. */
export interface BackupHost {
  openDb(): Promise<VaultDb>;
  deriveKey: DeriveKey;
  /** The open vault; throws `vault.locked` when there is none. */
  vault(): Vault;
  custodyLog(): Promise<CustodyEntry[]>;
  /**
   * Locks the open vault and forgets it, keeping its database (a checked backup is about to replace it:
   * the restore retires the old header and keys and writes its journal in one transaction).
   */
  closeVault(): Promise<void>;
  /** Tells the page something (here: 'restore-progress' with a RestoreProgress). */
  emit(name: string, data: unknown): void;
}

/**
 * The VaultService's backup and restore (src/core/backup/ does the format): backups pulled piece by
 * piece through handles, the reminder setting, and restore onto an empty device or in place.
 */
export class BackupMethods {
  readonly #host: BackupHost;
  // Loaded when first needed: most sessions never make or restore a backup.
  #module: Promise<BackupModule> | null = null;
  #handles: import('../backup').BackupHandles | null = null;

  constructor(host: BackupHost) {
    this.#host = host;
  }

  #backup(): Promise<BackupModule> {
    this.#module ??= import('../backup');
    return this.#module;
  }

  async #openHandles(): Promise<import('../backup').BackupHandles> {
    const { BackupHandles } = await this.#backup();
    this.#handles ??= new BackupHandles();
    return this.#handles;
  }

  #unlocked(): boolean {
    try {
      this.#host.vault();
      return true;
    } catch {
      return false;
    }
  }

  async #settings(): Promise<import('../backup').BackupSettings> {
    const { BACKUP_SETTINGS, parseBackupSettings } = await this.#backup();
    return parseBackupSettings(await this.#host.vault().getRecord(BACKUP_SETTINGS.store, BACKUP_SETTINGS.id));
  }

  async start(passphrase: string): Promise<BackupStartOutcome> {
    this.#host.vault();
    const { startBackup } = await this.#backup();
    const started = await startBackup(await this.#host.openDb(), passphrase, {
      deriveKey: this.#host.deriveKey,
      beforeEach: () => {
        this.#host.vault();
      },
    });
    if (started.kind !== 'ok') return started;
    return { kind: 'ok', handle: (await this.#openHandles()).add(started), createdAt: started.createdAt };
  }

  async read(handle: number): Promise<Uint8Array | null> {
    const handles = await this.#openHandles();
    if (!this.#unlocked()) {
      await handles.cancelAll();
      throw new BuktiError('vault.locked');
    }
    return handles.read(handle);
  }

  async cancel(handle: number): Promise<void> {
    await (await this.#openHandles()).cancel(handle);
  }

  async saved(handle: number): Promise<BackupStatus> {
    const { BACKUP_SETTINGS } = await this.#backup();
    this.#host.vault();
    const createdAt = (await this.#openHandles()).finish(handle);
    const settings = await this.#settings();
    const latest =
      settings.lastBackupAt !== null && settings.lastBackupAt > createdAt ? settings.lastBackupAt : createdAt;
    await this.#host.vault().putRecord(BACKUP_SETTINGS.store, BACKUP_SETTINGS.id, {
      ...settings,
      lastBackupAt: latest,
    });
    return this.status();
  }

  async status(): Promise<BackupStatus> {
    const { backupStatus } = await this.#backup();
    return backupStatus(await this.#settings(), await this.#host.custodyLog(), Date.now());
  }

  async setReminder(days: ReminderDays): Promise<BackupStatus> {
    const { BACKUP_SETTINGS, isReminderDays } = await this.#backup();
    if (!isReminderDays(days)) throw new RangeError('Reminder days must be 0, 3, 7, 14 or 30');
    const settings = await this.#settings();
    await this.#host.vault().putRecord(BACKUP_SETTINGS.store, BACKUP_SETTINGS.id, {
      ...settings,
      reminderDays: days,
    });
    return this.status();
  }

  async restore(file: BackupSource, passphrase: string, replace: boolean): Promise<RestoreSummary> {
    const backup = await this.#backup();
    const exists = await vaultExists(await this.#host.openDb());
    if (exists && !replace) throw new BuktiError('backup.vaultExists');
    if (exists) this.#host.vault();
    const report = progressReporter((progress) => this.#host.emit('restore-progress', progress));
    const { vault, summary } = await backup.restoreBackup(file, passphrase, {
      deriveKey: this.#host.deriveKey,
      // Replacing: erase only once the whole file checks out. An empty device needs one pass.
      checkFirst: exists,
      mode: exists ? 'replace' : 'restore',
      availableSpace: () => backup.availableSpace(exists),
      onProgress: report,
      openTarget: async () => {
        if (exists) {
          await (await this.#openHandles()).cancelAll();
          await this.#host.closeVault();
        }
        return this.#host.openDb();
      },
    });
    vault.lock();
    return summary;
  }
}

/**
 * Passes on a restore's progress as it happens (the page shows it at once, however short a phase),
 * but only when its phase or its whole percent changes: one message per segment would be thousands.
 */
function progressReporter(send: (progress: RestoreProgress) => void): (progress: RestoreProgress) => void {
  let last = '';
  return (progress) => {
    const percent = progress.totalBytes ? Math.floor((100 * progress.bytesRead) / progress.totalBytes) : 0;
    const key = `${progress.phase} ${percent}`;
    if (key === last) return;
    last = key;
    send(progress);
  };
}

/**
 * Backup and restore of the whole vault as one encrypted, authenticated, streamed file. See
 * docs/backup-format.md for the format byte by byte and how restore changes nothing on failure.
 */

export { type BackupOptions, type BackupStart, startBackup } from './create';
export { BACKUP_MAGIC, BACKUP_VERSION, PREAMBLE_BYTES, SEGMENT_BYTES } from './format';
export type { BackupAbout, BackupCounts } from './frames';
export { BACKUP_IDLE_MS, BackupHandles } from './handles';
export type { RestoreMode } from './journal';
export type { BackupSource } from './open';
export {
  BACKUP_SETTINGS,
  type BackupSettings,
  type BackupStatus,
  backupStatus,
  DEFAULT_BACKUP_SETTINGS,
  isReminderDays,
  parseBackupSettings,
  REMINDER_CHOICES,
  type ReminderDays,
} from './reminder';
export { type RestoreOptions, type RestoreProgress, type RestoreSummary, restoreBackup } from './restore';
export { cleanUpInterrupted } from './restore-write';
export { availableSpace } from './space';

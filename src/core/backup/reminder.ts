import type { CustodyEntry, CustodyEvent } from '../custody/entry';
import { isUtcIso } from '../evidence/checker';

/** The vault record holding backup settings (its own, so it never clashes with `settings/app`). */
export const BACKUP_SETTINGS = { store: 'settings', id: 'backup' } as const;

/** Days without a backup before a reminder, once there is new evidence; 0 turns reminders off. */
export const REMINDER_CHOICES = [0, 3, 7, 14, 30] as const;
export type ReminderDays = (typeof REMINDER_CHOICES)[number];

/** `settings/backup`, version 1. */
export interface BackupSettings {
  v: 1;
  /** When the last backup that was saved had been made (UTC ISO), or null before the first. */
  lastBackupAt: string | null;
  reminderDays: ReminderDays;
}

export const DEFAULT_BACKUP_SETTINGS: BackupSettings = { v: 1, lastBackupAt: null, reminderDays: 7 };

/** True for one of `REMINDER_CHOICES`. */
export function isReminderDays(value: unknown): value is ReminderDays {
  return (REMINDER_CHOICES as readonly unknown[]).includes(value);
}

/** The stored settings, with defaults for anything missing or malformed (never a reason to fail). */
export function parseBackupSettings(value: unknown): BackupSettings {
  const stored = (typeof value === 'object' && value !== null ? value : {}) as Partial<BackupSettings>;
  return {
    v: 1,
    lastBackupAt: isUtcIso(stored.lastBackupAt) ? stored.lastBackupAt : null,
    reminderDays: isReminderDays(stored.reminderDays)
      ? stored.reminderDays
      : DEFAULT_BACKUP_SETTINGS.reminderDays,
  };
}

/** Events that change the evidence, and so make the last backup out of date. */
const CHANGES: readonly CustodyEvent[] = ['created', 'edited', 'fileAdded', 'deleted', 'imported'];

/** What Settings and the reminder show. */
export interface BackupStatus {
  lastBackupAt: string | null;
  reminderDays: ReminderDays;
  /** Changes to the evidence (custody entries) since the last backup. */
  changesSinceBackup: number;
  /** True when there are such changes and no backup for `reminderDays` days. */
  reminderDue: boolean;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Whether to remind: there is evidence newer than the last backup, and the last backup (or, before
 * the first one, the oldest change not backed up) is at least `reminderDays` days old.
 */
export function backupStatus(
  settings: BackupSettings,
  log: readonly CustodyEntry[],
  now: number,
): BackupStatus {
  const last = settings.lastBackupAt;
  const pending = log.filter(
    (entry) => CHANGES.includes(entry.event) && (last === null || entry.time > last),
  );
  const since =
    last ??
    pending.reduce<string | null>(
      (oldest, e) => (oldest === null || e.time < oldest ? e.time : oldest),
      null,
    );
  const days = settings.reminderDays;
  const due = days > 0 && pending.length > 0 && since !== null && now - Date.parse(since) >= days * DAY_MS;
  return { lastBackupAt: last, reminderDays: days, changesSinceBackup: pending.length, reminderDue: due };
}

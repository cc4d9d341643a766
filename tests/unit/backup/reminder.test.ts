import { describe, expect, it } from 'vitest';
import {
  backupStatus,
  DEFAULT_BACKUP_SETTINGS,
  parseBackupSettings,
} from '../../../src/core/backup/reminder';
import type { CustodyEntry, CustodyEvent } from '../../../src/core/custody/entry';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.parse('2025-06-30T12:00:00.000Z');
const daysAgo = (days: number) => new Date(NOW - days * DAY).toISOString();
const entry = (event: CustodyEvent, time: string) => ({ event, time }) as CustodyEntry;

describe('backup reminder', () => {
  it('reads stored settings, falling back to defaults for anything malformed', () => {
    expect(parseBackupSettings(undefined)).toEqual(DEFAULT_BACKUP_SETTINGS);
    expect(parseBackupSettings({ lastBackupAt: 'yesterday', reminderDays: 5 })).toEqual(
      DEFAULT_BACKUP_SETTINGS,
    );
    expect(parseBackupSettings({ lastBackupAt: daysAgo(1), reminderDays: 0 })).toEqual({
      v: 1,
      lastBackupAt: daysAgo(1),
      reminderDays: 0,
    });
  });

  it('reminds only when there is new evidence and the last backup is old enough', () => {
    const settings = { v: 1 as const, lastBackupAt: daysAgo(8), reminderDays: 7 as const };
    const newEvidence = [entry('created', daysAgo(9)), entry('created', daysAgo(2))];
    expect(backupStatus(settings, newEvidence, NOW)).toEqual({
      lastBackupAt: daysAgo(8),
      reminderDays: 7,
      changesSinceBackup: 1,
      reminderDue: true,
    });
    // Nothing new since the backup: no reminder, however old it is.
    expect(backupStatus(settings, [entry('created', daysAgo(9))], NOW).reminderDue).toBe(false);
    // Exporting or verifying is not new evidence.
    expect(
      backupStatus(settings, [entry('exported', daysAgo(1)), entry('verified', daysAgo(1))], NOW).reminderDue,
    ).toBe(false);
    // A recent backup, or reminders off: no reminder.
    expect(backupStatus({ ...settings, lastBackupAt: daysAgo(6) }, newEvidence, NOW).reminderDue).toBe(false);
    expect(backupStatus({ ...settings, reminderDays: 0 }, newEvidence, NOW).reminderDue).toBe(false);
    expect(backupStatus({ ...settings, reminderDays: 3 }, newEvidence, NOW).reminderDue).toBe(true);
  });

  it('before the first backup, counts from the oldest evidence', () => {
    const settings = { v: 1 as const, lastBackupAt: null, reminderDays: 14 as const };
    expect(backupStatus(settings, [], NOW).reminderDue).toBe(false);
    expect(
      backupStatus(settings, [entry('created', daysAgo(13)), entry('edited', daysAgo(1))], NOW),
    ).toMatchObject({
      changesSinceBackup: 2,
      reminderDue: false,
    });
    expect(backupStatus(settings, [entry('created', daysAgo(15))], NOW).reminderDue).toBe(true);
  });
});

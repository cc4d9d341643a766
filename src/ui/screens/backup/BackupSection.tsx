import { useEffect, useId, useState } from 'preact/hooks';
import { type BackupStatus, REMINDER_CHOICES, type ReminderDays } from '../../../core/backup/reminder';
import { isBuktiError } from '../../../core/errors';
import type { MessageKey } from '../../../core/i18n';
import { useI18n } from '../../i18n';
import { session } from '../../state/session';
import { MakeBackup } from './MakeBackup';
import './backup.css';

/** How often to remind: never, or after 3, 7, 14 or 30 days without a backup once there is new evidence. */
function ReminderSetting({
  status,
  onChange,
}: {
  status: BackupStatus;
  onChange: (next: BackupStatus) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [message, setMessage] = useState<{ key: MessageKey; ok: boolean } | null>(null);
  const change = async (days: ReminderDays) => {
    try {
      onChange(await session.vault.setBackupReminder(days));
      setMessage({ key: 'settings.saved', ok: true });
    } catch (error) {
      setMessage({ key: isBuktiError(error) ? error.code : 'error.unexpected', ok: false });
    }
  };
  return (
    <div class="field">
      <label for={id}>{t('backup.reminder.label')}</label>
      <select
        id={id}
        value={String(status.reminderDays)}
        onChange={(e) => change(Number((e.currentTarget as HTMLSelectElement).value) as ReminderDays)}
      >
        {REMINDER_CHOICES.map((days) => (
          <option key={days} value={String(days)}>
            {days === 0 ? t('backup.reminder.off') : t('backup.reminder.days', { count: days })}
          </option>
        ))}
      </select>
      {message && (
        <p class={message.ok ? 'ok' : 'error'} role={message.ok ? 'status' : 'alert'}>
          {t(message.key, { detail: 'reminder' })}
        </p>
      )}
    </div>
  );
}

/**
 * Settings → Backup: when the last backup was made, making a new one, and the reminder.
 */
export function BackupSection() {
  const { t, when } = useI18n();
  const id = useId();
  const [status, setStatus] = useState<BackupStatus | null>(null);
  useEffect(() => {
    let live = true;
    session.vault.backupStatus().then(
      (next) => live && setStatus(next),
      () => live && setStatus(null),
    );
    return () => {
      live = false;
    };
  }, []);
  return (
    <section class="card backup" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('backup.title')}</h2>
      <p>{t('backup.explain')}</p>
      {status && (
        <p data-testid="last-backup">
          {status.lastBackupAt ? t('backup.last', { date: when(status.lastBackupAt) }) : t('backup.never')}
          {status.lastBackupAt && status.changesSinceBackup > 0 && (
            <> {t('backup.changes', { count: status.changesSinceBackup })}</>
          )}
        </p>
      )}
      <MakeBackup onSaved={setStatus} />
      {status && <ReminderSetting status={status} onChange={setStatus} />}
    </section>
  );
}

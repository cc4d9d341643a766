import { useEffect, useId, useState } from 'preact/hooks';
import type { BackupStatus } from '../../../core/backup';
import { hrefFor } from '../../app/router';
import { useI18n } from '../../i18n';
import { session, useSession } from '../../state/session';
import './backup.css';

// "Not now" lasts until the vault locks: the reminder is gentle, not gone.
let dismissed = false;
session.onLock(() => {
  dismissed = false;
});

/**
 * A gentle note at the top of the case list when there is evidence that no backup holds and no backup
 * was made for the days chosen in Settings. Shows nothing otherwise (and nothing while locked).
 */
export function BackupReminder() {
  const { t, when } = useI18n();
  const id = useId();
  const state = useSession();
  const [status, setStatus] = useState<BackupStatus | null>(null);
  const [hidden, setHidden] = useState(dismissed);
  const unlocked = state.status === 'unlocked';
  useEffect(() => {
    if (!unlocked || dismissed) return;
    let live = true;
    session.vault.backupStatus().then(
      (next) => live && setStatus(next),
      // No reminder is better than an error in the way of the case list.
      () => live && setStatus(null),
    );
    return () => {
      live = false;
    };
  }, [unlocked]);
  if (!unlocked || hidden || !status?.reminderDue) return null;
  return (
    <aside class="notice backup-reminder" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('backup.reminder.title')}</h2>
      <p>
        {status.lastBackupAt
          ? t('backup.reminder.since', { date: when(status.lastBackupAt) })
          : t('backup.reminder.none')}
      </p>
      <div class="backup-actions">
        <a class="button primary" href={hrefFor('settings')}>
          {t('backup.reminder.action')}
        </a>
        <button
          type="button"
          class="button"
          onClick={() => {
            dismissed = true;
            setHidden(true);
          }}
        >
          {t('backup.reminder.later')}
        </button>
      </div>
    </aside>
  );
}

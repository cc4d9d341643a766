import { useI18n } from '../i18n';

/** A quiet, non-blocking notice that a new version is waiting; nothing changes until the person reloads. */
export function UpdatePrompt({ onReload, onDismiss }: { onReload: () => void; onDismiss: () => void }) {
  const { t } = useI18n();
  return (
    <div class="update-prompt" role="status" aria-live="polite">
      <span>{t('update.available')}</span>
      <button type="button" class="button primary" onClick={onReload}>
        {t('update.reload')}
      </button>
      <button type="button" class="button" onClick={onDismiss}>
        {t('update.later')}
      </button>
    </div>
  );
}

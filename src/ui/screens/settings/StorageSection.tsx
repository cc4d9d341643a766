import { useEffect, useId, useState } from 'preact/hooks';
import { formatBytes } from '../../format';
import { useI18n } from '../../i18n';

/** Space used and left, and whether the browser promised not to evict the vault. */
export function StorageSection() {
  const { t, locale } = useI18n();
  const id = useId();
  const [estimate, setEstimate] = useState<StorageEstimate | null>(null);
  const [persisted, setPersisted] = useState<boolean | null>(null);
  useEffect(() => {
    void navigator.storage?.estimate?.().then(setEstimate, () => setEstimate(null));
    void navigator.storage?.persisted?.().then(setPersisted, () => setPersisted(null));
  }, []);
  const used = estimate?.usage;
  const quota = estimate?.quota;
  return (
    <section class="card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('settings.storage.title')}</h2>
      <p data-testid="storage-usage">
        {used !== undefined && quota !== undefined
          ? t('settings.storage.usage', {
              used: formatBytes(used, locale),
              available: formatBytes(Math.max(0, quota - used), locale),
            })
          : t('settings.storage.unknown')}
      </p>
      {persisted !== null && (
        <p>{persisted ? t('settings.storage.persisted') : t('settings.storage.notPersisted')}</p>
      )}
    </section>
  );
}

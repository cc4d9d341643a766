import { useEffect, useId, useState } from 'preact/hooks';
import { useI18n } from '../../i18n';
import { session } from '../../state/session';
import {
  HIDDEN_CHOICES,
  IDLE_CHOICES,
  loadSettings,
  saveSettings,
  type VaultSettings,
} from '../../state/settings';

/** Auto-lock after idle time and after time in the background; applied at once. */
export function AutoLockSection() {
  const { t } = useI18n();
  const idleId = useId();
  const hiddenId = useId();
  const [settings, setSettings] = useState<VaultSettings | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    void loadSettings(session.vault).then(setSettings);
  }, []);
  if (!settings) return null;

  const duration = (ms: number) => {
    if (ms === 0) return t('settings.autoLock.immediately');
    if (ms < 60_000) return t('settings.autoLock.seconds', { count: ms / 1000 });
    if (ms === 60_000) return t('settings.autoLock.minute');
    return t('settings.autoLock.minutes', { count: ms / 60_000 });
  };
  const update = async (change: Partial<VaultSettings['autoLock']>) => {
    const next: VaultSettings = { ...settings, autoLock: { ...settings.autoLock, ...change } };
    setSettings(next);
    await saveSettings(session.vault, next);
    window.dispatchEvent(new Event('bukti:settings-changed'));
    setSaved(true);
  };

  return (
    <section class="card" aria-labelledby={`${idleId}-h`}>
      <h2 id={`${idleId}-h`}>{t('settings.autoLock.title')}</h2>
      <div class="field">
        <label for={idleId}>{t('settings.autoLock.idle')}</label>
        <select
          id={idleId}
          value={String(settings.autoLock.idleMs)}
          onChange={(e) => update({ idleMs: Number((e.currentTarget as HTMLSelectElement).value) })}
        >
          {IDLE_CHOICES.map((ms) => (
            <option key={ms} value={String(ms)}>
              {duration(ms)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for={hiddenId}>{t('settings.autoLock.hidden')}</label>
        <select
          id={hiddenId}
          value={String(settings.autoLock.hiddenMs)}
          onChange={(e) => update({ hiddenMs: Number((e.currentTarget as HTMLSelectElement).value) })}
        >
          {HIDDEN_CHOICES.map((ms) => (
            <option key={ms} value={String(ms)}>
              {duration(ms)}
            </option>
          ))}
        </select>
      </div>
      <p role="status">{saved ? t('settings.saved') : ''}</p>
    </section>
  );
}

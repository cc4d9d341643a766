import { useI18n } from '../../i18n';
import { ScreenIntro } from '../ScreenIntro';

/** Settings: language, locking, storage and backups as they arrive; always the version, for support. */
export function SettingsScreen() {
  const { t } = useI18n();
  return (
    <section class="screen" data-screen="settings">
      <ScreenIntro title="screen.settings.title" intro="screen.settings.intro" />
      <p class="version" data-testid="app-version">
        {t('settings.version', { version: __APP_VERSION__, build: __BUILD_ID__ })}
      </p>
    </section>
  );
}

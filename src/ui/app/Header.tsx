import type { Locale } from '../../core/i18n';
import { useI18n } from '../i18n';
import { quickExit } from '../safety/quick-exit';
import { session, useSession } from '../state/session';
import { hrefFor, type Route, SCREENS, type Screen } from './router';

const NAV_LABELS = {
  cases: 'nav.cases',
  capture: 'nav.capture',
  inbox: 'nav.inbox',
  export: 'nav.export',
  verify: 'nav.verify',
  settings: 'nav.settings',
  help: 'nav.help',
} as const satisfies Record<Screen, string>;

/** The app bar: name, language picker and the main navigation. */
export function Header({ current }: { current: Route['screen'] }) {
  const { t, locale, setLocale } = useI18n();
  const state = useSession();
  return (
    <header class="app-header">
      <div class="app-bar">
        <a class="app-name" href={hrefFor('cases')}>
          <img src="/icons/favicon-32.png" alt="" width={24} height={24} />
          {t('app.name')}
        </a>
        <div class="app-actions">
          {state.status === 'unlocked' && (
            <button type="button" class="button small" onClick={() => session.lock()}>
              {t('vaultUi.lock')}
            </button>
          )}
          <button type="button" class="button small exit" onClick={() => quickExit()}>
            {t('safety.quickExit')}
          </button>
        </div>
        <label class="language">
          <span class="visually-hidden">{t('language.label')}</span>
          <select
            value={locale}
            onChange={(event) => setLocale((event.currentTarget as HTMLSelectElement).value as Locale)}
          >
            <option value="en" lang="en">
              {t('language.en')}
            </option>
            <option value="ms" lang="ms">
              {t('language.ms')}
            </option>
          </select>
        </label>
      </div>
      <nav aria-label={t('nav.label')}>
        <ul class="nav-list">
          {SCREENS.map((screen) => (
            <li key={screen}>
              <a href={hrefFor(screen)} aria-current={screen === current ? 'page' : undefined}>
                {t(NAV_LABELS[screen])}
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}

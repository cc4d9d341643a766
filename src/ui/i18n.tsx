import { type ComponentChildren, createContext } from 'preact';
import { useCallback, useContext, useEffect, useMemo, useState } from 'preact/hooks';
import { deviceTimeZone } from '../core/evidence/time';
import {
  LOCALES,
  type Locale,
  type MessageKey,
  type MessageParams,
  pickLocale,
  translate,
} from '../core/i18n';
import { dateTimeText, instantText } from '../core/i18n/dates';
import { readPrefs, writePrefs } from './safety/prefs';

interface I18n {
  locale: Locale;
  setLocale(locale: Locale): void;
  t(key: MessageKey, params?: MessageParams): string;
  /** An instant (UTC ISO) in this device's zone, day first, with the zone: `5 Dec 2026, 14:03 +08:00 (Asia/Kuala_Lumpur)`. */
  when(iso: string): string;
  /** An ISO date or time as written (its own offset kept), day first: `5 Dec 2026, 14:03 +08:00`. */
  date(iso: string): string;
}

const I18nContext = createContext<I18n | null>(null);

function initialLocale(): Locale {
  const saved = readPrefs().lang;
  if (saved && (LOCALES as readonly string[]).includes(saved)) return saved as Locale;
  return pickLocale(navigator.languages ?? [navigator.language]);
}

/** Provides the chosen language to every screen; the choice is remembered (it is not sensitive). */
export function I18nProvider({ children }: { children: ComponentChildren }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next);
    writePrefs({ lang: next });
  }, []);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const value = useMemo<I18n>(
    () => ({
      locale,
      setLocale,
      t: (key, params) => translate(locale, key, params),
      when: (iso) => instantText(iso, deviceTimeZone(), locale),
      date: (iso) => dateTimeText(iso, locale, {}),
    }),
    [locale, setLocale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The current language and its `t()`; only valid under `I18nProvider`. */
export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}

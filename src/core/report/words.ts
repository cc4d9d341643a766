import { type Locale, type MessageKey, type MessageParams, translate } from '../i18n';
import type { ReportLanguage } from './types';

/** The report's own words in its language: one language, or English and Malay side by side. */
export class Words {
  readonly locales: readonly Locale[];

  constructor(readonly language: ReportLanguage) {
    this.locales = language === 'both' ? ['en', 'ms'] : [language];
  }

  /** A short label: `English / Malay` in a bilingual report (once when both are the same). */
  label(key: MessageKey, params?: MessageParams): string {
    return [...new Set(this.texts(key, params))].join(' / ');
  }

  /**
   * A longer text, once per language, for paragraphs printed one after the other. `params` may depend
   * on the language, for values that are words themselves.
   */
  texts(key: MessageKey, params?: MessageParams | ((locale: Locale) => MessageParams)): string[] {
    return this.locales.map((locale) =>
      translate(locale, key, typeof params === 'function' ? params(locale) : params),
    );
  }

  /** "Yes" or "No" in the report's language(s). */
  yesNo(value: boolean): string {
    return this.label(value ? 'report.yes' : 'report.no');
  }
}

import type { CaptureTime } from '../evidence/model';
import { type Locale, type MessageKey, type MessageParams, translate } from '../i18n';
import { captureTimeText, dateTimeText, type TimeStyle } from '../i18n/dates';
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

  /** An ISO date or time, day first, with month names in the report's first language. */
  time(iso: string, style?: TimeStyle): string {
    return dateTimeText(iso, this.locales[0] ?? 'en', style);
  }

  /** A capture time, local and UTC. */
  captured(time: CaptureTime): string {
    return captureTimeText(time, this.locales[0] ?? 'en');
  }

  /** "Yes" or "No" in the report's language(s). */
  yesNo(value: boolean): string {
    return this.label(value ? 'report.yes' : 'report.no');
  }
}

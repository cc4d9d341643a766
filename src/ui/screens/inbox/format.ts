import type { Locale } from '../../../core/i18n';

export { formatBytes as formatSize } from '../../format';

/** A share time (UTC ISO) as local date and time. */
export function formatSharedAt(iso: string, locale: Locale): string {
  return new Date(iso).toLocaleString(locale);
}

import { useId } from 'preact/hooks';
import { useI18n } from '../../i18n';
import { DiscreetChooser } from './DiscreetChooser';

/** Discreet mode: a working cover screen, a neutral name and icon, and plain titles in history. */
export function DiscreetSection() {
  const { t } = useI18n();
  const id = useId();
  return (
    <section class="card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('discreet.title')}</h2>
      <DiscreetChooser />
    </section>
  );
}

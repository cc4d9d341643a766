import { hrefFor } from '../../app/router';
import { useI18n } from '../../i18n';
import { discreetPreset } from '../../safety/discreet';

/**
 * "I received a bundle", under the first-run and unlock screens: a recipient opens a sealed bundle
 * without making a vault. Hidden in discreet mode, where it would tell an onlooker what the app is.
 */
export function ReceivedLink() {
  const { t } = useI18n();
  if (discreetPreset()) return null;
  return (
    <p class="received-link">
      <a href={hrefFor('sealed')}>{t('sealUi.link.received')}</a>
    </p>
  );
}

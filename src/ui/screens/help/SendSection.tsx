import type { MessageKey } from '../../../core/i18n';
import { hrefFor } from '../../app/router';
import { useI18n } from '../../i18n';
import { HelpSection } from './sections';

const SURVIVOR: readonly MessageKey[] = [
  'help.send.survivor.key',
  'help.send.survivor.seal',
  'help.send.survivor.passphrase',
  'help.send.survivor.keep',
  'help.send.survivor.time',
];
const RECIPIENT: readonly MessageKey[] = [
  'help.send.recipient.key',
  'help.send.recipient.open',
  'help.send.recipient.problems',
];

/** How the survivor sends a bundle sealed for its recipient, and how the recipient opens it. */
export function SendSection() {
  const { t } = useI18n();
  return (
    <HelpSection id="send">
      <p>{t('help.send.intro')}</p>
      <h3>{t('help.send.survivor.title')}</h3>
      <ol>
        {SURVIVOR.map((step) => (
          <li key={step}>{t(step)}</li>
        ))}
      </ol>
      <h3>{t('help.send.recipient.title')}</h3>
      <ol>
        {RECIPIENT.map((step) => (
          <li key={step}>{t(step)}</li>
        ))}
      </ol>
      <p>
        <a href={hrefFor('sealed')}>{t('help.send.link')}</a>
      </p>
    </HelpSection>
  );
}

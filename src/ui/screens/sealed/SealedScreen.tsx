import { useState } from 'preact/hooks';
import { useI18n } from '../../i18n';
import { ScreenIntro } from '../ScreenIntro';
import { OpenSealed } from './OpenSealed';
import { type LoadedKey, RecipientKey } from './RecipientKey';
import { SealForm } from './SealForm';
import './sealed.css';

/**
 * Sending a bundle safely, both sides, with no vault needed: the survivor seals a bundle for its
 * recipient (age), and the recipient makes a key, shows it, and opens what was sealed for them.
 * Everything happens on this device; nothing is uploaded.
 */
export function SealedScreen() {
  const { t } = useI18n();
  const [key, setKey] = useState<LoadedKey | null>(null);
  return (
    <section class="screen sealed" data-screen="sealed">
      <ScreenIntro title="screen.sealed.title" intro="screen.sealed.intro" />
      <SealForm />
      <section class="card sealed-part" aria-labelledby="received-heading">
        <h2 id="received-heading">{t('sealUi.received.title')}</h2>
        <p>{t('sealUi.received.intro')}</p>
        <RecipientKey loaded={key} onLoad={setKey} />
        <OpenSealed loaded={key} />
      </section>
    </section>
  );
}

import { useI18n } from '../i18n';

/** Replaces the app when the encryption library cannot run: nothing can be stored safely, so nothing is offered. */
export function CryptoFailure({ missing }: { missing: string }) {
  const { t } = useI18n();
  return (
    <main id="main" class="crypto-failure">
      <h1>{t('app.name')}</h1>
      <p role="alert">{t('crypto.unavailable', { missing })}</p>
    </main>
  );
}

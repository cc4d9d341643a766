import { useEffect, useState } from 'preact/hooks';
import { isBuktiError } from '../../../core/errors';
import type { MessageKey, MessageParams } from '../../../core/i18n';
import { useI18n } from '../../i18n';
import { session } from '../../state/session';
import { ForgotPassphrase } from './ForgotPassphrase';
import { PassphraseField } from './PassphraseField';

/** Seconds left until `until` (ms epoch), re-rendered every second while positive. */
function useCountdown(until: number | null): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (until === null || until <= Date.now()) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [until]);
  return until === null ? 0 : Math.max(0, Math.ceil((until - now) / 1000));
}

/** The lock screen: one passphrase field. Wrong attempts are told plainly, delays counted down. */
export function UnlockScreen() {
  const { t } = useI18n();
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ key: MessageKey; params?: MessageParams } | null>(null);
  const [attemptsLeft, setAttemptsLeft] = useState<number | null>(null);
  const [retryAt, setRetryAt] = useState<number | null>(null);
  const seconds = useCountdown(retryAt);
  const waiting = seconds > 0;

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy || waiting || passphrase === '') return;
    setBusy(true);
    setMessage(null);
    try {
      const result = await session.unlock(passphrase);
      if (result.kind === 'wrongPassphrase') {
        setPassphrase('');
        setMessage({ key: 'vault.wrongPassphrase' });
        setAttemptsLeft(result.attemptsBeforeErase);
        setRetryAt(result.retryAt > Date.now() ? result.retryAt : null);
      } else if (result.kind === 'wait') {
        setRetryAt(result.until);
      }
    } catch (error) {
      setMessage({
        key: isBuktiError(error) ? error.code : 'error.unexpected',
        params: { detail: 'unlock' },
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="screen vault-screen" data-screen="unlock">
      <h1 tabIndex={-1}>{t('vaultUi.unlock.title')}</h1>
      <p class="intro">{t('vaultUi.unlock.intro')}</p>
      <form onSubmit={submit} noValidate aria-busy={busy}>
        <PassphraseField
          name="passphrase"
          label={t('vaultUi.create.passphrase')}
          value={passphrase}
          onInput={setPassphrase}
          reveal={false}
          autoComplete="current-password"
          invalid={message?.key === 'vault.wrongPassphrase'}
          describedBy="unlock-message"
          focusOnMount
        />
        <div id="unlock-message" aria-live="polite">
          {message && (
            <p class="error" role="alert">
              {t(message.key, message.params)}
            </p>
          )}
          {attemptsLeft !== null && <p class="notice">{t('vault.attemptsLeft', { count: attemptsLeft })}</p>}
          {waiting && <p class="notice">{t('vault.wait', { seconds })}</p>}
          {busy && <p role="status">{t('vaultUi.unlock.working')}</p>}
        </div>
        <button type="submit" class="button primary" disabled={busy || waiting}>
          {t('vaultUi.unlock.submit')}
        </button>
      </form>
      <ForgotPassphrase />
    </section>
  );
}

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

/** The words of the lock screen; behind a discreet cover none of them names the app or what it keeps. */
const WORDS = {
  plain: {
    title: 'vaultUi.unlock.title',
    label: 'vaultUi.create.passphrase',
    submit: 'vaultUi.unlock.submit',
    working: 'vaultUi.unlock.working',
    wrong: 'vault.wrongPassphrase',
    wait: 'vault.wait',
    attemptsLeft: 'vault.attemptsLeft',
  },
  cover: {
    title: 'cover.unlock.title',
    label: 'cover.unlock.label',
    submit: 'cover.unlock.submit',
    working: 'cover.unlock.working',
    wrong: 'cover.unlock.wrong',
    wait: 'cover.unlock.wait',
    attemptsLeft: 'cover.unlock.attemptsLeft',
  },
} as const satisfies Record<string, Record<string, MessageKey>>;

/**
 * The lock screen: one passphrase field. Wrong attempts are told plainly, delays counted down. Behind
 * a discreet cover (`cover`), it uses neutral words and can be closed back to the cover.
 */
export function UnlockScreen({ cover }: { cover?: { onClose: (() => void) | null } } = {}) {
  const { t } = useI18n();
  const words = cover ? WORDS.cover : WORDS.plain;
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
        setMessage({ key: words.wrong });
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
      <h1 tabIndex={-1}>{t(words.title)}</h1>
      {!cover && <p class="intro">{t('vaultUi.unlock.intro')}</p>}
      <form onSubmit={submit} noValidate aria-busy={busy}>
        <PassphraseField
          name={cover ? 'key' : 'passphrase'}
          label={t(words.label)}
          value={passphrase}
          onInput={setPassphrase}
          reveal={false}
          autoComplete="current-password"
          invalid={message?.key === words.wrong}
          describedBy="unlock-message"
          focusOnMount
        />
        <div id="unlock-message" aria-live="polite">
          {message && (
            <p class="error" role="alert">
              {t(message.key, message.params)}
            </p>
          )}
          {attemptsLeft !== null && <p class="notice">{t(words.attemptsLeft, { count: attemptsLeft })}</p>}
          {waiting && <p class="notice">{t(words.wait, { seconds })}</p>}
          {busy && <p role="status">{t(words.working)}</p>}
        </div>
        <button type="submit" class="button primary" disabled={busy || waiting}>
          {t(words.submit)}
        </button>
        {cover?.onClose && (
          <button type="button" class="button" onClick={cover.onClose}>
            {t('cover.unlock.close')}
          </button>
        )}
      </form>
      <ForgotPassphrase label={cover ? 'cover.unlock.forgot' : 'forgot.title'} />
    </section>
  );
}

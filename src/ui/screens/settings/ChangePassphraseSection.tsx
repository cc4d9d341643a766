import { useId, useState } from 'preact/hooks';
import { isBuktiError } from '../../../core/errors';
import type { MessageKey, MessageParams } from '../../../core/i18n';
import { MIN_PASSPHRASE_LENGTH } from '../../../core/vault/format';
import { estimatePassphraseStrength } from '../../../core/vault/strength';
import { useI18n } from '../../i18n';
import { session } from '../../state/session';
import { NewPassphraseField } from '../vault/NewPassphraseField';
import { PassphraseField } from '../vault/PassphraseField';

/** Re-wraps the master key under a new passphrase; evidence is not re-encrypted, so it is quick. */
export function ChangePassphraseSection() {
  const { t } = useI18n();
  const id = useId();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [reveal, setReveal] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ key: MessageKey; params?: MessageParams; ok?: boolean } | null>(
    null,
  );

  const submit = async (event: Event) => {
    event.preventDefault();
    if ([...next].length < MIN_PASSPHRASE_LENGTH) {
      return setMessage({ key: 'vaultUi.create.tooShort', params: { min: MIN_PASSPHRASE_LENGTH } });
    }
    if (!estimatePassphraseStrength(next).acceptable) return setMessage({ key: 'vault.strength.refused' });
    if (next !== confirm) return setMessage({ key: 'vaultUi.create.mismatch' });
    setBusy(true);
    try {
      const result = await session.changePassphrase(current, next);
      if (result.kind === 'ok') {
        setMessage({ key: 'settings.passphrase.done', ok: true });
        setNext('');
        setConfirm('');
        setReveal(false);
      } else if (result.kind === 'wait') {
        setMessage({ key: 'vault.wait', params: { seconds: Math.ceil((result.until - Date.now()) / 1000) } });
      } else {
        setMessage({ key: 'vault.wrongPassphrase' });
      }
    } catch (error) {
      setMessage({
        key: isBuktiError(error) ? error.code : 'error.unexpected',
        params: { detail: 'passphrase' },
      });
    } finally {
      setCurrent('');
      setBusy(false);
    }
  };

  return (
    <section class="card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('settings.passphrase.title')}</h2>
      <form onSubmit={submit} aria-busy={busy} noValidate>
        <PassphraseField
          name="current-passphrase"
          label={t('settings.passphrase.current')}
          value={current}
          onInput={setCurrent}
          reveal={false}
          autoComplete="current-password"
        />
        <NewPassphraseField
          name="new-passphrase"
          label={t('settings.passphrase.new')}
          value={next}
          onInput={setNext}
          onSuggested={(suggested) => {
            setNext(suggested);
            setConfirm(suggested);
            setReveal(true);
          }}
          reveal={reveal}
        />
        <PassphraseField
          name="confirm-passphrase"
          label={t('settings.passphrase.confirm')}
          value={confirm}
          onInput={setConfirm}
          reveal={reveal}
          autoComplete="new-password"
        />
        <button type="submit" class="button" disabled={busy}>
          {t('settings.passphrase.submit')}
        </button>
        {message && (
          <p class={message.ok ? 'ok' : 'error'} role={message.ok ? 'status' : 'alert'}>
            {t(message.key, message.params)}
          </p>
        )}
      </form>
    </section>
  );
}

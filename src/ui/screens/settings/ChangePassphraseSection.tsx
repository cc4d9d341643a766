import { useId, useState } from 'preact/hooks';
import { isBuktiError } from '../../../core/errors';
import type { MessageKey, MessageParams } from '../../../core/i18n';
import { MIN_PASSPHRASE_LENGTH } from '../../../core/vault/format';
import { estimatePassphraseStrength } from '../../../core/vault/strength';
import { useI18n } from '../../i18n';
import { session } from '../../state/session';
import { NewPassphrasePair } from '../vault/NewPassphraseField';
import { PassphraseField } from '../vault/PassphraseField';

/**
 * Re-wraps the master key under a new passphrase (quick: evidence is not re-encrypted), or, with
 * "someone knows my passphrase", replaces every key and re-encrypts everything in the background.
 */
export function ChangePassphraseSection() {
  const { t } = useI18n();
  const id = useId();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [reveal, setReveal] = useState(false);
  const [rekey, setRekey] = useState(false);
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
      const result = session.afterCheck(
        rekey
          ? await session.structural('rekey', () => session.vault.rotateKeys(current, next))
          : await session.changePassphrase(current, next),
      );
      if (result.kind === 'ok') {
        if (rekey) await session.refreshSummary();
        setMessage({ key: rekey ? 'vault.rotationPending' : 'settings.passphrase.done', ok: true });
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
        <NewPassphrasePair
          names={['new-passphrase', 'confirm-passphrase']}
          labels={[t('settings.passphrase.new'), t('settings.passphrase.confirm')]}
          value={next}
          confirm={confirm}
          reveal={reveal}
          onValue={setNext}
          onConfirm={setConfirm}
          onReveal={setReveal}
        />
        <label class="check">
          <input
            type="checkbox"
            name="rekey"
            checked={rekey}
            onChange={(e) => setRekey((e.currentTarget as HTMLInputElement).checked)}
          />
          {t('rekey.title')}
        </label>
        {rekey && (
          <div class="warning" role="note">
            <p>{t('rekey.explain')}</p>
            <p>{t('rekey.oldBackups')}</p>
          </div>
        )}
        <button type="submit" class="button" disabled={busy}>
          {t(rekey ? 'rekey.submit' : 'settings.passphrase.submit')}
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

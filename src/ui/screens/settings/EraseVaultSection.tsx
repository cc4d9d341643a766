import { useId, useState } from 'preact/hooks';
import { isBuktiError } from '../../../core/errors';
import type { MessageKey, MessageParams } from '../../../core/i18n';
import { useI18n } from '../../i18n';
import { session } from '../../state/session';
import { PassphraseField } from '../vault/PassphraseField';
import { passphraseCheckMessage } from './passphrase-message';

/** The words of an erase form: the confirmation word, its prompt, the mismatch message and the button. */
export interface EraseWords {
  word: MessageKey;
  typeWord: MessageKey;
  mismatch: MessageKey;
  submit: MessageKey;
}

const SETTINGS_WORDS: EraseWords = {
  word: 'settings.erase.word',
  typeWord: 'settings.erase.typeWord',
  mismatch: 'settings.erase.mismatch',
  submit: 'settings.erase.submit',
};

/**
 * Deletes the vault after the person types the confirmation word of the current language and the
 * passphrase: someone holding the phone unlocked cannot wipe the evidence in one tap, and a wrong
 * passphrase here counts against the lockout like anywhere else.
 */
export function EraseVaultForm({ words, askPassphrase }: { words: EraseWords; askPassphrase: boolean }) {
  const { t } = useI18n();
  const id = useId();
  const [typed, setTyped] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [busy, setBusy] = useState(false);
  const [refused, setRefused] = useState<{ key: MessageKey; params?: MessageParams } | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const word = t(words.word);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (typed.trim().toUpperCase() !== word.toUpperCase()) return setMismatch(true);
    if (askPassphrase && passphrase === '') return setRefused({ key: 'vault.eraseNeedsPassphrase' });
    setBusy(true);
    setRefused(null);
    try {
      setRefused(passphraseCheckMessage(await session.erase(askPassphrase ? passphrase : null)));
    } catch (error) {
      // Another tab is changing the vault (or storage failed): nothing was erased; say why.
      setRefused({ key: isBuktiError(error) ? error.code : 'error.unexpected', params: { detail: 'erase' } });
    } finally {
      setPassphrase('');
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} aria-busy={busy}>
      <div class="field">
        <label for={id}>{t(words.typeWord, { word })}</label>
        <input
          id={id}
          name="erase-confirm"
          value={typed}
          autoComplete="off"
          onInput={(e) => {
            setTyped((e.currentTarget as HTMLInputElement).value);
            setMismatch(false);
          }}
        />
      </div>
      {askPassphrase && (
        <PassphraseField
          name="erase-passphrase"
          label={t('settings.erase.passphrase')}
          value={passphrase}
          onInput={(value) => {
            setPassphrase(value);
            setRefused(null);
          }}
          reveal={false}
          autoComplete="current-password"
        />
      )}
      {mismatch && (
        <p class="error" role="alert">
          {t(words.mismatch, { word })}
        </p>
      )}
      {refused && (
        <p class="error" role="alert">
          {t(refused.key, refused.params)}
        </p>
      )}
      <button type="submit" class="button danger" disabled={busy}>
        {t(words.submit)}
      </button>
    </form>
  );
}

/** Settings: erase the vault and everything in it. */
export function EraseVaultSection() {
  const { t } = useI18n();
  const id = useId();
  return (
    <section class="card danger" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('settings.erase.title')}</h2>
      <p>{t('settings.erase.explain')}</p>
      <EraseVaultForm words={SETTINGS_WORDS} askPassphrase />
    </section>
  );
}

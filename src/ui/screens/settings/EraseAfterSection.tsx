import { useId, useState } from 'preact/hooks';
import type { MessageKey } from '../../../core/i18n';
import { ERASE_AFTER_CHOICES, type EraseAfterFailures } from '../../../core/vault/format';
import { useI18n } from '../../i18n';
import { session, useSession } from '../../state/session';
import { PassphraseField } from '../vault/PassphraseField';

/** "Erase this vault after N wrong passphrases": off by default; changing it asks for the passphrase. */
export function EraseAfterSection() {
  const { t } = useI18n();
  const id = useId();
  const state = useSession();
  const current = state.status === 'unlocked' ? state.summary.eraseAfterFailures : 0;
  const [choice, setChoice] = useState<EraseAfterFailures>(current);
  const [passphrase, setPassphrase] = useState('');
  const [message, setMessage] = useState<MessageKey | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    const result = session.afterCheck(await session.vault.setEraseAfterFailures(passphrase, choice));
    setBusy(false);
    setPassphrase('');
    setMessage(
      result.kind === 'ok'
        ? 'settings.saved'
        : result.kind === 'wait'
          ? 'vault.locked'
          : 'vault.wrongPassphrase',
    );
  };

  return (
    <section class="card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('settings.eraseAfter.title')}</h2>
      <p>{t('settings.eraseAfter.explain')}</p>
      <form onSubmit={submit} aria-busy={busy}>
        <div class="field">
          <label for={id}>{t('settings.eraseAfter.label')}</label>
          <select
            id={id}
            value={String(choice)}
            onChange={(e) =>
              setChoice(Number((e.currentTarget as HTMLSelectElement).value) as EraseAfterFailures)
            }
          >
            {ERASE_AFTER_CHOICES.map((n) => (
              <option key={n} value={String(n)}>
                {n === 0 ? t('settings.eraseAfter.off') : t('settings.eraseAfter.count', { count: n })}
              </option>
            ))}
          </select>
        </div>
        <PassphraseField
          name="erase-after-passphrase"
          label={t('settings.eraseAfter.passphrase')}
          value={passphrase}
          onInput={setPassphrase}
          reveal={false}
          autoComplete="current-password"
        />
        <button type="submit" class="button" disabled={busy || passphrase === ''}>
          {t('settings.eraseAfter.save')}
        </button>
        <p role="status">{message ? t(message) : ''}</p>
      </form>
    </section>
  );
}

import { useState } from 'preact/hooks';
import { isBuktiError } from '../../../core/errors';
import type { MessageKey } from '../../../core/i18n';
import { MIN_PASSPHRASE_LENGTH } from '../../../core/vault/format';
import { estimatePassphraseStrength } from '../../../core/vault/strength';
import { Disclosure } from '../../components/Disclosure';
import { useI18n } from '../../i18n';
import { session, useSession } from '../../state/session';
import { RestoreSection } from '../backup/RestoreSection';
import { DiscreetChooser } from '../settings/DiscreetChooser';
import { NewPassphrasePair } from './NewPassphraseField';

/** First use: choose a passphrase, understand it cannot be recovered, create the vault. */
export function CreateVaultScreen({ erasedAfterFailures = false }: { erasedAfterFailures?: boolean }) {
  const { t } = useI18n();
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [reveal, setReveal] = useState(false);
  const [agreed, setAgreed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{
    key: MessageKey;
    params?: Record<string, string | number>;
  } | null>(null);
  useSession();
  // A restore running in this tab owns the device until it ends: no second vault meanwhile.
  const restoring = session.activity === 'restore';

  const submit = async (event: Event) => {
    event.preventDefault();
    if (restoring) return;
    if ([...passphrase].length < MIN_PASSPHRASE_LENGTH) {
      setProblem({ key: 'vaultUi.create.tooShort', params: { min: MIN_PASSPHRASE_LENGTH } });
      return;
    }
    if (!estimatePassphraseStrength(passphrase).acceptable)
      return setProblem({ key: 'vault.strength.refused' });
    if (passphrase !== confirm) return setProblem({ key: 'vaultUi.create.mismatch' });
    if (!agreed) return setProblem({ key: 'vaultUi.create.mustAgree' });
    setProblem(null);
    setBusy(true);
    try {
      await session.create(passphrase);
    } catch (error) {
      setProblem({
        key: isBuktiError(error) ? error.code : 'error.unexpected',
        params: { detail: 'create' },
      });
      setBusy(false);
    }
  };

  return (
    <section class="screen vault-screen" data-screen="create-vault">
      <h1 tabIndex={-1}>{t('vaultUi.create.title')}</h1>
      {erasedAfterFailures && (
        <p class="notice" role="alert">
          {t('vault.erasedAfterFailures')}
        </p>
      )}
      <p class="intro">{t('vaultUi.create.intro')}</p>
      {/* Before the vault and before installing: the home-screen icon takes the look chosen now. */}
      <Disclosure label={t('discreet.setUp')}>
        <DiscreetChooser />
      </Disclosure>
      <form onSubmit={submit} noValidate aria-busy={busy}>
        <NewPassphrasePair
          names={['passphrase', 'confirm']}
          labels={[t('vaultUi.create.passphrase'), t('vaultUi.create.confirm')]}
          value={passphrase}
          confirm={confirm}
          reveal={reveal}
          onValue={setPassphrase}
          onConfirm={setConfirm}
          onReveal={setReveal}
          focusOnMount
        />
        <label class="check">
          <input
            type="checkbox"
            checked={reveal}
            onChange={(e) => setReveal((e.currentTarget as HTMLInputElement).checked)}
          />
          {t('vaultUi.create.show')}
        </label>
        <div class="warning" role="note">
          <h2>{t('vaultUi.create.warningTitle')}</h2>
          <p>{t('vaultUi.create.warning')}</p>
          <label class="check">
            <input
              type="checkbox"
              name="understand"
              checked={agreed}
              onChange={(e) => setAgreed((e.currentTarget as HTMLInputElement).checked)}
            />
            {t('vaultUi.create.understand')}
          </label>
        </div>
        {problem && (
          <p class="error" role="alert">
            {t(problem.key, problem.params)}
          </p>
        )}
        {busy && (
          <p class="working" role="status">
            {t('vaultUi.create.working')}
          </p>
        )}
        {restoring && <p class="notice">{t('tabs.createDuringRestore')}</p>}
        <button type="submit" class="button primary" disabled={busy || restoring}>
          {t('vaultUi.create.submit')}
        </button>
      </form>
      <RestoreSection />
    </section>
  );
}

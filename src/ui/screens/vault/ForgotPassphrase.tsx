import type { MessageKey } from '../../../core/i18n';
import { Disclosure } from '../../components/Disclosure';
import { useI18n } from '../../i18n';
import { EraseVaultForm } from '../settings/EraseVaultSection';

/**
 * The lock screen's way on for someone who cannot remember the passphrase: it cannot be recovered, but
 * a backup can be restored once this vault is erased (the first-use screen then offers the restore).
 * Behind a discreet cover its closed label is neutral (`label`); what it says opens only on request.
 */
export function ForgotPassphrase({ label = 'forgot.title' }: { label?: MessageKey }) {
  const { t } = useI18n();
  return (
    <Disclosure label={t(label)}>
      <p>{t('forgot.explain')}</p>
      <p>{t('forgot.noBackup')}</p>
      <EraseVaultForm
        askPassphrase={false}
        words={{
          word: 'forgot.word',
          typeWord: 'forgot.typeWord',
          mismatch: 'forgot.mismatch',
          submit: 'forgot.submit',
        }}
      />
    </Disclosure>
  );
}

import { useId, useState } from 'preact/hooks';
import { checkSealFor, parseRecipients, type SealFor } from '../../../core/seal';
import { useI18n } from '../../i18n';
import { QrScan } from './QrScan';

/** What the "who can open it" fields hold, and their setters. */
export interface SealTarget {
  mode: 'keys' | 'passphrase';
  setMode(mode: 'keys' | 'passphrase'): void;
  recipients: string;
  setRecipients(update: string | ((now: string) => string)): void;
  passphrase: string;
  setPassphrase(passphrase: string): void;
}

export function useSealTarget(): SealTarget {
  const [mode, setMode] = useState<'keys' | 'passphrase'>('keys');
  const [recipients, setRecipients] = useState('');
  const [passphrase, setPassphrase] = useState('');
  return { mode, setMode, recipients, setRecipients, passphrase, setPassphrase };
}

/**
 * Whom the fields name. Throws the typed error to show (a key mistyped, named; none given; an empty
 * passphrase) before any save dialog opens, so a mistake never leaves an empty file behind.
 */
export function sealForOf(target: SealTarget): SealFor {
  const to: SealFor =
    target.mode === 'keys'
      ? { recipients: parseRecipients(target.recipients) }
      : { passphrase: target.passphrase };
  checkSealFor(to);
  return to;
}

const MODES = [
  ['keys', 'sealUi.seal.modeKeys'],
  ['passphrase', 'sealUi.seal.modePassphrase'],
] as const;

/**
 * Who can open a sealed bundle: recipients' age keys (typed, pasted, or scanned from a QR code with the
 * camera or from a photo), or a passphrase told another way. Shared by the Seal screen and the export.
 */
export function SealTargetFields({ target, disabled = false }: { target: SealTarget; disabled?: boolean }) {
  const { t } = useI18n();
  const id = useId();
  const [scanning, setScanning] = useState(false);
  return (
    <>
      <fieldset disabled={disabled}>
        <legend>{t('sealUi.seal.forWhom')}</legend>
        {MODES.map(([mode, label]) => (
          <label class="check" key={mode}>
            <input
              type="radio"
              name={`${id}-mode`}
              checked={target.mode === mode}
              onChange={() => target.setMode(mode)}
            />
            {t(label)}
          </label>
        ))}
      </fieldset>
      {target.mode === 'keys' ? (
        <>
          <label class="field">
            <span>{t('sealUi.seal.recipients')}</span>
            <textarea
              rows={3}
              spellcheck={false}
              autocomplete="off"
              disabled={disabled}
              data-testid="seal-recipients"
              value={target.recipients}
              onInput={(event) => target.setRecipients(event.currentTarget.value)}
            />
          </label>
          <button
            type="button"
            class="button small"
            disabled={disabled}
            aria-expanded={scanning}
            onClick={() => setScanning(!scanning)}
          >
            {t('sealUi.scan.open')}
          </button>
          {scanning && (
            <QrScan
              onText={(text) => {
                target.setRecipients((now) => (now.trim() ? `${now.trim()}\n${text.trim()}` : text.trim()));
                setScanning(false);
              }}
            />
          )}
        </>
      ) : (
        <label class="field">
          <span>{t('sealUi.seal.passphrase')}</span>
          <input
            type="password"
            autocomplete="new-password"
            disabled={disabled}
            data-testid="seal-passphrase"
            value={target.passphrase}
            onInput={(event) => target.setPassphrase(event.currentTarget.value)}
          />
          <small>{t('sealUi.seal.passphraseHint')}</small>
        </label>
      )}
    </>
  );
}

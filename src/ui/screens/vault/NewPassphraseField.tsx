import { useState } from 'preact/hooks';
import { MIN_PASSPHRASE_LENGTH } from '../../../core/vault/format';
import { estimatePassphraseStrength } from '../../../core/vault/strength';
import { useI18n } from '../../i18n';
import { session } from '../../state/session';
import { PassphraseField } from './PassphraseField';

/**
 * The field where a new passphrase is chosen (creating the vault, changing the passphrase): a strength
 * meter with advice, and a button that suggests a passphrase of five random common words in the
 * language the app is shown in. A suggestion is shown in clear, so it can be written down.
 */
export function NewPassphraseField(props: {
  name: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  /** Called with a suggestion, so the confirmation can be filled and the passphrase shown. */
  onSuggested: (passphrase: string) => void;
  reveal: boolean;
  focusOnMount?: boolean;
}) {
  const { t, locale } = useI18n();
  const [suggestFailed, setSuggestFailed] = useState(false);
  const strength = estimatePassphraseStrength(props.value);
  const meterId = `${props.name}-strength`;
  const suggest = async () => {
    try {
      const passphrase = await session.suggestPassphrase(locale === 'ms' ? 'ms' : 'en');
      setSuggestFailed(false);
      props.onSuggested(passphrase);
    } catch {
      setSuggestFailed(true);
    }
  };
  return (
    <>
      <PassphraseField
        name={props.name}
        label={props.label}
        value={props.value}
        onInput={props.onInput}
        reveal={props.reveal}
        autoComplete="new-password"
        describedBy={meterId}
        focusOnMount={props.focusOnMount}
      />
      <div id={meterId} class={`strength strength-${strength.score}`} aria-live="polite">
        <meter min={0} max={4} value={props.value ? strength.score : 0} aria-hidden="true" />
        <span>{t('vaultUi.strength.label', { level: t(strength.label) })}</span>
        {props.value && strength.hints.length > 0 && (
          <ul class="hints">
            {strength.hints.map((hint) => (
              <li key={hint}>{t(hint, { min: MIN_PASSPHRASE_LENGTH })}</li>
            ))}
          </ul>
        )}
      </div>
      <p class="muted">{t('vaultUi.noBrowserSave')}</p>
      <p>
        <button type="button" class="button small" onClick={suggest}>
          {t('vaultUi.suggest')}
        </button>
      </p>
      {suggestFailed && (
        <p class="error" role="alert">
          {t('vaultUi.suggestFailed')}
        </p>
      )}
    </>
  );
}

/**
 * A new passphrase and the field that repeats it, shown or hidden together; a suggestion fills both and
 * shows them, so it can be written down.
 */
export function NewPassphrasePair(props: {
  names: [string, string];
  labels: [string, string];
  value: string;
  confirm: string;
  reveal: boolean;
  onValue: (value: string) => void;
  onConfirm: (value: string) => void;
  onReveal: (reveal: boolean) => void;
  focusOnMount?: boolean;
}) {
  return (
    <>
      <NewPassphraseField
        name={props.names[0]}
        label={props.labels[0]}
        value={props.value}
        onInput={props.onValue}
        onSuggested={(suggested) => {
          props.onValue(suggested);
          props.onConfirm(suggested);
          props.onReveal(true);
        }}
        reveal={props.reveal}
        focusOnMount={props.focusOnMount}
      />
      <PassphraseField
        name={props.names[1]}
        label={props.labels[1]}
        value={props.confirm}
        onInput={props.onConfirm}
        reveal={props.reveal}
        autoComplete="new-password"
      />
    </>
  );
}

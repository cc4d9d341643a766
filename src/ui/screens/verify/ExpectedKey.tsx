import { useId } from 'preact/hooks';
import { useI18n } from '../../i18n';

interface ExpectedKeyProps {
  value: string;
  /** The typed text is not a fingerprint; the check waits until it is corrected or cleared. */
  invalid: boolean;
  onInput: (value: string) => void;
}

/** The fingerprint the reader was handed (key card, report cover), so the verdict can say who signed. */
export function ExpectedKey({ value, invalid, onInput }: ExpectedKeyProps) {
  const { t } = useI18n();
  const id = useId();
  return (
    <div class="verify-key">
      <label for={id}>{t('verifyUi.key.label')}</label>
      <p id={`${id}-hint`} class="muted">
        {t('verifyUi.key.hint')}
      </p>
      <input
        id={id}
        type="text"
        inputMode="text"
        autoComplete="off"
        autoCapitalize="off"
        spellcheck={false}
        value={value}
        aria-invalid={invalid}
        aria-describedby={invalid ? `${id}-hint ${id}-error` : `${id}-hint`}
        data-testid="expected-key"
        onInput={(event) => onInput(event.currentTarget.value)}
      />
      {invalid && (
        <p id={`${id}-error`} class="field-error" role="alert">
          {t('verifyUi.key.invalid')}
        </p>
      )}
    </div>
  );
}

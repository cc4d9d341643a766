import type { MessageKey } from '../../core/i18n';
import { useI18n } from '../i18n';

/** A labelled one-line field with an optional hint and problem, both tied to it for screen readers. */
export function TextInput({
  id,
  label,
  value,
  onInput,
  type = 'text',
  inputMode,
  hint,
  problem,
}: {
  id: string;
  label: MessageKey;
  value: string;
  /** Gets the field itself too, so date and time fields can report a half-typed value. */
  onInput: (value: string, field: HTMLInputElement) => void;
  type?: 'text' | 'date' | 'time';
  inputMode?: 'text' | 'url';
  hint?: string;
  problem?: MessageKey;
}) {
  const { t } = useI18n();
  const described = [hint && `${id}-hint`, problem && `${id}-problem`].filter(Boolean).join(' ');
  return (
    <div class="field">
      <label for={id}>{t(label)}</label>
      <input
        id={id}
        // Preact's types narrow per input type; all three take the same attributes here.
        type={type as 'text'}
        inputMode={inputMode}
        // Case data must not end up in the browser's autofill store.
        autoComplete="off"
        value={value}
        aria-invalid={problem ? 'true' : undefined}
        aria-describedby={described || undefined}
        onInput={(e) => onInput(e.currentTarget.value, e.currentTarget)}
      />
      {hint && <small id={`${id}-hint`}>{hint}</small>}
      {problem && (
        <p id={`${id}-problem`} class="error">
          {t(problem)}
        </p>
      )}
    </div>
  );
}

import { useId } from 'preact/hooks';
import type { MessageKey } from '../../../core/i18n';
import { useI18n } from '../../i18n';

/**
 * A labelled text input (or textarea) with an optional hint and the message of what is wrong with it,
 * both tied to the input for screen readers. The value stays exactly as typed whatever the message.
 */
export function TextField(props: {
  name: string;
  label: MessageKey;
  value: string;
  onInput: (value: string) => void;
  hint?: MessageKey;
  problem?: MessageKey;
  inputMode?: 'text' | 'url' | 'tel' | 'email';
  multiline?: boolean;
}) {
  const { t } = useI18n();
  const id = useId();
  const described = [props.hint && `${id}-hint`, props.problem && `${id}-problem`].filter(Boolean);
  const common = {
    id,
    name: props.name,
    value: props.value,
    'aria-describedby': described.length > 0 ? described.join(' ') : undefined,
    'aria-invalid': props.problem ? ('true' as const) : undefined,
    onInput: (event: Event) => props.onInput((event.currentTarget as HTMLInputElement).value),
  };
  return (
    <div class="field">
      <label for={id}>{t(props.label)}</label>
      {props.multiline ? (
        <textarea {...common} rows={3} autoComplete="off" />
      ) : (
        <input {...common} type="text" inputMode={props.inputMode ?? 'text'} spellcheck={false} />
      )}
      {props.hint && <small id={`${id}-hint`}>{t(props.hint)}</small>}
      {props.problem && (
        <p id={`${id}-problem`} class="field-problem">
          {t(props.problem)}
        </p>
      )}
    </div>
  );
}

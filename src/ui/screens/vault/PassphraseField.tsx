import { useEffect, useId, useRef } from 'preact/hooks';

/** A labelled passphrase input that never autocompletes, autocorrects or spell-checks what is typed. */
export function PassphraseField(props: {
  label: string;
  value: string;
  onInput: (value: string) => void;
  reveal: boolean;
  autoComplete: 'new-password' | 'current-password';
  describedBy?: string;
  invalid?: boolean;
  /** Puts the cursor here when the screen opens (lock screen, create screen). */
  focusOnMount?: boolean;
  name: string;
}) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (props.focusOnMount) input.current?.focus();
  }, [props.focusOnMount]);
  const common = {
    id,
    name: props.name,
    value: props.value,
  };
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <input
        {...common}
        {...(props.reveal ? { type: 'text' as const } : { type: 'password' as const })}
        onInput={(event) => props.onInput((event.currentTarget as HTMLInputElement).value)}
        autoComplete={props.autoComplete}
        autoCapitalize="off"
        autoCorrect="off"
        spellcheck={false}
        aria-describedby={props.describedBy}
        aria-invalid={props.invalid ? 'true' : undefined}
        ref={input}
        required
      />
    </div>
  );
}

import type { RefObject } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { isBuktiError } from '../../../core/errors';
import type { MessageKey, MessageParams } from '../../../core/i18n';
import { useI18n } from '../../i18n';

/** Why a save did not happen, as a message with its parameters. */
export interface Failure {
  key: MessageKey;
  params: MessageParams;
}

/** The message for an error thrown by the vault; anything unexpected gets the generic one. */
export function failureOf(error: unknown): Failure {
  return isBuktiError(error)
    ? { key: error.code, params: { detail: 'case', ...error.params } }
    : { key: 'error.unexpected', params: { detail: 'case' } };
}

/** A save that did not happen, said at once to screen readers; what was typed stays in the form. */
export function FailureMessage({ failure }: { failure: Failure | null }) {
  const { t } = useI18n();
  if (failure === null) return null;
  return (
    <p class="error" role="alert">
      {t(failure.key, failure.params)}
    </p>
  );
}

/** The end of a details form: why the last save failed (if it did), then Save and Cancel. */
export function SaveOrCancel(props: {
  failure: Failure | null;
  busy: boolean;
  save: MessageKey;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  return (
    <>
      <FailureMessage failure={props.failure} />
      <p class="capture-buttons">
        <button type="submit" class="button primary" disabled={props.busy}>
          {t(props.save)}
        </button>
        <button type="button" class="button" onClick={props.onCancel}>
          {t('cases.cancel')}
        </button>
      </p>
    </>
  );
}

/**
 * Focus for a form that opens in place of a button: opening puts the cursor in the form's first field,
 * closing returns it to the button, so keyboard and screen-reader users stay where they were.
 */
export function useFormFocus(open: boolean): {
  form: RefObject<HTMLFormElement | null>;
  toggle: RefObject<HTMLButtonElement | null>;
} {
  const form = useRef<HTMLFormElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  useLayoutEffect(() => {
    if (open) form.current?.querySelector('input')?.focus();
    else if (wasOpen.current) toggle.current?.focus();
    wasOpen.current = open;
  }, [open]);
  return { form, toggle };
}

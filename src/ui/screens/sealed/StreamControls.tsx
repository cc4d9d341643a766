import type { ComponentChildren } from 'preact';
import type { MessageKey } from '../../../core/i18n';
import { formatBytes } from '../../format';
import { useI18n } from '../../i18n';

/**
 * Start and Cancel for a file streamed through a worker (sealed or opened), and the status line that
 * says how far it has come; `children` (the outcome) are read out in the same status.
 */
export function StreamControls(props: {
  start: string;
  file: File | null;
  /** Bytes done so far; null while nothing runs. */
  done: number | null;
  progress: MessageKey;
  onStart: () => void;
  onCancel: () => void;
  children?: ComponentChildren;
}) {
  const { t, locale } = useI18n();
  const { file, done } = props;
  return (
    <>
      <div class="sealed-actions">
        <button
          type="button"
          class="button primary"
          disabled={!file || done !== null}
          onClick={props.onStart}
        >
          {props.start}
        </button>
        {done !== null && (
          <button type="button" class="button" onClick={props.onCancel}>
            {t('sealUi.cancel')}
          </button>
        )}
      </div>
      <div role="status" class="sealed-status">
        {done !== null && file && (
          <p>
            {t(props.progress, { done: formatBytes(done, locale), total: formatBytes(file.size, locale) })}
          </p>
        )}
        {props.children}
      </div>
    </>
  );
}

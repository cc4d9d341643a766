import { useEffect, useId, useRef } from 'preact/hooks';
import { useI18n } from '../../i18n';
import { formatBytes } from './format';

interface CheckProgressProps {
  bytesDone: number;
  /** 0 until the worker has read the ZIP directory: the bar is then indeterminate. */
  bytesTotal: number;
  onCancel: () => void;
}

/** The progress bar and the Cancel button, which takes focus so the keyboard is never left nowhere. */
export function CheckProgress({ bytesDone, bytesTotal, onCancel }: CheckProgressProps) {
  const { t, locale } = useI18n();
  const id = useId();
  const cancel = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    cancel.current?.focus();
  }, []);

  return (
    <div class="card verify-progress">
      <p id={`${id}-label`} class="visually-hidden">
        {t('verifyUi.progress.label')}
      </p>
      <progress
        aria-labelledby={`${id}-label`}
        max={bytesTotal > 0 ? bytesTotal : undefined}
        value={bytesTotal > 0 ? bytesDone : undefined}
      />
      {bytesTotal > 0 && (
        <p class="verify-progress-text">
          {t('verifyUi.progress', {
            done: formatBytes(bytesDone, locale),
            total: formatBytes(bytesTotal, locale),
          })}
        </p>
      )}
      <button ref={cancel} type="button" class="button" onClick={onCancel}>
        {t('verifyUi.cancel')}
      </button>
    </div>
  );
}

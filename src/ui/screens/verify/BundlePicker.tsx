import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { useI18n } from '../../i18n';

interface BundlePickerProps {
  onFile: (file: File) => void;
  /** More than one file was dropped. */
  onSeveral: () => void;
  /** Move focus to the picker when it appears (after a check, not on arrival at the screen). */
  focusOnMount: boolean;
}

/**
 * A file input whose label is also the drop zone: keyboard users tab to the input and press Enter or
 * Space, pointer users click anywhere in the zone or drop a file on it.
 */
export function BundlePicker({ onFile, onSeveral, focusOnMount }: BundlePickerProps) {
  const { t } = useI18n();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);

  useEffect(() => {
    if (focusOnMount) input.current?.focus();
  }, [focusOnMount]);

  const take = (files: FileList | null | undefined) => {
    if (!files || files.length === 0) return;
    const [file] = files;
    if (files.length > 1 || !file) onSeveral();
    else onFile(file);
  };

  // A bundle dropped just beside the zone is checked too, instead of the browser opening or saving it.
  const latestTake = useRef(take);
  latestTake.current = take;
  useEffect(() => {
    const allow = (event: DragEvent) => event.preventDefault();
    const drop = (event: DragEvent) => {
      if (event.defaultPrevented) return;
      event.preventDefault();
      latestTake.current(event.dataTransfer?.files);
    };
    window.addEventListener('dragover', allow);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', allow);
      window.removeEventListener('drop', drop);
    };
  }, []);

  const onDragOver = (event: DragEvent) => {
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    setDragging(true);
  };

  return (
    <div class="verify-picker">
      <input
        ref={input}
        id={id}
        type="file"
        class="drop-input"
        aria-describedby={`${id}-drop`}
        onChange={(event) => {
          const target = event.currentTarget;
          take(target.files);
          // Cleared so that choosing the same file again, after a change on disk, checks it again.
          target.value = '';
        }}
      />
      <label
        for={id}
        class={dragging ? 'drop-zone dragging' : 'drop-zone'}
        onDragEnter={onDragOver}
        onDragOver={onDragOver}
        onDragLeave={() => setDragging(false)}
        onDrop={(event) => {
          event.preventDefault();
          setDragging(false);
          take(event.dataTransfer?.files);
        }}
      >
        <svg class="drop-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d="M12 3 6 9h4v6h4V9h4zM4 17v4h16v-4h-2v2H6v-2z" />
        </svg>
        <span class="drop-choose">{t('verifyUi.pick.choose')}</span>
        <span id={`${id}-drop`} class="drop-hint">
          {t('verifyUi.pick.drop')}
        </span>
      </label>
    </div>
  );
}

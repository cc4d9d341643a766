import { useLayoutEffect, useState } from 'preact/hooks';
import { useI18n } from '../../i18n';
import { captureScreenFrame } from './media';

/** What the person chose to keep; a link or message may arrive already pasted. */
export type Chosen =
  | { kind: 'files'; files: File[] }
  | { kind: 'link'; link: string }
  | { kind: 'message'; text: string };

/** A notice from this step: the screen capture was cancelled or cannot run here. */
type Notice = 'capture.screenCancelled' | 'capture.screenUnavailable';

/**
 * Step 1, "What do you want to keep?": large choices that work by touch and keyboard, plus drop and
 * paste for those at a computer. Choosing files moves on to the details at once.
 */
export function WhatStep({ onChosen }: { onChosen: (chosen: Chosen) => void }) {
  const { t } = useI18n();
  const [dragging, setDragging] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const canCaptureScreen = typeof navigator.mediaDevices?.getDisplayMedia === 'function';

  const files = (list: FileList | File[] | null | undefined) => {
    const chosen = Array.from(list ?? []);
    if (chosen.length > 0) onChosen({ kind: 'files', files: chosen });
  };
  const fromInput = (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const chosen = Array.from(input.files ?? []);
    input.value = '';
    files(chosen);
  };
  const screen = async () => {
    try {
      const frame = await captureScreenFrame();
      if (frame) files([frame]);
      else setNotice('capture.screenCancelled');
    } catch {
      setNotice('capture.screenUnavailable');
    }
  };

  // Paste anywhere on this step: an image becomes a file, a link a link item, other text a message.
  // Listening from the moment the step is on screen, so an early paste is not lost.
  useLayoutEffect(() => {
    const onPaste = (event: ClipboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target && /^(INPUT|TEXTAREA)$/.test(target.tagName)) return;
      const pastedFiles = Array.from(event.clipboardData?.files ?? []);
      const text = event.clipboardData?.getData('text/plain') ?? '';
      if (pastedFiles.length > 0) onChosen({ kind: 'files', files: pastedFiles });
      else if (/^https?:\/\/\S+$/i.test(text.trim())) onChosen({ kind: 'link', link: text.trim() });
      else if (text.trim()) onChosen({ kind: 'message', text });
      else return;
      event.preventDefault();
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  }, [onChosen]);

  return (
    <section
      class={`what-step capture-drop${dragging ? ' dragging' : ''}`}
      data-testid="drop-zone"
      aria-labelledby="what-step-h"
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        files(e.dataTransfer?.files);
      }}
    >
      <h2 id="what-step-h" tabIndex={-1}>
        {t('flow.what.title')}
      </h2>
      <ul class="what-choices">
        <li>
          <label class="choice file-button">
            <strong>{t('flow.what.file')}</strong>
            <small>{t('flow.what.fileHint')}</small>
            <input
              type="file"
              multiple
              class="visually-hidden"
              onChange={fromInput}
              data-testid="file-input"
            />
          </label>
        </li>
        <li>
          <label class="choice file-button">
            <strong>{t('flow.what.photo')}</strong>
            <input
              type="file"
              accept="image/*,video/*"
              capture="environment"
              class="visually-hidden"
              onChange={fromInput}
              data-testid="camera-input"
            />
          </label>
        </li>
        <li>
          <button type="button" class="choice" onClick={() => onChosen({ kind: 'link', link: '' })}>
            <strong>{t('flow.what.link')}</strong>
            <small>{t('flow.what.linkHint')}</small>
          </button>
        </li>
        <li>
          <button type="button" class="choice" onClick={() => onChosen({ kind: 'message', text: '' })}>
            <strong>{t('flow.what.message')}</strong>
            <small>{t('flow.what.messageHint')}</small>
          </button>
        </li>
        <li>
          <label class="choice file-button">
            <strong>{t('flow.what.audio')}</strong>
            <input type="file" accept="audio/*" capture="user" class="visually-hidden" onChange={fromInput} />
          </label>
        </li>
        {canCaptureScreen && (
          <li>
            <button type="button" class="choice" onClick={screen}>
              <strong>{t('flow.what.screen')}</strong>
            </button>
          </li>
        )}
      </ul>
      <p class="muted drop-hint">{t('flow.what.drop')}</p>
      {notice && (
        <p class="notice" role="status">
          {t(notice)}
        </p>
      )}
    </section>
  );
}

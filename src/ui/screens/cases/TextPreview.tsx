import { useEffect, useState } from 'preact/hooks';
import type { EvidenceFile } from '../../../core/evidence/model';
import { useI18n } from '../../i18n';
import { session } from '../../state/session';

/** Characters shown before "View original": about a screenful of a chat export. */
const PREVIEW_CHARACTERS = 1500;
/** The whole text is shown up to this size; beyond it the start, and the file stays in the bundle. */
const WHOLE_CHARACTERS = 200_000;

/** A text file (a chat export, a note): true when its type or name says so. */
export function isTextFile(file: EvidenceFile): boolean {
  return file.mimeType.toLowerCase().startsWith('text/') || /\.txt$/i.test(file.originalName);
}

/**
 * The start of a text file (or the whole of it, `whole`), decrypted in the vault worker and shown as
 * plain text, never as markup. It is dropped when the vault locks.
 */
export function TextPreview({ file, whole }: { file: EvidenceFile; whole: boolean }) {
  const { t } = useI18n();
  const [text, setText] = useState<string | null | 'failed'>(null);
  useEffect(() => {
    let current = true;
    setText(null);
    const stop = session.onLock(() => {
      current = false;
      setText(null);
    });
    const limit = whole ? WHOLE_CHARACTERS : PREVIEW_CHARACTERS;
    // At most 4 bytes a character in UTF-8: only that much of the file is decrypted, never all of it.
    session.vault
      .readFileStart(file.id, limit * 4)
      .then((bytes) => new TextDecoder().decode(bytes))
      .then(
        (read) => current && setText(read.length > limit ? `${read.slice(0, limit)}…` : read),
        () => current && setText('failed'),
      );
    return () => {
      current = false;
      stop();
    };
  }, [file.id, whole]);
  if (text === null)
    return (
      <p class="muted" role="status">
        {t('preview.opening')}
      </p>
    );
  if (text === 'failed') return <p role="alert">{t('preview.originalFailed')}</p>;
  return (
    <pre class="text-preview wrap-anywhere" data-testid="text-preview">
      {text}
    </pre>
  );
}

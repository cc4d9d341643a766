import { useId, useState } from 'preact/hooks';
import { useI18n } from '../i18n';
import { SearchCover } from './SearchCover';

/** The cover's own notes, under a plain key: a notes page that works is a better cover than one that does not. */
const NOTES_KEY = 'notes';

function readNotes(): string {
  try {
    return localStorage.getItem(NOTES_KEY) ?? '';
  } catch {
    return '';
  }
}

/** A notes page that keeps what is typed; searching for the opening code opens the unlock form. */
export function NotesCover({ title, onOpen }: { title: string; onOpen: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const [notes, setNotes] = useState(readNotes);
  const save = (text: string) => {
    setNotes(text);
    try {
      localStorage.setItem(NOTES_KEY, text);
    } catch {
      // Storage full or disabled: the notes stay on screen for this visit.
    }
  };
  return (
    <SearchCover title={title} lines={() => notes.split('\n').filter(Boolean)} onOpen={onOpen}>
      <label for={id}>{t('cover.notes.label')}</label>
      <textarea
        id={id}
        rows={12}
        value={notes}
        autoComplete="off"
        onInput={(event) => save((event.currentTarget as HTMLTextAreaElement).value)}
      />
      <p class="cover-muted">{t('cover.notes.saved')}</p>
    </SearchCover>
  );
}

import { useId } from 'preact/hooks';
import { type SavedFileKind, savedFileName } from '../../core/files/saved-name';
import { useI18n } from '../i18n';

/**
 * An optional name for the file about to be saved. Left empty, the file gets the plain default
 * (`document-<date>-<id>`), never the case title: a name in the downloads list is a name anyone sees.
 */
export function FileNameField({
  kind,
  value,
  onInput,
  disabled = false,
}: {
  kind: SavedFileKind;
  value: string;
  onInput: (value: string) => void;
  disabled?: boolean;
}) {
  const { t } = useI18n();
  const id = useId();
  const example = savedFileName(kind, { date: new Date(), id: '1a2b3c4d' });
  return (
    <div class="field">
      <label for={id}>{t('files.name')}</label>
      <input
        id={id}
        value={value}
        disabled={disabled}
        autoComplete="off"
        autoCapitalize="off"
        spellcheck={false}
        aria-describedby={`${id}-hint`}
        onInput={(event) => onInput((event.currentTarget as HTMLInputElement).value)}
      />
      <p id={`${id}-hint`} class="muted">
        {t('files.nameHint', { example })}
      </p>
    </div>
  );
}

import { useState } from 'preact/hooks';
import type { Case } from '../../../core/evidence/model';
import type { MessageKey } from '../../../core/i18n';
import { showBidiControls } from '../../../core/text/display';
import { useI18n } from '../../i18n';
import { session } from '../../state/session';
import { type Failure, failureOf, SaveOrCancel, useFormFocus } from './form-parts';
import { TextField } from './TextField';

/** The case's name as its heading, and a way to change it. */
export function RenameCase({ theCase, onSaved }: { theCase: Case; onSaved: (next: Case) => void }) {
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  const [title, setTitle] = useState(theCase.title);
  const [problem, setProblem] = useState<MessageKey | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const { form, toggle } = useFormFocus(editing);

  const open = () => {
    setTitle(theCase.title);
    setProblem(null);
    setFailure(null);
    setDone(false);
    setEditing(true);
  };

  const save = async (event: Event) => {
    event.preventDefault();
    if (title.trim() === '') {
      setProblem('cases.new.needName');
      form.current?.querySelector('input')?.focus();
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      onSaved(await session.vault.updateCase(theCase.id, { title }));
      setDone(true);
      setEditing(false);
    } catch (error) {
      setFailure(failureOf(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="case-title">
      <h1 tabIndex={-1}>{showBidiControls(theCase.title)}</h1>
      {editing ? (
        <form ref={form} class="card" onSubmit={save} aria-busy={busy} noValidate>
          <TextField
            name="case-rename"
            label="cases.rename.label"
            value={title}
            onInput={(value) => {
              setTitle(value);
              setProblem(null);
            }}
            problem={problem ?? undefined}
          />
          <SaveOrCancel
            failure={failure}
            busy={busy}
            save="cases.rename.save"
            onCancel={() => setEditing(false)}
          />
        </form>
      ) : (
        <button type="button" class="button small" ref={toggle} onClick={open}>
          {t('cases.rename')}
        </button>
      )}
      <p role="status" class="ok">
        {done ? t('cases.renamed') : ''}
      </p>
    </div>
  );
}

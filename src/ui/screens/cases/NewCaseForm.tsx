import { useId, useState } from 'preact/hooks';
import { isBuktiError } from '../../../core/errors';
import type { MessageKey } from '../../../core/i18n';
import { hrefFor, navigate } from '../../app/router';
import { useI18n } from '../../i18n';
import { session } from '../../state/session';

/** A case needs only a name; what happened can be written now or later. */
export function NewCaseForm() {
  const { t } = useI18n();
  const id = useId();
  const [title, setTitle] = useState('');
  const [narrative, setNarrative] = useState('');
  const [problem, setProblem] = useState<MessageKey | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (title.trim() === '') return setProblem('cases.new.needName');
    setBusy(true);
    try {
      const created = await session.vault.createCase({ title, narrative });
      navigate(hrefFor('cases', created.id));
    } catch (error) {
      setProblem(isBuktiError(error) ? error.code : 'error.unexpected');
      setBusy(false);
    }
  };

  return (
    <section class="card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('cases.new.title')}</h2>
      <form onSubmit={submit} aria-busy={busy} noValidate>
        <div class="field">
          <label for={`${id}-title`}>{t('cases.new.name')}</label>
          <input
            id={`${id}-title`}
            name="case-title"
            autoComplete="off"
            value={title}
            aria-describedby={`${id}-hint`}
            onInput={(e) => setTitle((e.currentTarget as HTMLInputElement).value)}
          />
          <small id={`${id}-hint`}>{t('cases.new.nameHint')}</small>
        </div>
        <div class="field">
          <label for={`${id}-narrative`}>{t('cases.new.narrative')}</label>
          <textarea
            id={`${id}-narrative`}
            name="case-narrative"
            autoComplete="off"
            rows={4}
            value={narrative}
            onInput={(e) => setNarrative((e.currentTarget as HTMLTextAreaElement).value)}
          />
        </div>
        {problem && (
          <p class="error" role="alert">
            {t(problem, { detail: 'case' })}
          </p>
        )}
        <button type="submit" class="button primary" disabled={busy}>
          {t('cases.new.submit')}
        </button>
      </form>
    </section>
  );
}

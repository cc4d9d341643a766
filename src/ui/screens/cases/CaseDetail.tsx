import { useEffect, useId, useState } from 'preact/hooks';
import { hrefFor } from '../../app/router';
import { useVaultData } from '../../hooks/use-vault-data';
import { useI18n } from '../../i18n';
import { session } from '../../state/session';
import { AddEvidence } from '../capture/AddEvidence';
import { Timeline } from './Timeline';

/** One case: what happened, adding evidence, and its timeline. */
export function CaseDetail({ caseId }: { caseId: string }) {
  const { t } = useI18n();
  const id = useId();
  const { data, error, reload } = useVaultData(
    async () => ({
      theCase: await session.vault.getCase(caseId),
      items: await session.vault.listItems(caseId),
    }),
    [caseId],
  );
  const [narrative, setNarrative] = useState('');
  const [saved, setSaved] = useState(false);
  useEffect(() => setNarrative(data?.theCase?.narrative ?? ''), [data?.theCase?.narrative]);

  if (error || (data && !data.theCase)) {
    return (
      <section class="screen" data-screen="case">
        <h1 tabIndex={-1}>{t('screen.cases.title')}</h1>
        <p class="error" role="alert">
          {t(error ?? 'capture.notFound', { detail: 'case' })}
        </p>
        <a href={hrefFor('cases')}>{t('cases.back')}</a>
      </section>
    );
  }
  if (!data?.theCase) return <p role="status">{t('app.loading')}</p>;
  const theCase = data.theCase;

  const saveNarrative = async (event: Event) => {
    event.preventDefault();
    await session.vault.updateCase(caseId, { narrative });
    setSaved(true);
  };

  return (
    <section class="screen" data-screen="case">
      <a href={hrefFor('cases')}>{t('cases.back')}</a>
      <h1 tabIndex={-1}>{theCase.title}</h1>
      <form onSubmit={saveNarrative} class="card">
        <div class="field">
          <label for={`${id}-narrative`}>{t('cases.narrative')}</label>
          <textarea
            id={`${id}-narrative`}
            rows={5}
            value={narrative}
            onInput={(e) => {
              setNarrative((e.currentTarget as HTMLTextAreaElement).value);
              setSaved(false);
            }}
          />
        </div>
        <button type="submit" class="button">
          {t('cases.editNarrative')}
        </button>
        <span role="status">{saved ? ` ${t('cases.saved')}` : ''}</span>
      </form>
      <AddEvidence caseId={caseId} onAdded={reload} />
      <Timeline items={data.items} onChanged={reload} />
    </section>
  );
}

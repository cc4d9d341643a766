import { useEffect, useId, useState } from 'preact/hooks';
import type { Case } from '../../../core/evidence/model';
import { showBidiControls } from '../../../core/text/display';
import { hrefFor, navigate } from '../../app/router';
import { useVaultData } from '../../hooks/use-vault-data';
import { useI18n } from '../../i18n';
import { session } from '../../state/session';
import { CaptureFlow } from '../capture/CaptureFlow';
import { AccountsSection } from './AccountsSection';
import { ComplainantSection } from './ComplainantSection';
import { type Failure, FailureMessage, failureOf } from './form-parts';
import { RenameCase } from './RenameCase';
import { Timeline } from './Timeline';
import './case-details.css';

/**
 * One case, opening on its timeline of evidence with "Add evidence" as the main action; below it what
 * happened, the accounts involved and the complainant. `adding` shows the capture flow instead.
 */
export function CaseDetail({ caseId, adding = false }: { caseId: string; adding?: boolean }) {
  const { t } = useI18n();
  const id = useId();
  const { data, error, reload } = useVaultData(
    async () => ({
      theCase: await session.vault.getCase(caseId),
      items: await session.vault.listItems(caseId),
    }),
    [caseId],
  );
  // The case as the last save returned it, so a change shows at once without reading every item again.
  const [latest, setLatest] = useState<Case | null>(null);
  const [narrative, setNarrative] = useState('');
  const [saved, setSaved] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
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
  const stored = data.theCase;
  const theCase =
    latest !== null && latest.id === stored.id && latest.updatedAt >= stored.updatedAt ? latest : stored;

  const saveNarrative = async (event: Event) => {
    event.preventDefault();
    setFailure(null);
    try {
      setLatest(await session.vault.updateCase(caseId, { narrative }));
      setSaved(true);
    } catch (error) {
      setFailure(failureOf(error));
    }
  };

  if (adding) {
    return (
      <section class="screen" data-screen="capture-flow">
        <a href={hrefFor('cases', caseId)}>{t('flow.for', { title: showBidiControls(theCase.title) })}</a>
        <h1 tabIndex={-1}>{t('capture.add.title')}</h1>
        <CaptureFlow caseId={caseId} onAdded={reload} onDone={() => navigate(hrefFor('cases', caseId))} />
      </section>
    );
  }

  return (
    <section class="screen" data-screen="case">
      <a href={hrefFor('cases')}>{t('cases.back')}</a>
      <RenameCase theCase={theCase} onSaved={setLatest} />
      <a class="button primary add-evidence-button" href={hrefFor('cases', caseId, 'add')}>
        {t('capture.add.title')}
      </a>
      <Timeline items={data.items} onChanged={reload} />
      <form onSubmit={saveNarrative} class="card">
        <div class="field">
          <label for={`${id}-narrative`}>{t('cases.narrative')}</label>
          <textarea
            id={`${id}-narrative`}
            rows={5}
            autoComplete="off"
            value={narrative}
            onInput={(e) => {
              setNarrative((e.currentTarget as HTMLTextAreaElement).value);
              setSaved(false);
            }}
          />
        </div>
        <FailureMessage failure={failure} />
        <button type="submit" class="button">
          {t('cases.editNarrative')}
        </button>
        <span role="status">{saved ? ` ${t('cases.saved')}` : ''}</span>
      </form>
      <AccountsSection theCase={theCase} onSaved={setLatest} />
      <ComplainantSection theCase={theCase} onSaved={setLatest} />
    </section>
  );
}

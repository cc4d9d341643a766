import { showBidiControls } from '../../../core/text/display';
import { hrefFor } from '../../app/router';
import { useVaultData } from '../../hooks/use-vault-data';
import { useI18n } from '../../i18n';
import { session } from '../../state/session';
import { BackupReminder } from '../backup/BackupReminder';
import { ScreenIntro } from '../ScreenIntro';
import { CaseDetail } from './CaseDetail';
import { NewCaseForm } from './NewCaseForm';

/** The case list (`#/cases`), one case (`#/cases/<id>`), or adding evidence to it (`#/cases/<id>/add`). */
export function CasesScreen({ rest }: { rest: string[] }) {
  const [caseId, part] = rest;
  // Leaving the capture flow mounts the case afresh, so it reads the items just added and an item
  // opened from the flow ("Go to that item") takes focus after the screen's heading has.
  const adding = part === 'add';
  if (caseId) return <CaseDetail key={adding ? 'add' : 'case'} caseId={caseId} adding={adding} />;
  return <CaseList />;
}

function CaseList() {
  const { t, when } = useI18n();
  const { data, error } = useVaultData(async () => {
    const [cases, items] = await Promise.all([session.vault.listCases(), session.vault.listItems()]);
    return cases.map((c) => ({ ...c, count: items.filter((item) => item.caseId === c.id).length }));
  }, []);
  return (
    <section class="screen" data-screen="cases">
      <ScreenIntro title="screen.cases.title" intro="screen.cases.intro" />
      <BackupReminder />
      {error && (
        <p class="error" role="alert">
          {t(error, { detail: 'cases' })}
        </p>
      )}
      {data && data.length === 0 && <p class="notice">{t('cases.empty')}</p>}
      {data && data.length > 0 && (
        <ul class="case-list">
          {data.map((c) => (
            <li key={c.id} class="card">
              <a href={hrefFor('cases', c.id)}>
                <strong>{showBidiControls(c.title)}</strong>
              </a>
              <span>{t('cases.itemCount', { count: c.count })}</span>
              <span>{t('cases.updated', { date: when(c.updatedAt) })}</span>
            </li>
          ))}
        </ul>
      )}
      <NewCaseForm />
    </section>
  );
}

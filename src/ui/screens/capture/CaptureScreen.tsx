import { useEffect, useId, useState } from 'preact/hooks';
import { showBidiControls } from '../../../core/text/display';
import { hrefFor, navigate } from '../../app/router';
import { useVaultData } from '../../hooks/use-vault-data';
import { useI18n } from '../../i18n';
import { session } from '../../state/session';
import { NewCaseForm } from '../cases/NewCaseForm';
import { ScreenIntro } from '../ScreenIntro';
import { CaptureFlow } from './CaptureFlow';

/** Quick capture: pick a case (the most recent by default) and add evidence to it, one item at a time. */
export function CaptureScreen() {
  const { t } = useI18n();
  const id = useId();
  const { data: cases } = useVaultData(() => session.vault.listCases(), []);
  const [caseId, setCaseId] = useState('');
  useEffect(() => {
    if (!caseId && cases?.[0]) setCaseId(cases[0].id);
  }, [cases, caseId]);
  return (
    <section class="screen" data-screen="capture">
      <ScreenIntro title="screen.capture.title" intro="screen.capture.intro" />
      {cases && cases.length === 0 && (
        <>
          <p class="notice">{t('capture.add.noCase')}</p>
          <NewCaseForm />
        </>
      )}
      {cases && cases.length > 0 && (
        <>
          <div class="field">
            <label for={`${id}-case`}>{t('capture.add.chooseCase')}</label>
            <select
              id={`${id}-case`}
              value={caseId}
              onChange={(e) => setCaseId((e.currentTarget as HTMLSelectElement).value)}
            >
              {cases.map((c) => (
                <option key={c.id} value={c.id}>
                  {showBidiControls(c.title)}
                </option>
              ))}
            </select>
          </div>
          {caseId && (
            <CaptureFlow
              key={caseId}
              caseId={caseId}
              onAdded={() => undefined}
              onDone={() => navigate(hrefFor('cases', caseId))}
            />
          )}
        </>
      )}
    </section>
  );
}

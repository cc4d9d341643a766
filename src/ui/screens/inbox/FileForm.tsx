import { useId, useRef, useState } from 'preact/hooks';
import { BuktiError, isBuktiError } from '../../../core/errors';
import type { FiledEntry, InboxEntry } from '../../../core/evidence/inbox';
import { sharedLinkDescription } from '../../../core/evidence/inbox-details';
import type { Case } from '../../../core/evidence/model';
import type { MessageKey } from '../../../core/i18n';
import { showBidiControls } from '../../../core/text/display';
import { useI18n } from '../../i18n';
import { session } from '../../state/session';
import { type CaptureDetails, DetailsFields, EMPTY_DETAILS, toDetailsInput } from '../capture/DetailsFields';

const NEW_CASE = '';

/** A link's details start from what was shared with it; the person can change every field. */
function startingDetails(entry: InboxEntry): CaptureDetails {
  if (entry.kind !== 'link') return EMPTY_DETAILS;
  return { ...EMPTY_DETAILS, contentUrl: entry.url, description: sharedLinkDescription(entry, entry.url) };
}

/** Choosing the case (or naming a new one) and the details for one inbox entry, then filing it. */
export function FileForm({
  entry,
  name,
  cases,
  onFiled,
  onCancel,
}: {
  entry: InboxEntry;
  name: string;
  cases: Case[];
  onFiled: (result: FiledEntry, caseTitle: string) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [caseId, setCaseId] = useState(cases[0]?.id ?? NEW_CASE);
  const [caseName, setCaseName] = useState('');
  const [details, setDetails] = useState<CaptureDetails>(() => startingDetails(entry));
  const [problem, setProblem] = useState<MessageKey | null>(null);
  const [busy, setBusy] = useState(false);
  const nameInput = useRef<HTMLInputElement>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    if (caseId === NEW_CASE && caseName.trim() === '') {
      setProblem('inbox.needCaseName');
      nameInput.current?.focus();
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      const target =
        caseId === NEW_CASE
          ? await session.vault.createCase({ title: caseName })
          : cases.find((c) => c.id === caseId);
      if (target === undefined) throw new BuktiError('capture.notFound');
      const result = await session.vault.inboxFile(entry.id, target.id, toDetailsInput(details));
      onFiled(result, target.title);
    } catch (error) {
      setProblem(isBuktiError(error) ? error.code : 'error.unexpected');
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} aria-busy={busy} noValidate>
      <fieldset class="details-fields">
        <legend class="visually-hidden">{t('inbox.fileLegend', { name })}</legend>
        {cases.length === 0 ? (
          <p class="notice">{t('inbox.noCasesYet')}</p>
        ) : (
          <div class="field">
            <label for={`${id}-case`}>{t('inbox.case')}</label>
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
              <option value={NEW_CASE}>{t('inbox.newCaseOption')}</option>
            </select>
          </div>
        )}
        {caseId === NEW_CASE && (
          <div class="field">
            <label for={`${id}-new-case`}>{t('inbox.newCaseName')}</label>
            <input
              id={`${id}-new-case`}
              ref={nameInput}
              autoComplete="off"
              value={caseName}
              aria-invalid={problem === 'inbox.needCaseName'}
              onInput={(e) => setCaseName((e.currentTarget as HTMLInputElement).value)}
            />
          </div>
        )}
      </fieldset>
      <DetailsFields value={details} onChange={setDetails} />
      {problem && (
        <p class="error" role="alert">
          {t(problem, { detail: 'inbox' })}
        </p>
      )}
      {busy && <p role="status">{t('inbox.working')}</p>}
      <p class="capture-buttons">
        <button type="submit" class="button primary" disabled={busy}>
          {t('inbox.submitFile')}
        </button>
        <button type="button" class="button" disabled={busy} onClick={onCancel}>
          {t('inbox.cancel')}
        </button>
      </p>
    </form>
  );
}

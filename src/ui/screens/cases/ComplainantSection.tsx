import { useId, useState } from 'preact/hooks';
import {
  type ComplainantDraft,
  type ComplainantField,
  checkComplainantDraft,
  complainantFromDraft,
  type DraftProblems,
  draftFromComplainant,
  isClean,
  stillShown,
} from '../../../core/evidence/case-details';
import type { Case } from '../../../core/evidence/model';
import type { MessageKey } from '../../../core/i18n';
import { useI18n } from '../../i18n';
import { session } from '../../state/session';
import { type Failure, failureOf, SaveOrCancel, useFormFocus } from './form-parts';
import { TextField } from './TextField';

const FIELDS = [
  ['name', 'complainant.name', 'report.cover.name', 'text'],
  ['idNumber', 'complainant.idNumber', 'report.cover.idNumber', 'text'],
  ['phone', 'complainant.phone', 'report.cover.phone', 'tel'],
  ['email', 'complainant.email', 'report.cover.email', 'email'],
] as const satisfies readonly (readonly [ComplainantField, MessageKey, MessageKey, string])[];

const NO_PROBLEMS: DraftProblems<ComplainantField> = { fields: {} };

/**
 * The survivor's own details for the police report: optional, shown only here and in exported bundles.
 * Closed by default, so the details are not on screen unless the person opens them.
 */
export function ComplainantSection({ theCase, onSaved }: { theCase: Case; onSaved: (next: Case) => void }) {
  const { t } = useI18n();
  const id = useId();
  const [draft, setDraft] = useState<ComplainantDraft | null>(null);
  const [problems, setProblems] = useState(NO_PROBLEMS);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const { form, toggle } = useFormFocus(draft !== null);

  const open = () => {
    setDraft(draftFromComplainant(theCase.complainant));
    setProblems(NO_PROBLEMS);
    setFailure(null);
    setStatus('');
  };

  const change = (key: ComplainantField, value: string) => {
    if (draft === null) return;
    const next = { ...draft, [key]: value };
    setDraft(next);
    setProblems((shown) => stillShown(shown, checkComplainantDraft(next)));
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (draft === null) return;
    const found = checkComplainantDraft(draft);
    setProblems(found);
    if (!isClean(found)) {
      const first = Object.keys(found.fields)[0];
      form.current?.querySelector<HTMLElement>(`[name="complainant-${first}"]`)?.focus();
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      onSaved(await session.vault.updateCase(theCase.id, { complainant: complainantFromDraft(draft) }));
      setStatus(t('complainant.saved'));
      setDraft(null);
    } catch (error) {
      setFailure(failureOf(error));
    } finally {
      setBusy(false);
    }
  };

  const saved = theCase.complainant ?? {};
  const shown = FIELDS.filter(([key]) => saved[key] !== undefined);
  return (
    <section class="case-complainant" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('complainant.title')}</h2>
      <p class="muted">{t('complainant.intro')}</p>
      <p class="muted">{t('complainant.optional')}</p>
      {draft === null ? (
        <>
          {shown.length === 0 ? (
            <p>{t('complainant.none')}</p>
          ) : (
            <dl class="account-facts card">
              {shown.map(([key, , summary]) => (
                <div key={key}>
                  <dt>{t(summary)}</dt>
                  <dd class="wrap-anywhere">{saved[key]}</dd>
                </div>
              ))}
            </dl>
          )}
          <button type="button" class="button" ref={toggle} onClick={open}>
            {t('complainant.edit')}
          </button>
        </>
      ) : (
        <form ref={form} class="card" onSubmit={submit} aria-busy={busy} noValidate>
          {FIELDS.map(([key, label, , inputMode]) => (
            <TextField
              key={key}
              name={`complainant-${key}`}
              label={label}
              value={draft[key]}
              inputMode={inputMode}
              onInput={(value) => change(key, value)}
              problem={problems.fields[key]}
            />
          ))}
          {!isClean(problems) && (
            <p class="error" role="alert">
              {t('cases.fixFields')}
            </p>
          )}
          <SaveOrCancel
            failure={failure}
            busy={busy}
            save="complainant.save"
            onCancel={() => setDraft(null)}
          />
        </form>
      )}
      <p role="status" class="ok">
        {status}
      </p>
    </section>
  );
}

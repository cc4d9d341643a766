import { useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import {
  type AccountDraft,
  type AccountField,
  checkAccountDraft,
  type DraftProblems,
  isClean,
  prefillFromProfileUrl,
  stillShown,
  typedFields,
} from '../../../core/evidence/case-details';
import { PLATFORMS, type Platform } from '../../../core/evidence/model';
import type { MessageKey } from '../../../core/i18n';
import { useI18n } from '../../i18n';
import { type Failure, failureOf, SaveOrCancel } from './form-parts';
import { TextField } from './TextField';

const NO_PROBLEMS: DraftProblems<AccountField> = { fields: {} };

/**
 * Adds or changes one account. Pasting a profile link fills in the platform, handle and user ID the
 * person has not typed themselves; a draft that cannot be saved keeps every character typed.
 */
export function AccountForm(props: {
  initial: AccountDraft;
  editing: boolean;
  onSave: (draft: AccountDraft) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [draft, setDraft] = useState(props.initial);
  const typed = useRef(typedFields(props.initial)).current;
  const [problems, setProblems] = useState(NO_PROBLEMS);
  const [prefilled, setPrefilled] = useState('');
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  useLayoutEffect(() => {
    form.current?.querySelector<HTMLElement>('input, select')?.focus();
  }, []);

  const change = (key: AccountField, value: string) => {
    if (key !== 'profileUrl') typed.add(key);
    let next: AccountDraft = { ...draft, [key]: value };
    if (key === 'profileUrl') {
      const result = prefillFromProfileUrl(next, typed);
      next = result.draft;
      const values = result.filled.map((field) =>
        field === 'platform' ? t(`platform.${next.platform}` as MessageKey) : next[field],
      );
      setPrefilled(values.length > 0 ? t('accounts.prefilled', { fields: values.join(', ') }) : '');
    }
    setDraft(next);
    setProblems((shown) => stillShown(shown, checkAccountDraft(next)));
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    const found = checkAccountDraft(draft);
    setProblems(found);
    if (!isClean(found)) {
      const first = Object.keys(found.fields)[0] ?? 'profileUrl';
      form.current?.querySelector<HTMLElement>(`[name="account-${first}"]`)?.focus();
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      await props.onSave(draft);
    } catch (error) {
      setFailure(failureOf(error));
      setBusy(false);
    }
  };

  const field = (key: Exclude<AccountField, 'platform'>, label: MessageKey, extra = {}) => (
    <TextField
      name={`account-${key}`}
      label={label}
      value={draft[key]}
      onInput={(value) => change(key, value)}
      problem={problems.fields[key]}
      {...extra}
    />
  );

  return (
    <form ref={form} class="card account-form" onSubmit={submit} aria-labelledby={`${id}-h`} noValidate>
      <h3 id={`${id}-h`}>{t(props.editing ? 'accounts.editTitle' : 'accounts.addTitle')}</h3>
      {field('profileUrl', 'accounts.field.profileUrl', {
        inputMode: 'url',
        hint: 'accounts.field.profileUrlHint',
      })}
      <p role="status" class="muted">
        {prefilled}
      </p>
      <div class="field">
        <label for={`${id}-platform`}>{t('accounts.field.platform')}</label>
        <select
          id={`${id}-platform`}
          name="account-platform"
          value={draft.platform}
          onChange={(e) => change('platform', (e.currentTarget as HTMLSelectElement).value as Platform)}
        >
          {PLATFORMS.map((platform) => (
            <option key={platform} value={platform}>
              {t(`platform.${platform}` as MessageKey)}
            </option>
          ))}
        </select>
      </div>
      {field('handle', 'accounts.field.handle')}
      {field('displayName', 'accounts.field.displayName')}
      {field('userId', 'accounts.field.userId', { hint: 'accounts.field.userIdHint' })}
      {field('contact', 'accounts.field.contact')}
      {field('notes', 'accounts.field.notes', { multiline: true })}
      {!isClean(problems) && (
        <div class="error" role="alert">
          <p>{t('cases.fixFields')}</p>
          {problems.missing && <p>{t(problems.missing)}</p>}
        </div>
      )}
      <SaveOrCancel failure={failure} busy={busy} save="accounts.save" onCancel={props.onCancel} />
    </form>
  );
}

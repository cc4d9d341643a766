import { useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import {
  type AccountDraft,
  accountFromDraft,
  draftFromAccount,
  EMPTY_ACCOUNT,
  withAccount,
  withoutAccount,
} from '../../../core/evidence/case-details';
import { type Case, type InvolvedAccount, newId } from '../../../core/evidence/model';
import type { MessageKey } from '../../../core/i18n';
import { useI18n } from '../../i18n';
import { session } from '../../state/session';
import { AccountForm } from './AccountForm';
import { type Failure, FailureMessage, failureOf } from './form-parts';

/** What the section shows: the list, a form for a new or existing account, or a removal question. */
type Mode =
  | { kind: 'list' }
  | { kind: 'add' }
  | { kind: 'edit'; id: string }
  | { kind: 'confirmRemove'; id: string };

const SHOWN_FIELDS = [
  ['handle', 'report.field.handle'],
  ['displayName', 'report.field.displayName'],
  ['userId', 'report.field.userId'],
  ['profileUrl', 'report.field.profileUrl'],
  ['contact', 'report.field.contact'],
  ['notes', 'report.field.notes'],
] as const satisfies readonly (readonly [keyof InvolvedAccount, MessageKey])[];

/** The name a person knows an account by: its handle, else the first identifier there is. */
function accountName(account: InvolvedAccount, t: (key: MessageKey) => string): string {
  return (
    account.handle ??
    account.displayName ??
    account.userId ??
    account.profileUrl ??
    account.contact ??
    t('accounts.unnamed')
  );
}

/** The accounts involved in a case: listed, added, changed and removed, each change saved at once. */
export function AccountsSection({ theCase, onSaved }: { theCase: Case; onSaved: (next: Case) => void }) {
  const { t } = useI18n();
  const id = useId();
  const [mode, setMode] = useState<Mode>({ kind: 'list' });
  const [status, setStatus] = useState('');
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);
  const section = useRef<HTMLElement>(null);
  const focusAfter = useRef<string | null>(null);

  // A closed form or answered question hands focus back to the control that opened it.
  useLayoutEffect(() => {
    if (focusAfter.current === null) return;
    section.current?.querySelector<HTMLElement>(focusAfter.current)?.focus();
    focusAfter.current = null;
  }, [mode, theCase]);

  const go = (next: Mode, focus: string | null = null) => {
    focusAfter.current = focus;
    setFailure(null);
    setMode(next);
  };
  const open = (next: Mode, focus: string | null = null) => {
    setStatus('');
    go(next, focus);
  };
  const control = (accountId: string, action: string) =>
    `[data-account-id="${accountId}"] [data-action="${action}"]`;

  const save = async (accounts: InvolvedAccount[]) =>
    onSaved(await session.vault.updateCase(theCase.id, { accounts }));

  const saveDraft = async (draft: AccountDraft) => {
    const accountId = mode.kind === 'edit' ? mode.id : newId();
    await save(withAccount(theCase.accounts, accountFromDraft(draft, accountId)));
    setStatus(t('accounts.saved'));
    go({ kind: 'list' }, mode.kind === 'edit' ? control(accountId, 'edit') : '[data-action="add"]');
  };

  const remove = async (accountId: string) => {
    setBusy(true);
    try {
      await save(withoutAccount(theCase.accounts, accountId));
      setStatus(t('accounts.removed'));
      go({ kind: 'list' }, `#${CSS.escape(`${id}-h`)}`);
    } catch (error) {
      setFailure(failureOf(error));
    } finally {
      setBusy(false);
    }
  };

  const cancel = () =>
    go({ kind: 'list' }, mode.kind === 'edit' ? control(mode.id, 'edit') : '[data-action="add"]');

  return (
    <section ref={section} class="case-accounts" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} tabIndex={-1}>
        {t('accounts.title')}
      </h2>
      <p class="muted">{t('accounts.intro')}</p>
      {theCase.accounts.length === 0 && <p>{t('accounts.empty')}</p>}
      <ul class="account-list" hidden={theCase.accounts.length === 0}>
        {theCase.accounts.map((account) => {
          const name = accountName(account, t);
          const asking = mode.kind === 'confirmRemove' && mode.id === account.id;
          if (mode.kind === 'edit' && mode.id === account.id) {
            return (
              <li key={account.id} data-account-id={account.id}>
                <AccountForm
                  initial={draftFromAccount(account)}
                  editing
                  onSave={saveDraft}
                  onCancel={cancel}
                />
              </li>
            );
          }
          return (
            <li key={account.id} class="card" data-account-id={account.id}>
              <h3 class="wrap-anywhere">
                {t(`platform.${account.platform}` as MessageKey)}: {name}
              </h3>
              <dl class="account-facts">
                {SHOWN_FIELDS.filter(([key]) => account[key] !== undefined).map(([key, label]) => (
                  <div key={key}>
                    <dt>{t(label)}</dt>
                    <dd class="wrap-anywhere">{account[key]}</dd>
                  </div>
                ))}
              </dl>
              {asking ? (
                <div class="warning">
                  <p>{t('accounts.removeQuestion', { name })}</p>
                  <FailureMessage failure={failure} />
                  <p class="capture-buttons">
                    <button
                      type="button"
                      class="button danger"
                      disabled={busy}
                      onClick={() => remove(account.id)}
                    >
                      {t('accounts.removeConfirm')}
                    </button>
                    <button
                      type="button"
                      class="button"
                      data-action="keep"
                      disabled={busy}
                      onClick={() => go({ kind: 'list' }, control(account.id, 'remove'))}
                    >
                      {t('accounts.keep')}
                    </button>
                  </p>
                </div>
              ) : (
                <p class="capture-buttons">
                  <button
                    type="button"
                    class="button small"
                    data-action="edit"
                    onClick={() => open({ kind: 'edit', id: account.id })}
                  >
                    {t('accounts.edit')} <span class="visually-hidden">{name}</span>
                  </button>
                  <button
                    type="button"
                    class="button small"
                    data-action="remove"
                    onClick={() =>
                      open({ kind: 'confirmRemove', id: account.id }, control(account.id, 'keep'))
                    }
                  >
                    {t('accounts.remove')} <span class="visually-hidden">{name}</span>
                  </button>
                </p>
              )}
            </li>
          );
        })}
      </ul>
      {mode.kind === 'add' ? (
        <AccountForm initial={EMPTY_ACCOUNT} editing={false} onSave={saveDraft} onCancel={cancel} />
      ) : (
        <button type="button" class="button" data-action="add" onClick={() => open({ kind: 'add' })}>
          {t('accounts.add')}
        </button>
      )}
      <p role="status" class="ok">
        {status}
      </p>
    </section>
  );
}

import { useRef, useState } from 'preact/hooks';
import type { FiledEntry, InboxEntry } from '../../../core/evidence/inbox';
import type { MessageKey, MessageParams } from '../../../core/i18n';
import { useVaultData } from '../../hooks/use-vault-data';
import { useI18n } from '../../i18n';
import { session } from '../../state/session';
import { entryName, InboxEntryCard } from './InboxEntryCard';
import './inbox.css';

type Outcome = { key: MessageKey; params: MessageParams };

/**
 * `#/inbox`: what was shared into Bukti from other apps (sealed by the service worker, even while the
 * vault was locked), to review and file into a case or discard. Only shown while the vault is unlocked.
 */
export function InboxScreen() {
  const { t } = useI18n();
  const { data, error, reload } = useVaultData(
    () => Promise.all([session.vault.inboxList(), session.vault.listCases()]),
    [],
  );
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const status = useRef<HTMLParagraphElement>(null);

  // The card that had focus is gone after filing or discarding: focus moves to the sentence saying what happened.
  const report = (next: Outcome) => {
    setOutcome(next);
    reload();
    requestAnimationFrame(() => status.current?.focus());
  };
  const onFiled = (entry: InboxEntry, result: FiledEntry, caseTitle: string) =>
    report({
      key: result.duplicate ? 'inbox.duplicate' : 'inbox.filed',
      params: { name: entryName(entry, t), case: caseTitle },
    });
  const onDiscarded = (entry: InboxEntry) =>
    report({ key: 'inbox.discarded', params: { name: entryName(entry, t) } });

  const [entries, cases] = data ?? [undefined, []];
  return (
    <section class="screen" data-screen="inbox">
      <h1 tabIndex={-1}>{t('inbox.title')}</h1>
      <p class="intro">{t('inbox.intro')}</p>
      <p class="ok inbox-status" role="status" tabIndex={-1} ref={status}>
        {outcome ? t(outcome.key, outcome.params) : ''}
      </p>
      {error && (
        <p class="error" role="alert">
          {t(error, { detail: 'inbox' })}
        </p>
      )}
      {!data && !error && <p class="muted">{t('inbox.loading')}</p>}
      {entries && entries.length === 0 && <p class="notice">{t('inbox.empty')}</p>}
      {entries && entries.length > 0 && (
        <>
          <p class="muted">{t('inbox.count', { count: entries.length })}</p>
          <ul class="inbox-list">
            {entries.map((entry) => (
              <InboxEntryCard
                key={entry.id}
                entry={entry}
                cases={cases}
                onFiled={onFiled}
                onDiscarded={onDiscarded}
              />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { isBuktiError } from '../../../core/errors';
import type { FiledEntry, InboxEntry } from '../../../core/evidence/inbox';
import type { Case } from '../../../core/evidence/model';
import type { MessageKey } from '../../../core/i18n';
import { useI18n } from '../../i18n';
import { session } from '../../state/session';
import { FileForm } from './FileForm';
import { formatSize } from './format';

/** What the card is doing: showing the entry, filing it, or asking before discarding it. */
type Mode = 'view' | 'file' | 'confirmDiscard';

/** The name a person recognises an entry by. */
export function entryName(entry: InboxEntry, t: (key: MessageKey) => string): string {
  if (entry.kind === 'unreadable') return t('inbox.kind.unreadable');
  return entry.name.trim() === '' ? t('inbox.unnamed') : entry.name;
}

/**
 * One shared file, link or text: what it is, when it arrived, and the choice to file it into a case or
 * discard it. Nothing is previewed: a shared picture may be one the survivor does not want to see again.
 */
export function InboxEntryCard({
  entry,
  cases,
  onFiled,
  onDiscarded,
}: {
  entry: InboxEntry;
  cases: Case[];
  onFiled: (entry: InboxEntry, result: FiledEntry, caseTitle: string) => void;
  onDiscarded: (entry: InboxEntry) => void;
}) {
  const { t, locale, when } = useI18n();
  const id = useId();
  const [mode, setMode] = useState<Mode>('view');
  const [problem, setProblem] = useState<MessageKey | null>(null);
  const [busy, setBusy] = useState(false);
  const name = entryName(entry, t);
  const actions = useRef<HTMLDivElement>(null);
  const firstRender = useRef(true);

  // Switching between viewing, filing and confirming replaces the focused button: move focus to the
  // first control of what appeared ("Keep it" when asked to confirm), so keyboard users are not lost.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    const target =
      mode === 'confirmDiscard'
        ? actions.current?.querySelector<HTMLElement>('[data-keep]')
        : actions.current?.querySelector<HTMLElement>('select, input, button');
    target?.focus();
  }, [mode]);

  const discard = async () => {
    setBusy(true);
    try {
      await session.vault.inboxDiscard(entry.id);
      onDiscarded(entry);
    } catch (error) {
      setProblem(isBuktiError(error) ? error.code : 'error.unexpected');
      setBusy(false);
    }
  };

  const facts = [
    t(`inbox.kind.${entry.kind}` as MessageKey),
    entry.kind === 'file' && entry.type !== '' ? entry.type : undefined,
    entry.kind === 'file' ? formatSize(entry.size, locale) : undefined,
    entry.sharedAt ? t('inbox.sharedAt', { time: when(entry.sharedAt) }) : undefined,
  ].filter((fact): fact is string => fact !== undefined);

  return (
    <li class="card" data-entry-id={entry.id}>
      <h2 id={`${id}-name`} class="wrap-anywhere">
        {name}
      </h2>
      <p class="muted">{facts.join(' · ')}</p>
      {entry.kind === 'link' && entry.title && (
        <p class="wrap-anywhere">{t('inbox.pageTitle', { title: entry.title })}</p>
      )}
      {entry.kind === 'link' && entry.text && entry.text.trim() !== entry.url && (
        <blockquote class="wrap-anywhere">{entry.text}</blockquote>
      )}
      {entry.kind === 'text' && <blockquote class="wrap-anywhere">{entry.text}</blockquote>}
      {entry.kind === 'unreadable' && <p class="notice">{t('inbox.unreadableHelp')}</p>}
      {problem && (
        <p class="error" role="alert">
          {t(problem, { detail: 'inbox' })}
        </p>
      )}
      <div ref={actions}>
        {mode === 'file' && (
          <FileForm
            entry={entry}
            name={name}
            cases={cases}
            onFiled={(result, caseTitle) => onFiled(entry, result, caseTitle)}
            onCancel={() => setMode('view')}
          />
        )}
        {mode === 'confirmDiscard' && (
          <div class="warning">
            <p>{t('inbox.discardQuestion', { name })}</p>
            <p class="capture-buttons">
              <button type="button" class="button danger" disabled={busy} onClick={discard}>
                {t('inbox.discardConfirm')}
              </button>
              <button type="button" class="button" data-keep disabled={busy} onClick={() => setMode('view')}>
                {t('inbox.keep')}
              </button>
            </p>
          </div>
        )}
        {mode === 'view' && (
          <p class="capture-buttons">
            {entry.kind !== 'unreadable' && (
              <button type="button" class="button primary" onClick={() => setMode('file')}>
                {t('inbox.fileAction')}
              </button>
            )}
            <button type="button" class="button" onClick={() => setMode('confirmDiscard')}>
              {t('inbox.discard')}
            </button>
          </p>
        )}
      </div>
    </li>
  );
}

import { useEffect, useId, useState } from 'preact/hooks';
import { isBuktiError } from '../../../core/errors';
import { type DraftProblem, draftToInput } from '../../../core/evidence/details-draft';
import type { EvidenceItem } from '../../../core/evidence/model';
import type { MessageKey, MessageParams } from '../../../core/i18n';
import { useVaultData } from '../../hooks/use-vault-data';
import { useI18n } from '../../i18n';
import { session } from '../../state/session';
import { type CaptureDetails, DetailsFields, EMPTY_DETAILS } from './DetailsFields';
import { DuplicateNotice } from './DuplicateNotice';
import { captureScreenFrame, mediaDuration } from './media';

type Note = { key: MessageKey; params?: MessageParams; kind: 'ok' | 'error' | 'notice' };

/** The last capture's files that were already in the case, with the items that capture added. */
type Duplicates = { found: Array<{ name: string; itemId: string }>; added: EvidenceItem[] };

/** Every way in: picker, camera, microphone, drop, paste, screen capture, link only, message text. */
export function AddEvidence({ caseId, onAdded }: { caseId: string; onAdded: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const [details, setDetails] = useState<CaptureDetails>(EMPTY_DETAILS);
  const [notes, setNotes] = useState<Note[]>([]);
  const [busy, setBusy] = useState<number>(0);
  const [link, setLink] = useState('');
  const [text, setText] = useState('');
  const [dragging, setDragging] = useState(false);
  const [problems, setProblems] = useState<DraftProblem[]>([]);
  // Files chosen while a detail could not be read wait here, so they need not be chosen again.
  const [waiting, setWaiting] = useState<File[]>([]);
  const [duplicates, setDuplicates] = useState<Duplicates | null>(null);
  const { data: caseItems, reload: reloadItems } = useVaultData(
    () => session.vault.listItems(caseId),
    [caseId],
  );
  const changed = () => {
    reloadItems();
    onAdded();
  };

  /** The details as the vault takes them, or undefined after pointing out what needs fixing. */
  const checkedDetails = () => {
    const result = draftToInput(details);
    setProblems(result.ok ? [] : result.problems);
    return result.ok ? result.input : undefined;
  };
  // Once problems are shown, they follow the fields as the person fixes them.
  useEffect(() => {
    if (problems.length === 0) return;
    const result = draftToInput(details);
    setProblems(result.ok ? [] : result.problems);
  }, [details]);

  const addFiles = async (files: File[]) => {
    if (files.length === 0) return;
    setNotes([]);
    setDuplicates(null);
    const input = checkedDetails();
    setWaiting(input ? [] : files);
    if (!input) return;
    setBusy(files.length);
    try {
      const incoming = await Promise.all(
        files.map(async (file) => ({
          blob: file,
          name: file.name || 'pasted',
          type: file.type,
          lastModified: file.lastModified,
          durationSeconds: await mediaDuration(file, file.type),
        })),
      );
      const result = await session.vault.captureFiles(caseId, incoming, input);
      if (result.added.length > 0)
        setNotes([{ key: 'capture.add.added', params: { count: result.added.length }, kind: 'ok' }]);
      if (result.duplicates.length > 0) setDuplicates({ found: result.duplicates, added: result.added });
      changed();
    } catch (error) {
      setNotes([
        {
          key: isBuktiError(error) ? error.code : 'error.unexpected',
          params: { detail: 'capture' },
          kind: 'error',
        },
      ]);
    } finally {
      setBusy(0);
    }
  };

  const addWithoutFile = async (kind: 'webLink' | 'messageText', value: string) => {
    if (value.trim() === '') return;
    setNotes([]);
    setDuplicates(null);
    const input = checkedDetails();
    if (!input) return;
    try {
      await session.vault.captureWithoutFile(
        kind === 'webLink'
          ? { caseId, kind, details: { ...input, contentUrl: value.trim() } }
          : { caseId, kind, text: value, details: input },
      );
      setNotes([{ key: 'capture.add.added', params: { count: 1 }, kind: 'ok' }]);
      if (kind === 'webLink') setLink('');
      else setText('');
      changed();
    } catch (error) {
      setNotes([
        {
          key: isBuktiError(error) ? error.code : 'error.unexpected',
          params: { detail: 'capture' },
          kind: 'error',
        },
      ]);
    }
  };

  // Paste anywhere on the screen: an image becomes a file, a link a link item, other text a message.
  useEffect(() => {
    const onPaste = (event: ClipboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target && /^(INPUT|TEXTAREA)$/.test(target.tagName)) return;
      const files = Array.from(event.clipboardData?.files ?? []);
      const pasted = event.clipboardData?.getData('text/plain') ?? '';
      if (files.length > 0) void addFiles(files);
      else if (/^https?:\/\/\S+$/i.test(pasted.trim())) void addWithoutFile('webLink', pasted);
      else if (pasted.trim()) void addWithoutFile('messageText', pasted);
      else return;
      event.preventDefault();
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  }, [caseId, details]);

  const fromInput = (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const files = Array.from(input.files ?? []);
    input.value = '';
    void addFiles(files);
  };

  const screen = async () => {
    try {
      const frame = await captureScreenFrame();
      if (frame) await addFiles([frame]);
      else setNotes([{ key: 'capture.screenCancelled', kind: 'notice' }]);
    } catch {
      setNotes([{ key: 'capture.screenUnavailable', kind: 'notice' }]);
    }
  };

  return (
    <section class="card add-evidence" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('capture.add.title')}</h2>
      <DetailsFields value={details} onChange={setDetails} related={caseItems ?? []} problems={problems} />
      <section
        class={`drop-zone${dragging ? ' dragging' : ''}`}
        data-testid="drop-zone"
        aria-label={t('capture.add.drop')}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          void addFiles(Array.from(e.dataTransfer?.files ?? []));
        }}
      >
        <div class="capture-buttons">
          <label class="button primary file-button">
            {t('capture.add.pick')}
            <input
              type="file"
              multiple
              class="visually-hidden"
              onChange={fromInput}
              data-testid="file-input"
            />
          </label>
          <label class="button file-button">
            {t('capture.add.camera')}
            <input
              type="file"
              accept="image/*,video/*"
              capture="environment"
              class="visually-hidden"
              onChange={fromInput}
            />
          </label>
          <label class="button file-button">
            {t('capture.add.microphone')}
            <input type="file" accept="audio/*" capture="user" class="visually-hidden" onChange={fromInput} />
          </label>
          <button type="button" class="button" onClick={screen}>
            {t('capture.add.screen')}
          </button>
        </div>
        <p>{t('capture.add.drop')}</p>
      </section>
      <div class="capture-inline">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void addWithoutFile('webLink', link);
          }}
        >
          <div class="field">
            <label for={`${id}-link`}>{t('capture.add.linkUrl')}</label>
            <input
              id={`${id}-link`}
              type="text"
              inputMode="url"
              value={link}
              onInput={(e) => setLink((e.currentTarget as HTMLInputElement).value)}
            />
          </div>
          <button type="submit" class="button">
            {t('capture.add.link')}
          </button>
        </form>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void addWithoutFile('messageText', text);
          }}
        >
          <div class="field">
            <label for={`${id}-text`}>{t('capture.add.textBody')}</label>
            <textarea
              id={`${id}-text`}
              rows={3}
              value={text}
              onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)}
            />
          </div>
          <button type="submit" class="button">
            {t('capture.add.text')}
          </button>
        </form>
      </div>
      <div aria-live="polite">
        {busy > 0 && <p role="status">{t('capture.add.working', { count: busy })}</p>}
        {problems.length > 0 && (
          <p class="error" role="alert">
            {t('details.problems')}
          </p>
        )}
        {waiting.length > 0 && (
          <div class="notice">
            <p>{t('dup.waiting', { count: waiting.length })}</p>
            <button type="button" class="button small" onClick={() => void addFiles(waiting)}>
              {t('dup.addWaiting')}
            </button>
          </div>
        )}
        {duplicates?.found.map((found) => (
          <DuplicateNotice
            key={`${found.name}-${found.itemId}`}
            name={found.name}
            existing={[...(caseItems ?? []), ...duplicates.added].find((item) => item.id === found.itemId)}
            added={duplicates.added}
            caseId={caseId}
            onLinked={changed}
          />
        ))}
        {notes.map((note) => (
          <p
            key={`${note.key}-${JSON.stringify(note.params)}`}
            class={note.kind}
            role={note.kind === 'error' ? 'alert' : 'status'}
          >
            {t(note.key, note.params)}
          </p>
        ))}
      </div>
    </section>
  );
}

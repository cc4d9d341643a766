import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { isBuktiError } from '../../../core/errors';
import { savedFileName } from '../../../core/files/saved-name';
import type { MessageKey, MessageParams } from '../../../core/i18n';
import type { ExportProgress, ExportRequest } from '../../../core/service/export';
import { removeIfEmpty } from '../../../core/service/export-handles';
import { showBidiControls } from '../../../core/text/display';
import { formatBytes } from '../../format';
import { useVaultData } from '../../hooks/use-vault-data';
import { useI18n } from '../../i18n';
import { session } from '../../state/session';
import { canStreamDownload, streamDownload } from '../../sw-download';
import { ScreenIntro } from '../ScreenIntro';
import { ExportDone, type SavedBundle } from './ExportDone';
import { type ExportChoice, ExportOptions } from './ExportOptions';
import './export.css';
import { bundleFile, bundleStream, bundleType, canPickSaveFile, IN_MEMORY_LIMIT, pickSaveFile } from './save';

let nextExport = 1;

type Message = { key: MessageKey; params?: MessageParams };
interface Running {
  number: number;
  stop: AbortController;
}

const CANCELLED_CODES: readonly string[] = ['bundle.seal.cancelled', 'report.cancelled'];

/**
 * Tells the vault worker to forget export `number`. Once the vault locked (here, or because another tab
 * erased it) that worker has ended and the export with it: there is nothing left to tell.
 */
function dropExport(number: number): void {
  if (session.state.status !== 'unlocked') return;
  try {
    void session.vault.cancelExport(number).catch(() => undefined);
  } catch {
    // Locking right now: the worker holding the export is already gone.
  }
}

/**
 * Make a sealed bundle: choose what goes in, then it streams straight into a file the person picks
 * (File System Access), into the downloads folder (through the service worker), or, when small, into
 * a File for the share sheet. The custody log records the export only once the whole ZIP was saved.
 */
export function ExportScreen() {
  const { t, locale } = useI18n();
  const id = useId();
  const { data: cases } = useVaultData(() => session.vault.listCases(), []);
  const [caseId, setCaseId] = useState('');
  const [running, setRunning] = useState<number | null>(null);
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  const [bytes, setBytes] = useState<{ written: number; total: number } | null>(null);
  const [saved, setSaved] = useState<SavedBundle | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const current = useRef<Running | null>(null);

  useEffect(() => {
    if (!caseId && cases?.[0]) setCaseId(cases[0].id);
  }, [cases, caseId]);
  useEffect(
    () =>
      session.onWorkerEvent((name, data) => {
        // Other events (the database closed by another tab) carry no export number.
        const event = data as { exportNumber?: number; progress: ExportProgress; bytes: number } | undefined;
        if (event?.exportNumber !== running) return;
        if (name === 'export-progress') setProgress(event.progress);
        if (name === 'export-written')
          setBytes((shown) => ({ written: event.bytes, total: shown?.total ?? 0 }));
      }),
    [running],
  );
  const cancel = () => {
    const run = current.current;
    if (!run) return;
    run.stop.abort();
    dropExport(run.number);
  };
  useEffect(() => {
    const stop = session.onLock(() => {
      cancel();
      setSaved(null);
    });
    return () => {
      stop();
      cancel();
    };
  }, []);

  const save = async (number: number, choice: ExportChoice, share: boolean): Promise<SavedBundle | null> => {
    const bundleId = crypto.randomUUID();
    const how = share ? 'share' : canPickSaveFile() ? 'file' : canStreamDownload() ? 'download' : 'memory';
    const sealed = choice.seal !== undefined;
    const kind = sealed ? 'sealedBundle' : 'bundle';
    // Before anything is awaited: the save dialog needs the click that asked for it.
    const picking =
      how === 'file'
        ? pickSaveFile(
            savedFileName(kind, { date: new Date(), id: bundleId, typed: choice.fileName }),
            sealed,
          )
        : null;
    const handle = picking ? await picking : null;
    if (how === 'file' && !handle) {
      setMessage({ key: 'export.noFileChosen' });
      return null;
    }
    const stop = new AbortController();
    current.current = { number, stop };
    setRunning(number);
    const request: ExportRequest = { ...choice, caseId, bundleId };
    const opened = await session.vault.exportStart(number, request);
    if ((how === 'share' || how === 'memory') && opened.estimatedSize > IN_MEMORY_LIMIT) {
      await session.vault.cancelExport(number);
      setMessage(
        how === 'share'
          ? { key: 'export.tooLargeToShare', params: { size: formatBytes(opened.estimatedSize, locale) } }
          : { key: 'export.notReadyToSave' },
      );
      return null;
    }
    setBytes({ written: 0, total: opened.estimatedSize });
    if (handle) {
      // The vault worker writes the file itself: no piece of the bundle passes through the page. If
      // that worker ended (the vault locked or was erased elsewhere), the empty picked file is ours to remove.
      await session.vault.exportWrite(number, handle).catch(async (error: unknown) => {
        await removeIfEmpty(handle);
        throw error;
      });
      return { how: 'file', summary: await session.vault.exportFinish(number), name: handle.name };
    }
    const stream = bundleStream(session.vault, number, (written) =>
      setBytes({ written, total: opened.estimatedSize }),
    );
    if (how === 'download') {
      await streamDownload(stream, opened.fileName, bundleType(sealed), stop.signal);
      return { how: 'download', summary: await session.vault.exportFinish(number) };
    }
    const file = await bundleFile(stream, opened.fileName, bundleType(sealed));
    return { how: 'share', summary: await session.vault.exportFinish(number), file };
  };

  const start = async (choice: ExportChoice, share: boolean) => {
    const number = nextExport++;
    setSaved(null);
    setMessage(null);
    setProgress(null);
    setBytes(null);
    const finished = session.exporting();
    try {
      const done = await save(number, choice, share);
      if (done) setSaved(done);
    } catch (error) {
      const stopped = current.current?.stop.signal.aborted === true;
      const code = isBuktiError(error) ? error.code : 'error.unexpected';
      if (stopped || CANCELLED_CODES.includes(code)) setMessage({ key: 'export.cancelled' });
      else
        setMessage(
          isBuktiError(error)
            ? { key: code, params: error.params }
            : { key: code, params: { detail: 'export' } },
        );
      dropExport(number);
    } finally {
      finished();
      current.current = null;
      setRunning(null);
    }
  };

  return (
    <section class="screen" data-screen="export">
      <ScreenIntro title="screen.export.title" intro="screen.export.intro" />
      {cases && cases.length === 0 && <p class="notice">{t('export.noCases')}</p>}
      {cases && cases.length > 0 && (
        <>
          <div class="field">
            <label for={`${id}-case`}>{t('export.case')}</label>
            <select
              id={`${id}-case`}
              value={caseId}
              disabled={running !== null}
              onChange={(e) => setCaseId((e.currentTarget as HTMLSelectElement).value)}
            >
              {cases.map((c) => (
                <option key={c.id} value={c.id}>
                  {showBidiControls(c.title)}
                </option>
              ))}
            </select>
          </div>
          {caseId && <ExportOptions key={caseId} caseId={caseId} busy={running !== null} onStart={start} />}
        </>
      )}
      {running !== null && (
        <div class="card" role="status" aria-live="polite">
          <progress
            value={progress?.stage === 'bundle' ? progress.entriesDone : (progress?.done ?? 0)}
            max={progress?.stage === 'bundle' ? progress.entriesTotal : (progress?.total ?? 1)}
          />
          <p>
            {progress?.stage === 'bundle'
              ? t('export.progress.bundle', { entry: progress.entry })
              : t('export.progress.report', { done: progress?.done ?? 0, total: progress?.total ?? 0 })}
          </p>
          {bytes && (
            <p>
              {t('export.progress.bytes', {
                written: formatBytes(bytes.written, locale),
                total: formatBytes(Math.max(bytes.total, bytes.written), locale),
              })}
            </p>
          )}
          <button type="button" class="button" onClick={cancel}>
            {t('export.cancel')}
          </button>
        </div>
      )}
      {message && (
        <p class={message.key === 'export.cancelled' ? 'notice' : 'error'} role="alert">
          {t(message.key, message.params)}
        </p>
      )}
      {saved && <ExportDone saved={saved} />}
    </section>
  );
}

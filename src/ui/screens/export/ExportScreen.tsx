import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { isBuktiError } from '../../../core/errors';
import type { MessageKey, MessageParams } from '../../../core/i18n';
import type { ExportProgress, ExportRequest, ExportResult } from '../../../core/service/export';
import { useVaultData } from '../../hooks/use-vault-data';
import { useI18n } from '../../i18n';
import { discreetPreset } from '../../safety/discreet';
import { session } from '../../state/session';
import { ScreenIntro } from '../ScreenIntro';
import { ExportDone } from './ExportDone';
import { type ExportChoice, ExportOptions } from './ExportOptions';

let nextExport = 1;

/** Make a sealed bundle: choose what goes in, watch it being made, then save or share it. */
export function ExportScreen() {
  const { t } = useI18n();
  const id = useId();
  const { data: cases } = useVaultData(() => session.vault.listCases(), []);
  const [caseId, setCaseId] = useState('');
  const [running, setRunning] = useState<number | null>(null);
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  const [result, setResult] = useState<ExportResult | null>(null);
  const [message, setMessage] = useState<{ key: MessageKey; params?: MessageParams } | null>(null);
  const cancelled = useRef(false);

  useEffect(() => {
    if (!caseId && cases?.[0]) setCaseId(cases[0].id);
  }, [cases, caseId]);
  useEffect(
    () =>
      session.onWorkerEvent((name, data) => {
        const event = data as { exportNumber: number; progress: ExportProgress };
        if (name === 'export-progress' && event.exportNumber === running) setProgress(event.progress);
      }),
    [running],
  );
  useEffect(() => session.onLock(() => setResult(null)), []);

  const start = async (choice: ExportChoice) => {
    const number = nextExport++;
    const request: ExportRequest = { ...choice, caseId, discreet: discreetPreset() !== null };
    cancelled.current = false;
    setRunning(number);
    setResult(null);
    setMessage(null);
    setProgress(null);
    try {
      setResult(await session.vault.exportBundle(number, request));
    } catch (error) {
      const code = isBuktiError(error) ? error.code : 'error.unexpected';
      const wasCancelled =
        cancelled.current || code === 'bundle.seal.cancelled' || code === 'report.cancelled';
      setMessage(wasCancelled ? { key: 'export.cancelled' } : { key: code, params: { detail: 'export' } });
    } finally {
      setRunning(null);
    }
  };

  const cancel = () => {
    cancelled.current = true;
    if (running !== null) void session.vault.cancelExport(running);
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
                  {c.title}
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
      {result && <ExportDone result={result} />}
    </section>
  );
}

import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { RestoreProgress } from '../../../core/backup';
import { isBuktiError } from '../../../core/errors';
import type { MessageKey, MessageParams } from '../../../core/i18n';
import { useI18n } from '../../i18n';
import { session, useSession } from '../../state/session';
import { PassphraseField } from '../vault/PassphraseField';
import { openRestoreWorker } from './restore-worker';
import './backup.css';

type Message = { key: MessageKey; params?: MessageParams };

/** A listener for the events of the worker doing the restore: it shows each progress report at once. */
function progressListener(show: (progress: RestoreProgress) => void) {
  return (name: string, data: unknown) => {
    if (name === 'restore-progress') show(data as RestoreProgress);
  };
}

/**
 * What the restore is doing, in the words of its mode: replacing reads the whole file once to check it
 * before the vault is erased, then again to write it; onto an empty device each part is checked as it
 * is written. Before any progress the backup's passphrase is being tried.
 */
function progressText(
  t: (key: MessageKey, params?: MessageParams) => string,
  progress: RestoreProgress | null,
  replacing: boolean,
) {
  if (!progress) return t('backup.restore.starting');
  const percent = progress.totalBytes ? Math.floor((100 * progress.bytesRead) / progress.totalBytes) : 0;
  if (progress.phase === 'checking') return t('backup.restore.checking', { percent });
  return t(replacing ? 'backup.restore.writingReplace' : 'backup.restore.writingEmpty', { percent });
}

/**
 * Restore from a backup file. On a device without a vault (the create-vault screen) it restores
 * straight away; with a vault unlocked (Settings) it replaces it only after a typed confirmation, and
 * the old vault is erased only once the whole file has been checked. Then the restored vault is opened.
 */
export function RestoreSection() {
  const { t } = useI18n();
  const id = useId();
  const state = useSession();
  const replacing = state.status === 'unlocked';
  const word = t('backup.restore.word');
  const [file, setFile] = useState<File | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<RestoreProgress | null>(null);
  const [opening, setOpening] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);
  const worker = useRef<ReturnType<typeof openRestoreWorker> | null>(null);
  useEffect(
    () => () => {
      if (!worker.current) return;
      // Left mid-restore: it stops, and the session removes what it had written and says so.
      worker.current.close();
      void session.start();
    },
    [],
  );

  const restore = async (chosen: File) => {
    const listener = progressListener(setProgress);
    if (replacing) {
      const vault = session.vault;
      const stop = session.onWorkerEvent(listener);
      try {
        await session.structural('replace', () => vault.restoreBackup(chosen, passphrase, true));
      } finally {
        stop();
      }
      setOpening(true);
      session.lock();
    } else {
      const opened = openRestoreWorker(listener);
      worker.current = opened;
      try {
        await session.structural('restore', () => opened.vault.restoreBackup(chosen, passphrase, false));
      } finally {
        opened.close();
        worker.current = null;
      }
      setOpening(true);
      await session.start();
    }
    await session.unlock(passphrase);
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!file) return setMessage({ key: 'backup.restore.noFile' });
    if (replacing && typed.trim().toUpperCase() !== word.toUpperCase()) {
      return setMessage({ key: 'backup.restore.mismatch', params: { word } });
    }
    setMessage(null);
    setBusy(true);
    setProgress(null);
    try {
      await restore(file);
    } catch (error) {
      setMessage(
        isBuktiError(error)
          ? { key: error.code, params: error.params }
          : { key: 'error.unexpected', params: { detail: 'restore' } },
      );
      setBusy(false);
      setOpening(false);
    }
  };

  return (
    <section class={replacing ? 'card danger' : 'card'} aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('backup.restore.title')}</h2>
      <p>{t('backup.restore.explain')}</p>
      {replacing && <p class="warning">{t('backup.restore.explainReplace')}</p>}
      <form onSubmit={submit} aria-busy={busy} noValidate>
        <div class="field">
          <label for={`${id}-file`}>{t('backup.restore.file')}</label>
          <input
            id={`${id}-file`}
            type="file"
            name="backup-file"
            onChange={(e) => setFile((e.currentTarget as HTMLInputElement).files?.[0] ?? null)}
          />
        </div>
        <PassphraseField
          name="backup-restore-passphrase"
          label={t('backup.restore.passphrase')}
          value={passphrase}
          onInput={setPassphrase}
          reveal={false}
          autoComplete="current-password"
        />
        {replacing && (
          <div class="field">
            <label for={`${id}-word`}>{t('backup.restore.typeWord', { word })}</label>
            <input
              id={`${id}-word`}
              name="restore-confirm"
              value={typed}
              onInput={(e) => setTyped((e.currentTarget as HTMLInputElement).value)}
            />
          </div>
        )}
        {busy && (
          <p role="status">{opening ? t('backup.restore.opening') : progressText(t, progress, replacing)}</p>
        )}
        {message && (
          <p class="error" role="alert">
            {t(message.key, message.params)}
          </p>
        )}
        <button type="submit" class={replacing ? 'button danger' : 'button primary'} disabled={busy}>
          {replacing ? t('backup.restore.submitReplace') : t('backup.restore.submit')}
        </button>
      </form>
    </section>
  );
}

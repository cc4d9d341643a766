import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { BackupStatus } from '../../../core/backup';
import { isBuktiError } from '../../../core/errors';
import { savedFileName } from '../../../core/files/saved-name';
import type { MessageKey, MessageParams } from '../../../core/i18n';
import { FileNameField } from '../../components/FileNameField';
import { useI18n } from '../../i18n';
import { session } from '../../state/session';
import { PassphraseField } from '../vault/PassphraseField';
import {
  BACKUP_TYPE,
  backupStream,
  canPickSaveFile,
  canShareFile,
  formatSize,
  pickSaveFile,
  shareFile,
  streamToBlob,
} from './save';

type Stage =
  | { step: 'form' }
  | { step: 'checking' }
  | { step: 'ready'; handle: number; name: string }
  | { step: 'working'; handle: number; bytes: number }
  | { step: 'prepared'; handle: number; file: File; url: string }
  | { step: 'done' };

type Message = { key: MessageKey; params?: MessageParams; ok?: boolean };

function problem(error: unknown): Message {
  return isBuktiError(error)
    ? { key: error.code, params: error.params }
    : { key: 'error.unexpected', params: { detail: 'backup' } };
}

/**
 * Makes a backup: asks for the passphrase, then saves the file straight to disk (File System Access),
 * as a download, or through the share sheet. Pieces come from the vault worker as they are written.
 */
export function MakeBackup({ onSaved }: { onSaved: (status: BackupStatus) => void }) {
  const { t, locale } = useI18n();
  const [passphrase, setPassphrase] = useState('');
  const [fileName, setFileName] = useState('');
  const [stage, setStage] = useState<Stage>({ step: 'form' });
  const [message, setMessage] = useState<Message | null>(null);
  // What must be undone if the screen closes or the vault locks: an open backup, an object URL.
  const open = useRef<{ handle?: number; url?: string }>({});
  const hintId = useId();

  // Bumped whenever the current backup is dropped, so its late failures are not shown as new ones.
  const generation = useRef(0);

  const release = () => {
    generation.current++;
    const { handle, url } = open.current;
    open.current = {};
    if (url) URL.revokeObjectURL(url);
    if (handle !== undefined) void session.vault.backupCancel(handle).catch(() => undefined);
  };

  // Registered once: `release` reads only the ref, so the first render's copy is as good as any.
  useEffect(() => {
    const stop = session.onLock(release);
    return () => {
      stop();
      release();
    };
  }, []);

  const fail = (error: unknown) => {
    release();
    setMessage(problem(error));
    setStage({ step: 'form' });
  };

  const saved = async (handle: number, done: Message) => {
    open.current.handle = undefined;
    onSaved(await session.vault.backupSaved(handle));
    setMessage(done);
    setStage({ step: 'done' });
  };

  const start = async (event: Event) => {
    event.preventDefault();
    setMessage(null);
    setStage({ step: 'checking' });
    try {
      const result = await session.vault.backupStart(passphrase);
      if (result.kind === 'erased') {
        session.afterCheck(result);
        return;
      }
      if (result.kind === 'ok') {
        open.current.handle = result.handle;
        setStage({
          step: 'ready',
          handle: result.handle,
          name: savedFileName('backup', {
            date: new Date(result.createdAt),
            id: crypto.randomUUID(),
            typed: fileName,
          }),
        });
      } else {
        const seconds = result.kind === 'wait' ? Math.ceil((result.until - Date.now()) / 1000) : 0;
        setMessage(
          result.kind === 'wait'
            ? { key: 'vault.wait', params: { seconds } }
            : { key: 'vault.wrongPassphrase' },
        );
        setStage({ step: 'form' });
      }
    } catch (error) {
      fail(error);
    } finally {
      setPassphrase('');
    }
  };

  /** Runs one step of the current backup; a failure after it was cancelled is not reported. */
  const step = async (work: () => Promise<void>) => {
    const mine = generation.current;
    try {
      await work();
    } catch (error) {
      if (generation.current === mine) fail(error);
    }
  };

  const saveToFile = (handle: number, name: string) =>
    step(async () => {
      const writable = await pickSaveFile(name);
      if (!writable) return;
      setStage({ step: 'working', handle, bytes: 0 });
      let size = 0;
      await backupStream(session.vault, handle, (bytes) => {
        size = bytes;
        setStage({ step: 'working', handle, bytes });
      }).pipeTo(writable);
      await saved(handle, { key: 'backup.saved', params: { size: formatSize(size, locale) }, ok: true });
    });

  const prepare = (handle: number, name: string) =>
    step(async () => {
      setStage({ step: 'working', handle, bytes: 0 });
      const stream = backupStream(session.vault, handle, (bytes) =>
        setStage({ step: 'working', handle, bytes }),
      );
      const file = new File([await streamToBlob(stream)], name, { type: BACKUP_TYPE });
      const url = URL.createObjectURL(file);
      open.current.url = url;
      setStage({ step: 'prepared', handle, file, url });
    });

  const downloaded = (handle: number, file: File) => {
    // The click has started the download; the URL is revoked once the browser has had time to read it.
    const url = open.current.url;
    open.current.url = undefined;
    if (url) setTimeout(() => URL.revokeObjectURL(url), 30_000);
    void step(() => saved(handle, { key: 'backup.downloaded', params: { name: file.name }, ok: true }));
  };

  const share = (handle: number, file: File) =>
    step(async () => {
      if (!(await shareFile(file))) return;
      await saved(handle, { key: 'backup.saved', params: { size: formatSize(file.size, locale) }, ok: true });
    });

  const cancel = () => {
    release();
    setMessage({ key: 'backup.cancelled' });
    setStage({ step: 'form' });
  };

  return (
    <div class="make-backup">
      {(stage.step === 'form' || stage.step === 'checking' || stage.step === 'done') && (
        <form onSubmit={start} aria-busy={stage.step === 'checking'} noValidate>
          <PassphraseField
            name="backup-passphrase"
            label={t('backup.passphrase')}
            value={passphrase}
            onInput={setPassphrase}
            reveal={false}
            autoComplete="current-password"
            describedBy={hintId}
          />
          <p id={hintId} class="muted">
            {t('backup.passphraseHint')}
          </p>
          <FileNameField kind="backup" value={fileName} onInput={setFileName} />
          <button type="submit" class="button primary" disabled={stage.step === 'checking'}>
            {t('backup.make')}
          </button>
          {stage.step === 'checking' && <p role="status">{t('backup.checking')}</p>}
        </form>
      )}
      {stage.step === 'ready' && (
        <div>
          <p role="status">{t('backup.ready')}</p>
          <div class="backup-actions">
            {canPickSaveFile() && (
              <button
                type="button"
                class="button primary"
                onClick={() => saveToFile(stage.handle, stage.name)}
              >
                {t('backup.saveToFile')}
              </button>
            )}
            <button type="button" class="button" onClick={() => prepare(stage.handle, stage.name)}>
              {t('backup.download')}
            </button>
            {canShareFile(stage.name) && (
              <button type="button" class="button" onClick={() => prepare(stage.handle, stage.name)}>
                {t('backup.share')}
              </button>
            )}
            <button type="button" class="button" onClick={cancel}>
              {t('backup.cancel')}
            </button>
          </div>
        </div>
      )}
      {stage.step === 'working' && (
        <div class="backup-actions">
          <p role="status">{t('backup.progress', { size: formatSize(stage.bytes, locale) })}</p>
          <button type="button" class="button" onClick={cancel}>
            {t('backup.cancel')}
          </button>
        </div>
      )}
      {stage.step === 'prepared' && (
        <div class="backup-actions">
          <a
            class="button primary"
            href={stage.url}
            download={stage.file.name}
            onClick={() => downloaded(stage.handle, stage.file)}
          >
            {t('backup.saveLink', { size: formatSize(stage.file.size, locale) })}
          </a>
          {canShareFile(stage.file.name) && (
            <button type="button" class="button" onClick={() => share(stage.handle, stage.file)}>
              {t('backup.shareNow')}
            </button>
          )}
        </div>
      )}
      {message && (
        <p class={message.ok ? 'ok' : 'error'} role={message.ok ? 'status' : 'alert'}>
          {t(message.key, message.params)}
        </p>
      )}
    </div>
  );
}

import { useRef, useState } from 'preact/hooks';
import { isBuktiError } from '../../../core/errors';
import type { MessageKey, MessageParams } from '../../../core/i18n';
import type { OpenWith } from '../../../core/seal';
import { hrefFor } from '../../app/router';
import { useI18n } from '../../i18n';
import { openInWorker } from '../../workers/seal-bridge';
import { type VerifiedBundle, verifyInWorker } from '../../workers/verify-bridge';
import { Verdict } from '../verify/Verdict';
import { VerifyResult } from '../verify/VerifyResult';
import { counted, nextFrame } from './progress';
import type { LoadedKey } from './RecipientKey';
import { StreamControls } from './StreamControls';
import { saveStream } from './save-stream';

type Outcome =
  | { kind: 'verified'; name: string; size: number; verified: VerifiedBundle }
  | { kind: 'downloaded'; name: string }
  | { kind: 'error'; code: MessageKey; params: MessageParams };

/** `case.zip.age` opens to `case.zip`. */
const openedName = (name: string) => (name.endsWith('.age') ? name.slice(0, -4) : `${name}.zip`);

/**
 * The recipient's side: pick a sealed bundle (`.age`), open it with the key on this screen or a
 * passphrase, save the bundle as it is decrypted, then check it with the verifier. A wrong key, or a
 * file altered or cut short on the way, leaves no file behind.
 */
export function OpenSealed({ loaded }: { loaded: LoadedKey | null }) {
  const { t } = useI18n();
  const [sealed, setSealed] = useState<File | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [done, setDone] = useState<number | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const running = useRef<AbortController | null>(null);

  const open = async () => {
    if (!sealed) return;
    const key: OpenWith | null = passphrase
      ? { passphrase }
      : loaded
        ? { identityFile: loaded.identityFile }
        : null;
    if (!key) {
      setOutcome({ kind: 'error', code: 'sealUi.open.needKey', params: {} });
      return;
    }
    setOutcome(null);
    const controller = new AbortController();
    running.current = controller;
    try {
      const saved = await saveStream(
        async () => {
          setDone(0);
          await nextFrame();
          return openInWorker(counted(sealed.stream(), setDone), key);
        },
        openedName(sealed.name),
        { 'application/zip': ['.zip'] },
        controller.signal,
      );
      if (!saved) return;
      if (saved.how === 'download') {
        setOutcome({ kind: 'downloaded', name: saved.name });
        return;
      }
      const file = await saved.file();
      const verified = await verifyInWorker(file, { signal: controller.signal });
      setOutcome({ kind: 'verified', name: file.name, size: file.size, verified });
    } catch (error) {
      if (controller.signal.aborted) setOutcome({ kind: 'error', code: 'sealUi.cancelled', params: {} });
      else if (isBuktiError(error)) setOutcome({ kind: 'error', code: error.code, params: error.params });
      else setOutcome({ kind: 'error', code: 'sealUi.failed', params: {} });
    } finally {
      running.current = null;
      setDone(null);
    }
  };

  return (
    <div class="open-sealed">
      <h3>{t('sealUi.open.title')}</h3>
      <label class="field">
        <span>{t('sealUi.open.pick')}</span>
        <input
          type="file"
          accept=".age,application/octet-stream"
          data-testid="open-age"
          onChange={(event) => {
            setSealed(event.currentTarget.files?.[0] ?? null);
            setOutcome(null);
          }}
        />
      </label>
      <p>{loaded ? t('sealUi.open.withKey', { recipient: loaded.recipient }) : t('sealUi.open.noKey')}</p>
      <label class="field">
        <span>{t('sealUi.open.passphrase')}</span>
        <input
          type="password"
          autocomplete="off"
          data-testid="open-passphrase"
          value={passphrase}
          onInput={(event) => setPassphrase(event.currentTarget.value)}
        />
      </label>
      <StreamControls
        start={t('sealUi.open.start')}
        file={sealed}
        done={done}
        progress="sealUi.open.progress"
        onStart={() => void open()}
        onCancel={() => running.current?.abort()}
      >
        {outcome?.kind === 'verified' && <Verdict status={outcome.verified.report.status} />}
        {outcome?.kind === 'downloaded' && (
          <p>
            {t('sealUi.open.downloaded', { name: outcome.name })}{' '}
            <a href={hrefFor('verify')}>{t('sealUi.open.verifyLink')}</a>
          </p>
        )}
      </StreamControls>
      {outcome?.kind === 'error' && (
        <p class="error" role="alert" data-testid="open-error">
          {t(outcome.code, outcome.params)}
        </p>
      )}
      {outcome?.kind === 'verified' && (
        <VerifyResult
          verified={outcome.verified}
          file={{ name: outcome.name, size: outcome.size }}
          onAnother={() => setOutcome(null)}
        />
      )}
    </div>
  );
}

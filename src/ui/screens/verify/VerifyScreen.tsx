import { useEffect, useRef, useState } from 'preact/hooks';
import { normaliseFingerprint } from '../../../core/bundle/verify-container';
import { printable } from '../../../core/bundle/verify-report';
import { isBuktiError } from '../../../core/errors';
import type { MessageKey, MessageParams } from '../../../core/i18n';
import { hrefFor } from '../../app/router';
import { useI18n } from '../../i18n';
import { type VerifiedBundle, verifyInWorker } from '../../workers/verify-bridge';
import { ScreenIntro } from '../ScreenIntro';
import { BundlePicker } from './BundlePicker';
import { CheckProgress } from './CheckProgress';
import { ExpectedKey } from './ExpectedKey';
import { TimestampPanel } from './TimestampPanel';
import { Verdict } from './Verdict';
import { VerifyResult } from './VerifyResult';
import './verify.css';

interface Notice {
  code: MessageKey;
  params: MessageParams;
}

interface PickedFile {
  name: string;
  size: number;
}

type Phase =
  | { kind: 'pick'; notice: Notice | null; returning: boolean }
  | { kind: 'checking'; file: PickedFile; bytesDone: number; bytesTotal: number }
  | { kind: 'result'; file: PickedFile; bundle: File; verified: VerifiedBundle };

const START: Phase = { kind: 'pick', notice: null, returning: false };

/**
 * Checks a sealed bundle with no vault (police and lawyers have only the ZIP). The check runs in a worker
 * and can be cancelled; the outcome is announced in the status region and its details follow.
 */
export function VerifyScreen() {
  const { t } = useI18n();
  const [phase, setPhase] = useState<Phase>(START);
  const [expectedKey, setExpectedKey] = useState('');
  const [keyError, setKeyError] = useState(false);
  const running = useRef<AbortController | null>(null);

  // Leaving the screen stops a check nobody is waiting for.
  useEffect(() => () => running.current?.abort(), []);

  const check = async (file: File) => {
    const typed = expectedKey.trim();
    if (typed !== '' && normaliseFingerprint(typed) === undefined) {
      setKeyError(true);
      return;
    }
    running.current?.abort();
    const controller = new AbortController();
    running.current = controller;
    const picked = { name: file.name, size: file.size };
    setPhase({ kind: 'checking', file: picked, bytesDone: 0, bytesTotal: 0 });
    try {
      const verified = await verifyInWorker(file, {
        expectedKey: typed === '' ? undefined : typed,
        signal: controller.signal,
        onProgress: (bytesDone, bytesTotal) =>
          setPhase((now) => (now.kind === 'checking' ? { ...now, bytesDone, bytesTotal } : now)),
      });
      setPhase({ kind: 'result', file: picked, bundle: file, verified });
    } catch (error) {
      const notice = isBuktiError(error)
        ? { code: error.code, params: error.params }
        : { code: 'verifyUi.failed' as const, params: { detail: 'page' } };
      setPhase({ kind: 'pick', notice, returning: true });
    } finally {
      if (running.current === controller) running.current = null;
    }
  };

  return (
    <section class="screen verify" data-screen="verify">
      <ScreenIntro title="screen.verify.title" intro="screen.verify.intro" />
      <p class="verify-privacy">{t('verifyUi.privacy')}</p>
      <p>
        <a href={hrefFor('sealed')}>{t('sealUi.link.verifyAge')}</a>
      </p>
      <div role="status" class="verify-status" data-testid="verify-status">
        {phase.kind === 'pick' && phase.notice && (
          <p class="notice">{t(phase.notice.code, phase.notice.params)}</p>
        )}
        {phase.kind === 'checking' && <p>{t('verifyUi.checking', { name: printable(phase.file.name) })}</p>}
        {phase.kind === 'result' && <Verdict status={phase.verified.report.status} />}
      </div>
      {phase.kind === 'pick' && (
        <ExpectedKey
          value={expectedKey}
          invalid={keyError}
          onInput={(value) => {
            setExpectedKey(value);
            setKeyError(false);
          }}
        />
      )}
      {phase.kind === 'pick' && (
        <BundlePicker
          focusOnMount={phase.returning}
          onFile={(file) => void check(file)}
          onSeveral={() =>
            setPhase({
              kind: 'pick',
              notice: { code: 'verifyUi.pick.oneAtATime', params: {} },
              returning: true,
            })
          }
        />
      )}
      {phase.kind === 'checking' && (
        <CheckProgress
          bytesDone={phase.bytesDone}
          bytesTotal={phase.bytesTotal}
          onCancel={() => running.current?.abort()}
        />
      )}
      {phase.kind === 'result' && <TimestampPanel bundle={phase.bundle} />}
      {phase.kind === 'result' && (
        <VerifyResult
          verified={phase.verified}
          file={phase.file}
          onAnother={() => setPhase({ kind: 'pick', notice: null, returning: true })}
        />
      )}
    </section>
  );
}

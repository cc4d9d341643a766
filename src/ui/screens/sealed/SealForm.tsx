import { useRef, useState } from 'preact/hooks';
import { isBuktiError } from '../../../core/errors';
import type { MessageKey, MessageParams } from '../../../core/i18n';
import type { SealFor } from '../../../core/seal';
import { useI18n } from '../../i18n';
import { sealInWorker } from '../../workers/seal-bridge';
import { counted, nextFrame } from './progress';
import { SealTargetFields, sealForOf, useSealTarget } from './SealTarget';
import { StreamControls } from './StreamControls';
import { saveStream } from './save-stream';

type Outcome = { kind: 'saved'; name: string } | { kind: 'error'; code: MessageKey; params: MessageParams };

/**
 * The survivor's side: pick a bundle (.zip), say whom it is for (their age keys, typed, pasted or
 * scanned, or a passphrase told to them another way), and save `<bundle>.zip.age`, sealed as it streams.
 */
export function SealForm() {
  const { t } = useI18n();
  const [zip, setZip] = useState<File | null>(null);
  const target = useSealTarget();
  const [done, setDone] = useState<number | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const running = useRef<AbortController | null>(null);

  const seal = async () => {
    if (!zip) return;
    setOutcome(null);
    let to: SealFor;
    try {
      to = sealForOf(target);
    } catch (error) {
      if (isBuktiError(error)) setOutcome({ kind: 'error', code: error.code, params: error.params });
      return;
    }
    const controller = new AbortController();
    running.current = controller;
    try {
      const saved = await saveStream(
        async () => {
          setDone(0);
          await nextFrame();
          return sealInWorker(counted(zip.stream(), setDone), to);
        },
        `${zip.name}.age`,
        { 'application/octet-stream': ['.age'] },
        controller.signal,
      );
      if (saved) setOutcome({ kind: 'saved', name: saved.name });
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
    <section class="card sealed-part" aria-labelledby="seal-heading">
      <h2 id="seal-heading">{t('sealUi.seal.title')}</h2>
      <p>{t('sealUi.seal.intro')}</p>
      <label class="field">
        <span>{t('sealUi.seal.pick')}</span>
        <input
          type="file"
          accept=".zip,application/zip"
          data-testid="seal-zip"
          onChange={(event) => {
            setZip(event.currentTarget.files?.[0] ?? null);
            setOutcome(null);
          }}
        />
      </label>
      <SealTargetFields target={target} />
      <StreamControls
        start={t('sealUi.seal.start')}
        file={zip}
        done={done}
        progress="sealUi.seal.progress"
        onStart={() => void seal()}
        onCancel={() => running.current?.abort()}
      >
        {outcome?.kind === 'saved' && (
          <p data-testid="seal-saved">{t('sealUi.seal.saved', { name: outcome.name })}</p>
        )}
      </StreamControls>
      {outcome?.kind === 'error' && (
        <p class="error" role="alert">
          {t(outcome.code, outcome.params)}
        </p>
      )}
    </section>
  );
}

import { useRef, useState } from 'preact/hooks';
import { BuktiError, isBuktiError } from '../../../core/errors';
import type { MessageKey, MessageParams } from '../../../core/i18n';
import { parseRecipients, type SealFor } from '../../../core/seal';
import { formatBytes } from '../../format';
import { useI18n } from '../../i18n';
import { sealInWorker } from '../../workers/seal-bridge';
import { counted, nextFrame } from './progress';
import { QrScan } from './QrScan';
import { saveStream } from './save-stream';

type Outcome = { kind: 'saved'; name: string } | { kind: 'error'; code: MessageKey; params: MessageParams };

/**
 * The survivor's side: pick a bundle (.zip), say whom it is for (their age keys, typed, pasted or
 * scanned, or a passphrase told to them another way), and save `<bundle>.zip.age`, sealed as it streams.
 */
export function SealForm() {
  const { t, locale } = useI18n();
  const [zip, setZip] = useState<File | null>(null);
  const [mode, setMode] = useState<'keys' | 'passphrase'>('keys');
  const [recipients, setRecipients] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [scanning, setScanning] = useState(false);
  const [done, setDone] = useState<number | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const running = useRef<AbortController | null>(null);

  const seal = async () => {
    if (!zip) return;
    setOutcome(null);
    let to: SealFor;
    try {
      to = mode === 'keys' ? { recipients: parseRecipients(recipients) } : { passphrase };
      // Checked before the save dialog opens, so a missing key never leaves an empty file behind.
      if ('recipients' in to && to.recipients.length === 0) throw new BuktiError('seal.recipient.none');
      if ('passphrase' in to && to.passphrase === '') throw new BuktiError('seal.passphrase.empty');
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
      <fieldset>
        <legend>{t('sealUi.seal.forWhom')}</legend>
        <label class="check">
          <input type="radio" name="seal-mode" checked={mode === 'keys'} onChange={() => setMode('keys')} />
          {t('sealUi.seal.modeKeys')}
        </label>
        <label class="check">
          <input
            type="radio"
            name="seal-mode"
            checked={mode === 'passphrase'}
            onChange={() => setMode('passphrase')}
          />
          {t('sealUi.seal.modePassphrase')}
        </label>
      </fieldset>
      {mode === 'keys' ? (
        <>
          <label class="field">
            <span>{t('sealUi.seal.recipients')}</span>
            <textarea
              rows={3}
              spellcheck={false}
              autocomplete="off"
              data-testid="seal-recipients"
              value={recipients}
              onInput={(event) => setRecipients(event.currentTarget.value)}
            />
          </label>
          <button
            type="button"
            class="button small"
            aria-expanded={scanning}
            onClick={() => setScanning(!scanning)}
          >
            {t('sealUi.scan.open')}
          </button>
          {scanning && (
            <QrScan
              onText={(text) => {
                setRecipients((now) => (now.trim() ? `${now.trim()}\n${text.trim()}` : text.trim()));
                setScanning(false);
              }}
            />
          )}
        </>
      ) : (
        <label class="field">
          <span>{t('sealUi.seal.passphrase')}</span>
          <input
            type="password"
            autocomplete="new-password"
            data-testid="seal-passphrase"
            value={passphrase}
            onInput={(event) => setPassphrase(event.currentTarget.value)}
          />
          <small>{t('sealUi.seal.passphraseHint')}</small>
        </label>
      )}
      <div class="sealed-actions">
        <button
          type="button"
          class="button primary"
          disabled={!zip || done !== null}
          onClick={() => void seal()}
        >
          {t('sealUi.seal.start')}
        </button>
        {done !== null && (
          <button type="button" class="button" onClick={() => running.current?.abort()}>
            {t('sealUi.cancel')}
          </button>
        )}
      </div>
      <div role="status" class="sealed-status">
        {done !== null && zip && (
          <p>
            {t('sealUi.seal.progress', {
              done: formatBytes(done, locale),
              total: formatBytes(zip.size, locale),
            })}
          </p>
        )}
        {outcome?.kind === 'saved' && (
          <p data-testid="seal-saved">{t('sealUi.seal.saved', { name: outcome.name })}</p>
        )}
      </div>
      {outcome?.kind === 'error' && (
        <p class="error" role="alert">
          {t(outcome.code, outcome.params)}
        </p>
      )}
    </section>
  );
}

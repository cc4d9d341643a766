import { useEffect, useId, useState } from 'preact/hooks';
import { formatFingerprint } from '../../../core/bundle/key';
import { savedFileName } from '../../../core/files/saved-name';
import { useI18n } from '../../i18n';
import { session, useSession } from '../../state/session';

/** Hands a small PDF the page made to the browser as a download. It holds no secret, only a fingerprint. */
function saveKeyCard(pdf: Uint8Array, name: string): void {
  const url = URL.createObjectURL(new Blob([pdf as BlobPart], { type: 'application/pdf' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * The signing key in the survivor's hands: its fingerprint, when it was made, and a printable key card
 * (EN + BM, with a QR code) to give the police officer or lawyer at the first report.
 */
export function KeySection() {
  const { t, locale } = useI18n();
  const id = useId();
  const state = useSession();
  const [madeAt, setMadeAt] = useState<string | null>(null);
  const [status, setStatus] = useState<'idle' | 'making' | 'failed' | { ready: string }>('idle');
  useEffect(() => {
    if (session.state.status === 'unlocked')
      session.vault.signingKeyMadeAt().then(setMadeAt, () => setMadeAt(null));
  }, []);
  if (state.status !== 'unlocked') return null;
  const fingerprint = state.summary.signingKeyFingerprint;
  const make = async () => {
    setStatus('making');
    try {
      const pdf = await session.vault.keyCard();
      const name = savedFileName('keyCard', { date: new Date(), id: fingerprint });
      saveKeyCard(pdf, name);
      setStatus({ ready: name });
    } catch {
      setStatus('failed');
    }
  };
  return (
    <section class="card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('keycard.section')}</h2>
      <p>{t('keycard.intro')}</p>
      <p>{t('keycard.shown')}</p>
      <p>
        <code class="hash" data-testid="key-fingerprint">
          {formatFingerprint(fingerprint)}
        </code>
      </p>
      {madeAt && <p>{t('keycard.madeShort', { time: new Date(madeAt).toLocaleString(locale) })}</p>}
      <button type="button" class="button" onClick={make} disabled={status === 'making'}>
        {t('keycard.make')}
      </button>
      <p role="status">
        {status === 'making' && t('keycard.making')}
        {typeof status === 'object' && t('keycard.ready', { name: status.ready })}
      </p>
      {status === 'failed' && (
        <p class="error" role="alert">
          {t('keycard.failed')}
        </p>
      )}
    </section>
  );
}

import { useState } from 'preact/hooks';
import { isBuktiError } from '../../../core/errors';
import {
  certificatesFromFile,
  checkTimestamp,
  failedCheck,
  readBundleSums,
  type TimestampCheck,
} from '../../../core/timestamp';
import { blobSource } from '../../../core/zip/source';
import { useI18n } from '../../i18n';

/**
 * Checks a time stamp (`.tsr`, from `bukti timestamp`) against the bundle just verified: the stamp is
 * over this SHA256SUMS, its signature holds, and, given the authority's CA certificate, its chain does.
 * Browsers cannot ask a time-stamping authority themselves (no CORS), but they can check a stamp.
 */
export function TimestampPanel({ bundle }: { bundle: File }) {
  const { t } = useI18n();
  const [tsr, setTsr] = useState<File | null>(null);
  const [cert, setCert] = useState<File | null>(null);
  const [check, setCheck] = useState<TimestampCheck | null>(null);

  const run = async () => {
    if (!tsr) return;
    try {
      const anchors = cert ? certificatesFromFile(new Uint8Array(await cert.arrayBuffer())) : [];
      const sums = await readBundleSums(blobSource(bundle));
      setCheck(await checkTimestamp(new Uint8Array(await tsr.arrayBuffer()), sums, anchors));
    } catch (error) {
      setCheck(isBuktiError(error) ? failedCheck(error.code, error.params) : failedCheck('timestamp.noSums'));
    }
  };

  const facts = { time: check?.time ?? '', authority: check?.authority ?? '' };
  return (
    <section class="card timestamp-panel" aria-labelledby="timestamp-heading">
      <h2 id="timestamp-heading">{t('verifyUi.timestamp.title')}</h2>
      <p>{t('verifyUi.timestamp.intro')}</p>
      <label class="field">
        <span>{t('verifyUi.timestamp.pick')}</span>
        <input
          type="file"
          accept=".tsr,application/timestamp-reply"
          data-testid="tsr-file"
          onChange={(event) => setTsr(event.currentTarget.files?.[0] ?? null)}
        />
      </label>
      <label class="field">
        <span>{t('verifyUi.timestamp.cert')}</span>
        <input
          type="file"
          accept=".pem,.crt,.cer,.der"
          data-testid="tsa-cert"
          onChange={(event) => setCert(event.currentTarget.files?.[0] ?? null)}
        />
      </label>
      <button type="button" class="button" disabled={!tsr} onClick={() => void run()}>
        {t('verifyUi.timestamp.check')}
      </button>
      <div role="status" data-testid="timestamp-result">
        {check && (
          <>
            <p class={check.status === 'invalid' ? 'error' : undefined}>
              {t(`timestamp.status.${check.status}`, facts)}
            </p>
            {check.problems.length > 0 && (
              <ul>
                {check.problems.map((problem) => (
                  <li key={problem.code}>{t(problem.code, problem.params)}</li>
                ))}
              </ul>
            )}
          </>
        )}
      </div>
      <p class="muted">{t('timestamp.openssl', { bundle: bundle.name, tsr: tsr?.name ?? '<bundle>.tsr' })}</p>
    </section>
  );
}

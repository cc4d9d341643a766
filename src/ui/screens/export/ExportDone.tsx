import { useEffect, useState } from 'preact/hooks';
import type { ExportResult } from '../../../core/service/export';
import { useI18n } from '../../i18n';

/** The finished bundle: its SHA-256 to write on the police form, and ways to save or share it. */
export function ExportDone({ result }: { result: ExportResult }) {
  const { t } = useI18n();
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const objectUrl = URL.createObjectURL(result.blob);
    setUrl(objectUrl);
    return () => URL.revokeObjectURL(objectUrl);
  }, [result.blob]);
  const file = new File([result.blob], result.fileName, { type: 'application/zip' });
  const canShare = typeof navigator.canShare === 'function' && navigator.canShare({ files: [file] });
  return (
    <section class="card" aria-live="polite">
      <h2>{t('export.done')}</h2>
      <p>{t('export.zipHash')}</p>
      <p>
        <code class="hash" data-testid="zip-sha256">
          {result.zipSha256}
        </code>
      </p>
      <p class="wrap-anywhere">{result.fileName}</p>
      {url && (
        <a class="button primary" href={url} download={result.fileName}>
          {t('export.save')}
        </a>
      )}{' '}
      {canShare && (
        <button
          type="button"
          class="button"
          onClick={() => void navigator.share({ files: [file] }).catch(() => undefined)}
        >
          {t('export.share')}
        </button>
      )}
    </section>
  );
}

import { useEffect, useState } from 'preact/hooks';
import { formatFingerprint } from '../../../core/bundle/key';
import type { ExportSummary } from '../../../core/service/export';
import type { SealedFile } from '../../../core/service/export-seal';
import { hrefFor } from '../../app/router';
import { formatBytes } from '../../format';
import { useI18n } from '../../i18n';

/** How the bundle left the app: into a picked file, the downloads folder, or a small File to share. */
export type SavedBundle =
  | { how: 'file'; summary: ExportSummary; name: string }
  | { how: 'download'; summary: ExportSummary }
  | { how: 'share'; summary: ExportSummary; file: File };

/** A file kept in memory, offered as a link until the screen closes or the vault locks. */
function useObjectUrl(file: File | null): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!file) return;
    const objectUrl = URL.createObjectURL(file);
    setUrl(objectUrl);
    return () => URL.revokeObjectURL(objectUrl);
  }, [file]);
  return url;
}

/** The finished bundle: its SHA-256 to write on the police form, where it went, and sharing if it can. */
export function ExportDone({ saved }: { saved: SavedBundle }) {
  const { t, locale } = useI18n();
  const file = saved.how === 'share' ? saved.file : null;
  const url = useObjectUrl(file);
  const { summary } = saved;
  const [shareFailed, setShareFailed] = useState(false);
  const share = async (bundle: File) => {
    setShareFailed(false);
    try {
      await navigator.share({ files: [bundle] });
    } catch (error) {
      // Closing the share sheet is a choice, not a failure.
      if ((error as { name?: unknown } | null)?.name !== 'AbortError') setShareFailed(true);
    }
  };
  const savedName = saved.how === 'file' ? saved.name : summary.fileName;
  return (
    <section class="card" aria-live="polite">
      <h2>{t(summary.sealed ? 'exportSeal.done' : 'export.done')}</h2>
      {summary.sealed ? (
        <SealedHashes sealed={summary.sealed} zipSha256={summary.zipSha256} name={savedName} />
      ) : (
        <ZipHash summary={summary} />
      )}
      <p>{t('keycard.exportSigned')}</p>
      <p>
        <code class="hash" data-testid="bundle-key-fingerprint">
          {formatFingerprint(summary.keyFingerprint)}
        </code>
      </p>
      <p class="wrap-anywhere">
        {saved.how === 'file' && t('export.savedToFile', { name: saved.name })}
        {saved.how === 'download' && t('export.downloaded', { name: summary.fileName })}
        {saved.how === 'share' && t('export.shareReady', { size: formatBytes(summary.size, locale) })}
      </p>
      {file && (
        <div class="export-actions">
          <button type="button" class="button primary" onClick={() => void share(file)}>
            {t('export.share')}
          </button>
          {url && (
            <a class="button" href={url} download={file.name}>
              {t('export.save')}
            </a>
          )}
        </div>
      )}
      {summary.sealed ? (
        <p class="wrap-anywhere" data-testid="sealed-next">
          {t(summary.sealed.sealedFor === 'passphrase' ? 'exportSeal.nextPassphrase' : 'exportSeal.next', {
            name: savedName,
          })}
        </p>
      ) : (
        <p>
          <a href={hrefFor('sealed')} data-testid="seal-for">
            {t('sealUi.link.sealExport')}
          </a>
        </p>
      )}
      {shareFailed && (
        <p class="error" role="alert">
          {t('export.shareFailed')}
        </p>
      )}
    </section>
  );
}

/** The saved ZIP's SHA-256: what `sha256sum` prints for the file handed over. */
function ZipHash({ summary }: { summary: ExportSummary }) {
  const { t } = useI18n();
  return (
    <>
      <p>{t('export.zipHash')}</p>
      <p>
        <code class="hash" data-testid="zip-sha256">
          {summary.zipSha256}
        </code>
      </p>
    </>
  );
}

/**
 * A sealed export: the SHA-256 of the sealed file actually saved and sent (the one to write down), whom it
 * opens for, and the hash of the bundle inside, which the recipient sees once it is opened.
 */
function SealedHashes({ sealed, zipSha256, name }: { sealed: SealedFile; zipSha256: string; name: string }) {
  const { t } = useI18n();
  return (
    <>
      <p class="wrap-anywhere">{t('exportSeal.sealedHash', { name })}</p>
      <p>
        <code class="hash" data-testid="sealed-sha256">
          {sealed.sha256}
        </code>
      </p>
      <p>
        {sealed.sealedFor === 'passphrase'
          ? t('exportSeal.forPassphrase')
          : t('exportSeal.forKeys', { count: sealed.recipients })}
      </p>
      <p>{t('exportSeal.innerHash')}</p>
      <p>
        <code class="hash" data-testid="zip-sha256">
          {zipSha256}
        </code>
      </p>
    </>
  );
}

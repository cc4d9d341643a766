import { useEffect, useState } from 'preact/hooks';
import type { EvidenceFile } from '../../../core/evidence/model';
import { useI18n } from '../../i18n';
import { session } from '../../state/session';

const AUTO_PREVIEW_BYTES = 15 * 1024 * 1024;

/**
 * A preview decrypted on demand. Sensitive pictures are not even decrypted until "Show" is pressed;
 * the object URL is revoked when the preview goes away or the vault locks.
 */
export function FilePreview({ file, sensitive }: { file: EvidenceFile; sensitive: boolean }) {
  const { t } = useI18n();
  const kind = file.mimeType.split('/')[0];
  const previewable = kind === 'image' || kind === 'video' || kind === 'audio';
  const [shown, setShown] = useState(!sensitive && kind === 'image' && file.size <= AUTO_PREVIEW_BYTES);
  const [url, setUrl] = useState<string | null>(null);

  useEffect(() => {
    if (!shown || !previewable) return;
    let objectUrl: string | null = null;
    let current = true;
    void session.vault.readFileBlob(file.id, file.mimeType).then((blob) => {
      if (!current) return;
      objectUrl = URL.createObjectURL(blob);
      setUrl(objectUrl);
    });
    const revoke = () => {
      if (objectUrl) URL.revokeObjectURL(objectUrl);
      objectUrl = null;
      setUrl(null);
    };
    const stop = session.onLock(revoke);
    return () => {
      current = false;
      stop();
      revoke();
    };
  }, [shown, file.id]);

  if (!previewable) return <p class="muted">{t('item.noPreview')}</p>;
  if (!shown) {
    return (
      <div class={`preview-placeholder${sensitive ? ' sensitive' : ''}`}>
        {sensitive && <p>{t('item.hiddenLabel')}</p>}
        <button type="button" class="button" onClick={() => setShown(true)}>
          {t('item.show')}
        </button>
      </div>
    );
  }
  return (
    <div class="preview">
      {url && kind === 'image' && <img src={url} alt={file.originalName} />}
      {/* biome-ignore lint/a11y/useMediaCaption: survivors' own recordings have no captions to offer. */}
      {url && kind === 'video' && <video src={url} controls preload="metadata" />}
      {/* biome-ignore lint/a11y/useMediaCaption: as above. */}
      {url && kind === 'audio' && <audio src={url} controls />}
      {sensitive && (
        <button type="button" class="button" onClick={() => setShown(false)}>
          {t('item.hide')}
        </button>
      )}
    </div>
  );
}

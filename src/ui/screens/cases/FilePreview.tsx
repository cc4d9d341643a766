import { useEffect, useState } from 'preact/hooks';
import type { EvidenceFile } from '../../../core/evidence/model';
import { clockText } from '../../../core/report/format';
import { showBidiControls } from '../../../core/text/display';
import { useI18n } from '../../i18n';
import { session } from '../../state/session';
import { isTextFile, TextPreview } from './TextPreview';
import { useDecryptedUrl } from './use-decrypted-url';
import { useMediaUrl } from './use-media-url';
import './preview.css';

type MediaKind = 'image' | 'video' | 'audio' | 'text';

function mediaKind(file: EvidenceFile): MediaKind | null {
  if (isTextFile(file)) return 'text';
  const kind = file.mimeType.toLowerCase().split('/')[0];
  return kind === 'image' || kind === 'video' || kind === 'audio' ? kind : null;
}

/**
 * A file on the timeline: a picture's thumbnail (only the thumbnail is decrypted) or a video or audio
 * tile, and its original on request. Sensitive items decrypt and show nothing until "Show"; then the
 * thumbnail is shown plainly, since pressing "Show" is the person's choice to see it (DOMAIN.md: hidden
 * until asked for). Every decrypted URL is revoked when hidden, closed, or when the vault locks.
 */
export function FilePreview({ file, sensitive }: { file: EvidenceFile; sensitive: boolean }) {
  const { t } = useI18n();
  const kind = mediaKind(file);
  const [shown, setShown] = useState(!sensitive);
  const [original, setOriginal] = useState(false);
  // An item marked sensitive after it was shown is hidden again at once.
  useEffect(() => {
    if (sensitive) {
      setShown(false);
      setOriginal(false);
    }
  }, [sensitive]);

  if (!kind) return <p class="muted">{t('item.noPreview')}</p>;
  const picture = kind === 'image';
  if (!shown) {
    return (
      <div class="preview-placeholder sensitive">
        <p>{t(picture ? 'item.hiddenLabel' : 'preview.hiddenMedia')}</p>
        <button type="button" class="button" onClick={() => setShown(true)}>
          {t(picture ? 'item.show' : 'preview.showMedia')}
        </button>
      </div>
    );
  }
  return (
    <div class="preview">
      {kind === 'text' ? (
        <TextPreview file={file} whole={original} />
      ) : original ? (
        <Original file={file} kind={kind} />
      ) : kind === 'image' ? (
        <Thumbnail file={file} />
      ) : (
        <MediaTile file={file} kind={kind} />
      )}
      <div class="preview-actions">
        <button type="button" class="button small" onClick={() => setOriginal(!original)}>
          {t(original ? 'preview.closeOriginal' : 'preview.viewOriginal')}
        </button>
        {sensitive && (
          <button
            type="button"
            class="button small"
            onClick={() => {
              setOriginal(false);
              setShown(false);
            }}
          >
            {t(picture ? 'item.hide' : 'preview.hideMedia')}
          </button>
        )}
      </div>
    </div>
  );
}

/** The stored thumbnail, made in the vault worker the first time if the file has none yet. */
function Thumbnail({ file }: { file: EvidenceFile }) {
  const { t } = useI18n();
  const thumbnail = useDecryptedUrl(
    () => session.vault.thumbnail({ id: file.id, mimeType: file.mimeType, size: file.size }),
    file.id,
  );
  if (thumbnail.state === 'ready') {
    return (
      <img
        class="thumbnail"
        src={thumbnail.url}
        width={thumbnail.width}
        height={thumbnail.height}
        alt={t('preview.thumbnailAlt', { name: showBidiControls(file.originalName) })}
      />
    );
  }
  if (thumbnail.state === 'loading') return <div class="thumbnail-slot" />;
  return (
    <p class="muted">{t(thumbnail.state === 'none' ? 'preview.noThumbnail' : 'preview.thumbnailFailed')}</p>
  );
}

/** What a video or audio file is, without decrypting it: its kind and the duration measured at capture. */
function MediaTile({ file, kind }: { file: EvidenceFile; kind: 'video' | 'audio' }) {
  const { t } = useI18n();
  const seconds = file.facts.durationSeconds;
  return (
    <p class={`media-tile ${kind}`}>
      <span class="media-icon" aria-hidden="true">
        {kind === 'video' ? '▶' : '♪'}
      </span>
      {t(kind === 'video' ? 'preview.video' : 'preview.audio')}
      {seconds !== undefined && <> · {clockText(seconds)}</>}
    </p>
  );
}

/**
 * The original, decrypted in the vault worker only because the person asked for it, and streamed to the
 * element range by range through the service worker (src/ui/sw-media.ts): no Blob holds it whole.
 */
function Original({ file, kind }: { file: EvidenceFile; kind: Exclude<MediaKind, 'text'> }) {
  const { t } = useI18n();
  const original = useMediaUrl(file);
  if (original.state === 'loading')
    return (
      <p class="muted" role="status">
        {t('preview.opening')}
      </p>
    );
  if (original.state === 'failed') return <p role="alert">{t(original.reason)}</p>;
  if (kind === 'image')
    return <img class="original" src={original.url} alt={showBidiControls(file.originalName)} />;
  // biome-ignore lint/a11y/useMediaCaption: survivors' own recordings have no captions to offer.
  if (kind === 'video') return <video class="original" src={original.url} controls preload="metadata" />;
  // biome-ignore lint/a11y/useMediaCaption: as above.
  return <audio class="original" src={original.url} controls />;
}

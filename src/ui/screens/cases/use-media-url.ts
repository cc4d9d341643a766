import { useEffect, useState } from 'preact/hooks';
import { previewContentType } from '../../../core/download/media';
import { isBuktiError } from '../../../core/errors';
import type { EvidenceFile } from '../../../core/evidence/model';
import type { MessageKey } from '../../../core/i18n';
import { session } from '../../state/session';
import { offerMedia } from '../../sw-media';

/** Where a streamed original stands: being offered, playable at `url`, or not shown (and why). */
export type MediaUrlState =
  | { state: 'loading' }
  | { state: 'ready'; url: string }
  | { state: 'failed'; reason: MessageKey };

/**
 * A URL that streams `file`'s original from the vault (src/ui/sw-media.ts), withdrawn when the component
 * goes away and when the vault locks; an offer that arrives after either is withdrawn unseen.
 */
export function useMediaUrl(file: EvidenceFile): MediaUrlState {
  const [result, setResult] = useState<MediaUrlState>({ state: 'loading' });
  useEffect(() => {
    let current = true;
    let revoke: (() => void) | null = null;
    setResult({ state: 'loading' });
    const drop = () => {
      current = false;
      revoke?.();
      revoke = null;
      setResult({ state: 'loading' });
    };
    const stopListening = session.onLock(drop);
    const type = previewContentType(file.mimeType);
    if (type === null) setResult({ state: 'failed', reason: 'preview.originalFailed' });
    else
      offerMedia(session.vault, file, type).then(
        (offered) => {
          if (!current) return offered.revoke();
          revoke = offered.revoke;
          setResult({ state: 'ready', url: offered.url });
        },
        (error: unknown) => {
          if (current)
            setResult({
              state: 'failed',
              reason: isBuktiError(error, 'preview.needsReload') ? error.code : 'preview.originalFailed',
            });
        },
      );
    return () => {
      stopListening();
      drop();
    };
  }, [file.id]);
  return result;
}

import { useEffect, useState } from 'preact/hooks';
import { session } from '../../state/session';

/** Something the vault decrypted for display, with its pixel size when known. */
export interface Decrypted {
  blob: Blob;
  width?: number;
  height?: number;
}

/** Where a decrypted view stands: asked for, shown, absent (the vault has none), or failed. */
export type DecryptedUrl =
  | { state: 'loading' }
  | { state: 'ready'; url: string; width?: number; height?: number }
  | { state: 'none' }
  | { state: 'failed' };

/**
 * An object URL for something the vault worker decrypts when this component asks (`load` runs once
 * per `key`). The URL is revoked when the component goes away, when `key` changes and when the vault
 * locks; a result that arrives after any of those is dropped unseen.
 */
export function useDecryptedUrl(load: () => Promise<Decrypted | null>, key: string): DecryptedUrl {
  const [result, setResult] = useState<DecryptedUrl>({ state: 'loading' });
  useEffect(() => {
    let current = true;
    let url: string | null = null;
    setResult({ state: 'loading' });
    const drop = () => {
      current = false;
      if (url) URL.revokeObjectURL(url);
      url = null;
      setResult({ state: 'loading' });
    };
    const stopListening = session.onLock(drop);
    load().then(
      (decrypted) => {
        if (!current) return;
        if (!decrypted) return setResult({ state: 'none' });
        url = URL.createObjectURL(decrypted.blob);
        setResult({ state: 'ready', url, width: decrypted.width, height: decrypted.height });
      },
      () => {
        if (current) setResult({ state: 'failed' });
      },
    );
    return () => {
      stopListening();
      drop();
    };
  }, [key]);
  return result;
}

import { useCallback, useEffect, useState } from 'preact/hooks';
import { isBuktiError } from '../../core/errors';
import type { MessageKey } from '../../core/i18n';
import { session } from '../state/session';
import { VAULT_CHANGED_EVENT } from '../state/tab-channel';

/** Loads something from the vault; `reload()` fetches it again. Errors become a message key to show. */
export function useVaultData<T>(
  load: () => Promise<T>,
  deps: unknown[],
): {
  data: T | undefined;
  error: MessageKey | null;
  reload: () => void;
} {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<MessageKey | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let current = true;
    load().then(
      (value) => current && setData(value),
      (reason: unknown) => current && setError(isBuktiError(reason) ? reason.code : 'error.unexpected'),
    );
    // Decrypted data must not outlive the lock.
    const stop = session.onLock(() => setData(undefined));
    // Another tab changed the vault: load again, so both show the same evidence.
    const again = () => setVersion((v) => v + 1);
    window.addEventListener(VAULT_CHANGED_EVENT, again);
    return () => {
      current = false;
      stop();
      window.removeEventListener(VAULT_CHANGED_EVENT, again);
    };
  }, [...deps, version]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { data, error, reload };
}

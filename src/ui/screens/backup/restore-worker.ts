import type { VaultService } from '../../../core/service/vault-service';
import { type Methods, wrap } from '../../workers/rpc';

/**
 * A vault worker of the restore's own, for a device without a vault: the session's worker is only
 * reachable once a vault is unlocked. The restore writes the database this worker opens (the same one
 * the session uses); the worker is terminated afterwards, closing its connection and releasing the
 * writer lock. Its events (the restore's progress) go to `onEvent`. Terminated mid-restore (the page left), the restore's journal is found by the next look.
 */
export function openRestoreWorker(onEvent: (name: string, data: unknown) => void): {
  vault: Methods<VaultService>;
  close(): void;
} {
  const worker = new Worker(new URL('../../workers/vault.worker.ts', import.meta.url), { type: 'module' });
  const close = () => {
    // Calls still waiting end now (as a failed worker's would), so whoever awaits them moves on.
    worker.dispatchEvent(new Event('error'));
    worker.terminate();
  };
  return { vault: wrap<VaultService>(worker, onEvent), close };
}

import { useEffect, useState } from 'preact/hooks';
import { BuktiError, isBuktiError } from '../../core/errors';
import type { MessageKey, MessageParams } from '../../core/i18n';
import type { UnlockOutcome, VaultService, VaultSummary } from '../../core/service/vault-service';
import { type Methods, wrap } from '../workers/rpc';

/** The vault as the page sees it: every call runs in the vault worker. */
export type VaultClient = Methods<VaultService>;

/** Where the app stands with the vault. Only `unlocked` lets screens ask for decrypted data. */
export type SessionState =
  | { status: 'checking' }
  | { status: 'absent'; erasedAfterFailures?: boolean }
  | { status: 'locked' }
  | { status: 'unlocked'; summary: VaultSummary }
  | { status: 'unavailable'; code: MessageKey; params?: MessageParams };

type Listener = (state: SessionState) => void;

/**
 * The one place that knows whether the vault is open. Screens subscribe; locking tells the worker to
 * zero its keys and runs every cleanup registered with `onLock`, so decrypted data on the page goes too.
 */
class Session {
  #state: SessionState = { status: 'checking' };
  #client: VaultClient | null = null;
  readonly #listeners = new Set<Listener>();
  readonly #lockCleanups = new Set<() => void>();
  readonly #eventListeners = new Set<(name: string, data: unknown) => void>();

  /** Listens to events the vault worker sends (e.g. export progress). */
  onWorkerEvent(listener: (name: string, data: unknown) => void): () => void {
    this.#eventListeners.add(listener);
    return () => this.#eventListeners.delete(listener);
  }

  get state(): SessionState {
    return this.#state;
  }

  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Runs `cleanup` every time the vault locks (drop decrypted state, revoke object URLs). */
  onLock(cleanup: () => void): () => void {
    this.#lockCleanups.add(cleanup);
    return () => this.#lockCleanups.delete(cleanup);
  }

  #set(state: SessionState): void {
    this.#state = state;
    for (const listener of this.#listeners) listener(state);
  }

  get #worker(): VaultClient {
    this.#client ??= wrap<VaultService>(
      new Worker(new URL('../workers/vault.worker.ts', import.meta.url), { type: 'module' }),
      (event, data) => {
        for (const listener of this.#eventListeners) listener(event, data);
        // Another tab upgraded or erased the database: stop using it at once.
        if (event === 'closed') {
          this.#runCleanups();
          this.#set({ status: 'unavailable', code: 'vault.closed' });
        }
      },
    );
    return this.#client;
  }

  /** Looks for a vault on this device; called once at start-up. */
  async start(): Promise<void> {
    try {
      const status = await this.#worker.status();
      this.#set(status === 'absent' ? { status: 'absent' } : { status: 'locked' });
    } catch (error) {
      this.#set({
        status: 'unavailable',
        code: isBuktiError(error) ? error.code : 'vault.storageUnavailable',
        params: isBuktiError(error) ? error.params : {},
      });
    }
  }

  /** Creates the vault (Argon2id calibrated on this device) and opens it. */
  async create(passphrase: string): Promise<void> {
    const summary = await this.#worker.create(passphrase);
    // Ask the browser not to evict the vault under storage pressure; a refusal is shown in Settings.
    await navigator.storage?.persist?.().catch(() => false);
    this.#set({ status: 'unlocked', summary });
  }

  /** One unlock attempt; the caller shows wrong-passphrase, wait and erased outcomes. */
  async unlock(passphrase: string): Promise<UnlockOutcome> {
    const result = await this.#worker.unlock(passphrase);
    if (result.kind === 'ok') this.#set({ status: 'unlocked', summary: await this.#worker.summary() });
    if (result.kind === 'erased') this.#set({ status: 'absent', erasedAfterFailures: true });
    return result;
  }

  #runCleanups(): void {
    for (const cleanup of this.#lockCleanups) {
      try {
        cleanup();
      } catch {
        // A failed cleanup must not keep anything open.
      }
    }
  }

  /** Locks now: the worker zeroes the keys, decrypted data on the page is dropped. Safe in any state. */
  lock(): void {
    if (this.#client) void this.#client.lock();
    this.#runCleanups();
    if (this.#state.status === 'unlocked') this.#set({ status: 'locked' });
  }

  /** Deletes the vault and everything in it from this device. */
  async erase(): Promise<void> {
    await this.#worker.erase();
    this.#runCleanups();
    this.#set({ status: 'absent' });
  }

  /** Refreshes what the page knows about the open vault (after a settings change). */
  async refreshSummary(): Promise<void> {
    if (this.#state.status === 'unlocked')
      this.#set({ status: 'unlocked', summary: await this.vault.summary() });
  }

  /** The vault worker while unlocked, or a typed `vault.locked` error. */
  get vault(): VaultClient {
    if (this.#state.status !== 'unlocked') throw new BuktiError('vault.locked');
    return this.#worker;
  }
}

/** The app's single session. */
export const session = new Session();

/** The session state, re-rendering on every change. */
export function useSession(): SessionState {
  const [state, setState] = useState(session.state);
  useEffect(() => {
    setState(session.state);
    return session.subscribe(setState);
  }, []);
  return state;
}

import { useEffect, useState } from 'preact/hooks';
import { BuktiError, isBuktiError } from '../../core/errors';
import type { MessageKey } from '../../core/i18n';
import {
  type CreateVaultOptions,
  createVault,
  eraseVault,
  openVaultDb,
  type UnlockResult,
  unlockVault,
  type Vault,
  type VaultDb,
  vaultExists,
} from '../../core/vault';
import { deriveKeyInWorker } from '../workers/kdf-bridge';

/** Where the app stands with the vault. Only `unlocked` carries anything decrypted. */
export type SessionState =
  | { status: 'checking' }
  | { status: 'absent'; erasedAfterFailures?: boolean }
  | { status: 'locked' }
  | { status: 'unlocked'; vault: Vault }
  | { status: 'unavailable'; code: MessageKey };

type Listener = (state: SessionState) => void;

/**
 * The one place that holds the open vault. Screens subscribe; locking drops the vault (its keys are
 * zeroed by `Vault.lock`) and every cleanup registered with `onLock` runs, so decrypted data goes too.
 */
class Session {
  #state: SessionState = { status: 'checking' };
  #db: VaultDb | null = null;
  /** Set while this tab erases the vault itself, so the database closing is not reported as an error. */
  #erasing = false;
  readonly #listeners = new Set<Listener>();
  readonly #lockCleanups = new Set<() => void>();

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

  async #openDb(): Promise<VaultDb> {
    if (this.#db && !this.#db.closed) return this.#db;
    const db = await openVaultDb({ indexedDB, IDBKeyRange });
    db.onClose(() => {
      if (this.#erasing) return;
      // Another tab upgraded or erased the database: stop using it at once, keys included.
      this.lock();
      this.#set({ status: 'unavailable', code: 'vault.closed' });
    });
    this.#db = db;
    return db;
  }

  /** Looks for a vault on this device; called once at start-up. */
  async start(): Promise<void> {
    try {
      const db = await this.#openDb();
      this.#set((await vaultExists(db)) ? { status: 'locked' } : { status: 'absent' });
    } catch (error) {
      this.#set({
        status: 'unavailable',
        code: isBuktiError(error) ? error.code : 'vault.storageUnavailable',
      });
    }
  }

  /** Creates the vault (Argon2id calibrated and run in a worker) and opens it. */
  async create(passphrase: string, options: Omit<CreateVaultOptions, 'deriveKey'> = {}): Promise<void> {
    const db = await this.#openDb();
    const vault = await createVault(db, passphrase, { ...options, deriveKey: deriveKeyInWorker });
    // Ask the browser not to evict the vault under storage pressure; a refusal is shown in Settings.
    await navigator.storage?.persist?.().catch(() => false);
    this.#set({ status: 'unlocked', vault });
  }

  /** One unlock attempt; the caller shows wrong-passphrase, wait and erased outcomes. */
  async unlock(passphrase: string): Promise<UnlockResult> {
    const db = await this.#openDb();
    const result = await unlockVault(db, passphrase, { deriveKey: deriveKeyInWorker });
    if (result.kind === 'ok') this.#set({ status: 'unlocked', vault: result.vault });
    if (result.kind === 'erased') {
      this.#db = null;
      this.#set({ status: 'absent', erasedAfterFailures: true });
    }
    return result;
  }

  /** Locks now: keys zeroed, decrypted data dropped. Safe to call in any state. */
  lock(): void {
    const state = this.#state;
    if (state.status === 'unlocked') state.vault.lock();
    for (const cleanup of this.#lockCleanups) {
      try {
        cleanup();
      } catch {
        // A failed cleanup must not keep the vault open.
      }
    }
    if (state.status === 'unlocked') this.#set({ status: 'locked' });
  }

  /** Deletes the vault and everything in it from this device. */
  async erase(): Promise<void> {
    const state = this.#state;
    this.#erasing = true;
    try {
      if (state.status === 'unlocked') {
        await state.vault.erase();
      } else {
        await eraseVault(await this.#openDb());
      }
    } finally {
      this.#erasing = false;
    }
    this.#db = null;
    this.lock();
    this.#set({ status: 'absent' });
  }

  /** The unlocked vault, or a typed `vault.locked` error. */
  requireVault(): Vault {
    if (this.#state.status !== 'unlocked') throw new BuktiError('vault.locked');
    return this.#state.vault;
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

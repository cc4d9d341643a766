import { useEffect, useState } from 'preact/hooks';
import { BuktiError, isBuktiError } from '../../core/errors';
import type { MessageKey, MessageParams } from '../../core/i18n';
import type {
  TamperReport,
  UnlockOutcome,
  VaultService,
  VaultSummary,
} from '../../core/service/vault-service';
import type { PassphraseCheck } from '../../core/vault';
import type { WordLanguage } from '../../core/vault/generate';
import type { LockHolder, StructuralOperation } from '../../core/vault/writer-lock';
import { type Methods, wrapWorker } from '../workers/rpc';
import { type RotationStatus, RotationStatusStore } from './rotation-status';
import { CHANGING_CALLS, openTabChannel, type TabMessage, VAULT_CHANGED_EVENT } from './tab-channel';

/** The vault as the page sees it: every call runs in the vault worker. */
export type VaultClient = Methods<VaultService>;

/** How often a tab waiting for another's operation looks again (the other tab may have closed). */
const WAIT_MS = 1500;
/** Looks a tab waits for an announced operation whose lock it does not see (its tab may have closed). */
const ANNOUNCED_LOOKS = 8;

/** Where the app stands with the vault. Only `unlocked` lets screens ask for decrypted data. */
export type SessionState = (
  | { status: 'checking' }
  | { status: 'absent'; erasedAfterFailures?: boolean }
  | { status: 'locked' }
  /** `tampered`: what unlock found changed behind Bukti's back (shown until the next lock). */
  | { status: 'unlocked'; summary: VaultSummary; tampered?: TamperReport }
  /** Another tab or worker is changing the vault's structure: this one waits for it. */
  | { status: 'busy'; operation: Exclude<LockHolder, null> }
  | { status: 'unavailable'; code: MessageKey; params?: MessageParams }
) & {
  /** Something to tell in one sentence: what happened elsewhere or before (an interrupted restore). */
  notice?: MessageKey;
};

type Listener = (state: SessionState) => void;

/**
 * The one place that knows whether the vault is open. Screens subscribe; locking ends the worker that
 * held the keys (a fresh one starts at the next unlock) and runs every cleanup registered with `onLock`,
 * so decrypted data on the page goes too.
 */
class Session {
  #state: SessionState = { status: 'checking' };
  #client: VaultClient | null = null;
  #terminate: (() => void) | null = null;
  readonly #listeners = new Set<Listener>();
  readonly #lockCleanups = new Set<() => void>();
  readonly #eventListeners = new Set<(name: string, data: unknown) => void>();
  /** Kept here because a rotation resumed at unlock reports before any screen listens. */
  readonly #rotation = new RotationStatusStore();
  readonly #tabs = openTabChannel((message) => this.#fromOtherTab(message));
  /** The structural operation this tab is running, if any. */
  #activity: StructuralOperation | null = null;
  /** What another tab's last structural operation will explain once this tab has looked again. */
  #pendingNotice: MessageKey | undefined;
  #waiting: ReturnType<typeof setTimeout> | undefined;
  /** Another tab said it began an operation and has not said it ended: looks left before giving up. */
  #announcedElsewhere = 0;
  /** Exports running in this tab: an erase elsewhere stops them, and the notice says so. */
  #exports = 0;

  /** Listens to events the vault worker sends (e.g. export progress). */
  onWorkerEvent(listener: (name: string, data: unknown) => void): () => void {
    this.#eventListeners.add(listener);
    return () => this.#eventListeners.delete(listener);
  }

  /** Where a key rotation in this tab's worker stands. */
  get rotation(): RotationStatus {
    return this.#rotation.status;
  }

  /** The same, given to `listener` at once and then on every change. */
  onRotation(listener: (status: RotationStatus) => void): () => void {
    return this.#rotation.subscribe(listener);
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
    if (this.#client) return this.#client;
    const { client, terminate } = wrapWorker<VaultService>(
      new Worker(new URL('../workers/vault.worker.ts', import.meta.url), { type: 'module' }),
      (event, data) => {
        this.#rotation.take(event, data);
        for (const listener of this.#eventListeners) listener(event, data);
        // Another tab upgraded, erased or replaced the database: stop using it at once, then look again.
        if (event === 'closed') {
          this.#runCleanups();
          this.#set({ status: 'unavailable', code: 'vault.closed' });
          void this.start();
        }
      },
    );
    this.#client = client;
    this.#terminate = terminate;
    return client;
  }

  /** Ends the vault worker, and with it every key and decrypted byte in its memory. */
  #endWorker(): void {
    this.#terminate?.();
    this.#terminate = null;
    this.#rotation.clear();
    this.#client = null;
    // The announcing wrapper holds the ended worker: calls through it would wait for ever.
    this.#announcing = null;
  }

  /** Counts an export of this tab as running until the returned function is called. */
  exporting(): () => void {
    this.#exports += 1;
    let running = true;
    return () => {
      if (running) this.#exports -= 1;
      running = false;
    };
  }

  /**
   * Looks for a vault on this device (at start-up, and again after another tab changed it). While
   * another tab runs a structural operation this one shows it and waits; what an interrupted restore
   * left is removed and explained.
   */
  async start(): Promise<void> {
    clearTimeout(this.#waiting);
    try {
      const worker = this.#worker;
      const status = await worker.status();
      if (status === 'unlocked') return;
      const holder = this.#activity === null ? await worker.writerHolder() : null;
      const announced = this.#state.status === 'busy' && this.#announcedElsewhere > 0;
      if (holder !== null || announced) {
        // Announced but not yet holding the lock (its worker is starting): wait a few looks for it.
        if (holder === null) this.#announcedElsewhere -= 1;
        const operation = holder ?? (this.#state.status === 'busy' ? this.#state.operation : 'other');
        this.#set({ status: 'busy', operation });
        this.#waiting = setTimeout(() => void this.start(), WAIT_MS);
        return;
      }
      this.#announcedElsewhere = 0;
      const interrupted = status === 'absent' ? await worker.cleanUpInterrupted() : null;
      // Kept until dismissed or the vault is opened: several looks may follow one event.
      if (interrupted) this.#pendingNotice = `backup.interrupted.${interrupted}`;
      const notice = this.#pendingNotice;
      this.#set(status === 'absent' ? { status: 'absent', notice } : { status: 'locked', notice });
    } catch (error) {
      this.#set({
        status: 'unavailable',
        code: isBuktiError(error) ? error.code : 'vault.storageUnavailable',
        params: isBuktiError(error) ? error.params : {},
      });
    }
  }

  /** The structural operation this tab runs, if any (a restore in progress disables "Create vault"). */
  get activity(): StructuralOperation | null {
    return this.#activity;
  }

  /**
   * Runs a structural operation of this tab, telling the other tabs when it starts and ends. The
   * exclusive lock itself is taken in the worker that does the work.
   */
  async structural<T>(operation: StructuralOperation, work: () => Promise<T>): Promise<T> {
    this.#activity = operation;
    this.#set({ ...this.#state });
    this.#tabs.post({ kind: 'started', operation });
    let ok = false;
    try {
      const value = await work();
      ok = true;
      return value;
    } finally {
      this.#activity = null;
      this.#tabs.post({ kind: 'finished', operation, ok });
      this.#set({ ...this.#state });
    }
  }

  #fromOtherTab(message: TabMessage): void {
    const status = this.#state.status;
    if (message.kind === 'locked') {
      if (status === 'unlocked') this.#lockHere('tabs.lockedElsewhere');
    } else if (message.kind === 'changed') {
      window.dispatchEvent(new Event(VAULT_CHANGED_EVENT));
    } else if (message.kind === 'started') {
      const goes = message.operation === 'erase' || message.operation === 'replace';
      if (goes) {
        // An export of this tab stops with the vault it reads: the notice says so, and what to do.
        const exporting = this.#exports > 0;
        this.#pendingNotice =
          message.operation === 'erase'
            ? exporting
              ? 'tabs.erasedDuringExport'
              : 'tabs.erasedElsewhere'
            : exporting
              ? 'tabs.replacedDuringExport'
              : 'tabs.replacedElsewhere';
        // The vault open here is about to go: lock now, so nothing more is written to it from here.
        this.#lockHere();
      }
      // Nobody may create or open a vault here meanwhile: show what is happening instead.
      if (goes || status === 'absent' || status === 'busy') {
        this.#announcedElsewhere = ANNOUNCED_LOOKS;
        this.#set({ status: 'busy', operation: message.operation });
        clearTimeout(this.#waiting);
        this.#waiting = setTimeout(() => void this.start(), WAIT_MS);
      }
    } else if (message.operation === 'passphrase') {
      if (message.ok && status === 'unlocked')
        this.#set({ ...this.#state, notice: 'tabs.passphraseElsewhere' });
    } else if (status !== 'unlocked') {
      this.#announcedElsewhere = 0;
      void this.start();
    }
  }

  /** A generated passphrase (random common words), whether or not a vault is open. */
  suggestPassphrase(language: WordLanguage): Promise<string> {
    return this.#worker.suggestPassphrase(language);
  }

  /** Creates the vault (Argon2id calibrated on this device) and opens it. */
  async create(passphrase: string): Promise<void> {
    const summary = await this.structural('create', () => this.#worker.create(passphrase));
    // Ask the browser not to evict the vault under storage pressure; a refusal is shown in Settings.
    await navigator.storage?.persist?.().catch(() => false);
    this.#pendingNotice = undefined;
    this.#set({ status: 'unlocked', summary });
  }

  /** One unlock attempt; the caller shows wrong-passphrase, wait and erased outcomes. */
  async unlock(passphrase: string): Promise<UnlockOutcome> {
    const result = await this.#worker.unlock(passphrase);
    if (result.kind === 'ok') {
      this.#pendingNotice = undefined;
      this.#set({ status: 'unlocked', summary: await this.#worker.summary(), tampered: result.tampered });
    }
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

  /**
   * Locks now, here and in every other tab: the worker that held the keys is ended, decrypted data on
   * the page is dropped. Safe in any state.
   */
  lock(): void {
    this.#tabs.post({ kind: 'locked' });
    this.#lockHere();
  }

  #lockHere(notice?: MessageKey): void {
    // The worker that held the keys is ended: nothing of it is left to read.
    this.#endWorker();
    this.#runCleanups();
    if (this.#state.status === 'unlocked') this.#set({ status: 'locked', notice });
  }

  /** Passes a passphrase check on; if it reached the erase setting, the vault is gone and so is the app's view of it. */
  afterCheck(result: PassphraseCheck): PassphraseCheck {
    if (result.kind === 'erased') {
      this.#endWorker();
      this.#runCleanups();
      this.#set({ status: 'absent', erasedAfterFailures: true });
    }
    return result;
  }

  /**
   * Deletes the vault and everything in it from this device, once its passphrase is confirmed (null:
   * "forgot my passphrase" on the lock screen, where nothing is unlocked to protect).
   */
  async erase(passphrase: string | null): Promise<PassphraseCheck> {
    const result = await this.structural('erase', () => this.#worker.erase(passphrase));
    if (result.kind === 'ok') {
      this.#endWorker();
      this.#runCleanups();
      this.#set({ status: 'absent' });
    }
    return this.afterCheck(result);
  }

  /** Re-wraps the key under a new passphrase (the other tabs are told it changed). */
  changePassphrase: VaultClient['changePassphrase'] = (current, next) =>
    this.structural('passphrase', () => this.vault.changePassphrase(current, next));

  /** Forgets the notice being shown. */
  dismissNotice(): void {
    this.#pendingNotice = undefined;
    if (this.#state.notice) this.#set({ ...this.#state, notice: undefined });
  }

  /** Refreshes what the page knows about the open vault (after a settings change). */
  async refreshSummary(): Promise<void> {
    if (this.#state.status === 'unlocked')
      this.#set({ status: 'unlocked', summary: await this.vault.summary() });
  }

  /**
   * The vault worker while unlocked, or a typed `vault.locked` error. Calls that change evidence tell
   * the other tabs, which load what they show again.
   */
  get vault(): VaultClient {
    // No worker while unlocked: it was just ended (locking now), and a new one would hold no keys.
    if (this.#state.status !== 'unlocked' || this.#client === null) throw new BuktiError('vault.locked');
    this.#announcing ??= announceChanges(this.#worker, () => this.#tabs.post({ kind: 'changed' }));
    return this.#announcing;
  }

  #announcing: VaultClient | null = null;
}

/** `client` with every changing call followed, once it succeeded, by `changed()`. */
function announceChanges(client: VaultClient, changed: () => void): VaultClient {
  return new Proxy(client, {
    get(target, method) {
      const call = Reflect.get(target, method) as unknown;
      if (typeof method !== 'string' || !CHANGING_CALLS.has(method) || typeof call !== 'function')
        return call;
      return async (...args: unknown[]) => {
        const value = await (call as (...a: unknown[]) => Promise<unknown>)(...args);
        changed();
        return value;
      };
    },
  });
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

/** Where a key rotation stands, re-rendering on every change (nothing reported before the first render is missed). */
export function useRotationStatus(): RotationStatus {
  const [status, setStatus] = useState(session.rotation);
  useEffect(() => session.onRotation(setStatus), []);
  return status;
}

import { BuktiError } from '../errors';
import type { BackupStart } from './create';

type Started = Extract<BackupStart, { kind: 'ok' }>;

interface Open {
  backup: Started;
  finished: boolean;
  timer: ReturnType<typeof setTimeout> | undefined;
}

/** How long a backup may wait for the page to pull its next piece before it is stopped and its key dropped. */
export const BACKUP_IDLE_MS = 2 * 60 * 1000;

/**
 * Backups the page is pulling piece by piece, by number. A backup left alone (the page closed, the
 * person walked away from the save dialog) is cancelled after `idleMs`, so its key does not linger.
 */
export class BackupHandles {
  readonly #open = new Map<number, Open>();
  readonly #idleMs: number;
  #next = 1;

  constructor(idleMs = BACKUP_IDLE_MS) {
    this.#idleMs = idleMs;
  }

  /** Keeps a started backup; returns its handle. */
  add(backup: Started): number {
    const handle = this.#next++;
    this.#open.set(handle, { backup, finished: false, timer: undefined });
    this.#arm(handle);
    return handle;
  }

  #get(handle: number): Open {
    const open = this.#open.get(handle);
    if (!open) throw new BuktiError('backup.expired');
    return open;
  }

  #arm(handle: number): void {
    const open = this.#open.get(handle);
    if (!open) return;
    clearTimeout(open.timer);
    open.timer = setTimeout(() => void this.cancel(handle), this.#idleMs);
  }

  /** The next piece of the file, or null once it is complete. A failure ends the backup. */
  async read(handle: number): Promise<Uint8Array | null> {
    const open = this.#get(handle);
    clearTimeout(open.timer);
    try {
      const step = await open.backup.pieces.next();
      if (step.done) {
        open.finished = true;
        return null;
      }
      return step.value;
    } catch (error) {
      await this.cancel(handle);
      throw error;
    } finally {
      // A finished backup has already zeroed its key: it waits, without a timer, for `finish`.
      if (!open.finished) this.#arm(handle);
    }
  }

  /** When a completely read backup was made; it is then forgotten. Not complete: `backup.expired`. */
  finish(handle: number): string {
    const open = this.#get(handle);
    if (!open.finished) throw new BuktiError('backup.expired');
    clearTimeout(open.timer);
    this.#open.delete(handle);
    return open.backup.createdAt;
  }

  /** Stops a backup and zeroes its key; unknown handles are ignored. */
  async cancel(handle: number): Promise<void> {
    const open = this.#open.get(handle);
    if (!open) return;
    clearTimeout(open.timer);
    this.#open.delete(handle);
    await open.backup.cancel();
  }

  /** Stops every backup (the vault locked or was erased). */
  async cancelAll(): Promise<void> {
    await Promise.all([...this.#open.keys()].map((handle) => this.cancel(handle)));
  }
}

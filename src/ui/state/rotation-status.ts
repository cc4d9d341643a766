import type { RotationProgress } from '../../core/vault';

/** Where a key rotation's re-encryption stands in this tab's vault worker: running, done, or nothing to tell. */
export type RotationStatus = { kind: 'running'; progress: RotationProgress } | { kind: 'done' } | null;

/**
 * The vault worker's rotation events, kept as one status. A rotation resumed at unlock reports its first
 * progress, and a short one its end, while the notice above the screens is still mounting: a notice
 * that only listened from then on missed them. So every subscriber is given the status as it stands
 * when it subscribes, then every change.
 */
export class RotationStatusStore {
  #status: RotationStatus = null;
  readonly #listeners = new Set<(status: RotationStatus) => void>();

  get status(): RotationStatus {
    return this.#status;
  }

  /** Takes one vault worker event; any but the rotation's own is ignored. */
  take(event: string, data: unknown): void {
    if (event === 'rotation-progress') this.#set({ kind: 'running', progress: data as RotationProgress });
    if (event === 'rotation-done') this.#set({ kind: 'done' });
    // Stopped (locked, or failed): the next unlock resumes it and reports again.
    if (event === 'rotation-stopped') this.#set(null);
  }

  /** Forgets the status: the worker that ran the rotation has ended. */
  clear(): void {
    this.#set(null);
  }

  /** Calls `listener` with the current status at once, then on every change; returns the unsubscribe. */
  subscribe(listener: (status: RotationStatus) => void): () => void {
    this.#listeners.add(listener);
    listener(this.#status);
    return () => this.#listeners.delete(listener);
  }

  #set(status: RotationStatus): void {
    this.#status = status;
    for (const listener of this.#listeners) listener(status);
  }
}

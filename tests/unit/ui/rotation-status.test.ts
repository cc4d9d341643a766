import { describe, expect, it } from 'vitest';
import { type RotationStatus, RotationStatusStore } from '../../../src/ui/state/rotation-status';

/** Subscribes to `store`, recording every status given. */
function watch(store: RotationStatusStore): { seen: RotationStatus[]; stop: () => void } {
  const seen: RotationStatus[] = [];
  const stop = store.subscribe((status) => seen.push(status));
  return { seen, stop };
}

describe('the rotation status the notice above the screens shows', () => {
  it('gives a notice that subscribes after a resumed rotation reported its progress that progress at once, then the next', () => {
    const store = new RotationStatusStore();
    // At unlock the worker resumes the cut rotation and reports before the notice is listening.
    store.take('rotation-progress', { done: 0, total: 3 });
    const notice = watch(store);
    expect(notice.seen).toEqual([{ kind: 'running', progress: { done: 0, total: 3 } }]);
    store.take('rotation-progress', { done: 1, total: 3 });
    expect(notice.seen.at(-1)).toEqual({ kind: 'running', progress: { done: 1, total: 3 } });
  });

  it('gives a notice that subscribes after a short rotation ended that it is done', () => {
    const store = new RotationStatusStore();
    store.take('rotation-progress', { done: 0, total: 1 });
    store.take('rotation-progress', { done: 1, total: 1 });
    store.take('rotation-done', undefined);
    expect(watch(store).seen).toEqual([{ kind: 'done' }]);
  });

  it('shows nothing once the rotation stopped or its worker ended, ignores other events and stops giving after unsubscribe', () => {
    const store = new RotationStatusStore();
    const notice = watch(store);
    store.take('rotation-progress', { done: 2, total: 5 });
    store.take('export-progress', { written: 10 });
    store.take('rotation-stopped', { code: 'vault.locked' });
    expect(notice.seen).toEqual([null, { kind: 'running', progress: { done: 2, total: 5 } }, null]);
    store.take('rotation-done', undefined);
    store.clear();
    expect(store.status).toBeNull();
    notice.stop();
    store.take('rotation-progress', { done: 0, total: 1 });
    expect(notice.seen).toHaveLength(5);
  });
});

/** When to lock by itself: after this long without input, and after the page has been hidden this long. */
export interface AutoLockSettings {
  idleMs: number;
  hiddenMs: number;
}

export const DEFAULT_AUTO_LOCK: AutoLockSettings = { idleMs: 5 * 60_000, hiddenMs: 60_000 };

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart', 'scroll'] as const;

/**
 * Calls `lock` after `idleMs` without input, or once the page has been hidden for `hiddenMs` (checked
 * again on return, because browsers throttle timers in hidden tabs). Returns a function that stops it.
 */
export function startAutoLock(
  settings: AutoLockSettings,
  lock: () => void,
  target: Window = window,
): () => void {
  let idleTimer: ReturnType<typeof setTimeout> | undefined;
  let hiddenTimer: ReturnType<typeof setTimeout> | undefined;
  let hiddenSince: number | null = null;

  const armIdle = () => {
    clearTimeout(idleTimer);
    idleTimer = setTimeout(lock, settings.idleMs);
  };
  const onVisibility = () => {
    if (target.document.visibilityState === 'hidden') {
      hiddenSince = Date.now();
      clearTimeout(hiddenTimer);
      hiddenTimer = setTimeout(lock, settings.hiddenMs);
    } else {
      clearTimeout(hiddenTimer);
      if (hiddenSince !== null && Date.now() - hiddenSince >= settings.hiddenMs) lock();
      hiddenSince = null;
      armIdle();
    }
  };

  for (const name of ACTIVITY_EVENTS)
    target.addEventListener(name, armIdle, { passive: true, capture: true });
  target.document.addEventListener('visibilitychange', onVisibility);
  armIdle();
  return () => {
    clearTimeout(idleTimer);
    clearTimeout(hiddenTimer);
    for (const name of ACTIVITY_EVENTS) target.removeEventListener(name, armIdle, { capture: true });
    target.document.removeEventListener('visibilitychange', onVisibility);
  };
}

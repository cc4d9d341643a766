/** The one flag the introduction stores. It says nothing about the person or their evidence. */
export const INTRO_SEEN_KEY = 'bukti.introSeen';

/** Whether the introduction was finished or skipped before on this browser. */
export function firstRunSeen(): boolean {
  try {
    return localStorage.getItem(INTRO_SEEN_KEY) === '1';
  } catch {
    // Storage disabled or blocked: showing the introduction again is the harmless answer.
    return false;
  }
}

/** Remembers that the introduction was finished or skipped, so it is not shown at every start. */
export function markFirstRunSeen(): void {
  try {
    localStorage.setItem(INTRO_SEEN_KEY, '1');
  } catch {
    // Storage disabled or full: the introduction will simply be offered again next time.
  }
}

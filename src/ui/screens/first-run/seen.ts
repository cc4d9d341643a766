import { readPrefs, writePrefs } from '../../safety/prefs';

/** Whether the introduction was finished or skipped before on this browser. */
export function firstRunSeen(): boolean {
  return readPrefs().seen === true;
}

/** Remembers that the introduction was finished or skipped, so it is not shown at every start. */
export function markFirstRunSeen(): void {
  writePrefs({ seen: true });
}

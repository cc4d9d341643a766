/**
 * The few choices that must be readable while the vault is locked (language, whether the introduction
 * was seen, the discreet look and its opening code, where quick exit goes) live in one localStorage
 * entry under a plain key. Neither the key nor a value names the app, evidence or a vault: someone who
 * opens the browser's storage sees "prefs" and a short JSON object, nothing more (docs/security.md).
 */

/** The storage calls used here; `localStorage` in the app, a plain object in tests. */
export type PrefsStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

export interface Prefs {
  lang?: string;
  /** The introduction was finished or skipped. */
  seen?: boolean;
  /** The discreet look (a preset name), absent when discreet mode is off. */
  look?: string;
  /** Salted SHA-256 of the code that opens the cover screen, both hex. */
  code?: { salt: string; hash: string };
  /** Where quick exit goes (a destination name); the built-in page when absent. */
  exit?: string;
}

export const PREFS_KEY = 'prefs';

/** Keys earlier versions wrote, and the field each one moves to. */
const OLD_KEYS: Readonly<Record<string, (value: string) => Prefs>> = {
  'bukti.locale': (value) => ({ lang: value }),
  'bukti.introSeen': (value) => (value === '1' ? { seen: true } : {}),
  'pref.look': (value) => ({ look: value }),
};

function browserStorage(): PrefsStorage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    // Storage disabled (some private modes): choices then last for this visit only.
    return null;
  }
}

let memory: Prefs = {};

function parse(text: string | null): Prefs {
  if (!text) return {};
  try {
    const value = JSON.parse(text) as unknown;
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Prefs) : {};
  } catch {
    return {};
  }
}

/** The stored choices (an empty object when nothing is stored or storage is unavailable). */
export function readPrefs(storage: PrefsStorage | null = browserStorage()): Prefs {
  if (!storage) return { ...memory };
  try {
    return parse(storage.getItem(PREFS_KEY));
  } catch {
    return { ...memory };
  }
}

/** Merges `change` into the stored choices; a field set to undefined is removed. */
export function writePrefs(change: Partial<Prefs>, storage: PrefsStorage | null = browserStorage()): void {
  const next: Prefs = { ...readPrefs(storage), ...change };
  for (const [field, value] of Object.entries(next)) {
    if (value === undefined) delete next[field as keyof Prefs];
  }
  memory = next;
  try {
    storage?.setItem(PREFS_KEY, JSON.stringify(next));
  } catch {
    // Storage full or disabled: the choice lasts for this visit only.
  }
}

/**
 * Moves what earlier versions stored under `bukti.*` and `pref.*` into `prefs` and deletes every such
 * key, so nothing in storage keeps naming the app. Runs once at start, before anything reads a choice.
 */
export function migratePrefs(storage: PrefsStorage | null = browserStorage()): void {
  if (!storage) return;
  try {
    const old: string[] = [];
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (key && (key.startsWith('bukti.') || key in OLD_KEYS)) old.push(key);
    }
    if (old.length === 0) return;
    let moved: Prefs = {};
    for (const key of old) {
      const value = storage.getItem(key);
      const mapped = OLD_KEYS[key];
      if (mapped && value !== null) moved = { ...moved, ...mapped(value) };
    }
    // What is already stored in the new form wins over the old keys.
    writePrefs({ ...moved, ...readPrefs(storage) }, storage);
    for (const key of old) storage.removeItem(key);
  } catch {
    // Storage unavailable: nothing to move.
  }
}

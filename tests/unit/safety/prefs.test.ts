import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  migratePrefs,
  PREFS_KEY,
  type PrefsStorage,
  readPrefs,
  writePrefs,
} from '../../../src/ui/safety/prefs';
import { firstRunSeen, markFirstRunSeen } from '../../../src/ui/screens/first-run/seen';

function memoryStorage(
  initial: Record<string, string> = {},
): PrefsStorage & { entries: Map<string, string> } {
  const entries = new Map(Object.entries(initial));
  return {
    entries,
    getItem: (key) => entries.get(key) ?? null,
    setItem: (key, value) => void entries.set(key, String(value)),
    removeItem: (key) => void entries.delete(key),
    key: (index) => [...entries.keys()][index] ?? null,
    get length() {
      return entries.size;
    },
  };
}

const refusing: PrefsStorage = {
  getItem: () => {
    throw new DOMException('blocked', 'SecurityError');
  },
  setItem: () => {
    throw new DOMException('full', 'QuotaExceededError');
  },
  removeItem: () => undefined,
  key: () => null,
  length: 0,
};

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('choices kept in clear', () => {
  it('moves every bukti.* and pref.look key into one neutral entry and deletes the old keys', () => {
    const storage = memoryStorage({
      'bukti.locale': 'ms',
      'bukti.introSeen': '1',
      'pref.look': 'notes',
      'bukti.somethingElse': 'x',
      other: 'kept',
    });
    migratePrefs(storage);
    expect([...storage.entries.keys()].sort()).toEqual(['other', PREFS_KEY]);
    expect(readPrefs(storage)).toEqual({ lang: 'ms', seen: true, look: 'notes' });
    for (const [key, value] of storage.entries) {
      expect(`${key}=${value}`).not.toMatch(/bukti|evidence|vault|passphrase|kata laluan|frasa laluan/i);
    }
  });

  it('keeps what is already stored in the new form over an old key', () => {
    const storage = memoryStorage({ 'bukti.locale': 'ms', [PREFS_KEY]: JSON.stringify({ lang: 'en' }) });
    migratePrefs(storage);
    expect(readPrefs(storage)).toEqual({ lang: 'en' });
    expect(storage.entries.has('bukti.locale')).toBe(false);
  });

  it('reads a damaged entry as no choices, and removes a field written as undefined', () => {
    const storage = memoryStorage({ [PREFS_KEY]: '{not json' });
    expect(readPrefs(storage)).toEqual({});
    writePrefs({ look: 'calculator', exit: 'page' }, storage);
    writePrefs({ look: undefined }, storage);
    expect(JSON.parse(storage.getItem(PREFS_KEY) ?? '')).toEqual({ exit: 'page' });
  });

  it('remembers the introduction as seen, and counts nothing else as seen', () => {
    const storage = memoryStorage({ [PREFS_KEY]: JSON.stringify({ seen: 'yes' }) });
    vi.stubGlobal('localStorage', storage);
    expect(firstRunSeen()).toBe(false);
    markFirstRunSeen();
    expect(firstRunSeen()).toBe(true);
    expect([...storage.entries]).toEqual([[PREFS_KEY, JSON.stringify({ seen: true })]]);
  });

  it('with blocked or full storage, keeps choices for this visit without throwing', () => {
    vi.stubGlobal('localStorage', refusing);
    expect(() => migratePrefs()).not.toThrow();
    expect(() => markFirstRunSeen()).not.toThrow();
    expect(firstRunSeen()).toBe(true);
  });
});

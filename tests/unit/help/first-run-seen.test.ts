import { afterEach, describe, expect, it, vi } from 'vitest';
import { firstRunSeen, INTRO_SEEN_KEY, markFirstRunSeen } from '../../../src/ui/screens/first-run/seen';

function memoryStorage(): Pick<Storage, 'getItem' | 'setItem'> & { entries: Map<string, string> } {
  const entries = new Map<string, string>();
  return {
    entries,
    getItem: (key) => entries.get(key) ?? null,
    setItem: (key, value) => void entries.set(key, String(value)),
  };
}

const refusing = {
  getItem: () => {
    throw new DOMException('blocked', 'SecurityError');
  },
  setItem: () => {
    throw new DOMException('full', 'QuotaExceededError');
  },
};

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the introduction-seen flag', () => {
  it('is unset at first, set after marking, and stores only that one flag', () => {
    const storage = memoryStorage();
    vi.stubGlobal('localStorage', storage);
    expect(firstRunSeen()).toBe(false);
    markFirstRunSeen();
    expect(firstRunSeen()).toBe(true);
    expect([...storage.entries]).toEqual([[INTRO_SEEN_KEY, '1']]);
  });

  it('does not count any other stored value as seen', () => {
    const storage = memoryStorage();
    vi.stubGlobal('localStorage', storage);
    for (const value of ['', '0', 'true', 'yes']) {
      storage.entries.set(INTRO_SEEN_KEY, value);
      expect(firstRunSeen()).toBe(false);
    }
  });

  it('treats blocked or full storage as not seen, without throwing', () => {
    vi.stubGlobal('localStorage', refusing);
    expect(() => markFirstRunSeen()).not.toThrow();
    expect(firstRunSeen()).toBe(false);
  });
});

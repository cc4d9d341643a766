import { type AutoLockSettings, DEFAULT_AUTO_LOCK } from './auto-lock';
import type { VaultClient } from './session';

/** Settings kept inside the vault (encrypted): only readable once unlocked. Versioned like every record. */
export interface VaultSettings {
  v: 1;
  autoLock: AutoLockSettings;
}

const STORE = 'settings';
const ID = 'app';

export const DEFAULT_SETTINGS: VaultSettings = { v: 1, autoLock: DEFAULT_AUTO_LOCK };

/** Choices offered for auto-lock, in milliseconds. */
export const IDLE_CHOICES = [60_000, 2 * 60_000, 5 * 60_000, 10 * 60_000, 15 * 60_000, 30 * 60_000] as const;
export const HIDDEN_CHOICES = [0, 30_000, 60_000, 5 * 60_000] as const;

function isPositiveNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

/** The vault's settings; defaults for anything missing or malformed (never a reason not to open). */
export async function loadSettings(vault: VaultClient): Promise<VaultSettings> {
  const stored = (await vault.getRecord(STORE, ID)) as Partial<VaultSettings> | undefined;
  const autoLock = stored?.autoLock;
  return {
    v: 1,
    autoLock: {
      idleMs:
        isPositiveNumber(autoLock?.idleMs) && autoLock.idleMs > 0
          ? autoLock.idleMs
          : DEFAULT_AUTO_LOCK.idleMs,
      hiddenMs: isPositiveNumber(autoLock?.hiddenMs) ? autoLock.hiddenMs : DEFAULT_AUTO_LOCK.hiddenMs,
    },
  };
}

export async function saveSettings(vault: VaultClient, settings: VaultSettings): Promise<void> {
  await vault.putRecord(STORE, ID, settings);
}

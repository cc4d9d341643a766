import type { MessageKey } from '../../core/i18n';

/** Neutral presets; each has a manifest (manifest-<preset>.webmanifest) and icons built with the app. */
export const DISCREET_PRESETS = ['notes', 'calculator', 'recipes'] as const;
export type DiscreetPreset = (typeof DISCREET_PRESETS)[number];

export const PRESET_TITLE: Record<DiscreetPreset, MessageKey> = {
  notes: 'discreet.preset.notes',
  calculator: 'discreet.preset.calculator',
  recipes: 'discreet.preset.recipes',
};

/** Kept in clear on purpose: it must work while the vault is locked. The key says nothing about Bukti. */
const STORAGE_KEY = 'pref.look';

export function discreetPreset(): DiscreetPreset | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return (DISCREET_PRESETS as readonly string[]).includes(value ?? '') ? (value as DiscreetPreset) : null;
  } catch {
    return null;
  }
}

export function setDiscreetPreset(preset: DiscreetPreset | null): void {
  try {
    if (preset) localStorage.setItem(STORAGE_KEY, preset);
    else localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage unavailable: discreet mode lasts for this visit only.
  }
  window.dispatchEvent(new Event('bukti:discreet-changed'));
}

function setLink(rel: string, href: string): void {
  const link = document.querySelector<HTMLLinkElement>(`link[rel="${rel}"]`);
  if (link && link.getAttribute('href') !== href) link.setAttribute('href', href);
}

/**
 * Applies the look to the tab and to a future home-screen install: a neutral title and icon while
 * locked, and the preset's manifest so "Add to home screen" uses the neutral name and icon.
 */
export function applyDiscreet(preset: DiscreetPreset | null, locked: boolean, title: string): void {
  setLink('manifest', preset ? `/manifest-${preset}.webmanifest` : '/manifest.webmanifest');
  setLink('apple-touch-icon', preset ? `/icons/${preset}-192.png` : '/icons/apple-touch-icon.png');
  const neutral = preset !== null && locked;
  setLink('icon', neutral ? `/icons/${preset}-32.png` : '/icons/favicon-32.png');
  document.title = neutral ? title : 'Bukti';
}

/** A file name that says nothing: used for exports and backups when discreet mode is on. */
export function neutralFileName(extension: string, date = new Date()): string {
  const stamp = date.toISOString().slice(0, 10).replace(/-/g, '');
  return `notes-${stamp}.${extension}`;
}

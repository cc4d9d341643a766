import type { MessageKey } from '../../core/i18n';
import { readPrefs, writePrefs } from './prefs';

/** Neutral presets; each has a manifest (manifest-<preset>.webmanifest) and icons built with the app. */
export const DISCREET_PRESETS = ['calculator', 'notes', 'recipes'] as const;
export type DiscreetPreset = (typeof DISCREET_PRESETS)[number];

export const PRESET_TITLE: Record<DiscreetPreset, MessageKey> = {
  notes: 'discreet.preset.notes',
  calculator: 'discreet.preset.calculator',
  recipes: 'discreet.preset.recipes',
};

/** Shortest and longest opening code: digits only, so it can be typed on the calculator too. */
export const CODE_LENGTH = { min: 4, max: 12 } as const;
export const LOOK_CHANGED = 'look-changed';

/** The discreet look, or null when discreet mode is off. */
export function discreetPreset(): DiscreetPreset | null {
  const { look } = readPrefs();
  return (DISCREET_PRESETS as readonly string[]).includes(look ?? '') ? (look as DiscreetPreset) : null;
}

export function isValidCode(code: string): boolean {
  return new RegExp(`^[0-9]{${CODE_LENGTH.min},${CODE_LENGTH.max}}$`).test(code);
}

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

async function codeHash(salt: string, code: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${salt}:${code}`));
  return hex(new Uint8Array(digest));
}

/**
 * Turns discreet mode on with `preset` and the survivor's opening code, or off (null). Only a salted
 * hash of the code is kept: it guards the way to the unlock form, not the vault, which the passphrase does.
 */
export async function setDiscreet(preset: DiscreetPreset | null, code?: string): Promise<void> {
  if (preset && code !== undefined) {
    const salt = hex(crypto.getRandomValues(new Uint8Array(16)));
    writePrefs({ look: preset, code: { salt, hash: await codeHash(salt, code) } });
  } else if (preset) {
    writePrefs({ look: preset });
  } else {
    writePrefs({ look: undefined, code: undefined });
  }
  window.dispatchEvent(new Event(LOOK_CHANGED));
}

/** True when `entered` is the opening code (always false when none is set). */
export async function isCoverCode(entered: string): Promise<boolean> {
  const { code } = readPrefs();
  if (!code || !isValidCode(entered)) return false;
  return (await codeHash(code.salt, entered)) === code.hash;
}

/** True when an opening code is stored (so the look can change without asking for a new one). */
export function hasCoverCode(): boolean {
  return readPrefs().code !== undefined;
}

function setLink(rel: string, href: string): void {
  const link = document.querySelector<HTMLLinkElement>(`link[rel="${rel}"]`);
  if (link && link.getAttribute('href') !== href) link.setAttribute('href', href);
}

/**
 * Applies the look to the tab, the browser's history and a future home-screen install: in discreet mode
 * the neutral title and icon always (locked or not, since history keeps the titles a page had), and
 * the preset's manifest so "Add to home screen" uses the neutral name and icon.
 */
export function applyLook(preset: DiscreetPreset | null, title: string): void {
  setLink('manifest', preset ? `/manifest-${preset}.webmanifest` : '/manifest.webmanifest');
  setLink('apple-touch-icon', preset ? `/icons/${preset}-192.png` : '/icons/apple-touch-icon.png');
  setLink('icon', preset ? `/icons/${preset}-32.png` : '/icons/favicon-32.png');
  document.querySelector('meta[name="theme-color"]')?.setAttribute('content', preset ? '#4a5568' : '#124e5c');
  if (document.title !== title) document.title = title;
}

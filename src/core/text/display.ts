/**
 * Bidirectional formatting characters: the Arabic letter mark, left-to-right and right-to-left marks,
 * embeddings, overrides and isolates. One of them can make `photo\u202Egnp.exe` read as `photoexe.png`.
 */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/**
 * A file name, handle or title as it may be shown on screen or paper: each bidirectional control is
 * written out as `\u{202e}`, so it cannot reorder what a reader sees. Stored values stay untouched.
 */
export function showBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, (char) => `\\u{${(char.codePointAt(0) ?? 0).toString(16)}}`);
}

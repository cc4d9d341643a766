import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { showBidiControls } from '../../../src/core/text/display';

const CONTROLS = [
  '\u061C',
  '\u200E',
  '\u200F',
  '\u202A',
  '\u202B',
  '\u202C',
  '\u202D',
  '\u202E',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
];

describe('showBidiControls', () => {
  it('writes out a right-to-left override so a name cannot pass for another', () => {
    expect(showBidiControls('photo\u202Egnp.exe')).toBe('photo\\u{202e}gnp.exe');
    expect(showBidiControls('@ali\u2067baba\u2069')).toBe('@ali\\u{2067}baba\\u{2069}');
  });

  it('leaves names without controls alone, Malay, Arabic, Chinese and emoji included', () => {
    for (const name of ['bukti 1.png', 'صورة.jpg', '证据.png', '👨‍👩‍👧 kes.txt', 'Kes kumpulan 4B'])
      expect(showBidiControls(name)).toBe(name);
  });

  it('never lets a control through, whatever surrounds it', () => {
    const withControls = fc
      .array(fc.oneof(fc.string(), fc.constantFrom(...CONTROLS)))
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(withControls, (text) => {
        const shown = showBidiControls(text);
        expect(CONTROLS.some((control) => shown.includes(control))).toBe(false);
      }),
    );
  });
});

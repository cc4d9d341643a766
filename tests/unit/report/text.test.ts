import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  breakWord,
  drawableText,
  graphemes,
  pickPlaceholder,
  truncateToWidth,
  wrapText,
} from '../../../src/core/report/text';

/** A font that has Basic Latin, Latin-1 and a few punctuation marks, like a narrow real font. */
const latinOnly = (codePoint: number) =>
  (codePoint >= 0x20 && codePoint <= 0x7e) ||
  (codePoint >= 0xa0 && codePoint <= 0x24f) ||
  codePoint === 0xfffd;
/** Width: 1 per grapheme, 2 for wide letters, so lines of mixed widths are tested. */
const measure = (text: string) => graphemes(text).reduce((sum, g) => sum + (/[MW@]/.test(g) ? 2 : 1), 0);
const squash = (text: string) => text.replace(/\s+/g, '');

describe('drawableText', () => {
  it('keeps Latin text, accents and line breaks as typed', () => {
    expect(drawableText('Café at 9pm,\nrépondu.', latinOnly, '\uFFFD')).toBe('Café at 9pm,\nrépondu.');
  });

  it('replaces each character the font lacks by one visible placeholder', () => {
    const text = 'தமிழ் 中文 😀 👩‍👩‍👧 עברית العربية';
    const out = drawableText(text, latinOnly, '\uFFFD');
    expect(out).not.toMatch(/[^\u0020-\u007e\uFFFD]/);
    // Whole user-perceived characters: a family emoji or a Tamil syllable is one placeholder, not several.
    expect(out.split(' ')[2]).toBe('\uFFFD');
    expect(out.split(' ')[3]).toBe('\uFFFD');
    expect(out.split(' ')[1]).toBe('\uFFFD\uFFFD');
  });

  it('turns control characters and lone surrogates into placeholders, tabs into spaces', () => {
    expect(drawableText('a\u0000b\u007fc\u0085d\ud800e\tf', latinOnly, '?')).toBe('a?b?c\nd?e    f');
    expect(drawableText('x\r\ny\rz\u2028w', latinOnly, '?')).toBe('x\ny\nz\nw');
  });

  it('never returns a character the font cannot draw, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        const out = drawableText(text, latinOnly, '\uFFFD');
        for (const char of out) {
          if (char !== '\n') expect(latinOnly(char.codePointAt(0) as number)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('picks the replacement character, else a white square, else a question mark', () => {
    expect(pickPlaceholder(() => true)).toBe('\uFFFD');
    expect(pickPlaceholder((cp) => cp === 0x25a1)).toBe('\u25a1');
    expect(pickPlaceholder(() => false)).toBe('?');
  });
});

describe('wrapText', () => {
  it('breaks a URL longer than the line after its punctuation, keeping every character', () => {
    const url =
      'https://www.facebook.com/groups/1234567890/permalink/9876543210/?comment_id=111&reply_comment_id=222';
    const lines = wrapText(url, 30, measure);
    expect(lines.length).toBeGreaterThan(3);
    expect(lines.join('')).toBe(url);
    for (const line of lines) expect(measure(line)).toBeLessThanOrEqual(30);
    expect(lines.slice(0, -1).every((line) => /[/?&=._-]$/.test(line))).toBe(true);
  });

  it('breaks anywhere when a word has no punctuation', () => {
    const hash = 'a'.repeat(100);
    expect(wrapText(hash, 32, measure)).toEqual([
      'a'.repeat(32),
      'a'.repeat(32),
      'a'.repeat(32),
      'a'.repeat(4),
    ]);
  });

  it('keeps blank lines between paragraphs and spaces inside a line', () => {
    expect(wrapText('one  two\n\nthree', 20, measure)).toEqual(['one  two', '', 'three']);
  });

  it('gives every line within the width and loses no visible character (property)', () => {
    const words = fc.array(
      fc.oneof(
        fc.string({ minLength: 1, maxLength: 12 }),
        fc.constantFrom('https://x.com/a/b?c=d&e=f', 'MMMMMMMMMMMMMMMMMMMMMMMMM'),
      ),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(words, fc.integer({ min: 2, max: 60 }), (parts, width) => {
        const text = parts.join(' ');
        const lines = wrapText(text, width, measure);
        for (const line of lines) {
          expect(measure(line) <= width || graphemes(line).length === 1).toBe(true);
        }
        expect(squash(lines.join(''))).toBe(squash(text));
      }),
      { numRuns: 300 },
    );
  });

  it('wraps a 100,000-character word without measuring it whole at every line', () => {
    const word = 'ab/'.repeat(34_000).slice(0, 100_000);
    const started = performance.now();
    const lines = wrapText(word, 60, measure);
    // Quadratic segmentation took over a minute here; linear takes well under a second.
    expect(performance.now() - started).toBeLessThan(5000);
    expect(lines.join('')).toBe(word);
  });

  it('segments a long text in linear time, with the same clusters as one pass would give', () => {
    const sample = 'Tamil தமிழ் and 👩‍👩‍👧 family, e\u0301 accent, 🇲🇾 flag. ';
    const long = sample.repeat(2000);
    const started = performance.now();
    const parts = graphemes(long);
    // Quadratic segmentation took over a minute here; linear takes well under a second.
    expect(performance.now() - started).toBeLessThan(5000);
    expect(parts.join('')).toBe(long);
    const once = Array.from(
      new Intl.Segmenter('und', { granularity: 'grapheme' }).segment(sample),
      (s) => s.segment,
    );
    expect(parts.slice(0, once.length)).toEqual(once);
    expect(parts).toHaveLength(once.length * 2000);
  });

  it('lays out a 10,000-character statement quickly', () => {
    const statement = Array.from({ length: 1500 }, (_, i) => `word${i % 97}`)
      .join(' ')
      .slice(0, 10_000);
    const started = performance.now();
    const lines = wrapText(statement, 80, measure);
    expect(performance.now() - started).toBeLessThan(500);
    expect(squash(lines.join(''))).toBe(squash(statement));
  });
});

describe('breakWord and truncateToWidth', () => {
  it('gives a grapheme wider than the line a line of its own instead of looping', () => {
    expect(breakWord('MMM', 1, measure)).toEqual(['M', 'M', 'M']);
  });

  it('cuts a header line with an ellipsis only when it does not fit', () => {
    expect(truncateToWidth('short title', 40, measure)).toBe('short title');
    const cut = truncateToWidth('a very long case title that goes on and on', 20, measure);
    expect(cut.endsWith('…')).toBe(true);
    expect(measure(cut)).toBeLessThanOrEqual(20);
  });
});

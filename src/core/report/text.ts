/**
 * Text that never breaks an export: whatever a survivor typed is turned into lines the embedded font
 * can draw. Characters the font lacks become a visible placeholder (in the PDF only; the bundle keeps
 * the text as typed), and lines wrap anywhere when a word is longer than the line.
 */

/** Width in points of `text` in the font and size being laid out. */
export type Measure = (text: string) => number;

/** Placeholders in order of preference: the replacement character, a white square, a question mark. */
const PLACEHOLDERS = ['\uFFFD', '\u25A1', '?'];

/** The first placeholder the font can draw. */
export function pickPlaceholder(hasGlyph: (codePoint: number) => boolean): string {
  return PLACEHOLDERS.find((candidate) => hasGlyph(candidate.codePointAt(0) as number)) ?? '?';
}

type Segmenter = { segment(text: string): Iterable<{ segment: string }> };
let graphemeSegmenter: Segmenter | null | undefined;

/**
 * Text is segmented in pieces of about this many UTF-16 units: V8 gives every segment a fresh copy of
 * the whole input, so segmenting a long text in one go takes time and memory quadratic in its length.
 */
const SEGMENT_CHUNK = 128;

/** Where to cut `text` at or before `end`: before a space in the second half if there is one, never inside a surrogate pair. */
function chunkEnd(text: string, start: number, end: number): number {
  if (end >= text.length) return text.length;
  for (let i = end; i > start + SEGMENT_CHUNK / 2; i--) {
    if (/\s/.test(text[i] as string)) return i;
  }
  const code = text.charCodeAt(end - 1);
  return code >= 0xd800 && code <= 0xdbff ? end - 1 : end;
}

/**
 * User-perceived characters (grapheme clusters), so an emoji sequence or a Tamil syllable becomes one
 * placeholder and is never cut in half at a line break. A cluster longer than a chunk with no space
 * in it may be split in two (two placeholders instead of one); nothing is lost. Falls back to code
 * points without Intl.Segmenter.
 */
export function graphemes(text: string): string[] {
  if (graphemeSegmenter === undefined) {
    const Intl2 = Intl as unknown as { Segmenter?: new (locale: string, options: object) => Segmenter };
    graphemeSegmenter = Intl2.Segmenter ? new Intl2.Segmenter('und', { granularity: 'grapheme' }) : null;
  }
  const segmenter = graphemeSegmenter;
  if (segmenter === null) return Array.from(text);
  const out: string[] = [];
  for (let start = 0; start < text.length; ) {
    const end = chunkEnd(text, start, start + SEGMENT_CHUNK);
    for (const part of segmenter.segment(text.slice(start, end))) out.push(part.segment);
    start = end;
  }
  return out;
}

/** True for C0 and C1 control characters other than line feed: never drawable. */
function isControl(codePoint: number): boolean {
  return (codePoint < 0x20 && codePoint !== 0x0a) || (codePoint >= 0x7f && codePoint <= 0x9f);
}

/** Line breaks in their many forms (CR LF, CR, LS, PS; NEL is handled apart), all read as one line feed. */
const LINE_BREAKS = /\r\n|[\r\u2028\u2029]/g;
const NEXT_LINE = String.fromCharCode(0x85);

/**
 * `text` with line breaks unified, tabs as four spaces, and every grapheme the font cannot draw fully
 * (or that holds a control character) replaced by `placeholder`.
 */
export function drawableText(
  text: string,
  hasGlyph: (codePoint: number) => boolean,
  placeholder: string,
): string {
  const unified = text.replace(LINE_BREAKS, '\n').replaceAll(NEXT_LINE, '\n').replace(/\t/g, '    ');
  let out = '';
  for (const cluster of graphemes(unified)) {
    if (cluster === '\n') {
      out += cluster;
      continue;
    }
    let drawable = true;
    for (let i = 0; drawable && i < cluster.length; ) {
      const codePoint = cluster.codePointAt(i) as number;
      drawable = !isControl(codePoint) && hasGlyph(codePoint);
      i += codePoint > 0xffff ? 2 : 1;
    }
    out += drawable ? cluster : placeholder;
  }
  return out;
}

/** Characters after which a long word (a URL, a hash, a handle) reads best when broken. */
const SOFT_BREAK_AFTER = new Set(['/', '?', '&', '=', '#', '-', '_', '.', ',', ':', ';', '@', '+', '~']);

/**
 * Splits a word wider than `maxWidth` into pieces that fit, preferring to break after URL punctuation
 * in the second half of a piece. A single grapheme wider than the line gets a line of its own.
 */
export function breakWord(word: string, maxWidth: number, measure: Measure): string[] {
  const parts = graphemes(word);
  const pieces: string[] = [];
  let start = 0;
  while (start < parts.length) {
    let low = 1;
    // No line holds more than two graphemes per point of width, so a huge word is never measured whole.
    let high = Math.min(parts.length - start, Math.max(1, Math.ceil(maxWidth) * 2));
    // Largest count of graphemes that still fits (at least one, so the loop always advances).
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (measure(parts.slice(start, start + middle).join('')) <= maxWidth) low = middle;
      else high = middle - 1;
    }
    let count = low;
    if (start + count < parts.length) {
      for (let i = count; i > Math.floor(count / 2); i--) {
        if (SOFT_BREAK_AFTER.has(parts[start + i - 1] as string)) {
          count = i;
          break;
        }
      }
    }
    pieces.push(parts.slice(start, start + count).join(''));
    start += count;
  }
  return pieces;
}

/**
 * One paragraph (no line feeds) as lines no wider than `maxWidth`. Widths are summed token by token,
 * which is exact because the report's fonts are laid out without shaping (see fonts.ts).
 */
function wrapParagraph(paragraph: string, maxWidth: number, measure: Measure): string[] {
  const lines: string[] = [];
  let line = '';
  let lineWidth = 0;
  for (const token of paragraph.match(/\s+|\S+/g) ?? []) {
    const width = measure(token);
    if (/^\s/.test(token)) {
      // Spaces inside a line are kept as typed; at a line break they are dropped.
      if (line !== '' || lines.length === 0) {
        line += token;
        lineWidth += width;
      }
      continue;
    }
    if (lineWidth + width <= maxWidth) {
      line += token;
      lineWidth += width;
      continue;
    }
    if (line.trim() !== '') lines.push(line.trimEnd());
    if (width <= maxWidth) {
      line = token;
      lineWidth = width;
      continue;
    }
    const pieces = breakWord(token, maxWidth, measure);
    line = pieces.pop() ?? '';
    lineWidth = measure(line);
    lines.push(...pieces);
  }
  if (line.trim() !== '' || lines.length === 0) lines.push(line.trimEnd());
  return lines;
}

/**
 * `text` (already drawable) as lines no wider than `maxWidth`: line feeds start new lines, words wrap,
 * and words longer than a line are broken. An empty paragraph stays an empty line.
 */
export function wrapText(text: string, maxWidth: number, measure: Measure): string[] {
  return text.split('\n').flatMap((paragraph) => wrapParagraph(paragraph, maxWidth, measure));
}

/** `text` cut to fit `maxWidth` on one line, ending in an ellipsis when it was cut. */
export function truncateToWidth(text: string, maxWidth: number, measure: Measure): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  if (measure(oneLine) <= maxWidth) return oneLine;
  const parts = graphemes(oneLine);
  let low = 0;
  let high = parts.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (measure(`${parts.slice(0, middle).join('')}…`) <= maxWidth) low = middle;
    else high = middle - 1;
  }
  return `${parts.slice(0, low).join('').trimEnd()}…`;
}

import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument, PDFFont } from 'pdf-lib';
import { BuktiError } from '../errors';
import { padGlyphRecords } from './font-padding';
import { drawableText, pickPlaceholder } from './text';
import type { ReportFonts } from './types';

/** An embedded font together with what it can draw. */
export interface ReportFont {
  pdf: PDFFont;
  /** `text` with every character this font lacks replaced by a visible placeholder. */
  drawable(text: string): string;
  /** Width in points of already drawable `text` at `size`. */
  width(text: string, size: number): number;
}

export interface ReportFontSet {
  regular: ReportFont;
  bold: ReportFont;
  mono: ReportFont;
}

export type FontName = keyof ReportFontSet;

/**
 * Every OpenType feature off: pdf-lib draws each glyph at its nominal advance and ignores positioning,
 * so shaping would only cost time (it is most of the layout time) and could merge characters into
 * ligatures. Without it one glyph stands for one character, text copied or searched in the PDF (a URL,
 * a hash, a handle) is exactly the text typed, and widths add up word by word.
 */
const FEATURES = {
  liga: false,
  clig: false,
  dlig: false,
  calt: false,
  rclt: false,
  rlig: false,
  ccmp: false,
  locl: false,
  kern: false,
  mark: false,
  mkmk: false,
  curs: false,
} as const;

/**
 * True when fontkit can lay out the character on its own. @pdf-lib/fontkit 1.1.1 sends some scripts
 * (Devanagari, which Noto Sans covers, and other Indic scripts) to shapers that need a global
 * `regeneratorRuntime` and throw; those characters are drawn as the placeholder, like missing ones.
 */
function layoutWorks(font: ReturnType<typeof fontkit.create>, codePoint: number): boolean {
  try {
    font.layout(String.fromCodePoint(codePoint), FEATURES);
    return true;
  } catch {
    return false;
  }
}

/** Widths remembered per font; cleared when it grows past this many strings. */
const WIDTH_CACHE_LIMIT = 50_000;

async function embedOne(doc: PDFDocument, original: Uint8Array, name: string): Promise<ReportFont> {
  let pdf: PDFFont;
  let hasGlyph: (codePoint: number) => boolean;
  try {
    const bytes = padGlyphRecords(original);
    const parsed = fontkit.create(bytes);
    hasGlyph = (codePoint) => parsed.hasGlyphForCodePoint(codePoint) && layoutWorks(parsed, codePoint);
    pdf = await doc.embedFont(bytes, { subset: true, features: FEATURES });
  } catch (cause) {
    throw new BuktiError('report.fontsUnreadable', { font: name }, { cause });
  }
  const known = new Map<number, boolean>();
  const cachedHasGlyph = (codePoint: number) => {
    let has = known.get(codePoint);
    if (has === undefined) {
      // hasGlyphForCodePoint is false when the cmap gives glyph 0, .notdef, the empty box fonts draw instead.
      has = hasGlyph(codePoint);
      known.set(codePoint, has);
    }
    return has;
  };
  const placeholder = pickPlaceholder(cachedHasGlyph);
  const widths = new Map<string, number>();
  const unitWidth = (text: string) => {
    let width = widths.get(text);
    if (width === undefined) {
      if (widths.size >= WIDTH_CACHE_LIMIT) widths.clear();
      width = pdf.widthOfTextAtSize(text, 1);
      widths.set(text, width);
    }
    return width;
  };
  return {
    pdf,
    drawable: (text) => drawableText(text, cachedHasGlyph, placeholder),
    width: (text, size) => unitWidth(text) * size,
  };
}

/** Embeds the three report fonts (subset: only the glyphs used end up in the PDF). */
export async function embedReportFonts(doc: PDFDocument, fonts: ReportFonts): Promise<ReportFontSet> {
  doc.registerFontkit(fontkit);
  return {
    regular: await embedOne(doc, fonts.regular, 'regular'),
    bold: await embedOne(doc, fonts.bold, 'bold'),
    mono: await embedOne(doc, fonts.mono, 'mono'),
  };
}

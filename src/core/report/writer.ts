import { type PDFDocument, type PDFImage, type PDFPage, type RGB, rgb } from 'pdf-lib';
import { compactPage } from './compact';
import type { FontName, ReportFontSet } from './fonts';
import { truncateToWidth, wrapText } from './text';

/** A4 in points. */
export const PAGE_WIDTH = 595.28;
export const PAGE_HEIGHT = 841.89;
export const MARGIN_X = 56;
export const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X;
const CONTENT_TOP = PAGE_HEIGHT - 66;
const CONTENT_BOTTOM = 62;
/** Paragraphs up to this many lines are never split over two pages. */
const SHORT_PARAGRAPH_LINES = 5;
/** Height available for content on an empty page. */
export const CONTENT_HEIGHT = CONTENT_TOP - CONTENT_BOTTOM;

export const COLORS = {
  text: rgb(0.1, 0.1, 0.12),
  muted: rgb(0.36, 0.37, 0.41),
  heading: rgb(0.07, 0.18, 0.34),
  rule: rgb(0.72, 0.74, 0.78),
  shade: rgb(0.94, 0.95, 0.96),
  warning: rgb(0.55, 0.16, 0.1),
};

export interface Style {
  font: FontName;
  size: number;
  color?: RGB;
}

export const STYLES = {
  title: { font: 'bold', size: 22, color: COLORS.heading },
  h1: { font: 'bold', size: 16, color: COLORS.heading },
  h2: { font: 'bold', size: 11.5, color: COLORS.heading },
  body: { font: 'regular', size: 10 },
  bodyBold: { font: 'bold', size: 10 },
  second: { font: 'regular', size: 9.5, color: COLORS.muted },
  small: { font: 'regular', size: 8.5 },
  label: { font: 'bold', size: 8.5, color: COLORS.muted },
  mono: { font: 'mono', size: 8.5 },
  table: { font: 'regular', size: 7.5 },
  tableMono: { font: 'mono', size: 7 },
  tableHead: { font: 'bold', size: 7.5, color: COLORS.muted },
  warning: { font: 'bold', size: 9.5, color: COLORS.warning },
} satisfies Record<string, Style>;

/** One drawable line and the style it is drawn in. */
export interface StyledLine {
  text: string;
  style: Style;
}

/** A column of a row: lines already wrapped to the column's width, starting at `x`. */
export interface Cell {
  x: number;
  lines: StyledLine[];
}

/** Where the first line of a row was drawn, for numbers filled in later. */
export interface RowStart {
  page: PDFPage;
  baseline: number;
}

/** Distance between baselines. */
export function leading(style: Style): number {
  return style.size * 1.36;
}

/** Height of `writer.boxed(lines, padding)` when it fits on one page. */
export function boxHeight(lines: readonly StyledLine[], padding = 8): number {
  return lines.reduce((sum, line) => sum + leading(line.style), 2 * padding);
}

/**
 * Lays out the report top to bottom: keeps a cursor, starts a new A4 page when the next line does not
 * fit, and draws every string as real (searchable, copyable) text in an embedded font.
 */
export class ReportWriter {
  readonly pages: PDFPage[] = [];
  /** Top of the next line, in PDF points from the bottom of the page. */
  y = CONTENT_TOP;
  /** Runs on every new page, e.g. to repeat a table's column headings. */
  onNewPage: (() => void) | undefined;

  constructor(
    private readonly doc: PDFDocument,
    readonly fonts: ReportFontSet,
  ) {}

  get page(): PDFPage {
    const page = this.pages[this.pages.length - 1];
    if (!page) throw new Error('No page has been started.');
    return page;
  }

  /** Number (from 1) of the page being written. */
  get pageNumber(): number {
    return this.pages.length;
  }

  newPage(): void {
    const finished = this.pages.at(-1);
    if (finished) compactPage(finished);
    this.pages.push(this.doc.addPage([PAGE_WIDTH, PAGE_HEIGHT]));
    this.y = CONTENT_TOP;
    this.onNewPage?.();
  }

  /** Points left on this page. */
  room(): number {
    return this.pages.length === 0 ? 0 : this.y - CONTENT_BOTTOM;
  }

  /** Starts a new page unless `height` points still fit on this one. */
  ensure(height: number): void {
    if (this.room() < height) this.newPage();
  }

  space(height: number): void {
    this.y -= height;
  }

  /** `text` as drawable lines no wider than `width` in `style`. */
  wrap(text: string, style: Style, width: number): StyledLine[] {
    const font = this.fonts[style.font];
    return wrapText(font.drawable(text), width, (line) => font.width(line, style.size)).map((line) => ({
      text: line,
      style,
    }));
  }

  /** `text` on one line, cut with an ellipsis to fit `width`. */
  oneLine(text: string, style: Style, width: number): string {
    const font = this.fonts[style.font];
    return truncateToWidth(font.drawable(text), width, (line) => font.width(line, style.size));
  }

  /** Draws one drawable line with its baseline at `baseline`. */
  drawLine(page: PDFPage, line: string, style: Style, x: number, baseline: number): void {
    if (line === '') return;
    page.drawText(line, {
      x,
      y: baseline,
      size: style.size,
      font: this.fonts[style.font].pdf,
      color: style.color ?? COLORS.text,
    });
  }

  /** Width of a drawable line in `style`. */
  widthOf(line: string, style: Style): number {
    return this.fonts[style.font].width(line, style.size);
  }

  /** Wrapped text, flowing onto new pages as needed. */
  paragraph(
    text: string,
    style: Style,
    options: { indent?: number; width?: number; after?: number } = {},
  ): void {
    const indent = options.indent ?? 0;
    const lines = this.wrap(text, style, options.width ?? CONTENT_WIDTH - indent);
    // Short paragraphs stay whole; long ones flow, but never leave a single line behind.
    const keep = lines.length <= SHORT_PARAGRAPH_LINES;
    if (!keep) this.ensure(2 * leading(style));
    this.cells([{ x: MARGIN_X + indent, lines }], keep);
    this.space(options.after ?? 4);
  }

  /** A heading kept on the same page as at least `keepWithNext` points of what follows. */
  heading(text: string, style: Style, keepWithNext = 48): void {
    const lines = this.wrap(text, style, CONTENT_WIDTH);
    this.ensure(lines.length * leading(style) + keepWithNext);
    this.cells([{ x: MARGIN_X, lines }], false);
    this.space(style.size * 0.5);
  }

  /**
   * Cells side by side, line by line, all lines spaced by the row's largest leading. Kept on one page
   * when the whole row fits on an empty page (`keepTogether`); longer rows flow onto the next page.
   */
  cells(cells: Cell[], keepTogether = true): RowStart {
    const styles = cells.flatMap((cell) => cell.lines.map((line) => line.style));
    const step = Math.max(0, ...styles.map(leading));
    const count = Math.max(0, ...cells.map((cell) => cell.lines.length));
    if (keepTogether && count * step <= CONTENT_HEIGHT) this.ensure(count * step);
    this.ensure(step);
    const start = { page: this.page, baseline: this.y - Math.max(0, ...styles.map((style) => style.size)) };
    for (let index = 0; index < count; index++) {
      this.ensure(step);
      for (const cell of cells) {
        const line = cell.lines[index];
        if (line) this.drawLine(this.page, line.text, line.style, cell.x, this.y - line.style.size);
      }
      this.y -= step;
    }
    return start;
  }

  /** A thin horizontal rule across the content width. */
  rule(gap = 6): void {
    this.ensure(gap * 2);
    this.y -= gap;
    this.page.drawLine({
      start: { x: MARGIN_X, y: this.y },
      end: { x: MARGIN_X + CONTENT_WIDTH, y: this.y },
      thickness: 0.5,
      color: COLORS.rule,
    });
    this.y -= gap;
  }

  /**
   * Lines on a shaded background with a border, as many per page as fit, for notes and quoted text
   * that must stand apart from the report's own words.
   */
  boxed(lines: StyledLine[], padding = 8): void {
    const height = boxHeight(lines, padding);
    if (height <= CONTENT_HEIGHT) this.ensure(height);
    let index = 0;
    while (index < lines.length) {
      this.ensure(2 * padding + leading(lines[index]?.style ?? STYLES.body));
      const top = this.y;
      let bottom = top - padding;
      let end = index;
      while (end < lines.length) {
        const step = leading((lines[end] as StyledLine).style);
        if (bottom - step - padding < CONTENT_BOTTOM) break;
        bottom -= step;
        end++;
      }
      bottom -= padding;
      this.page.drawRectangle({
        x: MARGIN_X,
        y: bottom,
        width: CONTENT_WIDTH,
        height: top - bottom,
        color: COLORS.shade,
        borderColor: COLORS.rule,
        borderWidth: 0.5,
      });
      let cursor = top - padding;
      for (const { text, style } of lines.slice(index, end)) {
        this.drawLine(this.page, text, style, MARGIN_X + padding, cursor - style.size);
        cursor -= leading(style);
      }
      index = end;
      this.y = bottom - 6;
      if (index < lines.length) this.newPage();
    }
  }

  /** Draws `image` centred at the cursor, `width` × `height` points, with a hairline frame. */
  image(image: PDFImage, width: number, height: number): void {
    this.ensure(height);
    const x = MARGIN_X + (CONTENT_WIDTH - width) / 2;
    const y = this.y - height;
    this.page.drawImage(image, { x, y, width, height });
    this.page.drawRectangle({ x, y, width, height, borderColor: COLORS.rule, borderWidth: 0.5 });
    this.y = y - 4;
  }

  /** Draws the running header and footer on every page, once the page count is known. */
  decorate(header: string, footer: (page: number, pages: number) => string): void {
    const total = this.pages.length;
    this.pages.forEach((page, index) => {
      const headStyle = { ...STYLES.small, color: COLORS.muted };
      const head = this.oneLine(header, headStyle, CONTENT_WIDTH);
      this.drawLine(page, head, headStyle, MARGIN_X, PAGE_HEIGHT - 40);
      page.drawLine({
        start: { x: MARGIN_X, y: PAGE_HEIGHT - 46 },
        end: { x: MARGIN_X + CONTENT_WIDTH, y: PAGE_HEIGHT - 46 },
        thickness: 0.5,
        color: COLORS.rule,
      });
      // The footer shrinks rather than lose its end: the key fingerprint is the part a reader checks.
      const footText = this.fonts.regular.drawable(footer(index + 1, total));
      let footStyle: Style = { ...STYLES.table, color: COLORS.muted };
      while (this.widthOf(footText, footStyle) > CONTENT_WIDTH && footStyle.size > 5) {
        footStyle = { ...footStyle, size: footStyle.size - 0.25 };
      }
      const foot = this.oneLine(footText, footStyle, CONTENT_WIDTH);
      const x = MARGIN_X + (CONTENT_WIDTH - this.widthOf(foot, footStyle)) / 2;
      page.drawLine({
        start: { x: MARGIN_X, y: 44 },
        end: { x: MARGIN_X + CONTENT_WIDTH, y: 44 },
        thickness: 0.5,
        color: COLORS.rule,
      });
      this.drawLine(page, foot, footStyle, x, 32);
      compactPage(page);
    });
  }
}

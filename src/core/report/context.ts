import type { PDFDocument, PDFPage } from 'pdf-lib';
import type { CustodyEntry } from '../custody/entry';
import { BuktiError } from '../errors';
import type { MessageKey, MessageParams } from '../i18n';
import type { ReportImageStore } from './image-store';
import type { ImagePrefetcher } from './prefetch';
import type { ReportDeps, ReportInput, ReportItem } from './types';
import type { Words } from './words';
import {
  COLORS,
  CONTENT_WIDTH,
  leading,
  MARGIN_X,
  type ReportWriter,
  STYLES,
  type Style,
  type StyledLine,
} from './writer';

/** A number (a page) only known after layout, drawn right-aligned at `right` once it is. */
export interface PendingNumber {
  page: PDFPage;
  right: number;
  baseline: number;
  style: Style;
  value: () => number | undefined;
}

/** Everything the sections share while the report is laid out. */
export interface ReportContext {
  doc: PDFDocument;
  input: ReportInput;
  deps: ReportDeps;
  words: Words;
  writer: ReportWriter;
  /** Items in chronological order; an item's number is its position here plus one. */
  items: ReportItem[];
  numberOf: ReadonlyMap<string, number>;
  /** Each custody entry's own hash (what the next entry's `prevHash` holds). */
  entryHashes: ReadonlyMap<CustodyEntry, string>;
  /** Page (from 1) where each section and each item starts. */
  sectionPages: Map<MessageKey, number>;
  itemPages: Map<string, number>;
  pending: PendingNumber[];
  /** Images of the next few items, read and prepared ahead of their pages. */
  images: ImagePrefetcher;
  /** Where each prepared image waits, encrypted in an export, until the PDF is written. */
  store: ReportImageStore;
}

/** Width of the label column of a field: wider when labels carry two languages. */
function labelWidth(ctx: ReportContext): number {
  return ctx.words.language === 'both' ? 132 : 110;
}

/**
 * Starts a section with its title, on a new page unless `continuePage` (then only when little room is
 * left), and records the page for the contents list.
 */
export function startSection(ctx: ReportContext, key: MessageKey, continuePage = false): void {
  if (continuePage) {
    ctx.writer.space(18);
    ctx.writer.ensure(120);
  } else {
    ctx.writer.newPage();
  }
  ctx.sectionPages.set(key, ctx.writer.pageNumber);
  ctx.writer.heading(ctx.words.label(key), STYLES.h1, 0);
  ctx.writer.space(4);
}

/** A label and its value side by side; the value wraps in its column (monospace for hashes and ids). */
export function field(
  ctx: ReportContext,
  key: MessageKey,
  value: string,
  valueStyle: Style = STYLES.body,
): void {
  fieldWithLabel(ctx, ctx.words.label(key), value, valueStyle);
}

/** `field` with a label that is already in the report's language(s). */
export function fieldWithLabel(
  ctx: ReportContext,
  label: string,
  value: string,
  valueStyle: Style = STYLES.body,
): void {
  const { writer } = ctx;
  const width = labelWidth(ctx);
  writer.cells([
    { x: MARGIN_X, lines: writer.wrap(label, STYLES.label, width - 8) },
    { x: MARGIN_X + width, lines: writer.wrap(value, valueStyle, CONTENT_WIDTH - width) },
  ]);
  // Rows keep the body text's rhythm even when the value is in the smaller monospace font.
  writer.space(2.5 + Math.max(0, leading(STYLES.body) - leading(valueStyle)));
}

/** `field` only when there is a value. */
export function optionalField(
  ctx: ReportContext,
  key: MessageKey,
  value: string | undefined,
  style?: Style,
): void {
  if (value !== undefined && value.trim() !== '') field(ctx, key, value, style);
}

/** A label followed by a ruled blank line, to be filled in by hand on the printed page. */
export function blankLine(ctx: ReportContext, key: MessageKey): void {
  const { writer } = ctx;
  const width = labelWidth(ctx);
  const lines = writer.wrap(ctx.words.label(key), STYLES.label, width - 8);
  writer.cells([{ x: MARGIN_X, lines }]);
  writer.page.drawLine({
    start: { x: MARGIN_X + width, y: writer.y + 2 },
    end: { x: MARGIN_X + CONTENT_WIDTH, y: writer.y + 2 },
    thickness: 0.6,
    color: COLORS.muted,
  });
  writer.space(12);
}

/** A value when given, otherwise a blank line to fill in by hand. */
export function fieldOrBlank(ctx: ReportContext, key: MessageKey, value: string | undefined): void {
  if (value !== undefined && value.trim() !== '') field(ctx, key, value);
  else blankLine(ctx, key);
}

/** Each language's version of a text as its own paragraph; the second language in a quieter style. */
export function paragraphs(
  ctx: ReportContext,
  key: MessageKey,
  params?: MessageParams,
  style: Style = STYLES.body,
): void {
  ctx.words.texts(key, params).forEach((text, index) => {
    ctx.writer.paragraph(text, index === 0 ? style : { ...style, color: COLORS.muted }, { after: 5 });
  });
}

/** Lines for `writer.boxed`: each text wrapped to the box's inner width. */
export function boxLines(ctx: ReportContext, texts: StyledLine[]): StyledLine[] {
  return texts.flatMap(({ text, style }) => ctx.writer.wrap(text, style, CONTENT_WIDTH - 16));
}

/** Throws `report.cancelled` once the caller has aborted. */
export function checkCancelled(ctx: ReportContext): void {
  if (ctx.deps.signal?.aborted) throw cancelledError();
}

/** The error for a build stopped by the caller. */
export function cancelledError(): BuktiError {
  return new BuktiError('report.cancelled');
}

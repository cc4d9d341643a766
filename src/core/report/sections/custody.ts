import type { CustodyEntry } from '../../custody/entry';
import { type CustodyRecord, isRedacted } from '../../custody/log';
import type { MessageKey } from '../../i18n';
import { paragraphs, type ReportContext, startSection } from '../context';
import { custodyEventLabel } from '../labels';
import { COLORS, MARGIN_X, STYLES, type Style } from '../writer';

const GAP = 4;
/** Columns: number, time (UTC), event, item, details, entry hash. */
const WIDTHS = [22, 92, 78, 34, 150, 91] as const;
const HEADINGS: readonly MessageKey[] = [
  'report.custody.seq',
  'report.custody.time',
  'report.custody.event',
  'report.custody.item',
  'report.custody.details',
  'report.custody.hash',
];
/** File hashes listed per entry before the rest are only counted. */
const MAX_HASHES = 4;

function columnX(index: number): number {
  return MARGIN_X + WIDTHS.slice(0, index).reduce((sum: number, width) => sum + width + GAP, 0);
}

function column(ctx: ReportContext, index: number, texts: { text: string; style: Style }[]) {
  const width = WIDTHS[index] as number;
  return {
    x: columnX(index),
    lines: texts.flatMap(({ text, style }) => ctx.writer.wrap(text, style, width)),
  };
}

function detailTexts(ctx: ReportContext, entry: CustodyEntry): { text: string; style: Style }[] {
  const texts: { text: string; style: Style }[] = Object.entries(entry.details ?? {}).map(([key, value]) => ({
    text: `${key}: ${String(value)}`,
    style: STYLES.table,
  }));
  // Which device wrote it (version 2 entries): after a restore, two devices may continue one log.
  if (entry.device !== undefined)
    texts.push({ text: `device: ${entry.device.slice(0, 8)}`, style: STYLES.table });
  for (const hash of entry.fileHashes.slice(0, MAX_HASHES)) {
    texts.push({ text: hash.slice(0, 16), style: STYLES.tableMono });
  }
  const more = entry.fileHashes.length - MAX_HASHES;
  if (more > 0)
    texts.push({ text: ctx.words.label('report.custody.moreFiles', { count: more }), style: STYLES.table });
  return texts;
}

function drawHeadings(ctx: ReportContext, showItem: boolean): void {
  ctx.writer.cells(
    HEADINGS.map((key, index) =>
      column(ctx, index, [
        { text: showItem || index !== 3 ? ctx.words.label(key) : '', style: STYLES.tableHead },
      ]),
    ),
  );
  ctx.writer.rule(2);
}

/** One entry as a table row: its number, UTC time, event, item number, details and own hash. */
function drawEntry(ctx: ReportContext, entry: CustodyEntry, showItem: boolean): void {
  const itemNumber = entry.itemId === undefined ? undefined : ctx.numberOf.get(entry.itemId);
  const hash = ctx.entryHashes.get(entry) ?? '';
  ctx.writer.cells([
    column(ctx, 0, [{ text: String(entry.seq), style: STYLES.table }]),
    column(ctx, 1, [{ text: ctx.words.time(entry.time), style: STYLES.table }]),
    column(ctx, 2, [{ text: custodyEventLabel(ctx.words, entry), style: STYLES.table }]),
    column(ctx, 3, [
      { text: showItem && itemNumber !== undefined ? String(itemNumber) : '', style: STYLES.table },
    ]),
    column(ctx, 4, detailTexts(ctx, entry)),
    column(ctx, 5, [{ text: hash.slice(0, 16), style: STYLES.tableMono }]),
  ]);
  ctx.writer.rule(1.5);
}

/** A table of custody entries, its headings repeated on each new page. */
function drawTable(ctx: ReportContext, entries: readonly CustodyEntry[], showItem: boolean): void {
  drawHeadings(ctx, showItem);
  ctx.writer.onNewPage = () => drawHeadings(ctx, showItem);
  for (const entry of entries) drawEntry(ctx, entry, showItem);
  ctx.writer.onNewPage = undefined;
}

/** The full (unredacted) entries of a log, in order. */
export function fullEntries(records: readonly CustodyRecord[]): CustodyEntry[] {
  return records.filter((record): record is CustodyEntry => !isRedacted(record));
}

/** The custody history of one item, on its own page. */
export function writeItemCustody(ctx: ReportContext, itemId: string): void {
  const entries = fullEntries(ctx.input.custody).filter((entry) => entry.itemId === itemId);
  ctx.writer.heading(ctx.words.label('report.item.custody'), STYLES.h2, 30);
  if (entries.length === 0) {
    paragraphs(ctx, 'report.custody.noneForItem', undefined, STYLES.second);
    return;
  }
  drawTable(ctx, entries, false);
}

/** Every custody entry of the exported items; hidden entries of other items are only counted. */
export function writeCustodyLog(ctx: ReportContext): void {
  startSection(ctx, 'report.section.custody');
  paragraphs(ctx, 'report.custody.intro', undefined, STYLES.second);
  const redacted = ctx.input.custody.length - fullEntries(ctx.input.custody).length;
  if (redacted > 0) paragraphs(ctx, 'report.custody.redacted', { count: redacted }, STYLES.second);
  const entries = fullEntries(ctx.input.custody);
  if (entries.length === 0) {
    paragraphs(ctx, 'report.custody.empty', undefined, { ...STYLES.second, color: COLORS.warning });
    return;
  }
  ctx.writer.space(4);
  drawTable(ctx, entries, true);
}

import type { MessageKey } from '../../i18n';
import { showBidiControls } from '../../text/display';
import { cleanLink } from '../../url/parse';
import { paragraphs, type ReportContext, startSection } from '../context';
import { platformLabel } from '../labels';
import { isReportFile, type ReportItem } from '../types';
import { COLORS, MARGIN_X, STYLES, type Style, type StyledLine } from '../writer';

const GAP = 4;
/** Column widths in points; with the gaps they add up to the content width. */
const WIDTHS = [18, 78, 78, 152, 113, 24] as const;
const HEADINGS: readonly MessageKey[] = [
  'report.index.number',
  'report.index.times',
  'report.index.platform',
  'report.index.link',
  'report.index.files',
  'report.index.page',
];
/** Characters of the description shown in the index; the item's own page has all of it. */
const SHORT_DESCRIPTION = 140;
const QUIET: Style = { ...STYLES.table, color: COLORS.muted };

function columnX(index: number): number {
  return MARGIN_X + WIDTHS.slice(0, index).reduce((sum: number, width) => sum + width + GAP, 0);
}

type Text = { text: string; style: Style };

/** A column's texts, each wrapped to the column and stacked. */
function column(ctx: ReportContext, index: number, texts: Text[]) {
  const width = WIDTHS[index] as number;
  return {
    x: columnX(index),
    lines: texts.flatMap(({ text, style }) => ctx.writer.wrap(text, style, width)),
  };
}

function timeTexts(ctx: ReportContext, item: ReportItem): Text[] {
  const posted = item.details.postedTime;
  const postedText = posted
    ? posted.iso
      ? `${ctx.words.time(posted.iso, {})} (${posted.asShown})`
      : posted.asShown
    : '—';
  return [
    { text: postedText, style: STYLES.table },
    { text: ctx.words.time(item.captured.local, {}), style: QUIET },
  ];
}

function platformTexts(ctx: ReportContext, item: ReportItem): Text[] {
  const account = item.details.account;
  const parts = [account?.handle, account?.displayName, account?.userId && `ID ${account.userId}`];
  const accountText = showBidiControls(
    parts.filter((part): part is string => Boolean(part && part.trim() !== '')).join(' · '),
  );
  return [
    { text: platformLabel(ctx.words, item.details.platform), style: STYLES.table },
    ...(accountText ? [{ text: accountText, style: QUIET }] : []),
  ];
}

function linkTexts(item: ReportItem): Text[] {
  const description = item.details.description.replace(/\s+/g, ' ').trim();
  const short =
    description.length > SHORT_DESCRIPTION
      ? `${description.slice(0, SHORT_DESCRIPTION).trimEnd()}…`
      : description;
  return [
    // The copy without tracking parameters, the one to type in; the item's page has the link as captured.
    { text: cleanLink(item.details.contentUrl ?? item.details.profileUrl) ?? '—', style: STYLES.table },
    ...(short ? [{ text: short, style: QUIET }] : []),
  ];
}

function fileTexts(ctx: ReportContext, item: ReportItem): Text[] {
  const texts: Text[] = [];
  for (const file of item.files) {
    const name = isReportFile(file)
      ? file.path.replace(/^evidence\//, '')
      : ctx.words.label('report.index.withheld');
    texts.push(
      { text: name, style: STYLES.table },
      { text: file.sha256.slice(0, 16), style: STYLES.tableMono },
    );
  }
  if (item.textSha256) {
    texts.push(
      { text: ctx.words.label('report.index.messageText'), style: STYLES.table },
      { text: item.textSha256.slice(0, 16), style: STYLES.tableMono },
    );
  }
  return texts.length > 0 ? texts : [{ text: '—', style: STYLES.table }];
}

function drawHeadings(ctx: ReportContext): void {
  ctx.writer.cells(
    HEADINGS.map((key, index) =>
      column(ctx, index, [{ text: ctx.words.label(key), style: STYLES.tableHead }]),
    ),
  );
  ctx.writer.rule(2);
}

/**
 * The evidence index: one row per item in chronological order, with number, times, platform and
 * account, the full link, a short description, each file with the first 16 hex digits of its
 * SHA-256, and the page where the item is shown (filled in once the item pages are laid out).
 */
export function writeEvidenceIndex(ctx: ReportContext): void {
  startSection(ctx, 'report.section.index');
  paragraphs(ctx, 'report.index.intro', undefined, STYLES.second);
  if (ctx.items.length === 0) return;
  ctx.writer.space(4);
  drawHeadings(ctx);
  ctx.writer.onNewPage = () => drawHeadings(ctx);
  ctx.items.forEach((item, position) => {
    const number: StyledLine = { text: String(position + 1), style: STYLES.tableHead };
    const start = ctx.writer.cells([
      { x: columnX(0), lines: [number] },
      column(ctx, 1, timeTexts(ctx, item)),
      column(ctx, 2, platformTexts(ctx, item)),
      column(ctx, 3, linkTexts(item)),
      column(ctx, 4, fileTexts(ctx, item)),
    ]);
    ctx.pending.push({
      ...start,
      right: columnX(5) + WIDTHS[5],
      style: STYLES.table,
      value: () => ctx.itemPages.get(item.id),
    });
    ctx.writer.rule(2);
  });
  ctx.writer.onNewPage = undefined;
}

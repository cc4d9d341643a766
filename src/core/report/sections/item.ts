import type { MessageKey } from '../../i18n';
import { showBidiControls } from '../../text/display';
import { cleanLink, parseUrl } from '../../url/parse';
import { boxLines, field, optionalField, type ReportContext } from '../context';
import { durationText, sizeText } from '../format';
import { categoryLabel, flagTexts, kindLabel, platformLabel } from '../labels';
import { isReportFile, type ReportFile, type ReportItem, type ReportOmittedFile } from '../types';
import { COLORS, STYLES } from '../writer';
import { writeItemCustody } from './custody';
import { writeMedia } from './media';

function writeMessageText(ctx: ReportContext, item: ReportItem): void {
  if (item.text === undefined) return;
  ctx.writer.heading(ctx.words.label('report.item.messageText'), STYLES.h2, 30);
  ctx.writer.boxed(boxLines(ctx, [{ text: item.text, style: STYLES.body }]));
  optionalField(ctx, 'report.field.textSha256', item.textSha256, STYLES.mono);
  ctx.writer.space(6);
}

function relatedText(ctx: ReportContext, ids: readonly string[]): string | undefined {
  if (ids.length === 0) return undefined;
  return ids
    .map((id) => {
      const number = ctx.numberOf.get(id);
      return number === undefined
        ? ctx.words.label('report.item.relatedMissing')
        : ctx.words.label('report.item.number', { n: number });
    })
    .join(', ');
}

const shown = (text: string | undefined) => (text === undefined ? undefined : showBidiControls(text));

/** A link exactly as captured, and beside it the copy without tracking parameters when that differs. */
function writeLink(ctx: ReportContext, label: MessageKey, link: string | undefined) {
  optionalField(ctx, label, link);
  const clean = cleanLink(link);
  if (clean !== link) optionalField(ctx, 'report.field.withoutTracking', clean);
}

function writeDetails(ctx: ReportContext, item: ReportItem): void {
  const { words } = ctx;
  const details = item.details;
  ctx.writer.heading(words.label('report.item.details'), STYLES.h2, 30);
  field(ctx, 'report.field.itemId', item.id, STYLES.mono);
  field(ctx, 'report.field.kind', kindLabel(words, item.kind));
  field(ctx, 'report.field.category', categoryLabel(words, details.category));
  field(ctx, 'report.field.sensitive', words.yesNo(details.sensitive));
  field(ctx, 'report.field.captured', words.captured(item.captured));
  optionalField(ctx, 'report.field.postedAsShown', details.postedTime?.asShown);
  const postedIso = details.postedTime?.iso;
  optionalField(
    ctx,
    'report.field.postedDate',
    postedIso === undefined ? undefined : ctx.words.time(postedIso),
  );
  field(ctx, 'report.field.platform', platformLabel(words, details.platform));
  writeLink(ctx, 'report.field.contentUrl', details.contentUrl);
  const read = details.contentUrl === undefined ? undefined : parseUrl(details.contentUrl);
  optionalField(ctx, 'report.field.postId', read?.ok ? read.postId : undefined);
  writeLink(ctx, 'report.field.profileUrl', details.profileUrl);
  optionalField(ctx, 'report.field.handle', shown(details.account?.handle));
  optionalField(ctx, 'report.field.displayName', shown(details.account?.displayName));
  optionalField(ctx, 'report.field.userId', shown(details.account?.userId));
  optionalField(ctx, 'report.field.description', details.description);
  const report = details.platformReport;
  if (report)
    field(
      ctx,
      'report.field.platformReport',
      report.date ? `${report.reference} (${ctx.words.time(report.date)})` : report.reference,
    );
  optionalField(ctx, 'report.field.related', relatedText(ctx, details.relatedItemIds));
  optionalField(ctx, 'report.field.tags', details.tags.join(', '));
  for (const flag of details.flags) field(ctx, 'report.field.note', flagTexts(words, flag).join('\n'));
  if (item.history.length > 0) {
    const times = item.history.map((version) => ctx.words.time(version.replacedAt)).join(', ');
    field(
      ctx,
      'report.field.edits',
      words.texts('report.item.editsValue', { count: item.history.length, times }).join('\n'),
    );
  }
  field(ctx, 'report.field.updatedAt', ctx.words.time(item.updatedAt));
  ctx.writer.space(6);
}

function writeFileFacts(ctx: ReportContext, file: ReportFile | ReportOmittedFile): void {
  const { words, writer } = ctx;
  if (!isReportFile(file)) {
    writer.paragraph(words.label('report.index.withheld'), STYLES.bodyBold, { after: 2 });
    field(ctx, 'report.field.sha256', file.sha256, STYLES.mono);
    writer.space(6);
    return;
  }
  writer.paragraph(file.path, STYLES.bodyBold, { after: 2 });
  field(ctx, 'report.field.originalName', showBidiControls(file.originalName));
  field(ctx, 'report.field.type', file.mime);
  field(ctx, 'report.field.size', sizeText(file.size));
  optionalField(ctx, 'report.field.lastModified', file.lastModified && ctx.words.time(file.lastModified));
  const facts = file.facts;
  optionalField(ctx, 'report.field.dateTaken', facts.dateTaken && ctx.words.time(facts.dateTaken));
  optionalField(ctx, 'report.field.camera', [facts.make, facts.model].filter(Boolean).join(' '));
  if (facts.width !== undefined && facts.height !== undefined) {
    field(ctx, 'report.field.dimensions', `${facts.width} × ${facts.height} px`);
  }
  if (facts.durationSeconds !== undefined)
    field(ctx, 'report.field.duration', durationText(facts.durationSeconds));
  field(ctx, 'report.field.gps', words.label(facts.hasGps ? 'report.item.gpsYes' : 'report.item.gpsNo'));
  if (facts.metadataUnreadable)
    field(ctx, 'report.field.note', words.label('report.item.metadataUnreadable'));
  field(ctx, 'report.field.sha256', file.sha256, STYLES.mono);
  writer.space(6);
}

/**
 * One item on its own page(s): its image or media, every detail the survivor recorded, each file's
 * facts and full SHA-256, and its custody history.
 */
export async function writeItem(ctx: ReportContext, item: ReportItem, number: number): Promise<void> {
  const { writer, words } = ctx;
  writer.newPage();
  ctx.itemPages.set(item.id, writer.pageNumber);
  if (number === 1) ctx.sectionPages.set('report.section.items', writer.pageNumber);
  writer.heading(words.label('report.item.heading', { n: number, total: ctx.items.length }), STYLES.h1, 0);
  const summary = [kindLabel(words, item.kind), categoryLabel(words, item.details.category)];
  if (item.details.sensitive) summary.push(words.label('report.item.sensitive'));
  writer.paragraph(summary.join(' · '), { ...STYLES.second, color: COLORS.muted }, { after: 8 });
  writeMessageText(ctx, item);
  for (const file of item.files) await writeMedia(ctx, item, file);
  writeDetails(ctx, item);
  if (item.files.length > 0) {
    writer.heading(words.label('report.item.files'), STYLES.h2, 30);
    for (const file of item.files) writeFileFacts(ctx, file);
  }
  writeItemCustody(ctx, item.id);
}

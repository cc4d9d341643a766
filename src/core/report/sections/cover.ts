import type { MessageKey } from '../../i18n';
import { showBidiControls } from '../../text/display';
import { boxLines, field, fieldOrBlank, type ReportContext } from '../context';
import { type DateSpan, groupedHex, periodCovered } from '../format';
import { isReportFile } from '../types';
import { COLORS, CONTENT_WIDTH, MARGIN_X, STYLES } from '../writer';

/** Sections listed in the contents, in the order they appear. */
export const CONTENTS: readonly MessageKey[] = [
  'report.section.statement',
  'report.section.accounts',
  'report.section.index',
  'report.section.items',
  'report.section.custody',
  'report.section.verify',
  'report.section.declaration',
];

const POLICY_KEYS = {
  include: 'report.policy.include',
  blur: 'report.policy.blur',
  omit: 'report.policy.omit',
} as const satisfies Record<string, MessageKey>;

/** When the abuse happened (posting dates given), then when it was captured. */
function periodText(
  ctx: ReportContext,
  period: { posted: DateSpan | undefined; captured: DateSpan },
): string {
  const { words } = ctx;
  const day = (date: string) => words.time(date);
  const posted = period.posted
    ? words.label('report.cover.periodPosted', { from: day(period.posted.from), to: day(period.posted.to) })
    : words.label('report.cover.periodNoPosted');
  const captured = words.label('report.cover.periodCaptured', {
    from: day(period.captured.from),
    to: day(period.captured.to),
  });
  return `${posted}; ${captured}`;
}

/** Page 1: what this is, whose case, the bundle it belongs to, and a contents list. */
export function writeCover(ctx: ReportContext): void {
  const { writer, words, input } = ctx;
  writer.newPage();
  writer.space(18);
  writer.heading(words.label('report.title'), STYLES.title, 0);
  writer.paragraph(showBidiControls(input.case.title), { ...STYLES.h1, color: COLORS.text }, { after: 10 });
  writer.rule();

  writer.heading(words.label('report.cover.complainant'), STYLES.h2);
  const person = input.case.complainant ?? {};
  fieldOrBlank(ctx, 'report.cover.name', person.name);
  fieldOrBlank(ctx, 'report.cover.idNumber', person.idNumber);
  fieldOrBlank(ctx, 'report.cover.phone', person.phone);
  fieldOrBlank(ctx, 'report.cover.email', person.email);
  writer.space(6);

  writer.heading(words.label('report.cover.bundle'), STYLES.h2);
  const period = periodCovered(input.items);
  field(ctx, 'report.cover.period', period ? periodText(ctx, period) : '—');
  const files = input.items.reduce((sum, item) => sum + item.files.filter(isReportFile).length, 0);
  const withheld = input.items.reduce((sum, item) => sum + item.files.length, 0) - files;
  field(
    ctx,
    'report.cover.counts',
    words.label('report.cover.countsValue', { items: input.items.length, files }),
  );
  if (withheld > 0) field(ctx, 'report.cover.withheld', String(withheld));
  field(ctx, 'report.cover.bundleId', input.bundleId, STYLES.mono);
  field(ctx, 'report.cover.generated', ctx.words.captured(input.createdAt));
  field(ctx, 'report.cover.app', `${input.app.name} ${input.app.version}`);
  field(ctx, 'report.cover.fingerprint', groupedHex(input.signer.fingerprint), STYLES.mono);
  field(ctx, 'report.cover.sensitivePolicy', words.label(POLICY_KEYS[input.export.sensitive]));

  const note = input.export.recipientNote;
  if (note !== undefined && note.trim() !== '') {
    writer.space(6);
    writer.heading(words.label('report.cover.recipientNote'), STYLES.h2);
    writer.boxed(boxLines(ctx, [{ text: note, style: STYLES.body }]));
  }

  writer.space(8);
  writer.heading(words.label('report.cover.contents'), STYLES.h2);
  for (const key of CONTENTS) {
    const lines = writer.wrap(words.label(key), STYLES.body, CONTENT_WIDTH - 60);
    const start = writer.cells([{ x: MARGIN_X, lines }]);
    ctx.pending.push({
      ...start,
      right: MARGIN_X + CONTENT_WIDTH,
      style: STYLES.body,
      value: () => ctx.sectionPages.get(key),
    });
  }
}

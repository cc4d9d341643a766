import type { MessageKey } from '../../i18n';
import { blankLine, boxLines, paragraphs, type ReportContext, startSection } from '../context';
import { boxHeight, COLORS, STYLES, type StyledLine } from '../writer';

/** The declaration's numbered statements, in order. */
const STATEMENTS: readonly MessageKey[] = [
  'report.declaration.responsible',
  'report.declaration.produced',
  'report.declaration.unchanged',
  'report.declaration.belief',
];

/** Help lines: organisation and how to reach it (the same list the app shows offline). */
const HELP: readonly MessageKey[] = [
  'report.help.wao',
  'report.help.awam',
  'report.help.kryss',
  'report.help.police',
  'report.help.mcmc',
  'report.help.stopNcii',
  'report.help.takeItDown',
];

/**
 * A certificate template modelled on section 90A of the Evidence Act 1950, with blanks to sign by
 * hand, clearly marked as a template; then where to get help.
 */
export function writeDeclaration(ctx: ReportContext): void {
  const { input, words, writer } = ctx;
  startSection(ctx, 'report.section.declaration');
  writer.boxed(
    boxLines(
      ctx,
      words.texts('report.declaration.template').map((text, index) => ({
        text,
        style: index === 0 ? STYLES.warning : { ...STYLES.warning, font: 'regular' },
      })),
    ),
  );
  writer.space(4);
  writer.heading(words.label('report.declaration.heading'), STYLES.h2, 60);
  const params = { bundleId: input.bundleId, app: `${input.app.name} ${input.app.version}` };
  paragraphs(ctx, 'report.declaration.intro');
  STATEMENTS.forEach((key, index) => {
    words.texts(key, params).forEach((text, language) => {
      const style = language === 0 ? STYLES.body : STYLES.second;
      writer.paragraph(`${index + 1}. ${text}`, style, { indent: 12, after: 3 });
    });
    writer.space(3);
  });
  writer.space(10);
  writer.ensure(6 * 26);
  blankLine(ctx, 'report.cover.name');
  blankLine(ctx, 'report.cover.idNumber');
  blankLine(ctx, 'report.declaration.device');
  blankLine(ctx, 'report.declaration.place');
  blankLine(ctx, 'report.declaration.date');
  blankLine(ctx, 'report.declaration.signature');

  writer.space(12);
  const lines: StyledLine[] = [];
  for (const key of HELP) {
    words.texts(key).forEach((text, language) => {
      lines.push({ text, style: language === 0 ? STYLES.small : { ...STYLES.small, color: COLORS.muted } });
    });
  }
  const box = boxLines(ctx, lines);
  writer.heading(words.label('report.help.title'), STYLES.h2, boxHeight(box));
  writer.boxed(box);
}

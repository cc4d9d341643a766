import { showBidiControls } from '../../text/display';
import { optionalField, paragraphs, type ReportContext, startSection } from '../context';
import { platformLabel } from '../labels';
import { STYLES } from '../writer';

/** The survivor's own account, verbatim, however long; it flows over as many pages as it needs. */
export function writeStatement(ctx: ReportContext): void {
  startSection(ctx, 'report.section.statement');
  const narrative = ctx.input.case.narrative;
  if (narrative.trim() === '') {
    paragraphs(ctx, 'report.statement.empty', undefined, STYLES.second);
    return;
  }
  paragraphs(ctx, 'report.statement.intro', undefined, STYLES.second);
  ctx.writer.space(4);
  ctx.writer.paragraph(narrative, STYLES.body);
}

/** Every account the survivor recorded for the case, with every identifier as entered. */
export function writeAccounts(ctx: ReportContext): void {
  startSection(ctx, 'report.section.accounts', true);
  const accounts = ctx.input.case.accounts;
  if (accounts.length === 0) {
    paragraphs(ctx, 'report.accounts.empty', undefined, STYLES.second);
    return;
  }
  accounts.forEach((account, index) => {
    ctx.writer.heading(
      `${ctx.words.label('report.accounts.heading', { n: index + 1 })} · ${platformLabel(ctx.words, account.platform)}`,
      STYLES.h2,
    );
    optionalField(ctx, 'report.field.handle', account.handle && showBidiControls(account.handle));
    optionalField(
      ctx,
      'report.field.displayName',
      account.displayName && showBidiControls(account.displayName),
    );
    optionalField(ctx, 'report.field.userId', account.userId && showBidiControls(account.userId));
    optionalField(ctx, 'report.field.profileUrl', account.profileUrl);
    optionalField(ctx, 'report.field.contact', account.contact);
    optionalField(ctx, 'report.field.notes', account.notes);
    ctx.writer.space(6);
  });
}

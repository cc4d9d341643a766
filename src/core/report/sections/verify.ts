import { TIMESTAMP_COMMAND } from '../../bundle/verify-text';
import type { MessageKey } from '../../i18n';
import { blankLine, boxLines, field, paragraphs, type ReportContext, startSection } from '../context';
import { groupedHex } from '../format';
import { STYLES } from '../writer';

/** The commands VERIFY.txt gives, character for character, so paper and file say the same. */
export const VERIFY_COMMANDS = {
  sums: 'sha256sum -c SHA256SUMS',
  signature:
    'openssl pkeyutl -verify -pubin -inkey public-key.pem -rawin -in SHA256SUMS -sigfile SHA256SUMS.sig',
  fingerprint: 'openssl pkey -pubin -in public-key.pem -outform DER | tail -c 32 | sha256sum',
  cli: 'npx bukti verify <bundle.zip>',
  sumsHash: 'sha256sum SHA256SUMS',
  timestamp: TIMESTAMP_COMMAND,
} as const;

function step(ctx: ReportContext, key: MessageKey, command?: string): void {
  paragraphs(ctx, key);
  if (command !== undefined) ctx.writer.boxed(boxLines(ctx, [{ text: command, style: STYLES.mono }]), 6);
  ctx.writer.space(2);
}

/**
 * How anyone can check the bundle with standard tools (the content of VERIFY.txt), what a pass proves
 * and what it does not, and where the hash of SHA256SUMS, which this report cannot contain, is found.
 */
export function writeVerification(ctx: ReportContext): void {
  const { input, words, writer } = ctx;
  startSection(ctx, 'report.section.verify');
  paragraphs(ctx, 'report.verify.intro', undefined, STYLES.second);
  field(ctx, 'report.cover.bundleId', input.bundleId, STYLES.mono);
  field(ctx, 'report.cover.fingerprint', groupedHex(input.signer.fingerprint), STYLES.mono);
  writer.space(6);
  step(ctx, 'report.verify.step1');
  step(ctx, 'report.verify.step2', VERIFY_COMMANDS.sums);
  step(ctx, 'report.verify.step3', VERIFY_COMMANDS.signature);
  step(ctx, 'report.verify.step4', VERIFY_COMMANDS.fingerprint);
  step(ctx, 'report.verify.other', VERIFY_COMMANDS.cli);
  step(ctx, 'report.verify.timestamp', VERIFY_COMMANDS.timestamp);

  writer.heading(words.label('report.verify.passHeading'), STYLES.h2);
  paragraphs(ctx, 'report.verify.passMeans');
  writer.heading(words.label('report.verify.limitsHeading'), STYLES.h2);
  paragraphs(ctx, 'report.verify.limits');

  writer.heading(words.label('report.verify.sumsHeading'), STYLES.h2);
  if (input.sumsSha256 !== undefined) {
    paragraphs(ctx, 'report.verify.sumsKnown');
    field(ctx, 'report.verify.sumsLabel', input.sumsSha256, STYLES.mono);
    return;
  }
  paragraphs(ctx, 'report.verify.sumsExplain');
  writer.boxed(boxLines(ctx, [{ text: VERIFY_COMMANDS.sumsHash, style: STYLES.mono }]), 6);
  writer.space(10);
  blankLine(ctx, 'report.verify.sumsLabel');
  blankLine(ctx, 'report.verify.sumsCheckedBy');
}

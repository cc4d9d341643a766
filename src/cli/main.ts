import { formatFingerprint } from '../core/bundle/key';
import { verifyBundle } from '../core/bundle/verify';
import { emptyReport, escapeUnprintable, printable, type VerifyReport } from '../core/bundle/verify-report';
import { type Locale, type MessageKey, type MessageParams, translate } from '../core/i18n';
import { openFileSource } from './file-source';
import { languageOf, runOpen } from './open';
import { runTimestamp } from './timestamp';
import { checkTimestampBeside, type TimestampBeside, timestampLines, trustAnchors } from './timestamp-check';

/** Where the CLI writes; replaced in tests. */
export interface CliOutput {
  stdout(text: string): void;
  stderr(text: string): void;
}

const processOutput: CliOutput = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

/** Exit codes, as documented in docs/bundle-format.md and in `bukti --help`. */
export const EXIT = { intact: 0, tampered: 1, invalid: 2 } as const;

interface Arguments {
  command?: string;
  file?: string;
  json: boolean;
  lang: Locale;
  help: boolean;
  bad: boolean;
}

function parseArguments(argv: readonly string[]): Arguments {
  const parsed: Arguments = { json: false, lang: 'en', help: false, bad: false };
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--json') parsed.json = true;
    else if (arg === '--help' || arg === '-h') parsed.help = true;
    else if (arg === '--lang' || arg.startsWith('--lang=')) {
      const value = arg === '--lang' ? argv[++i] : arg.slice('--lang='.length);
      if (value === 'en' || value === 'ms') parsed.lang = value;
      else parsed.bad = true;
    } else if (arg.startsWith('-') && arg !== '-') parsed.bad = true;
    else positional.push(arg);
  }
  [parsed.command, parsed.file] = positional;
  if (positional.length !== 2 || parsed.command !== 'verify') parsed.bad = true;
  return parsed;
}

/**
 * `bukti verify <bundle.zip> [--json] [--lang en|ms]`: checks a bundle with no vault and no browser.
 * Returns the exit code: 0 intact, 1 changed or inconsistent, 2 not a bundle, unreadable or bad usage.
 */
export async function run(argv: readonly string[], output: CliOutput = processOutput): Promise<number> {
  if (argv[0] === 'open')
    return runOpen(argv.slice(1), output, languageOf(argv), (file, rest) =>
      run(['verify', file, ...rest], output),
    );
  if (argv[0] === 'timestamp') return runTimestamp(argv.slice(1), output, languageOf(argv));
  const certAt = argv.indexOf('--tsa-cert');
  const tsaCert = certAt >= 0 ? argv[certAt + 1] : undefined;
  const args = parseArguments(certAt >= 0 ? [...argv.slice(0, certAt), ...argv.slice(certAt + 2)] : argv);
  const say = (key: MessageKey, params?: MessageParams) =>
    escapeUnprintable(translate(args.lang, key, params));
  if (args.help) {
    output.stdout(`${translate(args.lang, 'bundle.cli.usage')}\n${translate(args.lang, 'seal.cli.usage')}\n`);
    return EXIT.intact;
  }
  if (args.bad || args.file === undefined) {
    output.stderr(`${translate(args.lang, 'bundle.cli.usage')}\n`);
    return EXIT.invalid;
  }
  const file = args.file;
  let anchors: Awaited<ReturnType<typeof trustAnchors>>;
  try {
    anchors = await trustAnchors(tsaCert);
  } catch {
    output.stderr(`${say('timestamp.cli.badCert', { path: tsaCert ?? '' })}\n`);
    return EXIT.invalid;
  }
  let report: VerifyReport;
  let opened: Awaited<ReturnType<typeof openFileSource>>;
  try {
    opened = await openFileSource(file);
  } catch {
    report = emptyReport();
    report.problems.push({ code: 'bundle.cli.cannotOpen', params: { path: printable(file) } });
    if (args.json) output.stdout(`${JSON.stringify(report, null, 2)}\n`);
    else output.stderr(`${say('bundle.cli.cannotOpen', { path: file })}\n`);
    return EXIT.invalid;
  }
  let stamp: TimestampBeside | null;
  try {
    report = await verifyBundle(opened.source);
    stamp = await checkTimestampBeside(file, opened.source, anchors);
  } finally {
    await opened.close();
  }
  if (args.json)
    output.stdout(`${JSON.stringify(stamp ? { ...report, timestamp: stamp } : report, null, 2)}\n`);
  else
    output.stdout(
      textReport(report, file, say) + (stamp ? `${timestampLines(stamp, file, say).join('\n')}\n` : ''),
    );
  // A time stamp that does not hold makes an otherwise intact bundle count as changed.
  return stamp?.check.status === 'invalid' && report.status === 'intact'
    ? EXIT.tampered
    : EXIT[report.status];
}

/** The report for people: facts, verdict, every problem on its own line, and what a pass cannot show. */
function textReport(
  report: VerifyReport,
  file: string,
  say: (key: MessageKey, params?: MessageParams) => string,
): string {
  const lines = [`${say('bundle.cli.file')}: ${printable(file)}`];
  if (report.bundleId) lines.push(`${say('bundle.cli.bundleId')}: ${printable(report.bundleId)}`);
  if (report.createdAt) {
    lines.push(
      `${say('bundle.cli.created')}: ${printable(report.createdAt.utc)} (${printable(report.createdAt.local)})`,
    );
  }
  if (report.signature.keyFingerprint) {
    lines.push(`${say('bundle.cli.fingerprint')}: ${formatFingerprint(report.signature.keyFingerprint)}`);
  }
  lines.push('', say(`bundle.status.${report.status}`), '');
  lines.push(
    say('bundle.cli.filesChecked', { count: report.files.filter((check) => check.actualSha256).length }),
  );
  const problems = [...report.problems, ...report.custody.warnings];
  lines.push(say('bundle.cli.problems', { count: report.problems.length }));
  for (const problem of problems) lines.push(`  - ${say(problem.code, problem.params)}`);
  if (report.status === 'intact' && report.signature.keyFingerprint) {
    lines.push(
      '',
      say('bundle.status.keyNote', { fingerprint: formatFingerprint(report.signature.keyFingerprint) }),
    );
  }
  if (report.status === 'intact') lines.push(say('bundle.status.limits'));
  return `${lines.join('\n')}\n`;
}

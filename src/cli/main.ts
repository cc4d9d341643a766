import { formatFingerprint } from '../core/bundle/key';
import { verifyBundle } from '../core/bundle/verify';
import { normaliseFingerprint } from '../core/bundle/verify-container';
import { emptyReport, escapeUnprintable, printable, type VerifyReport } from '../core/bundle/verify-report';
import { type Locale, type MessageKey, type MessageParams, translate } from '../core/i18n';
import { captureTimeText } from '../core/i18n/dates';
import { openFileSource } from './file-source';
import { nodePrimitives } from './node-primitives';
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
export const EXIT = { intact: 0, unexpectedKey: 1, tampered: 1, invalid: 2 } as const;

interface Arguments {
  command?: string;
  file?: string;
  /** The fingerprint given with --key, as typed. */
  key?: string;
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
    else if (arg === '--key' || arg.startsWith('--key=')) {
      parsed.key = arg === '--key' ? (argv[++i] ?? '') : arg.slice('--key='.length);
    } else if (arg === '--lang' || arg.startsWith('--lang=')) {
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
 * `bukti verify <bundle.zip> [--key <fingerprint>] [--json] [--lang en|ms]`: checks a bundle with no vault
 * and no browser. Returns the exit code: 0 intact, 1 changed, inconsistent or signed by another key than
 * `--key`, 2 not a bundle, unreadable or bad usage.
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
  if (args.key !== undefined && normaliseFingerprint(args.key) === undefined) {
    output.stderr(
      `${translate(args.lang, 'bundle.cli.badKey')}\n${translate(args.lang, 'bundle.cli.usage')}\n`,
    );
    return EXIT.invalid;
  }
  const file = args.file;
  // A certificate given is read now (a bad one is said at once); the system's store, only once a .tsr
  // is found beside the bundle: parsing it costs more than checking a small bundle.
  let anchors: () => ReturnType<typeof trustAnchors>;
  try {
    const given = tsaCert === undefined ? null : await trustAnchors(tsaCert);
    anchors = given ? async () => given : () => trustAnchors(undefined);
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
    report = await verifyBundle(opened.source, { expectedKey: args.key, primitives: nodePrimitives });
    stamp = await checkTimestampBeside(file, opened.source, anchors);
  } finally {
    await opened.close();
  }
  if (args.json)
    output.stdout(`${JSON.stringify(stamp ? { ...report, timestamp: stamp } : report, null, 2)}\n`);
  else
    output.stdout(
      textReport(report, file, say, args.lang) +
        (stamp ? `${timestampLines(stamp, file, say).join('\n')}\n` : ''),
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
  lang: Locale,
): string {
  const lines = [`${say('bundle.cli.file')}: ${printable(file)}`];
  if (report.bundleId) lines.push(`${say('bundle.cli.bundleId')}: ${printable(report.bundleId)}`);
  if (report.createdAt) {
    lines.push(`${say('bundle.cli.created')}: ${printable(captureTimeText(report.createdAt, lang))}`);
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
  for (const { position, from, to } of report.custody.keyChanges)
    lines.push(
      say('custody.keyChange', { position, from: formatFingerprint(from), to: formatFingerprint(to) }),
    );
  lines.push('', ...keyLines(report, say));
  if (report.status === 'intact' || report.status === 'unexpectedKey')
    lines.push(say('bundle.status.limits'));
  return `${lines.join('\n')}\n`;
}

/** Whose key signed, against the one expected; a re-packed container is said too. */
function keyLines(report: VerifyReport, say: (key: MessageKey, params?: MessageParams) => string): string[] {
  const print = report.signature.keyFingerprint;
  if (!print || (report.status !== 'intact' && report.status !== 'unexpectedKey')) return [];
  const fingerprint = formatFingerprint(print);
  const lines = report.repacked ? [say('bundle.status.repacked')] : [];
  if (report.key.matches === true) lines.push(say('bundle.status.keyConfirmed', { fingerprint }));
  else if (report.key.matches === false && report.key.expected !== null) {
    const expected = formatFingerprint(report.key.expected);
    lines.push(say('bundle.verify.keyNotExpected', { expected, actual: fingerprint }));
  } else if (report.key.matches === null) lines.push(say('bundle.status.keyNotConfirmed', { fingerprint }));
  return lines;
}

import { writeFile } from 'node:fs/promises';
import { isBuktiError } from '../core/errors';
import { type Locale, translate } from '../core/i18n';
import {
  checkAnswersRequest,
  checkTimestamp,
  PUBLIC_AUTHORITIES,
  QUERY_TYPE,
  REPLY_TYPE,
  readBundleSums,
  timestampRequest,
} from '../core/timestamp';
import { openFileSource } from './file-source';
import { type CliOutput, EXIT } from './main';
import { exists } from './paths';
import { timestampLines, timestampPaths, trustAnchors } from './timestamp-check';

/** Long enough for a slow authority on a poor connection; the request is a few dozen bytes. */
const TIMEOUT_MS = 60_000;

interface TimestampArguments {
  file: string;
  url: string;
  tsaCert?: string;
}

function parseTimestamp(argv: readonly string[]): TimestampArguments | null {
  let file: string | undefined;
  let tsa: string = 'digicert';
  let tsaCert: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--tsa') tsa = argv[++i] ?? '';
    else if (arg === '--tsa-cert') tsaCert = argv[++i];
    else if (arg === '--lang') i++;
    else if (arg.startsWith('--lang=')) continue;
    else if (arg.startsWith('-') || file !== undefined) return null;
    else file = arg;
  }
  const url = tsa in PUBLIC_AUTHORITIES ? PUBLIC_AUTHORITIES[tsa as keyof typeof PUBLIC_AUTHORITIES] : tsa;
  if (file === undefined || !/^https?:\/\/[^\s]+$/.test(url) || tsaCert === '') return null;
  return { file, url, tsaCert };
}

/**
 * `bukti timestamp <bundle.zip> [--tsa name|URL] [--tsa-cert ca.pem]`: sends the SHA-256 of the bundle's
 * SHA256SUMS (nothing else) to an RFC 3161 authority, checks the answer is for this request and this
 * bundle, and writes it as `<bundle>.tsr` beside the bundle. Never overwrites an earlier stamp.
 */
export async function runTimestamp(
  argv: readonly string[],
  output: CliOutput,
  lang: Locale,
): Promise<number> {
  const say = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) =>
    translate(lang, key, params);
  const args = parseTimestamp(argv);
  if (argv.includes('--help') || argv.includes('-h')) {
    output.stdout(`${say('timestamp.cli.usage')}\n`);
    return EXIT.intact;
  }
  if (!args) {
    output.stderr(`${say('timestamp.cli.usage')}\n`);
    return EXIT.invalid;
  }
  const target = timestampPaths(args.file)[0] as string;
  try {
    if (await exists(target)) {
      output.stderr(`${say('timestamp.cli.exists', { path: target })}\n`);
      return EXIT.invalid;
    }
    const sums = await readSums(args.file);
    const { request, nonce } = await timestampRequest(sums);
    output.stderr(`${say('timestamp.cli.asking', { url: args.url })}\n`);
    const answer = await ask(args.url, request);
    checkAnswersRequest(answer, nonce);
    const check = await checkTimestamp(answer, sums, await trustAnchors(args.tsaCert));
    if (check.status === 'invalid') {
      output.stderr(`${timestampLines({ path: target, check }, args.file, say).join('\n')}\n`);
      return EXIT.tampered;
    }
    await writeFile(target, answer, { flag: 'wx' });
    output.stdout(`${say('timestamp.cli.written', { path: target })}\n`);
    output.stdout(`${timestampLines({ path: target, check }, args.file, say).slice(2).join('\n')}\n`);
    return EXIT.intact;
  } catch (error) {
    output.stderr(`${describe(error, args, target, lang)}\n`);
    return EXIT.invalid;
  }
}

async function readSums(file: string): Promise<Uint8Array> {
  const opened = await openFileSource(file);
  try {
    return await readBundleSums(opened.source);
  } finally {
    await opened.close();
  }
}

class Unreachable extends Error {}

async function ask(url: string, request: Uint8Array): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': QUERY_TYPE, Accept: REPLY_TYPE },
      body: request as Uint8Array<ArrayBuffer>,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    throw new Unreachable(
      error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : 'error',
    );
  }
  if (!response.ok) throw new Unreachable(`HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

function describe(error: unknown, args: TimestampArguments, target: string, lang: Locale): string {
  if (isBuktiError(error)) return translate(lang, error.code, error.params);
  if (error instanceof Unreachable)
    return translate(lang, 'timestamp.cli.unreachable', { url: args.url, detail: error.message });
  if ((error as { code?: string }).code === 'EEXIST')
    return translate(lang, 'timestamp.cli.exists', { path: target });
  if (args.tsaCert && (error as Error).message === 'no certificate')
    return translate(lang, 'timestamp.cli.badCert', { path: args.tsaCert });
  return translate(lang, 'bundle.cli.cannotOpen', { path: args.file });
}

import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { isBuktiError } from '../core/errors';
import { type Locale, translate } from '../core/i18n';
import { openStream } from '../core/seal';
import type { OpenWith } from '../core/seal/age';
import { type CliOutput, EXIT } from './main';
import { readPassphrase } from './passphrase';
import { exists } from './paths';

interface OpenArguments {
  file: string;
  identity?: string;
  out?: string;
  rest: string[];
}

/** The language asked for with `--lang ms` or `--lang=ms`; English otherwise. */
export function languageOf(argv: readonly string[]): Locale {
  const at = argv.indexOf('--lang');
  return argv.includes('--lang=ms') || (at >= 0 && argv[at + 1] === 'ms') ? 'ms' : 'en';
}

/** Where `<bundle.zip.age>` opens to: the same name without `.age`, beside it. */
export function openedName(file: string): string {
  return file.endsWith('.age') ? file.slice(0, -'.age'.length) : `${file}.zip`;
}

function parseOpen(argv: readonly string[]): OpenArguments | null {
  const rest: string[] = [];
  let file: string | undefined;
  let identity: string | undefined;
  let out: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--identity' || arg === '-i') identity = argv[++i];
    else if (arg === '--out' || arg === '-o') out = argv[++i];
    else if (arg === '--lang' || arg === '--key' || arg === '--tsa-cert') rest.push(arg, argv[++i] ?? '');
    else if (arg.startsWith('-')) rest.push(arg);
    else if (file === undefined) file = arg;
    else return null;
  }
  if (file === undefined || identity === '' || out === '') return null;
  return { file, identity, out, rest };
}

/**
 * `bukti open <bundle.zip.age> [--identity key.txt] [--out bundle.zip]`: decrypts a sealed bundle (asking
 * for the passphrase when no key file is given), then checks it as `bukti verify` does. The bundle is
 * written to a temporary file beside the target and renamed only once every chunk has been
 * authenticated, so a wrong key, an altered or a cut-short file leave nothing behind.
 */
export async function runOpen(
  argv: readonly string[],
  output: CliOutput,
  lang: Locale,
  verify: (file: string, rest: string[]) => Promise<number>,
  askPassphrase: (prompt: string) => Promise<string> = readPassphrase,
): Promise<number> {
  const args = parseOpen(argv);
  if (!args) {
    output.stderr(`${translate(lang, 'seal.cli.openUsage')}\n`);
    return EXIT.invalid;
  }
  const target = args.out ?? openedName(args.file);
  if (await exists(target)) {
    output.stderr(`${translate(lang, 'seal.open.outputExists', { path: target })}\n`);
    return EXIT.invalid;
  }
  let key: OpenWith;
  try {
    key = args.identity
      ? { identityFile: await readFile(args.identity, 'utf8') }
      : { passphrase: await askPassphrase(translate(lang, 'seal.cli.passphrasePrompt')) };
  } catch (error) {
    output.stderr(`${message(error, lang, args.identity ?? '')}\n`);
    return EXIT.invalid;
  }
  const part = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.part`);
  try {
    const sealed = Readable.toWeb(createReadStream(args.file)) as ReadableStream<Uint8Array>;
    const plain = await openStream(sealed, key);
    await pipeline(Readable.fromWeb(plain as never), createWriteStream(part, { flags: 'wx', mode: 0o600 }));
    await rename(part, target);
  } catch (error) {
    await rm(part, { force: true });
    output.stderr(`${message(error, lang, args.file)}\n`);
    return EXIT.invalid;
  }
  output.stdout(`${translate(lang, 'seal.cli.opened', { path: target })}\n\n`);
  return verify(target, args.rest);
}

function message(error: unknown, lang: Locale, path: string): string {
  if (isBuktiError(error)) return translate(lang, error.code, error.params);
  return translate(lang, 'bundle.cli.cannotOpen', { path });
}

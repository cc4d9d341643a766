import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../../src/cli/main';
import { runOpen } from '../../../src/cli/open';
import { translate } from '../../../src/core/i18n';
import { sampleBundle, tempDir } from '../bundle/fixtures';

const temp = tempDir();
const path = (name: string) => join(temp.dir, name);
let zip: Uint8Array;

beforeAll(async () => {
  zip = (await sampleBundle()).zip;
  writeFileSync(path('case.zip'), zip);
  execFileSync('age-keygen', ['-o', path('key.txt')], { stdio: 'pipe' });
  execFileSync('age-keygen', ['-o', path('other.txt')], { stdio: 'pipe' });
  const recipient = execFileSync('age-keygen', ['-y', path('key.txt')], { encoding: 'utf8' }).trim();
  execFileSync('age', ['-e', '-r', recipient, '-o', path('sealed.zip.age'), path('case.zip')]);
});
afterAll(() => temp.remove());

function capture() {
  const seen = { out: '', err: '' };
  return {
    seen,
    output: { stdout: (text: string) => (seen.out += text), stderr: (text: string) => (seen.err += text) },
  };
}

async function bukti(...args: string[]) {
  const { seen, output } = capture();
  const code = await run(args, output);
  return { code, ...seen };
}

/** Nothing of a failed open is left: no bundle, no temporary file. */
const leftovers = () =>
  readdirSync(temp.dir).filter((name) => name.includes('.part') || name === 'sealed.zip');

describe('bukti open', () => {
  it('decrypts with the key file and verifies in one step, giving back the exact bundle', async () => {
    const result = await bukti('open', path('sealed.zip.age'), '--identity', path('key.txt'));
    expect(result.code).toBe(0);
    expect(result.out).toContain(translate('en', 'seal.cli.opened', { path: path('sealed.zip') }));
    expect(result.out).toContain(translate('en', 'bundle.status.intact'));
    expect(readFileSync(path('sealed.zip')).equals(zip)).toBe(true);
    // Options for the check pass through: the fingerprint the recipient expects, given as `bukti verify` takes it.
    const other = await bukti(
      'open',
      path('sealed.zip.age'),
      '--identity',
      path('key.txt'),
      '--out',
      path('k.zip'),
      '--key',
      '00'.repeat(32),
    );
    expect(other.code).toBe(1);
    const again = await bukti('open', path('sealed.zip.age'), '--identity', path('key.txt'));
    expect(again.code).toBe(2);
    expect(again.err).toContain(translate('en', 'seal.open.outputExists', { path: path('sealed.zip') }));
  });

  it('asks for a passphrase when no key file is given', async () => {
    const passphrase = 'the lawyer’s passphrase';
    execFileSync(
      'python3',
      [
        join(import.meta.dirname, 'age-tty.py'),
        '2',
        passphrase,
        'age',
        '-e',
        '-p',
        '-o',
        path('p.zip.age'),
        path('case.zip'),
      ],
      { stdio: 'pipe' },
    );
    const { seen, output } = capture();
    const prompts: string[] = [];
    const code = await runOpen(
      [path('p.zip.age')],
      output,
      'ms',
      (file, rest) => run(['verify', file, ...rest], output),
      async (prompt) => {
        prompts.push(prompt);
        return passphrase;
      },
    );
    expect(prompts).toEqual([translate('ms', 'seal.cli.passphrasePrompt')]);
    expect(code).toBe(0);
    expect(readFileSync(path('p.zip')).equals(zip)).toBe(true);
    expect(seen.out).toContain(translate('en', 'bundle.status.intact'));
  });

  it('leaves nothing behind for a wrong key, a cut-short or an altered file, and says so in English and Malay', async () => {
    const sealed = readFileSync(path('sealed.zip.age'));
    const rm = () => {
      for (const name of leftovers()) execFileSync('rm', ['-f', path(name)]);
    };
    rm();
    const wrong = await bukti(
      'open',
      path('sealed.zip.age'),
      '--identity',
      path('other.txt'),
      '--lang',
      'ms',
    );
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain(translate('ms', 'seal.open.wrongKey'));
    expect(leftovers()).toEqual([]);
    writeFileSync(path('cut.zip.age'), sealed.subarray(0, sealed.length - 100));
    const cut = await bukti('open', path('cut.zip.age'), '--identity', path('key.txt'));
    expect(cut.code).toBe(2);
    expect(cut.err).toContain(translate('en', 'seal.open.damaged'));
    const altered = Buffer.from(sealed);
    const middle = Math.floor(altered.length / 2);
    altered[middle] = (altered[middle] as number) ^ 0x20;
    writeFileSync(path('altered.zip.age'), altered);
    const changed = await bukti('open', path('altered.zip.age'), '--identity', path('key.txt'));
    expect(changed.err).toContain(translate('en', 'seal.open.damaged'));
    expect(
      readdirSync(temp.dir).filter(
        (name) => name.includes('.part') || name === 'cut.zip' || name === 'altered.zip',
      ),
    ).toEqual([]);
    expect(existsSync(path('altered.zip'))).toBe(false);
  });

  it('names a key file that is not one', async () => {
    writeFileSync(path('bad-key.txt'), 'hello\n');
    const result = await bukti(
      'open',
      path('sealed.zip.age'),
      '--identity',
      path('bad-key.txt'),
      '--out',
      path('x.zip'),
    );
    expect(result.code).toBe(2);
    expect(result.err).toContain(translate('en', 'seal.identity.invalid', { line: 1 }));
  });
});

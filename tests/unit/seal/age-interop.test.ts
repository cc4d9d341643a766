import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isBuktiError } from '../../../src/core/errors';
import { generateAgeIdentity, identityFileText, openStream, sealStream } from '../../../src/core/seal';
import { pseudoRandomBytes, tempDir } from '../bundle/fixtures';

const temp = tempDir();
afterAll(() => temp.remove());

const TTY = join(import.meta.dirname, 'age-tty.py');
const PASSPHRASE = 'kulai-lawyer-2025 evidence';

/** Enough for several 64 KiB chunks and a short last one. */
const plain = pseudoRandomBytes(3 * 65_536 + 1234, 11);

function streamOf(bytes: Uint8Array): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      // Uneven pieces, as a file or the export's ZIP gives them.
      for (let at = 0; at < bytes.length; at += 10_000) controller.enqueue(bytes.slice(at, at + 10_000));
      controller.close();
    },
  });
}

async function collect(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

const path = (name: string) => join(temp.dir, name);

describe('Bukti seals, age opens', () => {
  it('for a recipient made by age-keygen: age -d gives back the same bytes', async () => {
    execFileSync('age-keygen', ['-o', path('lawyer.txt')], { stdio: 'pipe' });
    const recipient = execFileSync('age-keygen', ['-y', path('lawyer.txt')], { encoding: 'utf8' }).trim();
    writeFileSync(
      path('bundle.zip.age'),
      await collect(await sealStream(streamOf(plain), { recipients: [recipient] })),
    );
    execFileSync('age', ['-d', '-i', path('lawyer.txt'), '-o', path('opened.zip'), path('bundle.zip.age')]);
    expect(readFileSync(path('opened.zip')).equals(plain)).toBe(true);
  });

  it('for several recipients, each opens it with their own key (a key file Bukti made, too)', async () => {
    const ours = await generateAgeIdentity();
    writeFileSync(path('ours.txt'), identityFileText(ours, new Date()));
    execFileSync('age-keygen', ['-o', path('ngo.txt')], { stdio: 'pipe' });
    const ngo = execFileSync('age-keygen', ['-y', path('ngo.txt')], { encoding: 'utf8' }).trim();
    const sealed = await collect(await sealStream(streamOf(plain), { recipients: [ours.recipient, ngo] }));
    writeFileSync(path('both.age'), sealed);
    for (const key of ['ours.txt', 'ngo.txt']) {
      const out = execFileSync('age', ['-d', '-i', path(key), path('both.age')]);
      expect(out.equals(plain)).toBe(true);
    }
    // age-keygen -y reads Bukti's key file and derives the same recipient Bukti shows.
    expect(execFileSync('age-keygen', ['-y', path('ours.txt')], { encoding: 'utf8' }).trim()).toBe(
      ours.recipient,
    );
  });

  it('for a passphrase: age -d asks for it and gives back the same bytes', async () => {
    writeFileSync(
      path('pass.age'),
      await collect(await sealStream(streamOf(plain), { passphrase: PASSPHRASE })),
    );
    execFileSync('python3', [TTY, '1', PASSPHRASE, 'age', '-d', '-o', path('pass.zip'), path('pass.age')], {
      stdio: 'pipe',
    });
    expect(readFileSync(path('pass.zip')).equals(plain)).toBe(true);
  });
});

describe('age seals, Bukti opens', () => {
  it('with the key file Bukti made', async () => {
    const ours = await generateAgeIdentity();
    const keyFile = identityFileText(ours, new Date());
    writeFileSync(path('plain.bin'), plain);
    execFileSync('age', ['-e', '-r', ours.recipient, '-o', path('from-age.age'), path('plain.bin')]);
    const sealed = new Uint8Array(readFileSync(path('from-age.age')));
    expect(await collect(await openStream(streamOf(sealed), { identityFile: keyFile }))).toEqual(plain);
  });

  it('with a passphrase typed into age -p', async () => {
    writeFileSync(path('plain.bin'), plain);
    execFileSync(
      'python3',
      [TTY, '2', PASSPHRASE, 'age', '-e', '-p', '-o', path('p.age'), path('plain.bin')],
      {
        stdio: 'pipe',
      },
    );
    const sealed = new Uint8Array(readFileSync(path('p.age')));
    expect(await collect(await openStream(streamOf(sealed), { passphrase: PASSPHRASE }))).toEqual(plain);
  });
});

async function openError(sealed: Uint8Array, key: Parameters<typeof openStream>[1]): Promise<unknown> {
  try {
    await collect(await openStream(streamOf(sealed), key));
    return null;
  } catch (error) {
    return error;
  }
}

describe('what cannot be opened says why', () => {
  it('a wrong key or passphrase, a cut-short or altered file, a file that is not sealed', async () => {
    const ours = await generateAgeIdentity();
    const other = await generateAgeIdentity();
    const sealed = await collect(await sealStream(streamOf(plain), { recipients: [ours.recipient] }));
    const byPassphrase = await collect(await sealStream(streamOf(plain), { passphrase: PASSPHRASE }));
    const keyFile = identityFileText(ours, new Date());
    const flipped = sealed.slice();
    flipped[sealed.length - 70_000] = (flipped[sealed.length - 70_000] as number) ^ 1;
    // The header's MAC: a changed recipient line or MAC is caught before any payload is read.
    const mac = sealed.slice();
    const macAt = Buffer.from(sealed).indexOf('\n--- ') + 6;
    mac[macAt] = mac[macAt] === 0x41 ? 0x42 : 0x41;
    const cases: [string, Uint8Array, Parameters<typeof openStream>[1], string][] = [
      ['wrong key', sealed, { identityFile: identityFileText(other, new Date()) }, 'seal.open.wrongKey'],
      ['wrong passphrase', byPassphrase, { passphrase: 'guess' }, 'seal.open.wrongKey'],
      [
        'cut at a chunk boundary',
        sealed.slice(0, sealed.length - 1234 - 16),
        { identityFile: keyFile },
        'seal.open.damaged',
      ],
      ['cut mid-chunk', sealed.slice(0, sealed.length - 5), { identityFile: keyFile }, 'seal.open.damaged'],
      ['a payload byte altered', flipped, { identityFile: keyFile }, 'seal.open.damaged'],
      ['the header MAC altered', mac, { identityFile: keyFile }, 'seal.open.damaged'],
      ['a ZIP, not sealed', plain, { identityFile: keyFile }, 'seal.open.notSealed'],
    ];
    for (const [what, bytes, key, code] of cases) {
      const error = await openError(bytes, key);
      expect(isBuktiError(error) ? error.code : error, what).toBe(code);
    }
  });

  it('refuses recipients and key files that are not age keys, naming them', async () => {
    const error = await sealStream(streamOf(plain), { recipients: ['age1notakey'] }).catch((e: unknown) => e);
    expect(isBuktiError(error, 'seal.recipient.invalid') && error.params.recipient).toBe('age1notakey');
    const keyError = await openError(plain, { identityFile: '# comment\nAGE-SECRET-KEY-1NOPE\n' });
    expect(isBuktiError(keyError, 'seal.identity.invalid') && keyError.params.line).toBe(2);
  });
});

import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../../src/cli/main';
import type { VerifyReport } from '../../../src/core/bundle/verify-report';
import { translate } from '../../../src/core/i18n';
import { sampleBundle, tempDir } from './fixtures';
import { flipInEntry } from './verify-helpers';

const temp = tempDir();
let intact: string;
let tampered: string;
let fingerprint: string;

beforeAll(async () => {
  const sample = await sampleBundle();
  fingerprint = sample.result.manifest.signer.fingerprint;
  intact = join(temp.dir, 'intact.zip');
  tampered = join(temp.dir, 'tampered.zip');
  writeFileSync(intact, sample.zip);
  writeFileSync(tampered, await flipInEntry(sample.zip, 'evidence/002-img-0001.jpg'));
});

afterAll(() => temp.remove());

async function bukti(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(args, { stdout: (text) => (out += text), stderr: (text) => (err += text) });
  return { code, out, err };
}

describe('bukti verify', () => {
  it('prints intact, the bundle facts and the fingerprint, and exits 0', async () => {
    const { code, out } = await bukti('verify', intact);
    expect(code).toBe(0);
    expect(out).toContain(translate('en', 'bundle.status.intact'));
    expect(out).toContain(fingerprint.slice(0, 4));
    expect(out).toContain('Files checked: 10');
    expect(out).toContain(translate('en', 'bundle.status.limits'));
  });

  it('names every problem in English or Malay, and exits 1 for a changed bundle', async () => {
    const english = await bukti('verify', tampered);
    expect(english.code).toBe(1);
    const hashLine = translate('en', 'bundle.verify.hashMismatch', { path: 'evidence/002-img-0001.jpg' });
    expect(english.out).toContain(`  - ${hashLine}`);
    expect(english.out).toContain('Problems found: 2');
    const malay = await bukti('verify', tampered, '--lang', 'ms');
    expect(malay.code).toBe(1);
    expect(malay.out).toContain(
      translate('ms', 'bundle.verify.hashMismatch', { path: 'evidence/002-img-0001.jpg' }),
    );
    expect(malay.out).toContain(translate('ms', 'bundle.status.tampered'));
  });

  it('prints the report as JSON with --json', async () => {
    const { code, out } = await bukti('verify', '--json', tampered);
    expect(code).toBe(1);
    const report = JSON.parse(out) as VerifyReport;
    expect(report.format).toBe('bukti-verify-report');
    expect(report.status).toBe('tampered');
    expect(report.files.find((file) => file.path === 'evidence/002-img-0001.jpg')?.status).toBe('changed');
  });

  it('exits 2 for a missing file, a non-bundle, and wrong usage', async () => {
    const missing = await bukti('verify', join(temp.dir, 'nope.zip'));
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('nope.zip');
    const text = join(temp.dir, 'notes.txt');
    writeFileSync(text, 'not a zip');
    const notZip = await bukti('verify', text, '--json');
    expect(notZip.code).toBe(2);
    expect((JSON.parse(notZip.out) as VerifyReport).problems[0]?.code).toBe('bundle.zip.notZip');
    for (const args of [
      [],
      ['check', intact],
      ['verify'],
      ['verify', intact, '--lang', 'fr'],
      ['verify', intact, '--colour'],
    ]) {
      const usage = await bukti(...args);
      expect(usage.code, args.join(' ')).toBe(2);
      expect(usage.err).toContain('bukti verify <bundle.zip>');
    }
    expect((await bukti('--help')).code).toBe(0);
  });

  it('escapes control characters a hostile file name could use to rewrite the terminal', async () => {
    const hostile = join(temp.dir, 'x\u001b[2J\u202e.zip');
    writeFileSync(hostile, readFileSync(tampered));
    const found = await bukti('verify', hostile);
    const missing = await bukti('verify', `${hostile}.gone`);
    for (const text of [found.out, missing.err]) {
      expect(text).not.toContain('\u001b');
      expect(text).not.toContain('\u202e');
      expect(text).toContain('x\\u{1b}[2J\\u{202e}.zip');
    }
  });

  it('pins the key: expected (0), another key (1, naming both), none given (says what to compare)', async () => {
    const spaced = fingerprint.toUpperCase().replace(/(.{4})/g, '$1 ');
    const pinned = await bukti('verify', intact, '--key', spaced);
    expect(pinned.code).toBe(0);
    expect(pinned.out).toContain(
      translate('en', 'bundle.status.keyConfirmed', { fingerprint: '' }).slice(0, 30),
    );
    const other = await bukti('verify', intact, `--key=${'ab'.repeat(32)}`);
    expect(other.code).toBe(1);
    expect(other.out).toContain(translate('en', 'bundle.status.unexpectedKey'));
    expect(other.out).toContain('abab abab');
    const unpinned = await bukti('verify', intact);
    expect(unpinned.out).toContain('Key not confirmed');
    const json = JSON.parse(
      (await bukti('verify', intact, '--json', '--key', fingerprint)).out,
    ) as VerifyReport;
    expect(json.key).toEqual({ expected: fingerprint, matches: true });
    const bad = await bukti('verify', intact, '--key', 'not-a-key');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain(translate('en', 'bundle.cli.badKey'));
  });

  it('runs as prebuilt JavaScript (bin/bukti.mjs after npm run build:cli) with Node alone', () => {
    const built = spawnSync(process.execPath, ['scripts/build-cli.mjs'], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(built.status, built.stderr).toBe(0);
    const bundle = readFileSync('dist-cli/bukti.mjs', 'utf8');
    // No TypeScript loader at run time; hashing is Node's own.
    expect(bundle).not.toMatch(/from ["']tsx/);
    expect(bundle).toContain('from "node:crypto"');
    const result = spawnSync(process.execPath, ['bin/bukti.mjs', 'verify', tampered, '--lang', 'ms'], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('evidence/002-img-0001.jpg');
    const garbage = join(temp.dir, 'garbage.zip');
    writeFileSync(garbage, 'PK\u0003\u0004 not really');
    const invalid = spawnSync(process.execPath, ['bin/bukti.mjs', 'verify', garbage], { encoding: 'utf8' });
    expect(invalid.status).toBe(2);
    expect(invalid.stderr + invalid.stdout).not.toMatch(/\n\s+at /);
  });
});

import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../../src/cli/main';
import { translate } from '../../../src/core/i18n';
import { certificatesFromPem, checkTimestamp, readBundleSums } from '../../../src/core/timestamp';
import { bytesSource } from '../../../src/core/zip/source';
import { sampleBundle, tempDir } from '../bundle/fixtures';
import { flipInEntry, replace, reseal } from '../bundle/verify-helpers';
import { unpack } from '../bundle/zip-craft';
import { type LocalTsa, startLocalTsa } from './local-tsa';

const temp = tempDir();
let tsa: LocalTsa;
let zip: Uint8Array;
let bundle: string;
let sample: Awaited<ReturnType<typeof sampleBundle>>;

async function bukti(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(args, { stdout: (text) => (out += text), stderr: (text) => (err += text) });
  return { code, out, err };
}

beforeAll(async () => {
  tsa = await startLocalTsa('rsa');
  sample = await sampleBundle();
  zip = sample.zip;
  bundle = join(temp.dir, 'case.zip');
  writeFileSync(bundle, zip);
});

afterAll(async () => {
  await tsa.close();
  temp.remove();
});

describe('bukti timestamp and bukti verify with a local RFC 3161 authority', () => {
  it('writes <bundle>.tsr over SHA256SUMS, which bukti verify trusts with the authority’s CA', async () => {
    const stamped = await bukti('timestamp', bundle, '--tsa', tsa.url, '--tsa-cert', tsa.caFile);
    expect(stamped.err).toContain(tsa.url);
    expect(stamped.code).toBe(0);
    const tsr = join(temp.dir, 'case.tsr');
    expect(stamped.out).toContain(translate('en', 'timestamp.cli.written', { path: tsr }));
    expect(existsSync(tsr)).toBe(true);
    const checked = await bukti('verify', bundle, '--tsa-cert', tsa.caFile);
    expect(checked.code).toBe(0);
    expect(checked.out).toMatch(
      /Trusted time stamp: SHA256SUMS existed at \d{4}-\d\d-\d\dT[\d:.]+Z \(UTC\), signed by Bukti Test TSA, Bukti tests\./,
    );
    expect(checked.out).toContain('openssl ts -verify -in case.tsr -data SHA256SUMS');
  });

  it('is accepted by openssl ts -verify, as VERIFY.txt tells a lawyer to check it', () => {
    const sums = join(temp.dir, 'SHA256SUMS');
    execFileSync('sh', ['-c', `unzip -p case.zip SHA256SUMS > SHA256SUMS`], { cwd: temp.dir });
    const out = execFileSync(
      'openssl',
      ['ts', '-verify', '-in', 'case.tsr', '-data', sums, '-CAfile', tsa.caFile],
      {
        cwd: temp.dir,
        encoding: 'utf8',
      },
    );
    expect(out).toContain('Verification: OK');
  });

  it('says the time is not anchored when no trusted certificate leads to the authority', async () => {
    const checked = await bukti('verify', bundle, '--json');
    expect(checked.code).toBe(0);
    const report = JSON.parse(checked.out) as { timestamp: { check: { status: string; time: string } } };
    expect(report.timestamp.check.status).toBe('unanchored');
    expect(report.timestamp.check.time).toMatch(/^\d{4}-/);
  });

  it('fails the time-stamp check for a bundle whose SHA256SUMS was altered, in English and Malay', async () => {
    const altered = join(temp.dir, 'altered.zip');
    writeFileSync(altered, await flipInEntry(zip, 'SHA256SUMS'));
    copyFileSync(join(temp.dir, 'case.tsr'), join(temp.dir, 'altered.tsr'));
    const english = await bukti('verify', altered, '--tsa-cert', tsa.caFile);
    expect(english.code).toBe(1);
    expect(english.out).toContain(translate('en', 'timestamp.imprintMismatch'));
    const malay = await bukti('verify', altered, '--tsa-cert', tsa.caFile, '--lang', 'ms');
    expect(malay.out).toContain(translate('ms', 'timestamp.imprintMismatch'));
  });

  it('catches a photo swapped and the bundle re-signed with the same key after the stamp', async () => {
    const entries = await unpack(zip);
    const photo = entries.find((entry) => String(entry.name).startsWith('evidence/'));
    const swapped = await reseal(
      replace(entries, String(photo?.name), new Uint8Array([1, 2, 3])),
      sample.signer,
    );
    const resigned = join(temp.dir, 'resigned.zip');
    writeFileSync(resigned, swapped);
    copyFileSync(join(temp.dir, 'case.tsr'), join(temp.dir, 'resigned.tsr'));
    const checked = await bukti('verify', resigned, '--tsa-cert', tsa.caFile, '--json');
    const report = JSON.parse(checked.out) as {
      signature: { valid: boolean };
      timestamp: { check: { status: string; problems: { code: string }[] } };
    };
    // The signature cannot tell (the key signed the new list); the stamp over the old list can.
    expect(report.signature.valid).toBe(true);
    expect(report.timestamp.check.status).toBe('invalid');
    expect(report.timestamp.check.problems.map((problem) => problem.code)).toEqual([
      'timestamp.imprintMismatch',
    ]);
    expect(checked.code).toBe(1);
  });

  it('refuses to overwrite an earlier time stamp, and asks nothing of the authority', async () => {
    const before = tsa.answered();
    const again = await bukti('timestamp', bundle, '--tsa', tsa.url);
    expect(again.code).toBe(2);
    expect(again.err).toContain(
      translate('en', 'timestamp.cli.exists', { path: join(temp.dir, 'case.tsr') }),
    );
    expect(tsa.answered()).toBe(before);
  });

  it('says clearly when the authority cannot be reached, and writes nothing', async () => {
    const other = join(temp.dir, 'other.zip');
    writeFileSync(other, zip);
    const result = await bukti('timestamp', other, '--tsa', 'http://127.0.0.1:9/tsr');
    expect(result.code).toBe(2);
    expect(result.err).toContain('Could not reach http://127.0.0.1:9/tsr');
    expect(existsSync(join(temp.dir, 'other.tsr'))).toBe(false);
  });

  it('finds an altered token: every flipped byte either breaks the check or changes nothing it reports', async () => {
    const tsr = new Uint8Array(readFileSync(join(temp.dir, 'case.tsr')));
    const sums = await readBundleSums(bytesSource(zip));
    const anchors = certificatesFromPem(tsa.caPem);
    const original = await checkTimestamp(tsr, sums, anchors);
    expect(original.status).toBe('trusted');
    // Every 7th byte, so the run stays short; each position is flipped in all bits.
    for (let at = 0; at < tsr.length; at += 7) {
      const altered = tsr.slice();
      altered[at] = (altered[at] as number) ^ 0xff;
      const check = await checkTimestamp(altered, sums, anchors);
      if (check.status === 'trusted') {
        expect({ time: check.time, authority: check.authority }).toEqual({
          time: original.time,
          authority: original.authority,
        });
      }
    }
  });
});

describe('an ECDSA authority', () => {
  it('is checked the same way (P-256, signature converted for WebCrypto)', async () => {
    const ec = await startLocalTsa('ec');
    try {
      const dir = tempDir();
      const path = join(dir.dir, 'ec.zip');
      writeFileSync(path, zip);
      expect((await bukti('timestamp', path, '--tsa', ec.url, '--tsa-cert', ec.caFile)).code).toBe(0);
      const checked = await bukti('verify', path, '--tsa-cert', ec.caFile);
      expect(checked.out).toContain('Trusted time stamp');
      dir.remove();
    } finally {
      await ec.close();
    }
  });
});

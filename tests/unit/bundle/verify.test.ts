import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXIT, run } from '../../../src/cli/main';
import { sha256Hex } from '../../../src/core/bundle/hash';
import { publicKeyPem } from '../../../src/core/bundle/key';
import { verifyBundle } from '../../../src/core/bundle/verify';
import type { VerifyReport } from '../../../src/core/bundle/verify-report';
import { bytesSource } from '../../../src/core/zip/source';
import { makeSigner, pseudoRandomBytes, type Sample, sampleBundle, tempDir } from './fixtures';
import { bytesOf, codes, flipInEntry, namedPaths, replace, reseal, textOf, verify } from './verify-helpers';
import { type CraftEntry, craftZip, unpack } from './zip-craft';

let sample: Sample;
let entries: CraftEntry[];
let names: string[];

beforeAll(async () => {
  sample = await sampleBundle();
  entries = await unpack(sample.zip);
  names = entries.map((entry) => String(entry.name));
});

async function cli(zip: Uint8Array): Promise<{ code: number; report: VerifyReport }> {
  const temp = tempDir();
  try {
    const path = join(temp.dir, 'bundle.zip');
    writeFileSync(path, zip);
    let out = '';
    const code = await run(['verify', path, '--json'], {
      stdout: (text) => (out += text),
      stderr: () => undefined,
    });
    return { code, report: JSON.parse(out) as VerifyReport };
  } finally {
    temp.remove();
  }
}

describe('verifyBundle on an intact bundle', () => {
  it('reports intact, with every file checked, the key fingerprint and an unbroken custody chain', async () => {
    const report = await verify(sample.zip);
    expect(report.problems).toEqual([]);
    expect(report.status).toBe('intact');
    expect(report.bundleId).toBe(sample.result.bundleId);
    expect(report.signature).toMatchObject({ present: true, valid: true, matchesManifest: true });
    expect(report.signature.keyFingerprint).toBe(sample.result.manifest.signer.fingerprint);
    expect(report.sums).toEqual({ present: true, wellFormed: true, count: 10 });
    expect(report.manifest).toEqual({ present: true, valid: true, version: 1, agreesWithSums: true });
    expect(report.custody).toEqual({
      present: true,
      entries: 7,
      continuous: true,
      warnings: [],
      keyChanges: [],
    });
    expect(report.files.map((file) => [file.path, file.status])).toEqual(
      names.filter((name) => !name.startsWith('SHA256SUMS')).map((name) => [name, 'ok']),
    );
  });

  it('accepts the same bundle re-zipped with deflate by another tool', async () => {
    const deflated = craftZip(entries.map((entry) => ({ ...entry, method: 8 })));
    expect(deflated.length).toBeLessThan(sample.zip.length);
    expect((await verify(deflated)).status).toBe('intact');
  });
});

describe('a changed byte is pinned to its file', () => {
  it('in the stored bytes of each entry, by the core verifier and by the CLI (exit 1)', async () => {
    for (const name of names) {
      if (name === 'evidence/003-file.bin') continue; // empty: no byte to change
      const zip = await flipInEntry(sample.zip, name);
      const report = await verify(zip);
      expect(report.status, name).toBe('tampered');
      expect(namedPaths(report), name).toEqual([name]);
      const viaCli = await cli(zip);
      expect(viaCli.code, name).toBe(EXIT.tampered);
      expect(namedPaths(viaCli.report), name).toEqual([name]);
    }
  });

  it('in a file that was changed and re-zipped with a correct CRC', async () => {
    for (const name of names) {
      const original = entries.find((entry) => entry.name === name)?.data as Uint8Array;
      const changed = original.length > 0 ? original.slice() : new Uint8Array(1);
      const at = Math.floor(changed.length / 2);
      changed[at] = (changed[at] as number) ^ 0x20;
      const report = await verify(craftZip(replace(entries, name, changed)));
      expect(report.status, name).toBe('tampered');
      expect(namedPaths(report), name).toEqual(
        name === 'SHA256SUMS.sig' ? [] : [name === 'SHA256SUMS' ? 'SHA256SUMS' : name],
      );
      if (name.startsWith('SHA256SUMS'))
        expect(codes(report), name).toContain('bundle.verify.signatureInvalid');
    }
  });

  it('when a file and its SHA256SUMS line were both changed (the manifest still names the file)', async () => {
    const name = 'evidence/002-img-0001.jpg';
    const changed = pseudoRandomBytes(25_000, 77);
    const sha = await sha256Hex(changed);
    const sums = textOf(entries, 'SHA256SUMS').replace(/^[0-9a-f]{64}(?= {2}evidence\/002)/m, sha);
    const report = await verify(
      craftZip(replace(replace(entries, name, changed), 'SHA256SUMS', bytesOf(sums))),
    );
    expect(codes(report)).toEqual(['bundle.verify.signatureInvalid', 'bundle.verify.manifestMismatch']);
    expect(namedPaths(report)).toEqual([name]);
  });
});

describe('missing, added and unsafe entries', () => {
  it('names a removed evidence file and a removed required file', async () => {
    const name = 'evidence/004-clip.mp4';
    const report = await verify(craftZip(replace(entries, name, undefined)));
    expect(report.status).toBe('tampered');
    expect(report.problems).toEqual([{ code: 'bundle.verify.missingFile', params: { path: name } }]);
    expect(report.files.find((file) => file.path === name)?.status).toBe('missing');
    const noSignature = await verify(craftZip(replace(entries, 'SHA256SUMS.sig', undefined)));
    expect(noSignature.problems).toEqual([
      { code: 'bundle.verify.missingRequired', params: { path: 'SHA256SUMS.sig' } },
    ]);
  });

  it('names an added file', async () => {
    const added = [...entries, { name: 'evidence/006-extra.png', data: bytesOf('not sealed') }];
    const report = await verify(craftZip(added));
    expect(report.problems).toEqual([
      { code: 'bundle.verify.extraFile', params: { path: 'evidence/006-extra.png' } },
    ]);
  });

  it('refuses names with .., absolute paths, backslashes and control characters, and duplicate names', async () => {
    for (const name of [
      '../evil.sh',
      '/etc/cron.d/x',
      'evidence\\..\\..\\x.png',
      'C:/x',
      'a/./b',
      'x\u202egnp.exe',
      '.hidden',
    ]) {
      const report = await verify(craftZip([...entries, { name, data: bytesOf('x') }]));
      expect(report.status, name).toBe('tampered');
      expect(codes(report), name).toEqual(['bundle.verify.unsafeName']);
    }
    const bidi = await verify(craftZip([...entries, { name: 'x\u202egnp.exe', data: bytesOf('x') }]));
    expect(bidi.problems[0]?.params.path).toBe('x\\u{202e}gnp.exe');
    const twice = await verify(
      craftZip([...entries, { name: 'report.pdf', data: bytesOf('another report') }]),
    );
    expect(twice.problems).toEqual([{ code: 'bundle.verify.duplicateName', params: { path: 'report.pdf' } }]);
  });
});

describe('hostile and malformed bundles', () => {
  it('says a file is not a bundle, empty, or cut short (exit 2)', async () => {
    const cases: [Uint8Array, string][] = [
      [bytesOf('just some text'), 'bundle.zip.notZip'],
      [new Uint8Array(0), 'bundle.zip.empty'],
      [sample.zip.subarray(0, sample.zip.length >> 1), 'bundle.zip.truncated'],
      [craftZip([{ name: 'holiday.jpg', data: bytesOf('x') }]), 'bundle.verify.notBundle'],
    ];
    for (const [zip, code] of cases) {
      const report = await verify(zip);
      expect(report.status, code).toBe('invalid');
      expect(codes(report), code).toContain(code);
      expect((await cli(zip)).code, code).toBe(EXIT.invalid);
    }
  });

  it('reports a CRC mismatch on a changed byte', async () => {
    const report = await verify(await flipInEntry(sample.zip, 'VERIFY.txt'));
    expect(codes(report)).toEqual(['bundle.zip.crcMismatch', 'bundle.verify.hashMismatch']);
  });

  it('stops a ZIP bomb hidden in a bundle', async () => {
    const bomb = craftZip([
      ...entries,
      { name: 'evidence/007-bomb.bin', data: new Uint8Array(30 * 2 ** 20), method: 8 },
    ]);
    const report = await verify(bomb);
    expect(report.status).toBe('tampered');
    expect(codes(report)).toEqual(['bundle.zip.ratio', 'bundle.verify.extraFile']);
  });

  it('names a malformed SHA256SUMS and a signature of the wrong length', async () => {
    const oneSpace = textOf(entries, 'SHA256SUMS').replace('  manifest.json', ' manifest.json');
    const malformed = await verify(craftZip(replace(entries, 'SHA256SUMS', bytesOf(oneSpace))));
    expect(codes(malformed)).toEqual(['bundle.verify.signatureInvalid', 'bundle.verify.sumsMalformed']);
    expect(malformed.problems[1]?.params.line).toBe(7);
    const short = await verify(craftZip(replace(entries, 'SHA256SUMS.sig', new Uint8Array(63))));
    expect(short.problems).toEqual([
      { code: 'bundle.verify.signatureLength', params: { path: 'SHA256SUMS.sig', length: 63 } },
    ]);
  });

  it('is invalid when a correctly signed manifest is unreadable or from a newer version', async () => {
    const newer = textOf(entries, 'manifest.json').replace('"version": 1', '"version": 2');
    const report = await verify(
      await reseal(replace(entries, 'manifest.json', bytesOf(newer)), sample.signer),
    );
    expect(report.status).toBe('invalid');
    expect(report.problems).toEqual([
      { code: 'bundle.verify.manifestVersion', params: { path: 'manifest.json', version: 2 } },
    ]);
    const broken = await verify(
      await reseal(replace(entries, 'manifest.json', bytesOf('{"format": "bukti-bundle"')), sample.signer),
    );
    expect(broken.status).toBe('invalid');
    expect(codes(broken)).toContain('bundle.verify.manifestMalformed');
    const noSignature = await verify(craftZip(replace(entries, 'manifest.json', bytesOf(newer))));
    expect(noSignature.status).toBe('tampered');
  });

  it('finds a manifest that disagrees with SHA256SUMS even when the signature holds', async () => {
    const manifest = textOf(entries, 'manifest.json').replace('"size": 40000', '"size": 40001');
    const report = await verify(
      await reseal(replace(entries, 'manifest.json', bytesOf(manifest)), sample.signer),
    );
    expect(report.signature.valid).toBe(true);
    expect(report.problems).toEqual([
      {
        code: 'bundle.verify.manifestMismatch',
        params: { path: 'evidence/001-screenshot-2025-04-10-at-14-03.png' },
      },
      // The export entry in the custody log names the hash of the manifest that was really sealed.
      { code: 'bundle.verify.custodyMismatch', params: { path: 'custody-log.jsonl', line: 7 } },
    ]);
  });

  it('finds a custody log that was cut, and a bundle re-signed with another key', async () => {
    const log = textOf(entries, 'custody-log.jsonl').split('\n');
    const cut = [...log.slice(0, 3), ...log.slice(4)].join('\n');
    const report = await verify(
      await reseal(replace(entries, 'custody-log.jsonl', bytesOf(cut)), sample.signer),
    );
    expect(report.status).toBe('tampered');
    expect(report.custody.continuous).toBe(false);
    expect(codes(report)).toContain('custody.problem.brokenLink');

    const intruder = await makeSigner();
    const pem = bytesOf(await publicKeyPem(intruder.publicKey));
    const resigned = await verify(await reseal(replace(entries, 'public-key.pem', pem), intruder));
    expect(resigned.signature.valid).toBe(true);
    expect(resigned.signature.keyFingerprint).not.toBe(sample.result.manifest.signer.fingerprint);
    expect(resigned.status).toBe('tampered');
    expect(codes(resigned)).toContain('bundle.verify.keyMismatch');
    expect(codes(resigned)).toContain('custody.problem.wrongKey');
  });
});

describe('the verifier reads only what it needs', () => {
  it('reads each byte about once, in slices of at most 1 MiB', async () => {
    const source = bytesSource(sample.zip);
    let total = 0;
    let largest = 0;
    const watched = {
      size: source.size,
      read: (offset: number, length: number) => {
        total += length;
        largest = Math.max(largest, length);
        return source.read(offset, length);
      },
    };
    expect((await verifyBundle(watched)).status).toBe('intact');
    // Slices of at most 1 MiB (small reads come from one read-ahead window), each byte read about once.
    expect(largest).toBeLessThanOrEqual(2 ** 20);
    expect(total).toBeLessThan(sample.zip.length * 1.6);
  });
});

import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatFingerprint,
  keyFingerprint,
  parsePublicKeyPem,
  publicKeyPem,
} from '../../../src/core/bundle/key';
import { evidencePath, isSafeEntryName, slug } from '../../../src/core/bundle/names';
import { formatSums, parseSums } from '../../../src/core/bundle/sums';
import { tempDir } from './fixtures';

describe('bundle and entry names', () => {
  it('numbers evidence files and keeps a safe form of the original name and extension', () => {
    expect(evidencePath(1, 'Screenshot 2025-04-10 at 14.03.PNG', 'image/png')).toBe(
      'evidence/001-screenshot-2025-04-10-at-14-03.png',
    );
    expect(evidencePath(12, 'Café_Résumé.jpeg', 'image/jpeg')).toBe('evidence/012-cafe-resume.jpeg');
    expect(evidencePath(3, '../../etc/passwd', 'text/plain')).toBe('evidence/003-passwd.txt');
    expect(evidencePath(4, 'C:\\Users\\me\\video', 'video/mp4')).toBe('evidence/004-video.mp4');
    expect(evidencePath(5, 'ملف', 'application/x-unknown')).toBe('evidence/005-file.bin');
    expect(evidencePath(1000, 'a.tar.gz', 'application/gzip')).toBe('evidence/1000-a-tar.gz');
  });

  it('accepts only ASCII relative names without dot segments', () => {
    for (const name of ['report.pdf', 'evidence/001-a.png', 'VERIFY.txt', 'SHA256SUMS'])
      expect(isSafeEntryName(name)).toBe(true);
    for (const name of [
      '',
      '../x',
      'a/../b',
      '/abs',
      'a\\b',
      'C:/x',
      'a//b',
      'a/',
      '.hidden',
      'é.png',
      'a b',
      'x\u0000y',
    ]) {
      expect(isSafeEntryName(name), JSON.stringify(name)).toBe(false);
    }
  });

  it('gives a type named like an object property no extension of its own', () => {
    // fast-check found it: the MIME type "__proto__" once reached Object.prototype in the extension table.
    for (const mime of ['__proto__', 'constructor', 'toString', 'hasOwnProperty'])
      expect(evidencePath(1, '', mime)).toBe('evidence/001-file.bin');
  });

  it('always produces safe names, whatever the original name (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 99_999 }),
        fc.string({ unit: 'binary', maxLength: 300 }),
        fc.string(),
        (index, name, mime) => {
          const path = evidencePath(index, name, mime);
          expect(isSafeEntryName(path)).toBe(true);
          expect(path.startsWith('evidence/')).toBe(true);
          expect(slug(name, 40).length).toBeLessThanOrEqual(40);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('SHA256SUMS', () => {
  const hex = fc.stringMatching(/^[0-9a-f]{64}$/);
  const path = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,20}(\/[A-Za-z0-9][A-Za-z0-9._-]{0,20}){0,2}$/);

  it('round-trips every list it writes (property)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ sha256: hex, path }), { selector: (line) => line.path, maxLength: 20 }),
        (lines) => {
          const listed = lines.filter((line) => line.path !== 'SHA256SUMS' && line.path !== 'SHA256SUMS.sig');
          const text = formatSums(listed);
          expect(parseSums(text)).toEqual(
            listed.length === 0 ? expect.objectContaining({ ok: false }) : { ok: true, lines: listed },
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never throws on arbitrary text, and rejects what sha256sum would read differently (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        const result = parseSums(text);
        if (result.ok) expect(formatSums(result.lines)).toBe(text);
      }),
      { numRuns: 500 },
    );
    const sha = 'a'.repeat(64);
    for (const bad of [
      `${sha} report.pdf\n`,
      `${sha} *report.pdf\n`,
      `${sha.toUpperCase()}  report.pdf\n`,
      `${sha}  report.pdf`,
      `${sha}  report.pdf\n\n`,
      `\\${sha}  re\\\\port.pdf\n`,
      `${sha}  ../report.pdf\n`,
      `${sha}  SHA256SUMS\n`,
      `${sha}  report.pdf\r\n`,
    ]) {
      expect(parseSums(bad).ok, JSON.stringify(bad)).toBe(false);
    }
    expect(parseSums(`${sha}  a\n${sha}  a\n`)).toEqual({
      ok: false,
      problem: { code: 'bundle.verify.sumsDuplicate', params: { path: 'a' } },
    });
  });
});

describe('public-key.pem and the fingerprint', () => {
  it('reads a key OpenSSL generated, and writes one OpenSSL reads back to the same raw key', async () => {
    const temp = tempDir();
    try {
      const privatePath = join(temp.dir, 'k.pem');
      execFileSync('openssl', ['genpkey', '-algorithm', 'ed25519', '-out', privatePath]);
      const pem = execFileSync('openssl', ['pkey', '-in', privatePath, '-pubout']).toString();
      const raw = new Uint8Array(
        execFileSync('openssl', ['pkey', '-in', privatePath, '-pubout', '-outform', 'DER']).subarray(12),
      );
      expect(await parsePublicKeyPem(pem)).toEqual(raw);
      const written = await publicKeyPem(raw);
      expect(written).toBe(pem);
      writeFileSync(join(temp.dir, 'pub.pem'), written);
      const fingerprint = execFileSync(
        'sh',
        ['-c', 'openssl pkey -pubin -in pub.pem -outform DER | tail -c 32 | sha256sum'],
        {
          cwd: temp.dir,
        },
      ).toString();
      expect(fingerprint.slice(0, 64)).toBe(await keyFingerprint(raw));
      expect(readFileSync(join(temp.dir, 'pub.pem'), 'utf8')).toMatch(
        /^-----BEGIN PUBLIC KEY-----\n[A-Za-z0-9+/=]{60}\n-----END PUBLIC KEY-----\n$/,
      );
    } finally {
      temp.remove();
    }
  });

  it('refuses anything but an Ed25519 SPKI key', async () => {
    // Same SPKI shape and length, different algorithm: only the exact Ed25519 prefix is accepted.
    const x25519 = execFileSync('sh', [
      '-c',
      'openssl genpkey -algorithm x25519 | openssl pkey -pubout',
    ]).toString();
    expect(await parsePublicKeyPem(x25519)).toBeUndefined();
    const good = await publicKeyPem(new Uint8Array(32).fill(7));
    expect(await parsePublicKeyPem(good.replace('\n', '\r\n'))).toEqual(new Uint8Array(32).fill(7));
    for (const bad of [
      '',
      good.replace('PUBLIC', 'PRIVATE'),
      good.replace(/A/, '*'),
      `junk\n${good}`,
      good.replace(/.{4}\n-----END/, '\n-----END'),
    ]) {
      expect(await parsePublicKeyPem(bad)).toBeUndefined();
    }
  });

  it('shows the fingerprint in groups of four', () => {
    expect(formatFingerprint('0123456789abcdef'.repeat(4))).toBe(
      '0123 4567 89ab cdef 0123 4567 89ab cdef 0123 4567 89ab cdef 0123 4567 89ab cdef',
    );
  });
});

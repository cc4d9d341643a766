import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BundleManifest, IncludedFile } from '../../../src/core/bundle/manifest';
import { planBundle } from '../../../src/core/bundle/plan';
import { type SealProgress, sealBundle } from '../../../src/core/bundle/seal';
import { loadSodium } from '../../../src/core/crypto/sodium';
import { parseCustodyLog } from '../../../src/core/custody/log';
import { verifySubsequence } from '../../../src/core/custody/verify';
import { isBuktiError } from '../../../src/core/errors';
import {
  chunked,
  collect,
  makeSigner,
  pseudoRandomBytes,
  sampleBundle,
  sampleInput,
  unzipWithSystemTool,
} from './fixtures';

const ORDER =
  /^report\.pdf\n(evidence\/\d{3}-[a-z0-9-]+\.[a-z0-9]+\n)+manifest\.json\ncustody-log\.jsonl\nSHA256SUMS\nSHA256SUMS\.sig\npublic-key\.pem\nVERIFY\.txt\n$/;

async function failure(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return isBuktiError(error) ? error.code : String(error);
  }
  return 'no failure';
}

describe('sealBundle', () => {
  it('writes a bundle that sha256sum, openssl and unzip accept, in the fixed order', async () => {
    const sample = await sampleBundle();
    const { dir, zipPath, remove } = unzipWithSystemTool(sample.zip);
    try {
      const names = execFileSync('unzip', ['-Z1', zipPath]).toString();
      expect(names).toMatch(ORDER);
      const sums = execFileSync('sha256sum', ['-c', '--strict', 'SHA256SUMS'], { cwd: dir }).toString();
      expect(sums.trim().split('\n')).toHaveLength(10);
      expect(sums).not.toMatch(/FAILED/);
      const signature = execFileSync(
        'openssl',
        [
          'pkeyutl',
          '-verify',
          '-pubin',
          '-inkey',
          'public-key.pem',
          '-rawin',
          '-in',
          'SHA256SUMS',
          '-sigfile',
          'SHA256SUMS.sig',
        ],
        { cwd: dir },
      ).toString();
      expect(signature).toContain('Signature Verified Successfully');
      const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as BundleManifest;
      const fingerprint = execFileSync(
        'sh',
        ['-c', 'openssl pkey -pubin -in public-key.pem -outform DER | tail -c 32 | sha256sum'],
        {
          cwd: dir,
        },
      ).toString();
      expect(fingerprint.slice(0, 64)).toBe(manifest.signer.fingerprint);
      expect(readFileSync(join(dir, 'VERIFY.txt'), 'utf8')).toContain(
        manifest.signer.fingerprint.slice(0, 4),
      );
      expect(new Uint8Array(readFileSync(join(dir, 'report.pdf')))).toEqual(sample.report);
      for (const item of manifest.items) {
        for (const file of item.files as IncludedFile[]) {
          expect(new Uint8Array(readFileSync(join(dir, file.path)))).toEqual(sample.bytes.get(file.id));
        }
      }
      const sha = execFileSync('sha256sum', [zipPath]).toString().slice(0, 64);
      expect(sample.result.zipSha256).toBe(sha);
      expect(sample.result.size).toBe(sample.zip.length);
    } finally {
      remove();
    }
  });

  it('hands out pieces the reader owns: moving each away at once still gives a bundle unzip accepts', async () => {
    const signer = await makeSigner();
    const { input, bytes, append } = await sampleInput(signer);
    const plan = await planBundle(input, signer.publicKey);
    const files = new Map([...bytes].map(([id, content]) => [id, chunked(content)]));
    const report = chunked(pseudoRandomBytes(12_345, 9));
    const { stream, done } = sealBundle(plan, { files, report, recordExport: append }, { signer });
    const parts: Uint8Array[] = [];
    let moved = 0;
    const reader = stream.getReader();
    for (;;) {
      const next = await reader.read();
      if (next.done) break;
      const piece = next.value;
      parts.push(piece.slice());
      // As the vault worker does when it sends a piece to the page: the buffer is moved, not copied.
      if (piece.byteOffset === 0 && piece.byteLength === piece.buffer.byteLength) {
        structuredClone(piece.buffer, { transfer: [piece.buffer as ArrayBuffer] });
        moved++;
      }
    }
    await done;
    expect(moved).toBeGreaterThan(10);
    const zip = await collect(new Blob(parts as Uint8Array<ArrayBuffer>[]).stream());
    const { dir, remove } = unzipWithSystemTool(zip);
    try {
      const sums = execFileSync('sha256sum', ['-c', '--strict', 'SHA256SUMS'], { cwd: dir }).toString();
      expect(sums).not.toMatch(/FAILED/);
    } finally {
      remove();
    }
  });

  it('writes a manifest with every item, file, option, custody entry and the signer', async () => {
    const sample = await sampleBundle();
    const { manifest } = sample.result;
    const sodium = await loadSodium();
    expect(manifest.format).toBe('bukti-bundle');
    expect(manifest.version).toBe(1);
    expect(manifest.bundleId).toMatch(/^[0-9a-f-]{36}$/);
    expect(manifest.createdAt).toEqual({
      utc: '2025-04-11T01:30:00.000Z',
      local: '2025-04-11T09:30:00.000+08:00',
      timeZone: 'Asia/Kuala_Lumpur',
    });
    expect(manifest.signer.publicKey).toBe(sodium.to_hex(sample.signer.publicKey));
    expect(manifest.export).toEqual({
      sensitive: 'include',
      recipientNote: 'For the investigating officer',
      selection: { allItems: true, itemIds: sample.input.items.map((item) => item.id) },
    });
    expect(manifest.items.map((item) => item.details)).toEqual(
      sample.input.items.map((item) => item.details),
    );
    const files = manifest.items.flatMap((item) => item.files as IncludedFile[]);
    expect(files.map((file) => file.path)).toEqual([
      'evidence/001-screenshot-2025-04-10-at-14-03.png',
      'evidence/002-img-0001.jpg',
      'evidence/003-file.bin',
      'evidence/004-clip.mp4',
      'evidence/005-notes.txt',
    ]);
    expect(files[0]).toMatchObject({
      mime: 'image/png',
      originalName: 'Screenshot 2025-04-10 at 14.03.png',
      size: 40_000,
    });
    // The other case's entry stays out of the manifest; the case entry and one per item are in.
    expect(manifest.custody.map((entry) => entry.seq)).toEqual([0, 2, 3, 4, 5]);
  });

  it('ends custody-log.jsonl with the export entry, in a chain that verifies with other entries redacted', async () => {
    const sample = await sampleBundle();
    const { dir, remove } = unzipWithSystemTool(sample.zip);
    try {
      const text = readFileSync(join(dir, 'custody-log.jsonl'), 'utf8');
      const manifestSha = execFileSync('sha256sum', ['manifest.json'], { cwd: dir }).toString().slice(0, 64);
      const { records } = parseCustodyLog(text);
      const chain = await verifySubsequence(records, { trustedKey: sample.signer.publicKey });
      expect(chain).toMatchObject({ ok: true, count: 7, redacted: 1 });
      expect(records[6]).toMatchObject({
        event: 'exported',
        seq: 6,
        details: {
          bundleId: sample.result.bundleId,
          manifestSha256: manifestSha,
          items: 4,
          sensitive: 'include',
        },
      });
      expect(text).not.toContain('a'.repeat(64));
    } finally {
      remove();
    }
  });

  it('leaves out sensitive files under the omit policy, listing them by hash only', async () => {
    const sample = await sampleBundle({ sensitive: 'omit' });
    const sensitive = sample.result.manifest.items[1];
    expect(sensitive?.files).toEqual(
      sample.input.items[1]?.files.map((file) => ({ omitted: true, sha256: file.sha256 })),
    );
    const { dir, zipPath, remove } = unzipWithSystemTool(sample.zip);
    try {
      const names = execFileSync('unzip', ['-Z1', zipPath]).toString();
      expect(names).toMatch(ORDER);
      expect(names).not.toContain('img-0001');
      expect(names).toContain('evidence/002-clip.mp4');
      execFileSync('sha256sum', ['-c', '--strict', 'SHA256SUMS'], { cwd: dir });
    } finally {
      remove();
    }
  });

  it('refuses a file that is not its captured size, and a signer that signs wrongly', async () => {
    const signer = await makeSigner();
    const { input, bytes, append } = await sampleInput(signer);
    const plan = await planBundle(input, signer.publicKey);
    const changed = new Map([...bytes].map(([id, content]) => [id, chunked(content)]));
    const first = plan.files[1]?.file.id as string;
    // A changed byte is the vault's to refuse (authenticated decryption); a short read is caught here.
    const altered = (bytes.get(first) as Uint8Array).slice(0, -1);
    changed.set(first, chunked(altered));
    const sources = { files: changed, report: chunked(new Uint8Array(10)), recordExport: append };
    const broken = sealBundle(plan, sources, { signer });
    await expect(collect(broken.stream)).rejects.toThrow();
    expect(await failure(broken.done)).toBe('bundle.seal.fileChanged');

    const files = new Map([...bytes].map(([id, content]) => [id, chunked(content)]));
    const liar = { publicKey: signer.publicKey, sign: async () => pseudoRandomBytes(64, 3) };
    const lying = sealBundle(plan, { ...sources, files }, { signer: liar });
    await expect(collect(lying.stream)).rejects.toThrow();
    expect(await failure(lying.done)).toBe('bundle.seal.signerFailed');
  });

  it('stops on abort, closes the file being read, and reports progress to the end otherwise', async () => {
    const signer = await makeSigner();
    const { input, bytes, append } = await sampleInput(signer);
    const plan = await planBundle(input, signer.publicKey);
    const controller = new AbortController();
    let closed = false;
    const slow = async function* () {
      try {
        for (let i = 0; i < 1000; i++) yield new Uint8Array(1000);
      } finally {
        closed = true;
      }
    };
    const sources = { files: new Map(), report: slow, recordExport: append };
    const aborted = sealBundle(plan, sources, { signer, signal: controller.signal });
    const reader = aborted.stream.getReader();
    await reader.read();
    await reader.read();
    controller.abort();
    expect(await failure(aborted.done)).toBe('bundle.seal.cancelled');
    await expect(reader.read()).rejects.toMatchObject({ code: 'bundle.seal.cancelled' });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(closed).toBe(true);

    const progress: SealProgress[] = [];
    const files = new Map([...bytes].map(([id, content]) => [id, chunked(content)]));
    const sealing = sealBundle(
      plan,
      { files, report: chunked(new Uint8Array(5)), recordExport: append },
      {
        signer,
        onProgress: (step) => progress.push(step),
      },
    );
    const zip = await collect(sealing.stream);
    const last = progress[progress.length - 1];
    expect(last).toMatchObject({ entriesDone: 12, entriesTotal: 12, bytesWritten: zip.length });
    expect(new Set(progress.map((step) => step.entry)).size).toBe(12);
  });
});

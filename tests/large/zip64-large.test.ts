import { execFileSync } from 'node:child_process';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openFileSource } from '../../src/cli/file-source';
import { planBundle } from '../../src/core/bundle/plan';
import { sealBundle } from '../../src/core/bundle/seal';
import { verifyBundle } from '../../src/core/bundle/verify';
import { loadSodium } from '../../src/core/crypto/sodium';
import { makeSigner, sampleInput, tempDir } from '../unit/bundle/fixtures';

const LARGE = 4 * 2 ** 30 + 2 ** 20;
const CHUNK = 2 ** 20;

/** A 4 GiB + 1 MiB "video", generated chunk by chunk so it never exists in memory. */
function largeFile() {
  return async function* () {
    for (let at = 0; at < LARGE; at += CHUNK) yield new Uint8Array(CHUNK).fill((at / CHUNK) & 255);
  };
}

// Writes and reads 4 GiB (minutes on two cores), so it is not in npm test: run npm run test:large.
describe('a bundle over 4 GiB', () => {
  it('is written as Zip64 in bounded memory, and verifies intact with Bukti and Info-ZIP unzip', async () => {
    const sodium = await loadSodium();
    const signer = await makeSigner();
    const { input, append } = await sampleInput(signer);
    const state = sodium.crypto_hash_sha256_init();
    for await (const chunk of largeFile()()) sodium.crypto_hash_sha256_update(state, chunk);
    const sha256 = sodium.to_hex(sodium.crypto_hash_sha256_final(state));
    const item = input.items[0];
    if (!item) throw new Error('sample has no item');
    const id = crypto.randomUUID();
    item.files = [
      { id, sha256, size: LARGE, mimeType: 'video/mp4', originalName: 'long.mp4', facts: { hasGps: false } },
    ];
    input.items = [item];
    const temp = tempDir();
    try {
      const path = join(temp.dir, 'large.zip');
      const plan = await planBundle(input, signer.publicKey);
      const rssBefore = process.memoryUsage().rss;
      let rssPeak = rssBefore;
      const handle = await open(path, 'w');
      const { stream, done } = sealBundle(
        plan,
        { files: new Map([[id, largeFile()]]), report: async function* () {}, recordExport: append },
        { signer, onProgress: () => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)) },
      );
      await stream.pipeTo(
        new WritableStream({
          write: async (chunk) => void (await handle.write(chunk)),
          close: () => handle.close(),
        }),
      );
      const result = await done;
      expect(result.size).toBeGreaterThan(2 ** 32);
      expect(rssPeak - rssBefore).toBeLessThan(128 * 2 ** 20);

      const opened = await openFileSource(path);
      const report = await verifyBundle(opened.source);
      await opened.close();
      expect(report.problems).toEqual([]);
      expect(report).toMatchObject({ status: 'intact', zip64: true });

      expect(execFileSync('unzip', ['-Z1', path]).toString()).toContain('evidence/001-long.mp4');
      const piped = execFileSync('sh', [
        '-c',
        `unzip -p "${path}" evidence/001-long.mp4 | sha256sum`,
      ]).toString();
      expect(piped.slice(0, 64)).toBe(sha256);
      expect(execFileSync('sha256sum', [path]).toString().slice(0, 64)).toBe(result.zipSha256);
    } finally {
      temp.remove();
    }
  }, 900_000);
});

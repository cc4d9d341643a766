import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeZip, predictLength } from 'client-zip';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crc32 } from '../../../src/core/zip/crc32';
import { writeZip, zipLength } from '../../../src/core/zip/writer';
import { collect, pseudoRandomBytes, tempDir } from './fixtures';

/** The pieces of `bytes` cut at `cuts` (offsets, any order). */
function cut(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const pieces: Uint8Array[] = [];
  let from = 0;
  for (const to of [...at, bytes.length]) {
    pieces.push(bytes.slice(from, to));
    from = to;
  }
  return pieces;
}

async function* each<T>(items: T[]): AsyncGenerator<T> {
  yield* items;
}

async function bytesOf(pieces: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const piece of pieces) parts.push(piece.slice());
  return new Uint8Array(Buffer.concat(parts));
}

const names = fc.constantFrom(
  'report.pdf',
  'evidence/001-skrin.png',
  'evidence/002-ugutan é 漢字.mp4',
  'SHA256SUMS',
  'VERIFY.txt',
);

const entries = fc.array(
  fc.record({
    name: names,
    size: fc.nat(70_000),
    seed: fc.nat(),
    cuts: fc.array(fc.nat(), { maxLength: 5 }),
    whole: fc.boolean(),
    // Any time from 1980 to 2107, the DOS range.
    time: fc.integer({ min: Date.UTC(1980, 1, 1), max: Date.UTC(2107, 0, 1) }),
  }),
  { maxLength: 6 },
);

describe('the bundle ZIP writer', () => {
  it('writes exactly the bytes client-zip writes (the bundles first made), and says its length before', async () => {
    await fc.assert(
      fc.asyncProperty(entries, async (list) => {
        const made = list.map((entry) => ({ ...entry, bytes: pseudoRandomBytes(entry.size, entry.seed) }));
        const ours = await bytesOf(
          writeZip(
            each(
              made.map((entry) => ({
                name: entry.name,
                input: entry.whole ? entry.bytes : each(cut(entry.bytes, entry.cuts)),
                lastModified: new Date(entry.time),
              })),
            ),
          ),
        );
        const theirs = await collect(
          makeZip(
            made.map((entry) => ({
              name: entry.name,
              input: entry.whole ? entry.bytes : each(cut(entry.bytes, entry.cuts)),
              lastModified: new Date(entry.time),
            })),
          ),
        );
        expect(Buffer.from(ours).equals(Buffer.from(theirs))).toBe(true);
        const sizes = made.map((entry) => ({ name: entry.name, size: entry.size }));
        expect(zipLength(sizes)).toBe(ours.length);
        expect(zipLength(sizes)).toBe(Number(predictLength(sizes)));
      }),
      { numRuns: 60 },
    );
  });

  it('says the Zip64 length exactly as client-zip does for sizes and offsets past 4 GiB', () => {
    const big = [
      { name: 'report.pdf', size: 2 ** 32 + 5 },
      { name: 'evidence/001-a.mp4', size: 7 },
      { name: 'evidence/002-b.mp4', size: 2 ** 32 - 1 },
      { name: 'VERIFY.txt', size: 100 },
    ];
    for (let n = 1; n <= big.length; n++)
      expect(zipLength(big.slice(0, n))).toBe(Number(predictLength(big.slice(0, n))));
  });

  it('hands out every piece finished: moving each away once read changes nothing later', async () => {
    const data = pseudoRandomBytes(300_000, 9);
    const pieces = cut(data, [1000, 70_000, 250_000]).map((piece) => piece.slice());
    const out: Uint8Array[] = [];
    for await (const piece of writeZip(
      each([{ name: 'a.bin', input: each(pieces), lastModified: new Date() }]),
    )) {
      out.push(piece.slice());
      // As the vault worker does when it sends a piece on: the buffer is moved away (detached).
      if (piece.byteOffset === 0 && piece.byteLength === piece.buffer.byteLength)
        structuredClone(piece.buffer, { transfer: [piece.buffer as ArrayBuffer] });
      else piece.fill(0);
    }
    const zip = new Uint8Array(Buffer.concat(out));
    const crcAt = zip.length - 22 - (46 + 5) + 16;
    expect(new DataView(zip.buffer).getUint32(crcAt, true)).toBe(crc32(data));
  });

  it('is read by Info-ZIP unzip, which finds every file intact', async () => {
    const { dir, remove } = tempDir();
    try {
      const files = [
        { name: 'report.pdf', input: pseudoRandomBytes(5000, 1) },
        { name: 'evidence/001-ugutan é.png', input: pseudoRandomBytes(1_200_000, 2) },
        { name: 'VERIFY.txt', input: new TextEncoder().encode('semak\n') },
      ];
      const zip = await bytesOf(writeZip(each(files.map((f) => ({ ...f, lastModified: new Date() })))));
      const path = join(dir, 'bundle.zip');
      writeFileSync(path, zip);
      const tested = execFileSync('unzip', ['-t', path]).toString();
      expect(tested).toContain('No errors detected');
    } finally {
      remove();
    }
  });
});

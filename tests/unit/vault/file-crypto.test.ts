import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CHUNK_SIZE,
  collectBytes,
  decryptFile,
  encryptFile,
  type FileManifest,
} from '../../../src/core/vault';
import { decodeManifest, encodeManifest, rechunk } from '../../../src/core/vault/file-crypto';
import { expectBuktiError, expectSameBytes, piecesOf, pseudoRandomBytes, sodium } from './helpers';

/** Encrypts into memory, as the bench harness would: no IndexedDB involved. */
async function encryptToMemory(bytes: Uint8Array, sizes: number[], fileId = 'file-a') {
  const s = await sodium();
  const key = s.crypto_secretstream_xchacha20poly1305_keygen();
  const { header, chunks } = encryptFile(s, key, fileId, piecesOf(bytes, sizes));
  const stored = new Map<number, Uint8Array>();
  let size = 0;
  for await (const chunk of chunks) {
    stored.set(chunk.index, chunk.value);
    size += chunk.plainLength;
  }
  const manifest: FileManifest = { header, chunks: stored.size, size };
  return { s, key, manifest, stored, fileId };
}

describe('rechunk', () => {
  it('cuts any input into full chunks and one final chunk, losing nothing (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 2000 }),
        fc.array(fc.integer({ min: 1, max: 700 }), { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 1, max: 256 }),
        fc.boolean(),
        fc.boolean(),
        async (length, sizes, chunkSize, reuse, whole) => {
          const bytes = pseudoRandomBytes(length, length + chunkSize);
          const out: { bytes: Uint8Array; last: boolean }[] = [];
          // With `reuse` every chunk comes in the same buffer: each is copied before the next is asked for.
          // Bytes handed over whole are cut into views of themselves.
          const source = whole ? bytes : piecesOf(bytes, sizes);
          for await (const chunk of rechunk(source, chunkSize, { reuse }))
            out.push({ ...chunk, bytes: chunk.bytes.slice() });
          expect(out.filter((c) => c.last)).toHaveLength(1);
          expect(out.at(-1)?.last).toBe(true);
          expect(out.slice(0, -1).every((c) => c.bytes.length === chunkSize)).toBe(true);
          expect(out.length).toBe(Math.max(1, Math.ceil(length / chunkSize)));
          expectSameBytes(Buffer.concat(out.map((c) => c.bytes)), bytes);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('refuses pieces that are not bytes', async () => {
    await expect(
      collectBytes(
        (async function* () {
          for await (const c of rechunk(['text' as unknown as Uint8Array])) yield c.bytes;
        })(),
      ),
    ).rejects.toThrow(TypeError);
  });
});

describe('encryptFile / decryptFile', () => {
  it('round-trip in memory', async () => {
    const bytes = pseudoRandomBytes(CHUNK_SIZE * 2 + 3, 4);
    const { s, key, manifest, stored, fileId } = await encryptToMemory(bytes, [CHUNK_SIZE / 4]);
    expect(manifest.chunks).toBe(3);
    const out = await collectBytes(decryptFile(s, key, fileId, manifest, async (i) => stored.get(i)));
    expectSameBytes(out, bytes);
  });

  it('detect a chunk count lowered or raised in an otherwise valid manifest', async () => {
    const { s, key, manifest, stored, fileId } = await encryptToMemory(
      pseudoRandomBytes(CHUNK_SIZE + 100, 9),
      [CHUNK_SIZE],
    );
    const read = async (i: number) => stored.get(i);
    const fewer = { ...manifest, chunks: manifest.chunks - 1, size: CHUNK_SIZE };
    await expectBuktiError(() => collectBytes(decryptFile(s, key, fileId, fewer, read)), 'vault.integrity');
    stored.set(2, stored.get(1) as Uint8Array);
    const more = { ...manifest, chunks: manifest.chunks + 1 };
    await expectBuktiError(() => collectBytes(decryptFile(s, key, fileId, more, read)), 'vault.integrity');
    const wrongSize = { ...manifest, size: manifest.size - 1 };
    await expectBuktiError(
      () => collectBytes(decryptFile(s, key, fileId, wrongSize, read)),
      'vault.integrity',
    );
    await expectBuktiError(
      () => collectBytes(decryptFile(s, key, fileId, { ...manifest, chunks: 0 }, read)),
      'vault.integrity',
    );
  });

  it('bind chunks to their file id', async () => {
    const { s, key, manifest, stored } = await encryptToMemory(pseudoRandomBytes(10, 1), [10], 'file-a');
    await expectBuktiError(
      () => collectBytes(decryptFile(s, key, 'file-b', manifest, async (i) => stored.get(i))),
      'vault.integrity',
    );
  });

  it('encode manifests byte for byte and refuse a wrong length', () => {
    const manifest = { header: new Uint8Array(24).fill(7), chunks: 3, size: 2 * CHUNK_SIZE + 10 };
    const bytes = encodeManifest(manifest);
    expect(bytes).toHaveLength(36);
    expect(decodeManifest(bytes)).toEqual(manifest);
    expect(() => decodeManifest(bytes.subarray(1))).toThrow('vault.integrity');
  });
});

import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { startSha256 } from '../../../src/core/bundle/hash';
import { loadSodium } from '../../../src/core/crypto/sodium';
import { isBuktiError } from '../../../src/core/errors';
import { hashStream, isSha256Hex, sha256Hex } from '../../../src/core/evidence/hash';

const encode = (text: string) => new TextEncoder().encode(text);
const nodeSha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function* chunked(bytes: Uint8Array, sizes: number[]): AsyncGenerator<Uint8Array> {
  let offset = 0;
  for (const size of sizes) {
    if (offset >= bytes.length) break;
    yield bytes.subarray(offset, offset + size);
    offset += size;
  }
  if (offset < bytes.length) yield bytes.subarray(offset);
}

describe('SHA-256', () => {
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    [
      'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq',
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    ],
  ])('matches the FIPS 180-2 vector for %j, one-shot and streamed', async (text, expected) => {
    expect(await sha256Hex(encode(text))).toBe(expected);
    expect(await hashStream(chunked(encode(text), [1, 2, 3]))).toEqual({
      sha256: expected,
      size: text.length,
    });
  });

  it('matches the one-million-a vector when streamed in uneven chunks', async () => {
    const million = new Uint8Array(1_000_000).fill(0x61);
    const result = await hashStream(chunked(million, [1, 63, 64, 65, 4095, 300_000]));
    expect(result).toEqual({
      sha256: 'cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0',
      size: 1_000_000,
    });
  });

  it('hashes one chunk larger than the slice size correctly', async () => {
    const big = new Uint8Array(2.5 * 1024 * 1024);
    for (let i = 0; i < big.length; i += 997) big[i] = i & 0xff;
    expect((await hashStream([big])).sha256).toBe(nodeSha256(big));
  });

  it('agrees with node:crypto on random data split at random points', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 5000 }),
        fc.array(fc.integer({ min: 0, max: 700 }), { maxLength: 12 }),
        async (bytes, sizes) => {
          const expected = nodeSha256(bytes);
          expect(await sha256Hex(bytes)).toBe(expected);
          expect(await hashStream(chunked(bytes, sizes))).toEqual({ sha256: expected, size: bytes.length });
        },
      ),
      { numRuns: 150 },
    );
  });

  it('gives the same digest from WebCrypto in one shot as from libsodium fed at random boundaries', async () => {
    const sodium = await loadSodium();
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 3000 }),
        fc.array(fc.nat(3000), { maxLength: 8 }),
        async (bytes, cuts) => {
          const hash = await startSha256();
          let from = 0;
          for (const cut of [...cuts.map((c) => c % (bytes.length + 1)), bytes.length].sort(
            (a, b) => a - b,
          )) {
            hash.update(bytes.subarray(from, cut));
            from = cut;
          }
          const expected = sodium.to_hex(sodium.crypto_hash_sha256(bytes));
          expect(hash.hex()).toBe(expected);
          expect(await sha256Hex(bytes)).toBe(expected);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('falls back to libsodium where WebCrypto is missing (a page served without HTTPS)', async () => {
    vi.stubGlobal('crypto', undefined);
    try {
      expect(await sha256Hex(encode('abc'))).toBe(
        'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
      );
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('reports a stream that fails part-way as capture.readFailed, never as a hash', async () => {
    async function* failing(): AsyncGenerator<Uint8Array> {
      yield encode('first part');
      throw new Error('NotReadableError');
    }
    const error = await hashStream(failing()).catch((caught: unknown) => caught);
    expect(isBuktiError(error, 'capture.readFailed')).toBe(true);
  });

  it('refuses chunks that are not bytes', async () => {
    const error = await hashStream(['text' as unknown as Uint8Array]).catch((caught: unknown) => caught);
    expect(isBuktiError(error, 'capture.readFailed')).toBe(true);
  });

  it('recognises only lowercase 64-digit hex as a SHA-256', () => {
    expect(isSha256Hex('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')).toBe(true);
    expect(isSha256Hex('E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855')).toBe(false);
    expect(isSha256Hex('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b85')).toBe(false);
    expect(isSha256Hex(42)).toBe(false);
  });
});

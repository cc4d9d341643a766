import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHUNK_SIZE, FORMAT_VERSION } from '../../../src/core/vault';
import { ChunkOpener } from '../../../src/core/vault/chunk-opener';
import { ChunkSealer } from '../../../src/core/vault/chunk-sealer';
import { expectSameBytes, pseudoRandomBytes, sodium } from './helpers';

const MESSAGE = 0;
const FINAL = 3;

/** Seals `chunks` in one stream and opens them again, recycling each stored buffer as the vault does. */
async function sealAndOpen(chunks: Uint8Array[], raw: boolean) {
  const s = await sodium();
  const key = s.crypto_secretstream_xchacha20poly1305_keygen();
  const { state, header } = s.crypto_secretstream_xchacha20poly1305_init_push(key);
  const sealer = new ChunkSealer(s, state, { raw });
  const stored: Uint8Array[] = [];
  chunks.forEach((plain, i) => {
    const value = sealer.seal(plain, Uint8Array.of(i, 1, 2), i === chunks.length - 1 ? FINAL : MESSAGE);
    // What IndexedDB keeps is a copy taken at `put`; the buffer then carries a later chunk.
    stored.push(value.slice());
    sealer.recycle(value.buffer);
  });
  sealer.dispose();
  const pull = s.crypto_secretstream_xchacha20poly1305_init_pull(header, key);
  return stored.map((value, i) => {
    expect(value[0]).toBe(FORMAT_VERSION);
    const opened = s.crypto_secretstream_xchacha20poly1305_pull(
      pull,
      value.subarray(1),
      Uint8Array.of(i, 1, 2),
    );
    if (opened === false) throw new Error(`chunk ${i} did not open`);
    return opened;
  });
}

describe('ChunkSealer', () => {
  it('seals chunks that open in order, through WebAssembly memory or the wrappers (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 70_000 }), { minLength: 1, maxLength: 5 }),
        fc.integer(),
        fc.boolean(),
        async (sizes, seed, raw) => {
          const chunks = sizes.map((size, i) => pseudoRandomBytes(size, seed + i));
          const opened = await sealAndOpen(chunks, raw);
          opened.forEach(({ message, tag }, i) => {
            expectSameBytes(message, chunks[i] as Uint8Array);
            expect(tag).toBe(i === chunks.length - 1 ? FINAL : MESSAGE);
          });
        },
      ),
      { numRuns: 60 },
    );
  });

  it('reuses recycled full-size buffers without changing chunks already stored', async () => {
    const chunks = [0, 1, 2, 3].map((seed) => pseudoRandomBytes(CHUNK_SIZE, seed));
    for (const raw of [true, false]) {
      const opened = await sealAndOpen([...chunks, pseudoRandomBytes(10, 9)], raw);
      for (const [i, { message }] of opened.slice(0, 4).entries())
        expectSameBytes(message, chunks[i] as Uint8Array);
    }
    const s = await sodium();
    const { state } = s.crypto_secretstream_xchacha20poly1305_init_push(
      s.crypto_secretstream_xchacha20poly1305_keygen(),
    );
    const sealer = new ChunkSealer(s, state);
    const first = sealer.seal(chunks[0] as Uint8Array, new Uint8Array(3), MESSAGE);
    sealer.recycle(first.buffer);
    const second = sealer.seal(chunks[1] as Uint8Array, new Uint8Array(3), MESSAGE);
    expect(second.buffer).toBe(first.buffer);
    // A short final chunk's buffer is never pooled, nor is a detached one.
    const short = sealer.seal(new Uint8Array(5), new Uint8Array(3), FINAL);
    sealer.recycle(short.buffer);
    // As a chunk writer hands buffers over: the original is detached, the transferred one comes back.
    const detached = structuredClone(second.buffer, { transfer: [second.buffer] });
    sealer.recycle(second.buffer);
    sealer.recycle(detached);
    const third = sealer.seal(chunks[2] as Uint8Array, new Uint8Array(3), MESSAGE);
    expect(third.buffer).toBe(detached);
    expect(third.buffer).not.toBe(short.buffer);
    sealer.dispose();
  });

  it('zeroes the plaintext it copied into WebAssembly memory when disposed', async () => {
    const s = await sodium();
    const heap = () => (s as unknown as { libsodium: { HEAPU8: Uint8Array } }).libsodium.HEAPU8;
    const marker = new TextEncoder().encode('bukti-sealer-marker-7f3a9c'.repeat(4));
    const plain = new Uint8Array(CHUNK_SIZE);
    plain.set(marker, 12_345);
    const { state } = s.crypto_secretstream_xchacha20poly1305_init_push(
      s.crypto_secretstream_xchacha20poly1305_keygen(),
    );
    const sealer = new ChunkSealer(s, state, { raw: true });
    sealer.seal(plain, new Uint8Array(3), FINAL);
    const contains = () => Buffer.from(heap()).indexOf(Buffer.from(marker)) !== -1;
    expect(contains()).toBe(true);
    sealer.dispose();
    expect(contains()).toBe(false);
  });

  it('refuses a chunk larger than the chunk size', async () => {
    const s = await sodium();
    const { state } = s.crypto_secretstream_xchacha20poly1305_init_push(
      s.crypto_secretstream_xchacha20poly1305_keygen(),
    );
    const sealer = new ChunkSealer(s, state);
    expect(() => sealer.seal(new Uint8Array(CHUNK_SIZE + 1), new Uint8Array(3), FINAL)).toThrow(RangeError);
    sealer.dispose();
  });
});

describe('ChunkOpener', () => {
  it('opens chunks in the buffer they were read into, and refuses a changed one', async () => {
    const s = await sodium();
    const key = s.crypto_secretstream_xchacha20poly1305_keygen();
    const { state, header } = s.crypto_secretstream_xchacha20poly1305_init_push(key);
    const sealer = new ChunkSealer(s, state);
    const plain = [pseudoRandomBytes(CHUNK_SIZE, 41), pseudoRandomBytes(1000, 42)];
    // As IndexedDB gives them back: each stored chunk in a fresh buffer of its own.
    const stored = plain.map((bytes, i) =>
      sealer.seal(bytes, Uint8Array.of(i), i === plain.length - 1 ? FINAL : MESSAGE).slice(),
    );
    sealer.dispose();
    const opener = new ChunkOpener(s, s.crypto_secretstream_xchacha20poly1305_init_pull(header, key));
    const buffers = stored.map((value) => value.buffer);
    stored.forEach((value, i) => {
      const opened = opener.open(value, Uint8Array.of(i));
      if (opened === false) throw new Error(`chunk ${i} did not open`);
      expectSameBytes(opened.message, plain[i] as Uint8Array);
      expect(opened.message.buffer).toBe(buffers[i]);
      expect(opened.message.byteOffset).toBe(0);
      expect(opened.tag).toBe(i === plain.length - 1 ? FINAL : MESSAGE);
    });
    opener.dispose();

    // One flipped byte, and the next stream refuses it, as the wrappers' pull does.
    const again = s.crypto_secretstream_xchacha20poly1305_init_push(key);
    const sealer2 = new ChunkSealer(s, again.state);
    const value = sealer2.seal(plain[1] as Uint8Array, new Uint8Array(3), FINAL).slice();
    sealer2.dispose();
    value[500] = (value[500] ?? 0) ^ 1;
    const opener2 = new ChunkOpener(s, s.crypto_secretstream_xchacha20poly1305_init_pull(again.header, key));
    expect(opener2.open(value, new Uint8Array(3))).toBe(false);
    opener2.dispose();
  });
});

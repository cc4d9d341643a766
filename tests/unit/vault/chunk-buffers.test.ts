import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ChunkBuffers,
  keepsBlobsSafely,
  readChunkBlob,
  STORED_CHUNK_MAX,
} from '../../../src/core/vault/chunk-buffers';
import { expectBuktiError, expectSameBytes, pseudoRandomBytes } from './helpers';

const blobOf = (bytes: Uint8Array) => new Blob([bytes.slice()]);

/** A Blob whose stream fails, as one whose file is gone from the browser profile. */
class GoneBlob extends Blob {
  override stream(): ReadableStream<Uint8Array<ArrayBuffer>> {
    return new ReadableStream({
      type: 'bytes',
      pull(controller) {
        controller.error(new DOMException('The file could not be read.', 'NotReadableError'));
      },
    });
  }
}

/** A Blob whose stream is not a byte stream (no reading into buffers of ours), as in some browsers. */
class PlainStreamBlob extends Blob {
  override stream(): ReadableStream<Uint8Array<ArrayBuffer>> {
    const bytes = this.arrayBuffer();
    return new ReadableStream({
      async start(controller) {
        controller.enqueue(new Uint8Array(await bytes));
        controller.close();
      },
    });
  }
}

describe('reading stored chunks into reused buffers', () => {
  it('reads any chunk size exactly, whether or not earlier chunks were given back', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.integer({ min: 0, max: STORED_CHUNK_MAX }), fc.boolean()), {
          minLength: 1,
          maxLength: 6,
        }),
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        async (reads, seed) => {
          const buffers = new ChunkBuffers();
          for (const [i, [size, giveBack]] of reads.entries()) {
            const stored = pseudoRandomBytes(size, seed + i);
            const read = await readChunkBlob(blobOf(stored), buffers);
            expectSameBytes(read, stored);
            if (giveBack) buffers.give(read);
          }
        },
      ),
      { numRuns: 25 },
    );
  });

  it('zeroes a chunk given back at once and reads the next chunk into its buffer', async () => {
    const buffers = new ChunkBuffers();
    const first = await readChunkBlob(blobOf(pseudoRandomBytes(1000, 1)), buffers);
    buffers.give(first);
    expect(first.every((byte) => byte === 0)).toBe(true);
    const second = await readChunkBlob(blobOf(pseudoRandomBytes(500, 2)), buffers);
    expectSameBytes(second, pseudoRandomBytes(500, 2));
    // Reading into it moved the buffer away from the view handed out first.
    expect(first.byteLength).toBe(0);
  });

  it('takes back only buffers it lent, and each once', async () => {
    const buffers = new ChunkBuffers();
    const stranger = pseudoRandomBytes(STORED_CHUNK_MAX + 1, 3);
    buffers.give(stranger);
    expectSameBytes(stranger, pseudoRandomBytes(STORED_CHUNK_MAX + 1, 3));

    const read = await readChunkBlob(blobOf(pseudoRandomBytes(64, 4)), buffers);
    buffers.give(read);
    // Given back twice: the second time is ignored, so the buffer is lent to one reader only.
    buffers.give(read);
    const a = await readChunkBlob(blobOf(pseudoRandomBytes(64, 5)), buffers);
    const b = await readChunkBlob(blobOf(pseudoRandomBytes(64, 6)), buffers);
    expect(a.buffer).not.toBe(b.buffer);
    expectSameBytes(a, pseudoRandomBytes(64, 5));
    expectSameBytes(b, pseudoRandomBytes(64, 6));
  });

  it('refuses a stored chunk larger than any the vault writes', async () => {
    await expectBuktiError(
      () => readChunkBlob(blobOf(new Uint8Array(STORED_CHUNK_MAX + 1)), new ChunkBuffers()),
      'vault.integrity',
    );
  });

  it('says the file is missing when the browser cannot read the Blob back', async () => {
    await expectBuktiError(
      () => readChunkBlob(new GoneBlob([new Uint8Array(10)]), new ChunkBuffers()),
      'vault.fileMissing',
    );
  });

  it('reads into a fresh buffer where the Blob stream is not a byte stream, or without a pool', async () => {
    const stored = pseudoRandomBytes(4096, 7);
    expectSameBytes(await readChunkBlob(new PlainStreamBlob([stored.slice()]), new ChunkBuffers()), stored);
    expectSameBytes(await readChunkBlob(blobOf(stored), undefined), stored);
  });
});

describe('where chunks are kept as Blobs', () => {
  it('not in WebKit (Safari, every browser on iOS); in Chromium, Firefox and Node', () => {
    const webkit = [
      'Mozilla/5.0 (iPhone; CPU iPhone OS 18_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.4 Mobile/15E148 Safari/604.1',
      'Mozilla/5.0 (iPhone; CPU iPhone OS 18_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/136.0.7103.56 Mobile/15E148 Safari/604.1',
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.4 Safari/605.1.15',
    ];
    const others = [
      'Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/136.0.0.0 Mobile Safari/537.36',
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/142.0.0.0 Safari/537.36',
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:138.0) Gecko/20100101 Firefox/138.0',
      '',
    ];
    expect(webkit.map((ua) => keepsBlobsSafely(ua))).toEqual([false, false, false]);
    expect(others.map((ua) => keepsBlobsSafely(ua))).toEqual([true, true, true, true]);
  });
});

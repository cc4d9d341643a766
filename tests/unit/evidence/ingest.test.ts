import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AsyncSha256Factory, sha256OnThisThread } from '../../../src/core/bundle/hash';
import { HASHING_ON_THIS_THREAD, ingestFile, WHOLE_READ_BYTES } from '../../../src/core/evidence/ingest';
import { collectBytes, type FileSource } from '../../../src/core/vault';

const MiB = 1024 * 1024;
const nodeSha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function pseudoRandom(size: number, seed: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size);
  let x = seed | 1;
  for (let i = 0; i < size; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    bytes[i] = x >>> 24;
  }
  return bytes;
}

/** What the vault would be handed: every byte of the source, in order. */
async function kept(source: FileSource): Promise<Uint8Array> {
  return source instanceof Uint8Array ? source.slice() : collectBytes(source as AsyncIterable<Uint8Array>);
}

/** A Blob that counts the bytes read from it, and can fail its `failAt`-th read. */
function watchedBlob(bytes: Uint8Array<ArrayBuffer>, failAt = Number.POSITIVE_INFINITY) {
  const stats = { bytesRead: 0, reads: 0 };
  const wrap = (blob: Blob): Blob =>
    ({
      size: blob.size,
      type: blob.type,
      slice: (start?: number, end?: number) => wrap(blob.slice(start, end)),
      arrayBuffer: async () => {
        stats.reads++;
        if (stats.reads >= failAt) throw new DOMException('The file changed on disk', 'NotReadableError');
        const buffer = await blob.arrayBuffer();
        stats.bytesRead += buffer.byteLength;
        return buffer;
      },
    }) as Blob;
  return { blob: wrap(new Blob([bytes])), stats };
}

describe('ingestFile', () => {
  it('hashes exactly the bytes it hands over to be stored, small or large (property)', async () => {
    const sizes = fc.oneof(
      fc.integer({ min: 1, max: 4096 }),
      fc.integer({ min: WHOLE_READ_BYTES - 3, max: WHOLE_READ_BYTES + 3 }),
      fc.integer({ min: WHOLE_READ_BYTES + 1, max: WHOLE_READ_BYTES + 5 * MiB }),
    );
    await fc.assert(
      fc.asyncProperty(sizes, fc.nat(), async (size, seed) => {
        const bytes = pseudoRandom(size, seed);
        let stored: Uint8Array | undefined;
        const result = await ingestFile(new Blob([bytes]), async (source) => {
          stored = await kept(source);
        });
        expect(stored?.length).toBe(size);
        expect(Buffer.from(stored as Uint8Array).equals(Buffer.from(bytes))).toBe(true);
        expect(result.sha256).toBe(nodeSha256(bytes));
        expect(result.size).toBe(size);
      }),
      { numRuns: 12 },
    );
  });

  it('reads a small file once: its facts come from the same bytes', async () => {
    const png = new Uint8Array(3 * MiB);
    png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    png.set([0, 0, 4, 0x38, 0, 0, 9, 0x24], 16);
    const { blob, stats } = watchedBlob(png);
    const result = await ingestFile(blob, kept);
    expect(stats).toEqual({ bytesRead: png.length, reads: 1 });
    expect(result.facts).toMatchObject({ width: 1080, height: 2340 });
  });

  it('reads a large file slice by slice, never more than two slices ahead of the store', async () => {
    const bytes = pseudoRandom(WHOLE_READ_BYTES + 7 * MiB, 5);
    const { blob, stats } = watchedBlob(bytes);
    let worstLead = 0;
    let consumed = 0;
    const result = await ingestFile(blob, async (source) => {
      for await (const piece of source as AsyncIterable<Uint8Array>) {
        consumed += piece.length;
        worstLead = Math.max(worstLead, stats.bytesRead - consumed);
      }
    });
    expect(result.sha256).toBe(nodeSha256(bytes));
    expect(consumed).toBe(bytes.length);
    expect(worstLead).toBeGreaterThan(0);
    expect(worstLead).toBeLessThanOrEqual(2 * 2 * MiB);
  });

  it('fails, and gives no digest, when the file cannot be read part-way', async () => {
    const { blob } = watchedBlob(pseudoRandom(WHOLE_READ_BYTES + 3 * MiB, 9), 3);
    let storeSawFailure = false;
    const outcome = ingestFile(blob, async (source) => {
      try {
        await kept(source);
      } catch (error) {
        storeSawFailure = true;
        throw error;
      }
    });
    await expect(outcome).rejects.toMatchObject({ name: 'NotReadableError' });
    expect(storeSawFailure).toBe(true);
  });

  it('hashes a large file with the hasher it is given, and abandons it when storing fails', async () => {
    const bytes = pseudoRandom(WHOLE_READ_BYTES + 3 * MiB + 5, 31);
    const log: string[] = [];
    const counting: AsyncSha256Factory = async () => {
      const inner = await sha256OnThisThread();
      return {
        update: async (piece) => {
          log.push(`update ${piece.length}`);
          await inner.update(piece);
        },
        hex: async () => {
          log.push('hex');
          return inner.hex();
        },
        abandon: () => {
          log.push('abandon');
          inner.abandon();
        },
      };
    };
    const hashing = { ...HASHING_ON_THIS_THREAD, stream: counting };
    const read = await ingestFile(new Blob([bytes]), kept, {}, hashing);
    expect(read.sha256).toBe(nodeSha256(bytes));
    expect(log.at(-1)).toBe('hex');
    expect(log.filter((line) => line.startsWith('update')).length).toBeGreaterThan(1);

    log.length = 0;
    const failing = async (source: FileSource) => {
      await kept(source);
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    await expect(ingestFile(new Blob([bytes]), failing, {}, hashing)).rejects.toThrow('quota');
    expect(log.at(-1)).toBe('abandon');
    expect(log).not.toContain('hex');
  });

  it('hands a small file to the whole-file hasher only once it is stored and read', async () => {
    const bytes = pseudoRandom(300_000, 32);
    const order: string[] = [];
    const read = await ingestFile(
      new Blob([bytes]),
      async (source) => {
        await kept(source);
        order.push('stored');
      },
      {},
      {
        ...HASHING_ON_THIS_THREAD,
        whole: async (given) => {
          order.push('hashed');
          const hex = nodeSha256(given);
          // The hasher may take the bytes over (the browser's transfers them to a worker).
          given.fill(0);
          return hex;
        },
      },
    );
    expect(order).toEqual(['stored', 'hashed']);
    expect(read).toMatchObject({ sha256: nodeSha256(bytes), size: bytes.length });
  });
});

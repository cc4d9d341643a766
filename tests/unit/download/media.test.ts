import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isMediaOffer,
  MEDIA_OFFER,
  mediaHeaders,
  mediaId,
  parseRange,
  previewContentType,
} from '../../../src/core/download/media';
import { MediaReads } from '../../../src/core/service/media-reads';

const ID = '3f2b8c1e-9d4a-4e6b-8f0c-1a2b3c4d5e6f';

describe('preview ranges (Range header → bytes)', () => {
  it('reads the forms a media element sends, and refuses what starts past the end', () => {
    expect(parseRange(null, 100)).toBeNull();
    expect(parseRange('bytes=0-', 100)).toEqual({ start: 0, end: 99 });
    expect(parseRange('bytes=10-19', 100)).toEqual({ start: 10, end: 19 });
    expect(parseRange('bytes=90-500', 100)).toEqual({ start: 90, end: 99 });
    expect(parseRange('bytes=-30', 100)).toEqual({ start: 70, end: 99 });
    expect(parseRange('bytes=-300', 100)).toEqual({ start: 0, end: 99 });
    expect(parseRange('bytes=100-', 100)).toBe('unsatisfiable');
    expect(parseRange('bytes=-0', 100)).toBe('unsatisfiable');
    for (const ignored of ['bytes=5-2', 'bytes=0-1,5-6', 'items=0-1', 'bytes=x-', 'bytes=-'])
      expect(parseRange(ignored, 100), ignored).toBeNull();
  });

  it('any range it accepts lies inside the file', () => {
    fc.assert(
      fc.property(fc.nat(10_000), fc.string(), (size, header) => {
        const range = parseRange(header, size);
        if (range === null || range === 'unsatisfiable') return;
        expect(range.start).toBeGreaterThanOrEqual(0);
        expect(range.end).toBeLessThan(size);
        expect(range.start).toBeLessThanOrEqual(range.end);
      }),
    );
  });

  it('offers only media types, never caches, and cannot be opened as a page', () => {
    expect(previewContentType('Video/MP4; codecs=avc1')).toBe('video/mp4');
    expect(previewContentType('text/html')).toBeNull();
    expect(previewContentType('application/pdf')).toBeNull();
    const offer = { type: MEDIA_OFFER, id: ID, size: 100, contentType: 'image/svg+xml' } as const;
    expect(isMediaOffer(offer)).toBe(true);
    expect(isMediaOffer({ ...offer, contentType: 'text/html' })).toBe(false);
    expect(isMediaOffer({ ...offer, id: '../x' })).toBe(false);
    expect(mediaId(`/media/${ID}`)).toBe(ID);
    expect(mediaId('/media/../download')).toBeNull();
    expect(mediaHeaders(offer, { start: 10, end: 19 })).toMatchObject({
      'Content-Length': '10',
      'Content-Range': 'bytes 10-19/100',
      'Cache-Control': 'no-store',
      'Content-Security-Policy': "sandbox; default-src 'none'",
      'X-Content-Type-Options': 'nosniff',
    });
  });
});

describe('reading a range of a file for a preview', () => {
  /** A file of `size` bytes (byte i = i mod 251) read in chunks of `chunk` bytes, counting chunks opened. */
  function fileOf(size: number, chunk: number) {
    const opened = { chunks: 0, closed: false };
    async function* read(): AsyncGenerator<Uint8Array> {
      try {
        for (let at = 0; at < size; at += chunk) {
          opened.chunks++;
          yield Uint8Array.from({ length: Math.min(chunk, size - at) }, (_, i) => (at + i) % 251);
        }
      } finally {
        opened.closed = true;
      }
    }
    return { read, opened };
  }

  async function readAll(reads: MediaReads, handle: number): Promise<number[]> {
    const bytes: number[] = [];
    for (let piece = await reads.read(handle); piece; piece = await reads.read(handle)) bytes.push(...piece);
    return bytes;
  }

  it('hands out exactly the bytes asked for, and stops reading the file after them', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 1, max: 64 }),
        fc.nat(),
        fc.nat(),
        async (size, chunk, a, b) => {
          const start = a % size;
          const end = start + (b % (size - start));
          const file = fileOf(size, chunk);
          const reads = new MediaReads(file.read);
          const bytes = await readAll(reads, reads.open('f', start, end));
          expect(bytes).toEqual(Array.from({ length: end - start + 1 }, (_, i) => (start + i) % 251));
          expect(file.opened.chunks).toBe(Math.floor(end / chunk) + 1);
          expect(file.opened.closed).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('closes a range when asked and when the vault locks; a closed range reads as locked', async () => {
    const file = fileOf(100, 10);
    const reads = new MediaReads(file.read);
    const handle = reads.open('f', 0, 99);
    await reads.read(handle);
    reads.closeAll();
    await expect(reads.read(handle)).rejects.toMatchObject({ code: 'vault.locked' });
    expect(() => reads.open('f', 5, 4)).toThrow(RangeError);
  });
});

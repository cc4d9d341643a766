import fc from 'fast-check';
import jpeg from 'jpeg-js';
import { JpegEmbedder, PDFDocument, type PDFImage, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { buildReport, openReport } from '../../../src/core/report/build';
import { MemoryImageStore, type ReportImageStore } from '../../../src/core/report/image-store';
import { embedStoredJpeg, streamDocument } from '../../../src/core/report/pdf-stream';
import { collectBytes } from '../../../src/core/vault';
import { pdfText, qpdfCheck } from './fixtures';
import { sampleCase } from './sample';

/** A noisy JPEG (so it does not compress to nothing), `width` × `height`. */
function noisyJpeg(width: number, height: number, seed: number): Uint8Array {
  const data = new Uint8Array(width * height * 4);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < data.length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    data[i] = i % 4 === 3 ? 255 : x >>> 24;
  }
  return new Uint8Array(jpeg.encode({ width, height, data }, 90).data);
}

/** What one page of a test document shows: lines of text and images (by index into the JPEG list). */
interface PageScript {
  lines: string[];
  images: number[];
}

/**
 * Draws the same pages into a new document, placing each JPEG with `place` the first time a page
 * draws it (as the report embeds each prepared image once).
 */
async function drawScript(
  pages: PageScript[],
  jpegs: Uint8Array[],
  place: (doc: PDFDocument, bytes: Uint8Array) => Promise<PDFImage>,
): Promise<PDFDocument> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.setTitle('Streamed');
  doc.setCreationDate(new Date('2025-04-11T01:30:00Z'));
  for (const script of pages) {
    const page = doc.addPage([595.28, 841.89]);
    script.lines.forEach((line, index) => {
      page.drawText(line, { x: 56, y: 780 - 14 * index, size: 10, font });
    });
    for (const [index, which] of script.images.entries()) {
      const image = await place(doc, jpegs[which % jpegs.length] as Uint8Array);
      page.drawImage(image, { x: 56, y: 80 + 30 * index, width: 200, height: 150 });
    }
  }
  return doc;
}

/** A store that counts the images it holds and how many the reader has taken but not yet passed. */
class CountingStore implements ReportImageStore {
  readonly #inner = new MemoryImageStore();
  readonly #taken = new Set<Uint8Array>();
  held = 0;
  mostInFlight = 0;

  async put(bytes: Uint8Array): Promise<string> {
    this.held++;
    return this.#inner.put(bytes);
  }

  async take(key: string): Promise<Uint8Array> {
    const bytes = (await this.#inner.take(key)).slice();
    this.held--;
    this.#taken.add(bytes);
    this.mostInFlight = Math.max(this.mostInFlight, this.#taken.size);
    return bytes;
  }

  /** Called for every piece the reader gets: a taken image is let go once it has been passed on. */
  passed(piece: Uint8Array): void {
    this.#taken.delete(piece);
  }
}

/** Reads the stream as the vault's writer does: each piece is copied before the next is asked for. */
async function readCounting(pieces: AsyncGenerator<Uint8Array>, store: CountingStore): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const piece of pieces) {
    store.passed(piece);
    parts.push(piece.slice());
  }
  return collectBytes(
    (async function* () {
      yield* parts;
    })(),
  );
}

const jpegs = [noisyJpeg(320, 240, 1), noisyJpeg(120, 400, 2), noisyJpeg(700, 500, 3)];

const pageScripts = fc.array(
  fc.record({
    lines: fc.array(fc.string({ unit: fc.constantFrom(...'abc xyz 019.,-'.split('')), maxLength: 60 }), {
      maxLength: 8,
    }),
    images: fc.array(fc.nat(5), { maxLength: 3 }),
  }),
  { minLength: 1, maxLength: 12 },
);

describe('streamed PDF writing', () => {
  it('gives exactly the bytes pdf-lib save() gives for the same document', async () => {
    await fc.assert(
      fc.asyncProperty(pageScripts, async (pages) => {
        const saved = await (await drawScript(pages, jpegs, (doc, bytes) => doc.embedJpg(bytes))).save();
        const store = new CountingStore();
        const streamed = await streamDocument(
          await drawScript(pages, jpegs, async (doc, bytes) =>
            embedStoredJpeg(doc, await JpegEmbedder.for(bytes), { jpeg: bytes }, store),
          ),
          store,
        );
        expect(streamed.size).toBe(saved.length);
        const bytes = await readCounting(streamed.pieces(), store);
        expect(Buffer.from(bytes).equals(Buffer.from(saved))).toBe(true);
        expect(store.held).toBe(0);
        expect(store.mostInFlight).toBeLessThanOrEqual(1);
      }),
      { numRuns: 20 },
    );
  });

  it('writes a PDF qpdf accepts, with its text and every image, and can be read only once', async () => {
    const pages: PageScript[] = [
      { lines: ['First page of evidence'], images: [0, 1] },
      { lines: ['Second page', 'with two lines'], images: [2] },
    ];
    const store = new MemoryImageStore();
    const doc = await drawScript(pages, jpegs, async (d, bytes) =>
      embedStoredJpeg(d, await JpegEmbedder.for(bytes), { jpeg: bytes }, store),
    );
    const streamed = await streamDocument(doc, store);
    const pdf = await collectBytes(streamed.pieces());
    expect(qpdfCheck(pdf)).toContain('No syntax or stream encoding errors found');
    expect(pdfText(pdf)).toContain('Second page');
    for (const image of jpegs) expect(Buffer.from(pdf).includes(Buffer.from(image))).toBe(true);
    expect(() => streamed.pieces()).toThrow();
  });

  it('fails rather than write a PDF whose image changed length in the store', async () => {
    const inner = new MemoryImageStore();
    const shortened: ReportImageStore = {
      put: (bytes) => inner.put(bytes),
      take: async (key) => (await inner.take(key)).subarray(1),
    };
    const doc = await drawScript([{ lines: ['x'], images: [0] }], jpegs, async (d, bytes) =>
      embedStoredJpeg(d, await JpegEmbedder.for(bytes), { jpeg: bytes }, shortened),
    );
    await expect(collectBytes((await streamDocument(doc, shortened)).pieces())).rejects.toThrow(/length/);
  });
});

describe('the report as a stream', () => {
  it('keeps no image in the document: each waits in the store and is written one at a time', async () => {
    const sample = await sampleCase({ export: { sensitive: 'include' } });
    const store = new CountingStore();
    const report = await openReport(sample.input, await sample.deps({ imageStore: store }));
    // The screenshot and the photo; the video and the document are described in words.
    expect(store.held).toBe(2);
    const streamed = await readCounting(report.pieces(), store);
    expect(store.held).toBe(0);
    expect(store.mostInFlight).toBe(1);
    expect(streamed.length).toBe(report.size);
    const whole = await buildReport(sample.input, await sample.deps());
    expect(Buffer.from(streamed).equals(Buffer.from(whole))).toBe(true);
    expect(qpdfCheck(streamed)).toContain('No syntax or stream encoding errors found');
  });
});

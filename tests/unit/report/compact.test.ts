import fc from 'fast-check';
import { PDFDocument, type PDFPage, rgb, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { compactPage } from '../../../src/core/report/compact';

type Mark = { text: string; x: number; y: number; rule: boolean };

async function draw(pages: Mark[][], compact: boolean): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const drawn: PDFPage[] = [];
  const mark = (page: PDFPage, { text, x, y, rule }: Mark) => {
    page.drawText(text, { x, y, size: 9, font, color: rgb(0.1, 0.2, 0.3) });
    if (rule) page.drawLine({ start: { x, y }, end: { x: x + 50, y }, thickness: 0.5 });
  };
  for (const marks of pages) {
    const page = doc.addPage([595.28, 841.89]);
    drawn.push(page);
    for (const one of marks) mark(page, one);
    if (compact) compactPage(page);
  }
  // Drawing after compaction, as the report adds page numbers, headers and footers at the end.
  for (const [index, page] of drawn.entries()) {
    mark(page, { text: `Page ${index + 1}`, x: 56, y: 32, rule: index % 2 === 0 });
    if (compact) compactPage(page);
  }
  return doc.save();
}

const marks = fc.array(
  fc.array(
    fc.record({
      text: fc.string({ unit: fc.constantFrom(...'ab yz 09.()\\'.split('')), maxLength: 40 }),
      x: fc.integer({ min: 0, max: 500 }),
      y: fc.integer({ min: 0, max: 800 }),
      rule: fc.boolean(),
    }),
    { maxLength: 12 },
  ),
  { minLength: 1, maxLength: 6 },
);

describe('compacting a finished page', () => {
  it('leaves the saved PDF byte for byte the same, with drawing added after it', async () => {
    await fc.assert(
      fc.asyncProperty(marks, async (pages) => {
        const [plain, compacted] = [await draw(pages, false), await draw(pages, true)];
        expect(Buffer.from(compacted).equals(Buffer.from(plain))).toBe(true);
      }),
      { numRuns: 25 },
    );
  });

  it('keeps a page of many drawings as one run of bytes', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const page = doc.addPage();
    for (let line = 0; line < 50; line++) page.drawText(`line ${line}`, { x: 50, y: 800 - 14 * line, font });
    const operators = () =>
      (page as unknown as { contentStream: { operators: unknown[] } }).contentStream.operators.length;
    expect(operators()).toBeGreaterThan(100);
    compactPage(page);
    expect(operators()).toBe(1);
  });
});

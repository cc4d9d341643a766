import { readFileSync } from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
import fc from 'fast-check';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { padGlyphRecords } from '../../../src/core/report/font-padding';
import { renderPage } from './fixtures';

const NOTO = new Uint8Array(
  readFileSync(
    new URL(
      '../../../node_modules/@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
      import.meta.url,
    ),
  ),
);

/** Glyph records of a TrueType font as [offset, length] pairs, read from its loca table. */
function glyphRecords(font: Uint8Array): { glyf: number; records: [number, number][] } {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const tables = new Map<string, number>();
  for (let i = 0; i < view.getUint16(4); i++) {
    const at = 12 + i * 16;
    tables.set(String.fromCharCode(...font.subarray(at, at + 4)), view.getUint32(at + 8));
  }
  const head = tables.get('head') as number;
  const loca = tables.get('loca') as number;
  const long = view.getInt16(head + 50) === 1;
  const count = view.getUint16((tables.get('maxp') as number) + 4);
  const offset = (i: number) => (long ? view.getUint32(loca + i * 4) : view.getUint16(loca + i * 2) * 2);
  const records: [number, number][] = [];
  for (let i = 0; i < count; i++) records.push([offset(i), offset(i + 1) - offset(i)]);
  return { glyf: tables.get('glyf') as number, records };
}

/** Dark pixels when `text` is drawn at 24 pt in Noto Sans embedded from `bytes`. */
async function inkOf(bytes: Uint8Array, subset: boolean, text: string): Promise<number> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(bytes, { subset });
  doc.addPage([600, 80]).drawText(text, { x: 10, y: 30, size: 24, font });
  const page = renderPage(await doc.save(), 1, 72);
  let ink = 0;
  for (let i = 0; i < page.data.length; i += 4) if ((page.data[i] as number) < 128) ink++;
  return ink;
}

describe('padGlyphRecords', () => {
  it('pads every glyph record to four bytes and keeps each outline byte for byte', () => {
    const before = glyphRecords(NOTO);
    expect(before.records.some(([, length]) => length % 2 === 1)).toBe(true);
    const padded = padGlyphRecords(NOTO);
    const after = glyphRecords(padded);
    expect(after.records).toHaveLength(before.records.length);
    before.records.forEach(([offset, length], index) => {
      const [newOffset, newLength] = after.records[index] as [number, number];
      expect(newOffset % 4).toBe(0);
      expect(newLength - length).toBeGreaterThanOrEqual(0);
      expect(newLength - length).toBeLessThan(4);
      const original = NOTO.subarray(before.glyf + offset, before.glyf + offset + length);
      expect(
        Buffer.from(padded.subarray(after.glyf + newOffset, after.glyf + newOffset + length)).equals(
          original,
        ),
      ).toBe(true);
    });
    // The whole-file checksum rule of the TrueType spec holds, so strict font loaders accept it.
    const view = new DataView(padded.buffer, padded.byteOffset, padded.byteLength);
    let sum = 0;
    for (let i = 0; i < padded.length; i += 4) sum = (sum + view.getUint32(i)) >>> 0;
    expect(sum).toBe(0xb1b0afba);
    expect(fontkit.create(padded).numGlyphs).toBe(fontkit.create(NOTO).numGlyphs);
  });

  it('leaves fonts that need nothing, and anything that is not a font, untouched', () => {
    const padded = padGlyphRecords(NOTO);
    expect(padGlyphRecords(padded)).toBe(padded);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        expect(padGlyphRecords(bytes)).toBe(bytes);
      }),
      { numRuns: 300 },
    );
    const truncated = NOTO.slice(0, 5000);
    expect(padGlyphRecords(truncated)).toBe(truncated);
  });

  it('makes subset text render exactly as the full font does', async () => {
    const text = 'Evidence Report — Laporan Bukti 0123456789 Ąęł';
    const full = await inkOf(NOTO, false, text);
    const subset = await inkOf(padGlyphRecords(NOTO), true, text);
    expect(full).toBeGreaterThan(2000);
    expect(Math.abs(subset - full)).toBeLessThan(full * 0.01);
  });
});

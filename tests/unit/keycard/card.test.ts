import fc from 'fast-check';
import decodeQR from 'qr/decode.js';
import { describe, expect, it } from 'vitest';
import { loadNodeReportFonts } from '../../../scripts/report-node/deps';
import { formatFingerprint } from '../../../src/core/bundle/key';
import { fingerprintQr, keyCardPdf } from '../../../src/core/keycard/card';
import { layoutText, pdfText, renderPage, squash } from '../report/fixtures';

/** The modules drawn as black squares of `scale` pixels with a 4-module white border, as RGBA. */
function qrPixels(modules: boolean[][], scale = 4) {
  const side = (modules.length + 8) * scale;
  const data = new Uint8ClampedArray(side * side * 4).fill(255);
  modules.forEach((row, r) => {
    row.forEach((dark, c) => {
      if (!dark) return;
      for (let y = 0; y < scale; y++)
        for (let x = 0; x < scale; x++) {
          const at = (((r + 4) * scale + y) * side + (c + 4) * scale + x) * 4;
          data.fill(0, at, at + 3);
        }
    });
  });
  return { data, side };
}

const hex64 = fc
  .uint8Array({ minLength: 32, maxLength: 32 })
  .map((bytes) => Buffer.from(bytes).toString('hex'));

describe('the key card', () => {
  it('QR code gives back exactly the fingerprint (property)', () => {
    fc.assert(
      fc.property(hex64, (fingerprint) => {
        const { data, side } = qrPixels(fingerprintQr(fingerprint));
        expect(decodeQR({ width: side, height: side, data }, { format: 'RGBA' })).toBe(fingerprint);
      }),
      { numRuns: 40 },
    );
  });

  it('is one page in English and Malay with the fingerprint in groups, when the key was made, and a QR code of it', async () => {
    const fingerprint = '3b7f2c9e0a41d8566e12f0c4b9a7d3e18c2f5a60e4b1d79f03a6c8e2b5d71f49';
    const pdf = await keyCardPdf({
      fingerprint,
      madeAt: '2025-04-07T09:05:00.000Z',
      fonts: await loadNodeReportFonts(),
    });
    const text = pdfText(pdf);
    for (const phrase of [
      'Bukti key card',
      'Kad kunci Bukti',
      'Key made on 2025-04-07 09:05:00 UTC.',
      'Kunci dibuat pada 2025-04-07 09:05:00 UTC.',
      'This card holds no secret',
      'Kad ini tidak mengandungi rahsia',
    ])
      expect(squash(text)).toContain(squash(phrase));
    // The 16 groups of four, four to a line, as they are read aloud or compared on paper.
    const groups = formatFingerprint(fingerprint).split(' ');
    const layout = layoutText(pdf, 1);
    for (let row = 0; row < 16; row += 4)
      expect(layout).toMatch(new RegExp(groups.slice(row, row + 4).join('\\s+')));
    const page = renderPage(pdf, 1, 150);
    expect(decodeQR({ width: page.width, height: page.height, data: page.data }, { format: 'RGBA' })).toBe(
      fingerprint,
    );
  });

  it('says so when the time the key was made is not known', async () => {
    const pdf = await keyCardPdf({
      fingerprint: 'f'.repeat(64),
      madeAt: null,
      fonts: await loadNodeReportFonts(),
    });
    expect(squash(pdfText(pdf))).toContain(squash('When the key was made is not recorded on this device.'));
  });
});

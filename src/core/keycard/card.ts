import { PDFDocument, type PDFPage, rgb } from 'pdf-lib';
import encodeQR from 'qr';
import { formatFingerprint } from '../bundle/key';
import { type Locale, translate } from '../i18n';
import { embedReportFonts, type ReportFont } from '../report/fonts';
import type { ReportFonts } from '../report/types';

/** What the key card shows. */
export interface KeyCardInput {
  /** SHA-256 of the raw public signing key, 64 lowercase hex digits (src/core/bundle/key.ts). */
  fingerprint: string;
  /** UTC ISO time the key was made, or null when the vault does not know. */
  madeAt: string | null;
  fonts: ReportFonts;
}

const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = 56;
const INK = rgb(0.1, 0.1, 0.1);

/** The QR code's modules with the 4-module quiet zone readers need: the fingerprint as text, error correction M. */
export function fingerprintQr(fingerprint: string): boolean[][] {
  return encodeQR(fingerprint, 'raw', { ecc: 'medium', border: 4 });
}

/** Words wrapped to `width` points. */
function lines(font: ReportFont, text: string, size: number, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of font.drawable(text).split(' ')) {
    const next = line ? `${line} ${word}` : word;
    if (line && font.width(next, size) > width) {
      out.push(line);
      line = word;
    } else line = next;
  }
  if (line) out.push(line);
  return out;
}

function drawQr(page: PDFPage, modules: boolean[][], x: number, top: number, side: number): void {
  const cell = side / modules.length;
  modules.forEach((row, r) => {
    row.forEach((dark, c) => {
      if (dark)
        page.drawRectangle({
          x: x + c * cell,
          y: top - (r + 1) * cell,
          width: cell,
          height: cell,
          color: INK,
        });
    });
  });
}

/**
 * The key card: one A4 page, in English and Bahasa Malaysia, that a survivor hands to the police officer
 * or lawyer at the first report. It shows the fingerprint of the key that signs her bundles (in groups
 * of four, and as a QR code), when the key was made and what it is for; it holds no secret.
 */
export async function keyCardPdf(input: KeyCardInput): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const both = (key: Parameters<typeof translate>[1]) => `${translate('en', key)} / ${translate('ms', key)}`;
  doc.setTitle(both('keycard.title'));
  doc.setProducer('Bukti');
  const fonts = await embedReportFonts(doc, input.fonts);
  const page = doc.addPage([PAGE.width, PAGE.height]);
  const width = PAGE.width - 2 * MARGIN;
  let y = PAGE.height - MARGIN;
  const write = (text: string, font: ReportFont, size: number, gap = 4) => {
    for (const line of lines(font, text, size, width)) {
      y -= size + 2;
      page.drawText(line, { x: MARGIN, y, size, font: font.pdf, color: INK });
    }
    y -= gap;
  };
  const made = input.madeAt ? input.madeAt.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC') : null;
  for (const locale of ['en', 'ms'] as Locale[]) {
    const say = (key: Parameters<typeof translate>[1], params = {}) => translate(locale, key, params);
    write(say('keycard.title'), fonts.bold, 18, 8);
    write(say('keycard.purpose'), fonts.regular, 11, 4);
    write(say('keycard.check'), fonts.regular, 11, 4);
    write(made ? say('keycard.made', { time: made }) : say('keycard.madeUnknown'), fonts.regular, 11, 14);
  }
  write(both('keycard.fingerprint'), fonts.bold, 12, 6);
  const groups = formatFingerprint(input.fingerprint).split(' ');
  for (let row = 0; row < groups.length; row += 4)
    write(groups.slice(row, row + 4).join('  '), fonts.mono, 20, 2);
  y -= 16;
  const side = 170;
  drawQr(page, fingerprintQr(input.fingerprint), MARGIN + 8, y - 8, side);
  y -= side + 32;
  write(`${translate('en', 'keycard.noSecret')} ${translate('ms', 'keycard.noSecret')}`, fonts.regular, 10);
  return doc.save({ useObjectStreams: false });
}

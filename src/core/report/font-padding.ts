/**
 * Works around a bug in @pdf-lib/fontkit 1.1.1's TrueType subsetting: it writes the subset's `loca`
 * table in the short format (offsets halved) without padding glyph records to an even length, so one
 * odd-length glyph shifts every later glyph and text renders with letters missing. Noto Sans has over a
 * thousand odd-length glyph records. Padding every record to a multiple of four bytes beforehand makes
 * the halved offsets exact; the glyph outlines themselves are copied unchanged.
 */

interface TableRecord {
  tag: string;
  offset: number;
  length: number;
}

function readTables(view: DataView): TableRecord[] | undefined {
  if (view.byteLength < 12) return undefined;
  const version = view.getUint32(0);
  // TrueType outlines only: 0x00010000 or 'true'. CFF fonts ('OTTO') have no glyf table to fix.
  if (version !== 0x00010000 && version !== 0x74727565) return undefined;
  const count = view.getUint16(4);
  if (12 + count * 16 > view.byteLength) return undefined;
  const tables: TableRecord[] = [];
  for (let i = 0; i < count; i++) {
    const at = 12 + i * 16;
    const tag = String.fromCharCode(
      view.getUint8(at),
      view.getUint8(at + 1),
      view.getUint8(at + 2),
      view.getUint8(at + 3),
    );
    const offset = view.getUint32(at + 8);
    const length = view.getUint32(at + 12);
    if (offset + length > view.byteLength) return undefined;
    tables.push({ tag, offset, length });
  }
  return tables;
}

function checksum(bytes: Uint8Array): number {
  const padded = new Uint8Array(Math.ceil(bytes.length / 4) * 4);
  padded.set(bytes);
  const view = new DataView(padded.buffer);
  let sum = 0;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + view.getUint32(i)) >>> 0;
  return sum;
}

const pad4 = (length: number) => Math.ceil(length / 4) * 4;

/** Glyph offsets from `loca` (short or long format), or undefined if they are inconsistent. */
function glyphOffsets(
  font: Uint8Array,
  loca: TableRecord,
  longFormat: boolean,
  glyphs: number,
): number[] | undefined {
  const view = new DataView(font.buffer, font.byteOffset + loca.offset, loca.length);
  if (loca.length < (glyphs + 1) * (longFormat ? 4 : 2)) return undefined;
  const offsets: number[] = [];
  for (let i = 0; i <= glyphs; i++)
    offsets.push(longFormat ? view.getUint32(i * 4) : view.getUint16(i * 2) * 2);
  for (let i = 0; i < glyphs; i++) if ((offsets[i + 1] as number) < (offsets[i] as number)) return undefined;
  return offsets;
}

/**
 * `font` with every glyph record padded to a multiple of four bytes and a long-format `loca`. Returns
 * the input unchanged when it is not a TrueType font, is malformed, or needs no padding.
 */
export function padGlyphRecords(font: Uint8Array): Uint8Array {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const tables = readTables(view);
  const find = (tag: string) => tables?.find((table) => table.tag === tag);
  const [head, maxp, loca, glyf] = [find('head'), find('maxp'), find('loca'), find('glyf')];
  if (!tables || !head || !maxp || !loca || !glyf || head.length < 54 || maxp.length < 6) return font;
  const longFormat = view.getInt16(head.offset + 50) === 1;
  const glyphs = view.getUint16(maxp.offset + 4);
  const offsets = glyphOffsets(font, loca, longFormat, glyphs);
  if (!offsets || (offsets[glyphs] as number) > glyf.length) return font;
  if (longFormat && offsets.every((offset) => offset % 4 === 0)) return font;

  const newLoca = new Uint8Array((glyphs + 1) * 4);
  const locaView = new DataView(newLoca.buffer);
  let size = 0;
  for (let i = 0; i < glyphs; i++) size += pad4((offsets[i + 1] as number) - (offsets[i] as number));
  const newGlyf = new Uint8Array(size);
  let at = 0;
  for (let i = 0; i < glyphs; i++) {
    locaView.setUint32(i * 4, at);
    const start = glyf.offset + (offsets[i] as number);
    const length = (offsets[i + 1] as number) - (offsets[i] as number);
    newGlyf.set(font.subarray(start, start + length), at);
    at += pad4(length);
  }
  locaView.setUint32(glyphs * 4, at);
  const newHead = font.slice(head.offset, head.offset + head.length);
  const headView = new DataView(newHead.buffer);
  headView.setInt16(50, 1);
  headView.setUint32(8, 0);

  const bodies = tables.map((table) =>
    table.tag === 'glyf'
      ? newGlyf
      : table.tag === 'loca'
        ? newLoca
        : table.tag === 'head'
          ? newHead
          : font.subarray(table.offset, table.offset + table.length),
  );
  const headerSize = 12 + tables.length * 16;
  const out = new Uint8Array(headerSize + bodies.reduce((sum, body) => sum + pad4(body.length), 0));
  const outView = new DataView(out.buffer);
  out.set(font.subarray(0, 12));
  let offset = headerSize;
  bodies.forEach((body, index) => {
    const record = 12 + index * 16;
    // Same tag, new checksum, offset and length.
    out.set(font.subarray(record, record + 4), record);
    outView.setUint32(record + 4, checksum(body));
    outView.setUint32(record + 8, offset);
    outView.setUint32(record + 12, body.length);
    out.set(body, offset);
    offset += pad4(body.length);
  });
  const headOffset = outView.getUint32(12 + tables.indexOf(head) * 16 + 8);
  outView.setUint32(headOffset + 8, (0xb1b0afba - checksum(out)) >>> 0);
  return out;
}

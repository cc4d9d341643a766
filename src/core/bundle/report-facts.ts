import { inflate } from 'pako';

/** Reads `length` bytes of report.pdf at `offset` (within the stored entry). */
export type ReadPdf = (offset: number, length: number) => Promise<Uint8Array>;

const latin1 = new TextDecoder('latin1');
const HEAD = 4096;
/** An Info dictionary, its object stream and the cross-reference stream are all small in the app's reports. */
const MAX_STREAM = 4 * 2 ** 20;

interface PdfObject {
  dict: string;
  /** Offset of the stream's first byte, when the object has one. */
  streamAt?: number;
}

async function objectAt(read: ReadPdf, size: number, offset: number): Promise<PdfObject | undefined> {
  if (offset < 0 || offset >= size) return undefined;
  const text = latin1.decode(await read(offset, Math.min(HEAD, size - offset)));
  const match = /^\s*\d+\s+\d+\s+obj\s*<<([\s\S]*?)>>\s*(stream\r?\n)?/.exec(text);
  if (!match) return undefined;
  return { dict: match[1] as string, streamAt: match[2] ? offset + match[0].length : undefined };
}

async function streamOf(read: ReadPdf, size: number, object: PdfObject): Promise<Uint8Array | undefined> {
  const length = Number(/\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(object.dict)?.[1]);
  if (
    object.streamAt === undefined ||
    !(length > 0) ||
    length > MAX_STREAM ||
    object.streamAt + length > size
  )
    return undefined;
  const raw = await read(object.streamAt, length);
  if (!/\/Filter\s*\/FlateDecode/.test(object.dict)) return raw;
  try {
    const out = inflate(raw);
    return out.length <= MAX_STREAM ? out : undefined;
  } catch {
    return undefined;
  }
}

const numbers = (text: string | undefined) => (text ?? '').trim().split(/\s+/).filter(Boolean).map(Number);

/** Where object `wanted` is, from a cross-reference stream: [type, field 2, field 3]. */
function xrefRow(dict: string, rows: Uint8Array, wanted: number): [number, number, number] | undefined {
  const widths = numbers(/\/W\s*\[([^\]]*)\]/.exec(dict)?.[1]);
  const size = Number(/\/Size\s+(\d+)/.exec(dict)?.[1]);
  const index = numbers(/\/Index\s*\[([^\]]*)\]/.exec(dict)?.[1] ?? `0 ${size}`);
  if (widths.length !== 3 || widths.some((w) => !(w >= 0 && w <= 8))) return undefined;
  const width = widths.reduce((a, b) => a + b, 0);
  let row = 0;
  for (let i = 0; i + 1 < index.length; i += 2) {
    const [first, count] = [index[i] as number, index[i + 1] as number];
    if (wanted >= first && wanted < first + count) {
      const at = (row + wanted - first) * width;
      if (at + width > rows.length) return undefined;
      const fields: number[] = [];
      let p = at;
      for (const w of widths) {
        let value = 0;
        for (let k = 0; k < w; k++) value = value * 256 + (rows[p++] as number);
        fields.push(value);
      }
      return [widths[0] === 0 ? 1 : (fields[0] as number), fields[1] as number, fields[2] as number];
    }
    row += count;
  }
  return undefined;
}

/** A PDF string (literal or hex, PDFDocEncoding or UTF-16BE with its mark) as text. */
function pdfString(token: string): string {
  let bytes: number[];
  if (token.startsWith('<')) {
    const hex = token.slice(1, -1).replace(/\s/g, '');
    bytes = (hex.match(/../g) ?? []).map((pair) => Number.parseInt(pair, 16));
  } else {
    bytes = [...token.slice(1, -1).replace(/\\([nrtbf()\\])/g, '$1')].map((char) => char.charCodeAt(0) & 255);
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    let text = '';
    for (let i = 2; i + 1 < bytes.length; i += 2)
      text += String.fromCharCode(((bytes[i] as number) << 8) | (bytes[i + 1] as number));
    return text;
  }
  return String.fromCharCode(...bytes);
}

/**
 * The Keywords of report.pdf's Info dictionary, where the app writes the bundle id and the signing
 * key's fingerprint. Reads only the trailer, the cross-reference stream and one object stream, in the
 * form pdf-lib writes; undefined for any other form (the report is then simply not compared).
 */
export async function reportKeywords(read: ReadPdf, size: number): Promise<string | undefined> {
  const tail = latin1.decode(await read(Math.max(0, size - 1024), Math.min(1024, size)));
  const startxref = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail)?.[1]);
  const xref = await objectAt(read, size, startxref);
  if (!xref || !/\/Type\s*\/XRef/.test(xref.dict)) return undefined;
  const info = Number(/\/Info\s+(\d+)\s+0\s+R/.exec(xref.dict)?.[1]);
  const rows = await streamOf(read, size, xref);
  const where = rows && xrefRow(xref.dict, rows, info);
  if (!rows || !where) return undefined;
  let dict: string | undefined;
  if (where[0] === 1) dict = (await objectAt(read, size, where[1]))?.dict;
  else if (where[0] === 2) {
    const container = xrefRow(xref.dict, rows, where[1]);
    const stream = container?.[0] === 1 ? await objectAt(read, size, container[1]) : undefined;
    const body = stream && (await streamOf(read, size, stream));
    const first = Number(/\/First\s+(\d+)/.exec(stream?.dict ?? '')?.[1]);
    if (!body || !(first > 0)) return undefined;
    const text = latin1.decode(body);
    const pairs = numbers(text.slice(0, first));
    for (let i = 0; i + 1 < pairs.length; i += 2) {
      if (pairs[i] !== info) continue;
      const end = i + 3 < pairs.length ? first + (pairs[i + 3] as number) : text.length;
      dict = text.slice(first + (pairs[i + 1] as number), end);
    }
  }
  const token = dict && /\/Keywords\s*(<[0-9A-Fa-f\s]*>|\((?:\\.|[^\\)])*\))/.exec(dict)?.[1];
  return token ? pdfString(token) : undefined;
}

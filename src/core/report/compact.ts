import type { PDFContentStream, PDFOperator, PDFPage } from 'pdf-lib';

const NEWLINE = 0x0a;

/**
 * A run of content-stream operators already written out as the bytes pdf-lib would write for them.
 * pdf-lib keeps every drawing operator of every page as objects until the document is saved (about
 * 100 KB per report page); a finished page's run kept as bytes is a few KB.
 */
function writtenOperators(bytes: Uint8Array): PDFOperator {
  const written = {
    sizeInBytes: () => bytes.length,
    copyBytesInto: (buffer: Uint8Array, offset: number) => {
      buffer.set(bytes, offset);
      return bytes.length;
    },
    toString: () => new TextDecoder('latin1').decode(bytes),
  };
  return written as unknown as PDFOperator;
}

/**
 * Replaces the drawing operators of `page` so far by their bytes. The content stream writes each
 * operator followed by a newline, so the run is written with the newlines between its operators and
 * the stream adds the last one: the page's bytes in the PDF do not change, and later drawing on the
 * page (page numbers, header and footer) is added after the run as usual.
 */
export function compactPage(page: PDFPage): void {
  // Both are private in pdf-lib's types: the page's one content stream, and that stream's operators.
  const stream = (page as unknown as { contentStream?: PDFContentStream }).contentStream;
  const operators = (stream as unknown as { operators?: PDFOperator[] } | undefined)?.operators;
  if (!operators || operators.length < 2) return;
  const size = operators.reduce((sum, operator) => sum + operator.sizeInBytes() + 1, 0) - 1;
  const bytes = new Uint8Array(size);
  let offset = 0;
  operators.forEach((operator, index) => {
    offset += operator.copyBytesInto(bytes, offset);
    if (index < operators.length - 1) bytes[offset++] = NEWLINE;
  });
  if (offset !== size) throw new Error('A page operator wrote a different size than it announced.');
  operators.splice(0, operators.length, writtenOperators(bytes));
}

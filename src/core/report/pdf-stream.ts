import {
  type JpegEmbedder,
  type PDFContext,
  type PDFDict,
  type PDFDocument,
  type PDFHeader,
  PDFImage,
  type PDFObject,
  PDFRawStream,
  type PDFRef,
  PDFStream,
  PDFStreamWriter,
  type PDFTrailer,
} from 'pdf-lib';
import { concatBytes } from '../vault/format';
import type { ReportImageStore } from './image-store';

/** A PDF whose bytes are produced as they are read. */
export interface ReportStream {
  /** Exact length of the PDF in bytes, known before any is produced. */
  size: number;
  /**
   * The PDF piece by piece; each stored image is taken from its store when its turn comes. Every piece is
   * the reader's: nothing here reads or changes it once handed out. Read once.
   */
  pieces(): AsyncGenerator<Uint8Array>;
}

/** Small objects are gathered into pieces of about this size; images go out as they are. */
const PIECE_BYTES = 256 * 1024;
/** pdf-lib's default for `save()`; it only sets how often the planning lets other work run. */
const OBJECTS_PER_TICK = 50;

const ascii = (text: string) => new TextEncoder().encode(text);
const NEWLINE = 0x0a;

/** An image XObject whose JPEG waits in a store: its dictionary and length, but no bytes. */
class StoredImage extends PDFStream {
  constructor(
    dict: PDFDict,
    readonly key: string,
    readonly length: number,
  ) {
    super(dict);
  }

  override getContentsSize(): number {
    return this.length;
  }

  override getContents(): Uint8Array {
    throw new Error('A stored report image is only read when the PDF is streamed.');
  }

  override getContentsString(): string {
    return this.getContents().toString();
  }
}

/**
 * Adds a parsed JPEG as `doc.embedJpg` would (the next object number, the same image dictionary), but
 * with its bytes in `store` instead of the document (put there now, unless the store keeps them
 * already under `image.stored`). Draw the returned image as usual.
 */
export async function embedStoredJpeg(
  doc: PDFDocument,
  embedder: JpegEmbedder,
  image: { jpeg: Uint8Array; stored?: string },
  store: ReportImageStore,
): Promise<PDFImage> {
  const { jpeg } = image;
  const key = image.stored ?? (await store.put(jpeg));
  const ref = doc.context.nextRef();
  await embedder.embedIntoContext(doc.context, ref);
  const stream = doc.context.lookup(ref);
  if (!(stream instanceof PDFRawStream)) throw new Error('pdf-lib did not make an image stream.');
  doc.context.assign(ref, new StoredImage(stream.dict, key, jpeg.length));
  return PDFImage.of(ref, doc, embedder);
}

/** What pdf-lib's PDFStreamWriter plans before it writes: every top-level object in file order. */
interface Plan {
  size: number;
  header: PDFHeader;
  indirectObjects: [PDFRef, PDFObject][];
  trailer: PDFTrailer;
}

/** The bytes of `size` laid down by `copy` (pdf-lib's `copyBytesInto`). */
function bytesOf(size: number, copy: (buffer: Uint8Array) => number): Uint8Array {
  const buffer = new Uint8Array(size);
  if (copy(buffer) !== size) throw new Error('A PDF object wrote a different size than it announced.');
  return buffer;
}

/** `n g obj\n`, the object, `\nendobj\n\n`: how PDFWriter frames every top-level object. */
function framed(ref: PDFRef, object: PDFObject): Uint8Array {
  const head = ascii(`${ref.objectNumber} ${ref.generationNumber} obj\n`);
  const body = bytesOf(object.sizeInBytes(), (buffer) => object.copyBytesInto(buffer, 0));
  return concatBytes(head, body, ascii('\nendobj\n\n'));
}

/** A stored image's frame up to its first content byte: `n g obj\n<<…>>\nstream\n`. */
function imageStart(ref: PDFRef, image: StoredImage): Uint8Array {
  image.updateDict();
  const dict = bytesOf(image.dict.sizeInBytes(), (buffer) => image.dict.copyBytesInto(buffer, 0));
  return concatBytes(ascii(`${ref.objectNumber} ${ref.generationNumber} obj\n`), dict, ascii('\nstream\n'));
}

/** Gathers small byte runs into pieces of about PIECE_BYTES, each in a buffer of its own. */
class Gather {
  #parts: Uint8Array[] = [];
  #bytes = 0;

  /** Adds `bytes`; returns a full piece to hand out, if one is ready. */
  add(bytes: Uint8Array): Uint8Array[] {
    this.#parts.push(bytes);
    this.#bytes += bytes.length;
    return this.#bytes >= PIECE_BYTES ? this.flush() : [];
  }

  /** Whatever is gathered, as one piece (none when empty). */
  flush(): Uint8Array[] {
    if (this.#bytes === 0) return [];
    const piece = this.#parts.length === 1 ? (this.#parts[0] as Uint8Array) : concatBytes(...this.#parts);
    this.#parts = [];
    this.#bytes = 0;
    return [piece];
  }
}

/**
 * The planned objects in order, each let go (by the plan and by the document's context) once it is
 * written, so the laid-out document shrinks as the PDF streams instead of living until the export ends.
 */
function* releasing(plan: Plan, context: PDFContext): Generator<[PDFRef, PDFObject]> {
  const objects = plan.indirectObjects.reverse();
  plan.indirectObjects = [];
  for (let next = objects.pop(); next; next = objects.pop()) {
    yield next;
    context.delete(next[0]);
  }
}

async function* write(plan: Plan, context: PDFContext, store: ReportImageStore): AsyncGenerator<Uint8Array> {
  const gather = new Gather();
  let written = 0;
  const out = (pieces: Uint8Array[]) => {
    for (const piece of pieces) written += piece.length;
    return pieces;
  };
  const header = plan.header;
  const start = bytesOf(header.sizeInBytes() + 2, (buffer) => {
    const length = header.copyBytesInto(buffer, 0);
    buffer.fill(NEWLINE, length, length + 2);
    return length + 2;
  });
  yield* out(gather.add(start));
  for (const [ref, object] of releasing(plan, context)) {
    if (!(object instanceof StoredImage)) {
      yield* out(gather.add(framed(ref, object)));
      continue;
    }
    yield* out(gather.add(imageStart(ref, object)));
    yield* out(gather.flush());
    const jpeg = await store.take(object.key);
    if (jpeg.length !== object.length) throw new Error('A stored report image changed length.');
    yield* out([jpeg]);
    yield* out(gather.add(ascii('\nendstream\nendobj\n\n')));
  }
  const trailer = plan.trailer;
  yield* out(gather.add(bytesOf(trailer.sizeInBytes(), (buffer) => trailer.copyBytesInto(buffer, 0))));
  yield* out(gather.flush());
  // Every offset in the cross-reference stream was computed from the planned size of each object.
  if (written !== plan.size) throw new Error('The streamed PDF is not the planned length.');
}

/**
 * Finishes `doc` as `doc.save()` does (fonts subset and embedded, pages flushed) and plans its bytes
 * with pdf-lib's own PDFStreamWriter (object streams and a cross-reference stream), then writes them
 * object by object, in the same order and framing, so the bytes are exactly those `save()` would give
 * had every stored image been embedded with `embedJpg`. `save()` also adds a page to an empty document
 * and refreshes form fields; the report always has pages and never has a form.
 */
export async function streamDocument(doc: PDFDocument, store: ReportImageStore): Promise<ReportStream> {
  await doc.flush();
  const writer = PDFStreamWriter.forContext(doc.context, OBJECTS_PER_TICK);
  // computeBufferSize is protected in pdf-lib's types: it is the planning half of serializeToBuffer.
  const plan = await (writer as unknown as { computeBufferSize(): Promise<Plan> }).computeBufferSize();
  // Held only until the pieces are asked for: the writer lets go of each object once it is written.
  let unread: { plan: Plan; context: PDFContext } | undefined = { plan, context: doc.context };
  return {
    size: plan.size,
    pieces: () => {
      if (!unread) throw new Error('A report stream can be read once.');
      const { plan: planned, context } = unread;
      unread = undefined;
      return write(planned, context, store);
    },
  };
}

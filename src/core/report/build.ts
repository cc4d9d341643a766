import { PDFDocument } from 'pdf-lib';
import { loadSodium } from '../crypto/sodium';
import { entryHashWith } from '../custody/entry';
import { BuktiError, isBuktiError } from '../errors';
import { showBidiControls } from '../text/display';
import { collectBytes } from '../vault/file-crypto';
import { cancelledError, checkCancelled, type ReportContext } from './context';
import { embedReportFonts } from './fonts';
import { chronological, groupedHex } from './format';
import { MemoryImageStore } from './image-store';
import { type ReportStream, streamDocument } from './pdf-stream';
import { ImagePrefetcher } from './prefetch';
import { writeAccounts, writeStatement } from './sections/case';
import { writeCover } from './sections/cover';
import { fullEntries, writeCustodyLog } from './sections/custody';
import { writeDeclaration } from './sections/declaration';
import { writeEvidenceIndex } from './sections/evidence-index';
import { writeItem } from './sections/item';
import { writeVerification } from './sections/verify';
import { REPORT_FORMAT_VERSION, type ReportDeps, type ReportInput } from './types';
import { Words } from './words';
import { ReportWriter } from './writer';

/** Lone UTF-16 surrogates (from broken input) as U+FFFD, so metadata strings are well formed. */
function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

function setMetadata(doc: PDFDocument, input: ReportInput, words: Words): void {
  const app = `${input.app.name} ${input.app.version}`;
  doc.setTitle(wellFormed(`${words.label('report.title')} — ${showBidiControls(input.case.title)}`));
  doc.setSubject(words.label('report.meta.subject', { bundleId: input.bundleId }));
  // The verifier compares these two with the bundle, so a report moved from another bundle is named.
  doc.setKeywords([input.app.name, input.bundleId, input.signer.fingerprint]);
  doc.setCreator(app);
  doc.setProducer(`${app} (report format ${REPORT_FORMAT_VERSION}, pdf-lib)`);
  doc.setLanguage(words.language === 'ms' ? 'ms-MY' : 'en-MY');
  const created = new Date(input.createdAt.utc);
  // The bundle's own time, not "now": the same bundle always yields the same report bytes.
  if (!Number.isNaN(created.getTime())) {
    doc.setCreationDate(created);
    doc.setModificationDate(created);
  }
}

/** Draws the page numbers that were only known once every page was laid out. */
function fillPending(ctx: ReportContext): void {
  for (const pending of ctx.pending) {
    const value = pending.value();
    const text = value === undefined ? '—' : String(value);
    const x = pending.right - ctx.writer.widthOf(text, pending.style);
    ctx.writer.drawLine(pending.page, text, pending.style, x, pending.baseline);
  }
}

function footer(ctx: ReportContext): (page: number, pages: number) => string {
  const { words, input } = ctx;
  const key = groupedHex(input.signer.fingerprint.slice(0, 16));
  return (page, pages) =>
    `${words.label('report.footer.bundle')} ${input.bundleId} · ${words.label('report.footer.page', { page, pages })} · ${words.label('report.footer.key')} ${key}`;
}

async function layOut(input: ReportInput, deps: ReportDeps): Promise<ReportStream> {
  const store = deps.imageStore ?? new MemoryImageStore();
  const words = new Words(input.language ?? 'both');
  const doc = await PDFDocument.create({ updateMetadata: false });
  const writer = new ReportWriter(doc, await embedReportFonts(doc, deps.fonts));
  const items = chronological(input.items);
  const sodium = await loadSodium();
  const ctx: ReportContext = {
    doc,
    input,
    deps,
    words,
    writer,
    items,
    numberOf: new Map(items.map((item, index) => [item.id, index + 1])),
    entryHashes: new Map(fullEntries(input.custody).map((entry) => [entry, entryHashWith(sodium, entry)])),
    sectionPages: new Map(),
    itemPages: new Map(),
    pending: [],
    images: new ImagePrefetcher(deps, items, input.export.sensitive),
    store,
  };
  writeCover(ctx);
  writeStatement(ctx);
  writeAccounts(ctx);
  writeEvidenceIndex(ctx);
  try {
    for (const [index, item] of items.entries()) {
      checkCancelled(ctx);
      ctx.images.ahead(index);
      await writeItem(ctx, item, index + 1);
      deps.onProgress?.(index + 1, items.length);
    }
  } finally {
    ctx.images.clear();
  }
  writeCustodyLog(ctx);
  writeVerification(ctx);
  writeDeclaration(ctx);
  fillPending(ctx);
  writer.decorate(`${words.label('report.title')} — ${showBidiControls(input.case.title)}`, footer(ctx));
  setMetadata(doc, input, words);
  checkCancelled(ctx);
  return streamDocument(doc, store);
}

/** `report.pieces()`, with any failure that is not already a BuktiError as `report.failed`. */
async function* piecesOf(report: ReportStream): AsyncGenerator<Uint8Array> {
  try {
    yield* report.pieces();
  } catch (error) {
    if (isBuktiError(error)) throw error;
    throw new BuktiError('report.failed', {}, { cause: error });
  }
}

/**
 * The police-report PDF of a bundle (docs/report.md): A4, bilingual labels, embedded subset Noto
 * fonts, every text searchable. It is laid out at once, its images put in `deps.imageStore` as they
 * are prepared, and its bytes produced only as `pieces()` is read. Fails only with `report.cancelled`,
 * `report.fontsUnreadable` or `report.failed` (or the store's own error); an image that cannot be
 * read or decoded is shown as not rendered instead.
 */
export async function openReport(input: ReportInput, deps: ReportDeps): Promise<ReportStream> {
  if (deps.signal?.aborted) throw cancelledError();
  try {
    const report = await layOut(input, deps);
    return { size: report.size, pieces: () => piecesOf(report) };
  } catch (error) {
    if (isBuktiError(error)) throw error;
    throw new BuktiError('report.failed', {}, { cause: error });
  }
}

/** The whole report in one array (`openReport` read to its end), for the CLI and tests. */
export async function buildReport(input: ReportInput, deps: ReportDeps): Promise<Uint8Array> {
  return collectBytes((await openReport(input, deps)).pieces());
}

import { JpegEmbedder, type PDFImage } from 'pdf-lib';
import { isBuktiError } from '../../errors';
import { type Locale, type MessageKey, type MessageParams, translate } from '../../i18n';
import { boxLines, checkCancelled, type ReportContext } from '../context';
import { durationText, sizeText } from '../format';
import { embedStoredJpeg } from '../pdf-stream';
import {
  isReportFile,
  type PreparedImage,
  REPORT_IMAGE_MAX_EDGE,
  type ReportFile,
  type ReportItem,
  type ReportOmittedFile,
} from '../types';
import { COLORS, CONTENT_WIDTH, leading, MARGIN_X, STYLES, type StyledLine } from '../writer';

/** An image shorter than this is moved to the next page rather than squeezed. */
const MIN_IMAGE_HEIGHT = 220;
/** Small images are enlarged at most this much (points per pixel), so they are not blown up into blocks. */
const MAX_SCALE = 2;

type Embedded = { image: PDFImage; width: number; height: number };

/** The prepared JPEG and pdf-lib's reading of it, or null when it cannot be read, decoded or parsed. */
async function prepareJpeg(
  prepare: () => Promise<PreparedImage | null>,
): Promise<{ prepared: PreparedImage; embedder: JpegEmbedder } | null> {
  try {
    const prepared = await prepare();
    if (!prepared || !(prepared.width > 0 && prepared.height > 0)) return null;
    return { prepared, embedder: await JpegEmbedder.for(prepared.jpeg) };
  } catch (error) {
    if (isBuktiError(error, 'report.cancelled')) throw error;
    // Deliberately not rethrown: the notice drawn instead names the file and its hash.
    return null;
  }
}

/**
 * The original's bytes through the ImagePreparer into a JPEG placed in the PDF (its bytes waiting in
 * the image store), or null when it cannot be read or decoded: one bad file is shown as "could not be
 * rendered" and the export goes on. A store that fails (storage full) fails the report.
 */
async function embedImage(
  ctx: ReportContext,
  prepare: () => Promise<PreparedImage | null>,
): Promise<Embedded | null> {
  checkCancelled(ctx);
  const jpeg = await prepareJpeg(prepare);
  if (!jpeg) return null;
  const { prepared, embedder } = jpeg;
  const image = await embedStoredJpeg(ctx.doc, embedder, prepared, ctx.store);
  return { image, width: prepared.width, height: prepared.height };
}

/** Width of text inside a shaded box (its padding taken off). */
const BOX_WIDTH = CONTENT_WIDTH - 16;

type Params = MessageParams | ((locale: Locale) => MessageParams);

/** A message in each of the report's languages, wrapped; the second language quieter. */
function texts(
  ctx: ReportContext,
  key: MessageKey,
  params: Params,
  style = STYLES.small,
  width = CONTENT_WIDTH,
) {
  return ctx.words
    .texts(key, params)
    .flatMap((text, index) =>
      ctx.writer.wrap(text, index === 0 ? style : { ...style, color: COLORS.muted }, width),
    );
}

/** The image fitted to the rest of the page (or the next one), with its caption underneath. */
function drawFitted(ctx: ReportContext, embedded: Embedded, caption: StyledLine[]): void {
  const { writer } = ctx;
  const captionHeight = caption.reduce((sum, line) => sum + leading(line.style), 0) + 10;
  if (writer.room() - captionHeight < MIN_IMAGE_HEIGHT) writer.newPage();
  const available = writer.room() - captionHeight;
  const scale = Math.min(CONTENT_WIDTH / embedded.width, available / embedded.height, MAX_SCALE);
  writer.image(embedded.image, embedded.width * scale, embedded.height * scale);
  writer.space(2);
  writer.cells([{ x: MARGIN_X, lines: caption }]);
  writer.space(8);
}

/** A shaded notice in place of an image: why it is not shown, where the original is, and its hash. */
function notice(
  ctx: ReportContext,
  key: MessageKey,
  params: MessageParams,
  sha256: string,
  warn: boolean,
): void {
  const lines: StyledLine[] = ctx.words.texts(key, params).map((text, index) => ({
    text,
    style: index === 0 && warn ? STYLES.warning : index === 0 ? STYLES.bodyBold : STYLES.second,
  }));
  lines.push({ text: `SHA-256: ${sha256}`, style: STYLES.mono });
  ctx.writer.boxed(boxLines(ctx, lines));
  ctx.writer.space(4);
}

function withheld(ctx: ReportContext, file: ReportOmittedFile | ReportFile): void {
  notice(ctx, 'report.media.withheld', {}, file.sha256, false);
}

async function writeImage(ctx: ReportContext, item: ReportItem, file: ReportFile): Promise<void> {
  const policy = ctx.input.export.sensitive;
  const sensitive = item.details.sensitive;
  if (sensitive && policy === 'omit') return withheld(ctx, file);
  const blur = sensitive && policy === 'blur';
  const embedded = await embedImage(ctx, () => ctx.images.take({ file, blur }));
  if (!embedded) return notice(ctx, 'report.media.notRendered', { path: file.path }, file.sha256, true);
  const key: MessageKey = !sensitive
    ? 'report.media.caption'
    : blur
      ? 'report.media.sensitiveBlurred'
      : 'report.media.sensitiveShown';
  drawFitted(ctx, embedded, texts(ctx, key, { path: file.path }));
}

/** The file's duration, or "not known" in `locale`. */
function duration(file: ReportFile, locale: Locale): string {
  const seconds = file.facts.durationSeconds;
  return seconds === undefined ? translate(locale, 'report.media.durationUnknown') : durationText(seconds);
}

async function writeVideo(ctx: ReportContext, item: ReportItem, file: ReportFile): Promise<void> {
  const policy = ctx.input.export.sensitive;
  const sensitive = item.details.sensitive;
  const readPoster = ctx.deps.readPoster;
  if (readPoster && !(sensitive && policy === 'omit')) {
    const blur = sensitive && policy === 'blur';
    const poster = await embedImage(ctx, async () => {
      const frame = await readPoster(file);
      return (
        frame && ctx.deps.images.prepare(frame.bytes, frame.mime, { blur, maxEdge: REPORT_IMAGE_MAX_EDGE })
      );
    });
    if (poster)
      drawFitted(ctx, poster, texts(ctx, blur ? 'report.media.posterBlurred' : 'report.media.poster', {}));
  }
  const params = (locale: Locale) => ({ path: file.path, duration: duration(file, locale) });
  ctx.writer.boxed(texts(ctx, 'report.media.video', params, STYLES.body, BOX_WIDTH));
}

/**
 * How one file of an item appears on its page: images fitted to the page (blurred or withheld when
 * sensitive, as the export chose), a poster frame and duration for video, duration for audio, and a
 * pointer to the original for anything else.
 */
export async function writeMedia(
  ctx: ReportContext,
  item: ReportItem,
  file: ReportFile | ReportOmittedFile,
): Promise<void> {
  if (!isReportFile(file)) return withheld(ctx, file);
  const mime = file.mime.toLowerCase();
  if (mime.startsWith('image/')) return writeImage(ctx, item, file);
  if (mime.startsWith('video/')) return writeVideo(ctx, item, file);
  const params = { path: file.path, mime: file.mime, size: sizeText(file.size) };
  if (mime.startsWith('audio/')) {
    const withDuration = (locale: Locale) => ({ ...params, duration: duration(file, locale) });
    ctx.writer.boxed(texts(ctx, 'report.media.audio', withDuration, STYLES.body, BOX_WIDTH));
    return;
  }
  ctx.writer.boxed(texts(ctx, 'report.media.document', params, STYLES.body, BOX_WIDTH));
}

import { planBundle, type SealProgress, sealBundle } from '../bundle';
import type { AsyncSha256Factory } from '../bundle/hash';
import { keyFingerprint } from '../bundle/key';
import { appendEntry, type CustodyEntry, type EntryFields } from '../custody/entry';
import { BuktiError } from '../errors';
import type { EvidenceItem } from '../evidence/model';
import type { EvidenceRepository } from '../evidence/repository';
import { savedFileName } from '../files/saved-name';
import { openReport } from '../report/build';
import type { ReportStream } from '../report/pdf-stream';
import {
  type ImagePreparer,
  REPORT_IMAGE_MAX_EDGE,
  type ReportDeps,
  type ReportFonts,
  type ReportLanguage,
  type ReportSensitivePolicy,
} from '../report/types';
import { checkSealFor, type SealFor } from '../seal';
import type { Thumbnails } from '../thumbnails/thumbnails';
import type { Vault } from '../vault';
import { zipLength } from '../zip/writer';
import { type SealedFile, sealExportStream, sealedSize } from './export-seal';
import { VaultReportImages } from './report-images';

/** What the survivor chose in the export dialog. */
export interface ExportRequest {
  caseId: string;
  /** Null exports every item of the case (within the date range, if any). */
  itemIds: string[] | null;
  /** Inclusive capture-date range, ISO dates (yyyy-mm-dd), local to the device. */
  from?: string;
  to?: string;
  sensitive: ReportSensitivePolicy;
  recipientNote?: string;
  language: ReportLanguage;
  /** The file name the survivor typed for this export; the neutral default when absent or unusable. */
  fileName?: string;
  /**
   * A UUID chosen by the page, so it can name the file (and ask where to save it) before the bundle
   * exists; a new one when absent.
   */
  bundleId?: string;
  /**
   * Seal the bundle for its recipient as it streams (age): the saved file is `<name>.zip.age`, and the
   * hash shown and recorded is that of the sealed file (docs/bundle-format.md).
   */
  seal?: SealFor;
}

/** What the export needs from the runtime: fonts and image decoding (browser or Node). */
export interface ExportDeps {
  fonts: () => Promise<ReportFonts>;
  images: ImagePreparer;
  app: { name: string; version: string };
  /**
   * The report images made at capture (made now, once, for a file that has none). Without it, the
   * report prepares its images from the originals.
   */
  pictures?: Pick<Thumbnails, 'reportImage'>;
  /** Where the SHA-256 of the whole ZIP is computed (a worker of its own in the browser). */
  zipHash?: AsyncSha256Factory;
}

/** An export whose report is written and whose ZIP is ready to stream. */
export interface ExportOpened {
  fileName: string;
  bundleId: string;
  /** About how many bytes the ZIP will be (exact for the report and originals, estimated for the rest). */
  estimatedSize: number;
}

/** A bundle written to its end and recorded in the custody log. */
export interface ExportSummary {
  fileName: string;
  bundleId: string;
  /**
   * SHA-256 of the whole ZIP as streamed, lowercase hex: what `sha256sum` prints for the saved file, or
   * for a sealed one, for the ZIP it opens to.
   */
  zipSha256: string;
  size: number;
  /** The sealed file actually saved, when the export was sealed for its recipient. */
  sealed?: SealedFile;
  /** Fingerprint of the key that signed the bundle (src/core/bundle/key.ts): the one on the key card. */
  keyFingerprint: string;
}

/** An open export: read `stream` to its end, then `record()`; or cancel through the signal. */
export interface OpenExport extends ExportOpened {
  stream: ReadableStream<Uint8Array>;
  /** Resolves once the export, ended, failed or cancelled, has deleted the report images it kept. */
  settled: Promise<void>;
  /** Stores the export in the custody log; only after `stream` has been read to its end and saved. */
  record(): Promise<ExportSummary>;
}

/** Progress of one export, for the progress bar. */
export type ExportProgress =
  | { stage: 'report'; done: number; total: number }
  | ({ stage: 'bundle' } & SealProgress);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Room for manifest.json, the custody log, SHA256SUMS and the other small entries written last. */
const TAIL_BYTES = 64 * 1024;
const BYTES_PER_RECORD = 2 * 1024;

function chooseItems(items: EvidenceItem[], request: ExportRequest): EvidenceItem[] {
  const wanted = request.itemIds === null ? null : new Set(request.itemIds);
  const day = (utc: string) => utc.slice(0, 10);
  return items
    .filter((item) => wanted === null || wanted.has(item.id))
    .filter((item) => !request.from || day(item.captured.local) >= request.from)
    .filter((item) => !request.to || day(item.captured.local) <= request.to)
    .sort((a, b) => a.captured.utc.localeCompare(b.captured.utc));
}

/**
 * The ZIP's size from the entries known before it is written (exact, the ZIP writer's own arithmetic)
 * plus an allowance for the entries written after the originals.
 */
export function estimateBundleSize(entries: { name: string; size: number }[], records: number): number {
  return zipLength(entries) + TAIL_BYTES + BYTES_PER_RECORD * records;
}

/**
 * Opens the sealed bundle for one case: plan, report PDF, then a ZIP stream with the untouched
 * originals that produces bytes only as it is read, so nothing but the piece in flight is held. The
 * custody log gets the export (the signed entry inside the bundle, then the SHA-256 of the ZIP) only
 * when `record()` is called after the whole stream was saved: a cancelled or failed save leaves no trace.
 */
export async function openExport(
  vault: Vault,
  repo: EvidenceRepository,
  request: ExportRequest,
  deps: ExportDeps,
  control: { signal?: AbortSignal; onProgress?: (progress: ExportProgress) => void } = {},
): Promise<OpenExport> {
  if (request.bundleId !== undefined && !UUID.test(request.bundleId))
    throw new BuktiError('error.unexpected', { detail: 'bundle id' });
  // Before the report is written: a mistyped key is heard in seconds, not after a long export.
  if (request.seal) checkSealFor(request.seal);
  // A vault changed behind Bukti's back (records missing, older copies put back) is not sealed into a
  // bundle that would present it as whole.
  const check = await vault.checkRecords();
  if (check.missing + check.extra + check.replaced > 0) throw new BuktiError('vault.tampered', { ...check });
  const theCase = await repo.getCase(request.caseId);
  if (!theCase) throw new BuktiError('capture.notFound');
  const items = chooseItems(await repo.listItems(theCase.id), request);
  if (items.length === 0) throw new BuktiError('export.nothingSelected');
  const log = await repo.verifiedCustodyLog();
  const now = new Date();
  const plan = await planBundle(
    {
      case: theCase,
      items,
      options: {
        sensitive: request.sensitive,
        recipientNote: request.recipientNote?.trim() || undefined,
        allItems: request.itemIds === null && !request.from && !request.to,
      },
      custodyLog: log,
      app: deps.app,
      bundleId: request.bundleId,
      now,
    },
    vault.publicSigningKey,
  );
  // Signs the manifest and, as this device, the export's custody entry.
  const { custodySigner } = vault;
  const signer = { ...custodySigner, sign: async (bytes: Uint8Array) => custodySigner.sign(bytes) };
  // Images made for this export only (blurred ones) wait in the vault, encrypted, until the ZIP writes
  // the report; whatever is left when the export ends, fails or is cancelled is deleted (and swept at
  // unlock if even that fails). Images made at capture are only read.
  const images = new VaultReportImages(vault);
  const clearImages = () => images.clear().catch(() => undefined);
  let report: ReportStream;
  try {
    report = await openReport(
      { ...plan.manifest, custody: plan.custodyRecords, language: request.language },
      {
        fonts: await deps.fonts(),
        images: deps.images,
        imageStore: images,
        readFile: (file) => repo.readFileBytes(file.id),
        readImage: deps.pictures && capturedImages(deps.pictures, deps.images, images),
        signal: control.signal,
        onProgress: (done, total) => control.onProgress?.({ stage: 'report', done, total }),
      },
    );
  } catch (error) {
    await clearImages();
    throw error;
  }
  let exportEntry: CustodyEntry | null = null;
  let lastShown = '';
  const files = new Map(plan.files.map(({ file }) => [file.id, () => repo.readFile(file.id)]));
  const zip = sealBundle(
    plan,
    {
      files,
      // The laid-out report streams straight into the ZIP, its images read as their turn comes.
      report: () => untilCancelled(report.pieces(), control.signal),
      recordExport: async (fields: EntryFields) => {
        exportEntry = await appendEntry(log.at(-1) ?? null, fields, signer);
        return exportEntry;
      },
    },
    {
      signer,
      signal: control.signal,
      onProgress: (p) => {
        // The page shows the entry and how many are done (the bytes come as 'export-written'): one event
        // per entry, not one per piece of the ZIP, thousands for a large bundle, each redrawing the page.
        const shown = `${p.entriesDone} ${p.entry}`;
        if (shown === lastShown) return;
        lastShown = shown;
        control.onProgress?.({ stage: 'bundle', ...p });
      },
      zipHash: deps.zipHash,
    },
  );
  const { done } = zip;
  // `done` settles once the ZIP is complete, has failed or was cancelled (also before its first read).
  const settled = done.then(clearImages, clearImages);
  const { stream, sealed } = await sealedIfAsked(zip, request.seal, deps);
  const fileName = savedFileName(request.seal ? 'sealedBundle' : 'bundle', {
    date: now,
    id: plan.manifest.bundleId,
    typed: request.fileName,
  });
  const known = [
    { name: 'report.pdf', size: report.size },
    ...plan.files.map(({ path, file }) => ({ name: path, size: file.size })),
  ];
  return {
    fileName,
    bundleId: plan.manifest.bundleId,
    estimatedSize: sealedSize(
      estimateBundleSize(known, log.length + plan.manifest.items.length),
      request.seal,
    ),
    stream,
    settled,
    record: async () => {
      const written = await done;
      const sealedFile = await sealed;
      await settled;
      if (exportEntry) await repo.recordSignedEntry(exportEntry);
      await repo.recordEvent({
        event: 'exported',
        caseId: theCase.id,
        details: {
          bundleId: written.bundleId,
          zipSha256: written.zipSha256,
          size: written.size,
          ...(sealedFile && {
            sealedSha256: sealedFile.sha256,
            sealedSize: sealedFile.size,
            sealedFor: sealedFile.sealedFor,
            sealedRecipients: sealedFile.recipients,
          }),
        },
      });
      return {
        fileName,
        bundleId: written.bundleId,
        zipSha256: written.zipSha256,
        size: written.size,
        ...(sealedFile && { sealed: sealedFile }),
        keyFingerprint: await keyFingerprint(signer.publicKey),
      };
    },
  };
}

/**
 * The ZIP as it is, or sealed for its recipient (`sealed` then resolves to the saved file's hash). Sealing
 * that cannot start cancels the ZIP, so what the export kept is deleted.
 */
async function sealedIfAsked(
  zip: { stream: ReadableStream<Uint8Array> },
  to: SealFor | undefined,
  deps: ExportDeps,
): Promise<{ stream: ReadableStream<Uint8Array>; sealed: Promise<SealedFile | undefined> }> {
  if (!to) return { stream: zip.stream, sealed: Promise.resolve(undefined) };
  try {
    return await sealExportStream(zip.stream, to, deps.zipHash);
  } catch (error) {
    await zip.stream.cancel(error).catch(() => undefined);
    throw error;
  }
}

/**
 * The report's images as made at capture: each taken from the vault when the PDF is written; a blurred
 * one (a sensitive item under the `blur` policy) is blurred now from it, not from the original.
 */
function capturedImages(
  pictures: Pick<Thumbnails, 'reportImage'>,
  preparer: ImagePreparer,
  store: VaultReportImages,
): NonNullable<ReportDeps['readImage']> {
  return async (file, { blur }) => {
    const made = await pictures.reportImage({ id: file.id, mimeType: file.mime, size: file.size });
    if (!made) return null;
    if (blur) return preparer.prepare(made.bytes, made.type, { blur, maxEdge: REPORT_IMAGE_MAX_EDGE });
    return { jpeg: made.bytes, width: made.width, height: made.height, stored: store.captured(file.id) };
  };
}

/** `pieces`, stopping with `report.cancelled` at the next piece once `signal` fires. */
async function* untilCancelled(
  pieces: AsyncIterable<Uint8Array>,
  signal: AbortSignal | undefined,
): AsyncGenerator<Uint8Array> {
  for await (const piece of pieces) {
    if (signal?.aborted) throw new BuktiError('report.cancelled');
    yield piece;
  }
}

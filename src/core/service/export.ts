import { planBundle, type SealProgress, sealBundle } from '../bundle';
import { bundleFileName } from '../bundle/names';
import { appendEntry, type CustodyEntry, type EntryFields } from '../custody/entry';
import { BuktiError } from '../errors';
import type { EvidenceItem } from '../evidence/model';
import type { EvidenceRepository } from '../evidence/repository';
import { buildReport } from '../report/build';
import type { ImagePreparer, ReportFonts, ReportLanguage, ReportSensitivePolicy } from '../report/types';
import type { Vault } from '../vault';

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
  discreet: boolean;
}

/** What the export needs from the runtime: fonts and image decoding (browser or Node). */
export interface ExportDeps {
  fonts: () => Promise<ReportFonts>;
  images: ImagePreparer;
  app: { name: string; version: string };
}

export interface ExportResult {
  blob: Blob;
  fileName: string;
  bundleId: string;
  zipSha256: string;
  size: number;
}

/** Progress of one export, for the progress bar. */
export type ExportProgress =
  | { stage: 'report'; done: number; total: number }
  | ({ stage: 'bundle' } & SealProgress);

/** Blobs hold what is written so far; parts are folded into a Blob every 32 MiB so memory stays flat. */
const FOLD_BYTES = 32 * 1024 * 1024;

function chooseItems(items: EvidenceItem[], request: ExportRequest): EvidenceItem[] {
  const wanted = request.itemIds === null ? null : new Set(request.itemIds);
  const day = (utc: string) => utc.slice(0, 10);
  return items
    .filter((item) => wanted === null || wanted.has(item.id))
    .filter((item) => !request.from || day(item.captured.local) >= request.from)
    .filter((item) => !request.to || day(item.captured.local) <= request.to)
    .sort((a, b) => a.captured.utc.localeCompare(b.captured.utc));
}

async function collect(chunks: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of chunks) {
    parts.push(chunk);
    length += chunk.length;
  }
  const out = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/**
 * Builds the sealed bundle for one case: plan, report PDF, then the ZIP with the untouched originals,
 * streamed into a Blob. The custody log gets the export entry only once the bundle is complete, so a
 * cancelled export leaves nothing behind; a second entry then records the SHA-256 of the ZIP itself.
 */
export async function exportCase(
  vault: Vault,
  repo: EvidenceRepository,
  request: ExportRequest,
  deps: ExportDeps,
  control: { signal?: AbortSignal; onProgress?: (progress: ExportProgress) => void } = {},
): Promise<ExportResult> {
  const theCase = await repo.getCase(request.caseId);
  if (!theCase) throw new BuktiError('capture.notFound');
  const items = chooseItems(await repo.listItems(theCase.id), request);
  if (items.length === 0) throw new BuktiError('export.nothingSelected');
  const log = await repo.custodyLog();
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
    },
    vault.publicSigningKey,
  );
  const signer = {
    publicKey: vault.publicSigningKey,
    sign: async (bytes: Uint8Array) => vault.signDetached(bytes),
  };
  const report = await buildReport(
    { ...plan.manifest, custody: plan.custodyRecords, language: request.language },
    {
      fonts: await deps.fonts(),
      images: deps.images,
      readFile: (file) => collect(repo.readFile(file.id)),
      signal: control.signal,
      onProgress: (done, total) => control.onProgress?.({ stage: 'report', done, total }),
    },
  );
  let exportEntry: CustodyEntry | null = null;
  const files = new Map(plan.files.map(({ file }) => [file.id, () => repo.readFile(file.id)]));
  const { stream, done } = sealBundle(
    plan,
    {
      files,
      report: async function* () {
        yield report;
      },
      recordExport: async (fields: EntryFields) => {
        exportEntry = await appendEntry(log.at(-1) ?? null, fields, signer);
        return exportEntry;
      },
    },
    { signer, signal: control.signal, onProgress: (p) => control.onProgress?.({ stage: 'bundle', ...p }) },
  );

  const blobs: Blob[] = [];
  let parts: Uint8Array[] = [];
  let pending = 0;
  const reader = stream.getReader();
  for (;;) {
    const { done: finished, value } = await reader.read();
    if (finished) break;
    parts.push(value);
    pending += value.length;
    if (pending >= FOLD_BYTES) {
      blobs.push(new Blob(parts as BlobPart[]));
      parts = [];
      pending = 0;
    }
  }
  blobs.push(new Blob(parts as BlobPart[]));
  const sealed = await done;
  if (exportEntry) await repo.recordSignedEntry(exportEntry);
  await repo.recordEvent({
    event: 'exported',
    caseId: theCase.id,
    details: { bundleId: sealed.bundleId, zipSha256: sealed.zipSha256, size: sealed.size },
  });
  return {
    blob: new Blob(blobs, { type: 'application/zip' }),
    fileName: bundleFileName(theCase.title, new Date(), sealed.bundleId, { discreet: request.discreet }),
    bundleId: sealed.bundleId,
    zipSha256: sealed.zipSha256,
    size: sealed.size,
  };
}

import { BuktiError, isBuktiError } from '../../../core/errors';
import { canShareFile, pickSaveFile as pickFile, pulledStream, type SaveFileHandle } from '../../save-file';

/** What the page needs from the vault worker to pull a bundle. */
export interface BundlePuller {
  exportRead(exportNumber: number): Promise<Uint8Array[] | null>;
  cancelExport(exportNumber: number): Promise<void>;
}

export const ZIP_TYPE = 'application/zip';
const MiB = 1024 * 1024;
/**
 * Largest bundle made in memory (to share it, or where neither a file picker nor a service worker can
 * take a stream): well inside issue #5's bound of the largest file plus 128 MiB.
 */
export const IN_MEMORY_LIMIT = 64 * MiB;

/**
 * The bundle as a stream, each batch of pieces (about 1 MiB) pulled from the vault worker only when the
 * consumer wants it. Cancelling the stream cancels the export in the worker.
 */
export function bundleStream(
  vault: BundlePuller,
  exportNumber: number,
  onBytes: (total: number) => void,
): ReadableStream<Uint8Array> {
  return pulledStream(
    () => vault.exportRead(exportNumber),
    () => vault.cancelExport(exportNumber),
    onBytes,
    // One batch ahead: the worker reads and seals the next while the last is being written.
    { highWaterMark: 2 * MiB, size: (piece) => piece.length },
  );
}

/** The whole (small) bundle as a File, for the share sheet. */
export async function bundleFile(stream: ReadableStream<Uint8Array>, name: string): Promise<File> {
  const parts: BlobPart[] = [];
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value as Uint8Array<ArrayBuffer>);
  }
  return new File(parts, name, { type: ZIP_TYPE });
}

export { canPickSaveFile } from '../../save-file';

/**
 * Asks where to save (must run in the click that asked for it); null when the person closed the dialog.
 * Writing goes to a temporary file the browser only puts in place when the whole stream is closed.
 */
export function pickSaveFile(name: string): Promise<SaveFileHandle | null> {
  return pickFile(name, [{ description: 'ZIP', accept: { [ZIP_TYPE]: ['.zip'] } }], async (handle) => handle);
}

/**
 * Streams the bundle into the picked file. On failure or abort the writable is aborted, so the browser discards
 * what was written and the chosen file keeps its old content; a file the picker created empty is removed.
 */
export async function writeToFile(
  handle: SaveFileHandle,
  stream: ReadableStream<Uint8Array>,
  signal: AbortSignal,
): Promise<void> {
  let writable: WritableStream<Uint8Array>;
  try {
    writable = await handle.createWritable();
  } catch (cause) {
    await stream.cancel().catch(() => undefined);
    throw new BuktiError('export.writeFailed', {}, { cause });
  }
  try {
    // pipeTo closes the writable at the end (the file is then put in place) and aborts it on any failure.
    await stream.pipeTo(writable, { signal });
  } catch (error) {
    await removeIfEmpty(handle);
    // The bundle's own failures (cancelled, a changed file) come from the vault worker as BuktiErrors;
    // anything else is the file refusing the bytes: a full disk, a removed drive.
    throw isBuktiError(error) ? error : new BuktiError('export.writeFailed', {}, { cause: error });
  }
}

async function removeIfEmpty(handle: SaveFileHandle): Promise<void> {
  try {
    if ((await handle.getFile()).size === 0) await handle.remove?.();
  } catch {
    // The file is gone already or cannot be touched: nothing of the bundle is in it either way.
  }
}

/** True where the system share sheet accepts a ZIP file. */
export function canShareZip(): boolean {
  return canShareFile('bundle.zip', ZIP_TYPE);
}

import { canShareFile, pickSaveFile as pickFile, pulledStream, type SaveFileHandle } from '../../save-file';

/** What the page needs from the vault worker to pull a bundle. */
export interface BundlePuller {
  exportRead(exportNumber: number): Promise<Uint8Array[] | null>;
  cancelExport(exportNumber: number): Promise<void>;
}

export const ZIP_TYPE = 'application/zip';
/** A sealed bundle (`.zip.age`) is no ZIP to anyone but its recipient: plain bytes. */
export const SEALED_TYPE = 'application/octet-stream';

/** The media type a bundle is saved and shared with. */
export const bundleType = (sealed: boolean) => (sealed ? SEALED_TYPE : ZIP_TYPE);
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
export async function bundleFile(
  stream: ReadableStream<Uint8Array>,
  name: string,
  type: string,
): Promise<File> {
  const parts: BlobPart[] = [];
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value as Uint8Array<ArrayBuffer>);
  }
  return new File(parts, name, { type });
}

export { canPickSaveFile } from '../../save-file';

/**
 * Asks where to save (must run in the click that asked for it); null when the person closed the dialog.
 * The vault worker writes the bundle into it (`exportWrite`), into a temporary file the browser only puts
 * in place when the whole ZIP is written.
 */
export function pickSaveFile(name: string, sealed: boolean): Promise<SaveFileHandle | null> {
  const accept: Record<string, string[]> = sealed ? { [SEALED_TYPE]: ['.age'] } : { [ZIP_TYPE]: ['.zip'] };
  return pickFile(name, [{ description: sealed ? 'age' : 'ZIP', accept }], async (handle) => handle);
}

/** True where the system share sheet accepts a ZIP file (a sealed one is offered the same way). */
export function canShareZip(): boolean {
  return canShareFile('bundle.zip', ZIP_TYPE);
}

import { BuktiError } from '../../../core/errors';
import { canShareFile as canShare, pickSaveFile as pickFile, pulledStream } from '../../save-file';

/** What the page needs from the vault worker to pull a backup file. */
export interface BackupPuller {
  backupRead(handle: number): Promise<Uint8Array | null>;
  backupCancel(handle: number): Promise<void>;
}

/** Backup files are opaque bytes to everything but Bukti. */
export const BACKUP_TYPE = 'application/octet-stream';

const MiB = 1024 * 1024;
/** Pieces the page holds before handing them to a Blob, which the browser may keep on disk. */
const FOLD_BYTES = 16 * MiB;

/**
 * The backup file as a stream, each piece (about 1 MiB) pulled from the vault worker only when the
 * consumer wants it. Cancelling the stream stops the backup in the worker and drops its key.
 */
export function backupStream(
  vault: BackupPuller,
  handle: number,
  onBytes: (total: number) => void,
): ReadableStream<Uint8Array> {
  return pulledStream(
    () => vault.backupRead(handle),
    () => vault.backupCancel(handle),
    onBytes,
    // One piece ahead: the worker seals the next while the last is being written.
    new CountQueuingStrategy({ highWaterMark: 2 }),
  );
}

/** The whole stream as a Blob, folded every 16 MiB so the page itself never holds more than that. */
export async function streamToBlob(stream: ReadableStream<Uint8Array>): Promise<Blob> {
  const reader = stream.getReader();
  let blob = new Blob([], { type: BACKUP_TYPE });
  let parts: BlobPart[] = [];
  let held = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value as Uint8Array<ArrayBuffer>);
    held += value.length;
    if (held >= FOLD_BYTES) {
      blob = new Blob([blob, ...parts], { type: BACKUP_TYPE });
      parts = [];
      held = 0;
    }
  }
  const whole = new Blob([blob, ...parts], { type: BACKUP_TYPE });
  // A browser that cannot hold it (private windows keep Blobs in memory) hands back a Blob that fails
  // on every read: better to say so now than to let the download fail later.
  try {
    await whole.slice(Math.max(0, whole.size - 1)).arrayBuffer();
  } catch (cause) {
    throw new BuktiError('backup.tooLargeToDownload', {}, { cause });
  }
  return whole;
}

export { canPickSaveFile } from '../../save-file';

/**
 * Asks where to save (must run in the click that asked for it) and opens the file for writing;
 * null when the person closed the dialog.
 */
export function pickSaveFile(name: string): Promise<WritableStream<Uint8Array> | null> {
  return pickFile(name, undefined, (handle) => handle.createWritable());
}

/** True where the system share sheet accepts a file of this name and type. */
export function canShareFile(name: string): boolean {
  return canShare(name, BACKUP_TYPE);
}

/** Opens the share sheet with the file; false when the person closed it without sharing. */
export async function shareFile(file: File): Promise<boolean> {
  try {
    await navigator.share({ files: [file] });
    return true;
  } catch (error) {
    if ((error as { name?: unknown } | null)?.name === 'AbortError') return false;
    throw error;
  }
}

export { formatBytes as formatSize } from '../../format';

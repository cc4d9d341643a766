import { BuktiError } from '../../../core/errors';

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
 * consumer wants it, so a file of several GB streams through without piling up in the page.
 * Cancelling the stream stops the backup in the worker and drops its key.
 */
export function backupStream(
  vault: BackupPuller,
  handle: number,
  onBytes: (total: number) => void,
): ReadableStream<Uint8Array> {
  let total = 0;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const piece = await vault.backupRead(handle);
        if (piece === null) {
          controller.close();
          return;
        }
        total += piece.length;
        onBytes(total);
        controller.enqueue(piece);
      },
      cancel: () => vault.backupCancel(handle),
    },
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

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The file name for a backup made at `date` (local time, the person's own day): a neutral
 * `notes-<yyyymmdd>.bin` in discreet mode, `bukti-backup-<yyyymmdd-hhmm>.bukti` otherwise.
 */
export function backupFileName(discreet: boolean, date: Date): string {
  const day = `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}`;
  if (discreet) return `notes-${day}.bin`;
  return `bukti-backup-${day}-${pad(date.getHours())}${pad(date.getMinutes())}.bukti`;
}

interface WritableFile {
  createWritable(): Promise<WritableStream<Uint8Array>>;
}

type SaveFilePicker = (options: { suggestedName: string }) => Promise<WritableFile>;

function saveFilePicker(): SaveFilePicker | undefined {
  const picker = (window as unknown as { showSaveFilePicker?: SaveFilePicker }).showSaveFilePicker;
  return typeof picker === 'function' ? picker.bind(window) : undefined;
}

/** True where the File System Access API can save straight to a file the person picks. */
export function canPickSaveFile(): boolean {
  return saveFilePicker() !== undefined;
}

/**
 * Asks where to save (must run in the click that asked for it) and opens the file for writing;
 * null when the person closed the dialog.
 */
export async function pickSaveFile(name: string): Promise<WritableStream<Uint8Array> | null> {
  const picker = saveFilePicker();
  if (!picker) return null;
  try {
    return await (await picker({ suggestedName: name })).createWritable();
  } catch (error) {
    if ((error as { name?: unknown } | null)?.name === 'AbortError') return null;
    throw error;
  }
}

/** True where the system share sheet accepts a file of this name and type. */
export function canShareFile(name: string): boolean {
  try {
    return navigator.canShare?.({ files: [new File([], name, { type: BACKUP_TYPE })] }) === true;
  } catch {
    return false;
  }
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

/** A date and time in the person's language and time zone. */
export function formatWhen(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale === 'ms' ? 'ms-MY' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(iso));
}

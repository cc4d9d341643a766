/**
 * What backups and bundles share on their way out of the vault worker: a stream that pulls pieces only
 * when the consumer wants them, the File System Access save dialog, and the share sheet's file check.
 */

/**
 * A stream of pieces pulled from the vault worker one `read()` at a time (null at the end), so a file of
 * several GB passes through the page without piling up. Cancelling the stream calls `cancel`.
 */
export function pulledStream(
  read: () => Promise<Uint8Array | Uint8Array[] | null>,
  cancel: () => Promise<void>,
  onBytes: (total: number) => void,
  strategy: QueuingStrategy<Uint8Array>,
): ReadableStream<Uint8Array> {
  let total = 0;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const pieces = await read();
        if (pieces === null) {
          controller.close();
          return;
        }
        for (const piece of Array.isArray(pieces) ? pieces : [pieces]) {
          total += piece.length;
          controller.enqueue(piece);
        }
        onBytes(total);
      },
      cancel,
    },
    strategy,
  );
}

/** A file the person picked in the save dialog. */
export interface SaveFileHandle {
  readonly name: string;
  createWritable(): Promise<WritableStream<Uint8Array>>;
  getFile(): Promise<File>;
  remove?: () => Promise<void>;
}

type SaveFilePicker = (options: {
  suggestedName: string;
  types?: { description: string; accept: Record<string, string[]> }[];
}) => Promise<SaveFileHandle>;

function saveFilePicker(): SaveFilePicker | undefined {
  const picker = (window as unknown as { showSaveFilePicker?: SaveFilePicker }).showSaveFilePicker;
  return typeof picker === 'function' ? picker.bind(window) : undefined;
}

/** True where the File System Access API can save straight into a file the person picks. */
export function canPickSaveFile(): boolean {
  return saveFilePicker() !== undefined;
}

const isAbort = (error: unknown) => (error as { name?: unknown } | null)?.name === 'AbortError';

/**
 * Asks where to save (must run in the click that asked for it) and hands the chosen file to `open`;
 * null when there is no dialog or the person closed it.
 */
export async function pickSaveFile<T>(
  name: string,
  types: { description: string; accept: Record<string, string[]> }[] | undefined,
  open: (handle: SaveFileHandle) => Promise<T>,
): Promise<T | null> {
  const picker = saveFilePicker();
  if (!picker) return null;
  try {
    return await open(await picker(types ? { suggestedName: name, types } : { suggestedName: name }));
  } catch (error) {
    if (isAbort(error)) return null;
    throw error;
  }
}

/** True where the system share sheet accepts a file of this name and type. */
export function canShareFile(name: string, type: string): boolean {
  try {
    return navigator.canShare?.({ files: [new File([], name, { type })] }) === true;
  } catch {
    return false;
  }
}

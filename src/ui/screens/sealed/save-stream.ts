import { BuktiError } from '../../../core/errors';
import { canPickSaveFile, pickSaveFile } from '../../save-file';
import { canStreamDownload, streamDownload } from '../../sw-download';

/** Where a stream was saved: the picked file (readable back, for checking), or the downloads folder. */
export type SavedTo =
  | { how: 'file'; name: string; file: () => Promise<File> }
  | { how: 'download'; name: string };

/**
 * Saves `stream` under `name`: into a file the person picks (File System Access), else into the downloads
 * through the service worker. A stream that fails (a wrong key found late, a cut-short file) leaves no
 * file: the picked file's writes are thrown away and the file removed; a download is marked failed.
 * Must start in the click that asked for it. Null when the person closed the dialog.
 */
export async function saveStream(
  open: () => Promise<ReadableStream<Uint8Array>>,
  name: string,
  accept: Record<string, string[]>,
  signal: AbortSignal,
): Promise<SavedTo | null> {
  if (canPickSaveFile())
    return pickSaveFile(name, [{ description: name, accept }], async (handle) => {
      const writable = await handle.createWritable();
      try {
        await (await open()).pipeTo(writable, { signal });
      } catch (error) {
        await writable.abort().catch(() => undefined);
        await handle.remove?.().catch(() => undefined);
        throw error;
      }
      return { how: 'file' as const, name: handle.name, file: () => handle.getFile() };
    });
  if (!canStreamDownload()) throw new BuktiError('export.notReadyToSave');
  await streamDownload(await open(), downloadName(name), 'application/octet-stream', signal);
  return { how: 'download', name: downloadName(name) };
}

/** The service worker takes only plain ASCII names; anything else becomes `_`. */
function downloadName(name: string): string {
  const safe = name.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^[^A-Za-z0-9]+/, '');
  return (safe || 'bundle').slice(0, 200);
}

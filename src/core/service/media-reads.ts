import { BuktiError } from '../errors';
import { givenAway } from './transfer';

/** How long an open range waits for its next read before it is closed (the element went away). */
export const MEDIA_IDLE_MS = 10 * 60 * 1000;

interface Open {
  pieces: AsyncGenerator<Uint8Array>;
  timer: ReturnType<typeof setTimeout>;
}

/**
 * Bytes `start`…`end` (inclusive) of a file read chunk by chunk. Chunks are sealed as one stream
 * (docs/security.md §4.4), so a range deep in the file still opens every chunk before it; only the
 * part inside the range is handed on, copied so it owns its buffer and can be moved to the page.
 */
async function* rangeOf(chunks: AsyncGenerator<Uint8Array>, start: number, end: number) {
  let offset = 0;
  for await (const chunk of chunks) {
    const from = Math.max(start - offset, 0);
    const to = Math.min(end + 1 - offset, chunk.length);
    offset += chunk.length;
    if (to > from) yield chunk.slice(from, to);
    if (offset > end) return;
  }
}

/**
 * Ranges of files read for previews (sw/media.ts streams them to `<img>`, `<video>` and `<audio>`): at
 * most one chunk (1 MiB) of each is decrypted at a time, and nothing is kept once it is read. Each range
 * has a number; one left unread for `MEDIA_IDLE_MS`, or still open when the vault locks, is closed.
 */
export class MediaReads {
  readonly #read: (fileId: string) => AsyncGenerator<Uint8Array>;
  readonly #open = new Map<number, Open>();
  #next = 1;

  constructor(read: (fileId: string) => AsyncGenerator<Uint8Array>) {
    this.#read = read;
  }

  open(fileId: string, start: number, end: number): number {
    if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end < start)
      throw new RangeError('invalid byte range');
    const handle = this.#next++;
    const pieces = rangeOf(this.#read(fileId), start, end);
    this.#open.set(handle, { pieces, timer: this.#idle(handle) });
    return handle;
  }

  /** The next piece of the range (moved to the caller), or null once it is complete. */
  async read(handle: number): Promise<Uint8Array | null> {
    const open = this.#open.get(handle);
    if (!open) throw new BuktiError('vault.locked');
    clearTimeout(open.timer);
    try {
      const next = await open.pieces.next();
      if (next.done) {
        this.close(handle);
        return null;
      }
      open.timer = this.#idle(handle);
      return givenAway(next.value, [next.value.buffer]);
    } catch (error) {
      this.close(handle);
      throw error;
    }
  }

  close(handle: number): void {
    const open = this.#open.get(handle);
    if (!open) return;
    this.#open.delete(handle);
    clearTimeout(open.timer);
    void open.pieces.return(undefined).catch(() => undefined);
  }

  closeAll(): void {
    for (const handle of [...this.#open.keys()]) this.close(handle);
  }

  #idle(handle: number): ReturnType<typeof setTimeout> {
    return setTimeout(() => this.close(handle), MEDIA_IDLE_MS);
  }
}

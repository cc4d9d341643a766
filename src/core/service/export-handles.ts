import { BuktiError } from '../errors';
import type { ExportOpened, ExportSummary, OpenExport } from './export';
import { givenAway } from './transfer';

/** How long an open export waits for the page to pull its next piece before it is stopped. */
export const EXPORT_IDLE_MS = 2 * 60 * 1000;
/** Pieces are gathered up to about this many bytes per pull, so small ZIP headers ride along with data. */
const PULL_BYTES = 1024 * 1024;

interface Open {
  controller: AbortController;
  exp: OpenExport | null;
  reader: ReadableStreamDefaultReader<Uint8Array> | null;
  ended: boolean;
  timer: ReturnType<typeof setTimeout> | undefined;
}

const cancelled = () => new BuktiError('bundle.seal.cancelled');

/**
 * Bytes past a large piece's end that may be moved along with it: a file chunk opened in place keeps the
 * last 18 bytes of its ciphertext there (see `ChunkOpener`). Copying each such piece to drop them would
 * make a megabyte of garbage per megabyte exported.
 */
const MOVABLE_TAIL = 64;
const LARGE_PIECE = 64 * 1024;

/** A piece that owns its buffer (all of it, or all but a tail of leftover ciphertext), so moving it to the page moves nothing else. */
const own = (piece: Uint8Array) =>
  piece.byteOffset === 0 &&
  (piece.byteLength === piece.buffer.byteLength ||
    (piece.byteLength >= LARGE_PIECE && piece.buffer.byteLength - piece.byteLength <= MOVABLE_TAIL))
    ? piece
    : piece.slice();

/**
 * Exports the page is pulling piece by piece, by the number the page gave them. An export left alone
 * (the page closed, the person walked away from the save dialog) is cancelled after `idleMs`.
 */
export class ExportHandles {
  readonly #open = new Map<number, Open>();
  readonly #idleMs: number;

  constructor(idleMs = EXPORT_IDLE_MS) {
    this.#idleMs = idleMs;
  }

  /** Opens export `number` (the report is written meanwhile); cancellable from the moment it is called. */
  async start(number: number, open: (signal: AbortSignal) => Promise<OpenExport>): Promise<ExportOpened> {
    if (this.#open.has(number)) throw new BuktiError('error.unexpected', { detail: 'export number' });
    const entry: Open = {
      controller: new AbortController(),
      exp: null,
      reader: null,
      ended: false,
      timer: undefined,
    };
    this.#open.set(number, entry);
    try {
      const exp = await open(entry.controller.signal);
      if (entry.controller.signal.aborted) throw cancelled();
      entry.exp = exp;
      entry.reader = exp.stream.getReader();
      this.#arm(number);
      return { fileName: exp.fileName, bundleId: exp.bundleId, estimatedSize: exp.estimatedSize };
    } catch (error) {
      await this.cancel(number);
      throw error;
    }
  }

  #get(number: number): Open & { exp: OpenExport; reader: ReadableStreamDefaultReader<Uint8Array> } {
    const open = this.#open.get(number);
    if (!open?.exp || !open.reader) throw cancelled();
    return open as Open & { exp: OpenExport; reader: ReadableStreamDefaultReader<Uint8Array> };
  }

  #arm(number: number): void {
    const open = this.#open.get(number);
    if (!open) return;
    clearTimeout(open.timer);
    open.timer = setTimeout(() => void this.cancel(number), this.#idleMs);
  }

  /**
   * The next pieces of the ZIP (about 1 MiB together), or null once it is complete. A failure ends it.
   * The ZIP stream hands out each piece only once it is done with it, so the pieces are given away:
   * sent to the page they are moved, not copied.
   */
  async read(number: number): Promise<Uint8Array[] | null> {
    const open = this.#get(number);
    if (open.ended) return null;
    clearTimeout(open.timer);
    const pieces: Uint8Array[] = [];
    let bytes = 0;
    try {
      while (bytes < PULL_BYTES) {
        const next = await open.reader.read();
        if (next.done) {
          open.ended = true;
          break;
        }
        pieces.push(own(next.value));
        bytes += next.value.length;
      }
    } catch (error) {
      await this.cancel(number);
      throw error;
    }
    // An ended export waits, without a timer, for `finish` or `cancel`.
    if (!open.ended) this.#arm(number);
    return pieces.length === 0
      ? null
      : givenAway(
          pieces,
          pieces.map((piece) => piece.buffer),
        );
  }

  /** Records a completely read export in the custody log and forgets it. Not complete: cancelled. */
  async finish(number: number): Promise<ExportSummary> {
    const open = this.#get(number);
    if (!open.ended) throw new BuktiError('export.notFinished');
    this.#open.delete(number);
    return open.exp.record();
  }

  /** Stops an export and forgets it, once what it kept is deleted; unknown numbers are ignored. */
  async cancel(number: number): Promise<void> {
    const open = this.#open.get(number);
    if (!open) return;
    clearTimeout(open.timer);
    this.#open.delete(number);
    open.controller.abort();
    await open.reader?.cancel(cancelled()).catch(() => undefined);
    await open.exp?.settled;
  }

  /** Stops every export (the vault locked or was erased). */
  async cancelAll(): Promise<void> {
    await Promise.all([...this.#open.keys()].map((number) => this.cancel(number)));
  }
}

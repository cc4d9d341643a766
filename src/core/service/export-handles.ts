import { BuktiError, isBuktiError } from '../errors';
import type { EvidenceRepository } from '../evidence/repository';
import type { Vault } from '../vault';
import {
  type ExportDeps,
  type ExportOpened,
  type ExportRequest,
  type ExportSummary,
  type OpenExport,
  openExport,
} from './export';
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
 * A file the person picked in the save dialog, as the vault worker receives it: a FileSystemFileHandle
 * posted from the page (handles are structured-cloneable, and `createWritable` works in a worker).
 */
export interface PickedFile {
  readonly name: string;
  createWritable(): Promise<WritableStream<Uint8Array>>;
  getFile(): Promise<{ readonly size: number }>;
  remove?: () => Promise<void>;
}

/** Progress of `write` is reported about every this many bytes (and at the end). */
const WRITTEN_STEP = 1024 * 1024;

/**
 * Bytes past a large piece's end that may be moved along with it: a file chunk opened in place keeps the
 * last 18 bytes of its ciphertext there (see `ChunkOpener`). Copying each such piece to drop them would
 * make a megabyte of garbage per megabyte exported.
 */
const MOVABLE_TAIL = 64;
const LARGE_PIECE = 64 * 1024;

/** True when `piece` owns its buffer (all of it, or all but a tail of leftover ciphertext). */
const ownsBuffer = (piece: Uint8Array) =>
  piece.byteOffset === 0 &&
  (piece.byteLength === piece.buffer.byteLength ||
    (piece.byteLength >= LARGE_PIECE && piece.buffer.byteLength - piece.byteLength <= MOVABLE_TAIL));

/** A piece that owns its buffer, so moving it to the page moves nothing else. */
const own = (piece: Uint8Array) => (ownsBuffer(piece) ? piece : piece.slice());

/**
 * `target`, taking the next piece only once the last one's write has resolved (the file's writable has
 * then copied it), so at most one piece of the ZIP waits in the browser whatever queue the writable
 * keeps. The export's memory was measured this way (docs/bundle-format.md).
 */
function oneWriteAtATime(target: WritableStream<Uint8Array>): WritableStream<Uint8Array> {
  const writer = target.getWriter();
  return new WritableStream<Uint8Array>({
    write: (piece) => writer.write(piece),
    close: () => writer.close(),
    abort: (reason) => writer.abort(reason),
  });
}

/** What exports need from the service that owns the vault. */
export interface ExportHost {
  /** The open vault and its repository; both throw `vault.locked` when there is none. */
  vault(): Vault;
  repository(): EvidenceRepository;
  /** Report fonts and image decoding; without them the runtime cannot export. */
  deps(): ExportDeps | undefined;
  /** Posts an event to the page ('export-progress', 'export-written'). */
  emit?: (name: string, data: unknown) => void;
}

/**
 * Exports the page is pulling piece by piece (or the worker is writing into a picked file), by the
 * number the page gave them. An export left alone (the page closed, the person walked away from the
 * save dialog) is cancelled after `idleMs`.
 */
export class ExportHandles {
  readonly #open = new Map<number, Open>();
  readonly #host: ExportHost;
  readonly #idleMs: number;

  constructor(host: ExportHost, idleMs = EXPORT_IDLE_MS) {
    this.#host = host;
    this.#idleMs = idleMs;
  }

  /** Writes the report and opens export `number` of `request`, with 'export-progress' events. */
  async open(number: number, request: ExportRequest): Promise<ExportOpened> {
    const deps = this.#host.deps();
    if (!deps) throw new BuktiError('error.unexpected', { detail: 'export unavailable' });
    const vault = this.#host.vault();
    const repository = this.#host.repository();
    const onProgress = (progress: unknown) =>
      this.#host.emit?.('export-progress', { exportNumber: number, progress });
    return this.start(number, (signal) =>
      openExport(vault, repository, request, deps, { signal, onProgress }),
    );
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

  #get(number: number): Open & { exp: OpenExport } {
    const open = this.#open.get(number);
    if (!open?.exp) throw cancelled();
    return open as Open & { exp: OpenExport };
  }

  /** The export's reader; none while `write` is putting it into a file, and then nothing else may pull it. */
  static #reader(open: Open): ReadableStreamDefaultReader<Uint8Array> {
    if (!open.reader) throw new BuktiError('error.unexpected', { detail: 'export busy' });
    return open.reader;
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
    const reader = ExportHandles.#reader(open);
    clearTimeout(open.timer);
    const pieces: Uint8Array[] = [];
    let bytes = 0;
    try {
      while (bytes < PULL_BYTES) {
        const next = await reader.read();
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

  /**
   * Streams the rest of export `number` straight into a picked file, so its pieces never leave this
   * worker: each is written and dropped where it was made. The browser puts the file in place only when
   * the whole ZIP is written; on a cancel or failure the writable is aborted (the chosen file keeps its old
   * content) and a file the picker created empty is removed. 'export-written' events carry the bytes
   * written so far.
   */
  async write(number: number, file: PickedFile): Promise<void> {
    const onWritten = (bytes: number) => this.#host.emit?.('export-written', { exportNumber: number, bytes });
    const open = this.#get(number);
    if (open.ended) throw new BuktiError('error.unexpected', { detail: 'export written' });
    const reader = ExportHandles.#reader(open);
    clearTimeout(open.timer);
    const { signal } = open.controller;
    // The worker, not the page, pulls now: the idle timer stays off, and only `cancel` stops it.
    reader.releaseLock();
    open.reader = null;
    let written = 0;
    let told = 0;
    const counted = new TransformStream<Uint8Array, Uint8Array>({
      transform(piece, controller) {
        controller.enqueue(piece);
        written += piece.length;
        if (written - told >= WRITTEN_STEP) {
          told = written;
          onWritten(written);
        }
      },
    });
    try {
      let writable: WritableStream<Uint8Array>;
      try {
        writable = await file.createWritable();
      } catch (cause) {
        throw new BuktiError('export.writeFailed', {}, { cause });
      }
      // pipeTo closes the writable at the end and aborts it on any failure, or once `signal` fires.
      await open.exp.stream.pipeThrough(counted).pipeTo(oneWriteAtATime(writable), { signal });
    } catch (error) {
      // Read before `cancel` below aborts the signal too: was it stopped, or did it fail?
      const stopped = signal.aborted;
      await removeIfEmpty(file);
      await this.cancel(number);
      if (stopped || isBuktiError(error)) throw stopped ? cancelled() : error;
      // Anything else is the file refusing the bytes: a full disk, a removed drive.
      throw new BuktiError('export.writeFailed', {}, { cause: error });
    }
    open.ended = true;
    onWritten(written);
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

/**
 * Waits between tries to delete a picked file that is still held open (about 13 s in all). A worker
 * that was ended mid-write lets go of its writable a moment later, not at once: until then the browser
 * refuses the deletion with NoModificationAllowedError (seen in Chromium after `terminate()`).
 */
export const RELEASE_WAITS_MS = [25, 50, 100, 200, 400, 800, 1600, 3200, 6400] as const;

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Deletes a picked file nothing was put in place in (the bundle goes to a temporary file until complete). */
export async function removeIfEmpty(
  file: PickedFile,
  wait: (ms: number) => Promise<void> = pause,
): Promise<void> {
  for (const delay of [0, ...RELEASE_WAITS_MS]) {
    if (delay > 0) await wait(delay);
    try {
      if ((await file.getFile()).size === 0) await file.remove?.();
      return;
    } catch (error) {
      // Still held open by the writer that was ended: try again once it lets go. Anything else (the
      // file is gone already, or cannot be touched): nothing of the bundle is in it either way.
      if ((error as { name?: unknown } | null)?.name !== 'NoModificationAllowedError') return;
    }
  }
}

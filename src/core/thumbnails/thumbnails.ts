import { isBuktiError } from '../errors';
import type { EvidenceFile } from '../evidence/model';
import { REPORT_IMAGE_MAX_EDGE } from '../report/types';
import type { Vault } from '../vault';
import type { PictureKind } from '../vault/thumbnail-store';
import { decodeThumbnail, encodeThumbnail, type StoredThumbnail, type ThumbnailType } from './format';

/** Longest edge of a thumbnail in pixels: 320 CSS pixels on a 2× screen. */
export const THUMBNAIL_MAX_EDGE = 640;

/** Originals above this size get no thumbnail: decoding them whole could exhaust a phone's memory. */
export const THUMBNAIL_SOURCE_LIMIT = 64 * 1024 * 1024;

/** A thumbnail as a maker draws it. */
export interface MadeThumbnail {
  type: ThumbnailType;
  width: number;
  height: number;
  bytes: Uint8Array;
}

/**
 * Draws pictures of an original, EXIF orientation applied, one per entry of `maxEdges` (longest edge at
 * most that), from one decoding; null when the picture cannot be decoded here. The browser's runs in the
 * vault worker (OffscreenCanvas); it is injected so that Node, which has no canvas, can test how
 * thumbnails are stored.
 */
export interface ThumbnailMaker {
  make(original: Blob, maxEdges: readonly number[]): Promise<MadeThumbnail[] | null>;
}

/** What is made of each picture, in this order: the timeline's thumbnail and the report's image. */
const KINDS: readonly { kind: PictureKind; maxEdge: number }[] = [
  { kind: 'thumbnail', maxEdge: THUMBNAIL_MAX_EDGE },
  { kind: 'report', maxEdge: REPORT_IMAGE_MAX_EDGE },
];

type Pictures = Record<PictureKind, StoredThumbnail>;

/** What thumbnails need to know about a file. */
export type ThumbnailFile = Pick<EvidenceFile, 'id' | 'mimeType' | 'size'>;

/** A decrypted picture thumbnail, as the page receives it. */
export interface ThumbnailView {
  blob: Blob;
  width: number;
  height: number;
}

/** Whether a file can have a picture thumbnail: images only. Video and audio show a kind tile instead. */
export function isPictureFile(file: Pick<ThumbnailFile, 'mimeType' | 'size'>): boolean {
  return file.mimeType.toLowerCase().startsWith('image/') && file.size <= THUMBNAIL_SOURCE_LIMIT;
}

/**
 * The thumbnails and report images of one unlocked vault: stored encrypted under the `thumbnails`
 * subkey, bound to their file and kind (see `src/core/vault/thumbnail-store.ts`), both made from one
 * decoding, once per file, and never kept in memory here.
 */
export class Thumbnails {
  readonly #vault: Vault;
  readonly #maker: ThumbnailMaker | undefined;
  readonly #pending = new Map<string, Promise<Pictures | null>>();
  #queue: Promise<unknown> = Promise.resolve();
  #capturing = 0;
  #captureDone: Promise<void> = Promise.resolve();
  #endCapture: () => void = () => undefined;

  constructor(vault: Vault, maker?: ThumbnailMaker) {
    this.#vault = vault;
    this.#maker = maker;
  }

  /**
   * Starts making the thumbnail and the report image of a file just captured, from the bytes the page
   * handed over, so the original is not decrypted again. Never fails the capture: a failure leaves the
   * file without them, and they are made the first time one is needed.
   */
  afterCapture(file: ThumbnailFile, original: Blob): void {
    if (!isPictureFile(file)) return;
    void this.#make(file.id, async () => original, { afterCaptures: true }).catch(() => undefined);
  }

  /**
   * Runs a capture. Thumbnails of captured files wait until no capture is running: the originals are
   * hashed, encrypted and stored first, and drawing previews does not take the processor from them
   * (measured: with 200 screenshots, drawing alongside made the capture itself about a third slower).
   * A thumbnail the timeline asks for is still made at once (unless its file is one being captured).
   */
  async whileCapturing<T>(capture: () => Promise<T>): Promise<T> {
    if (this.#capturing++ === 0)
      this.#captureDone = new Promise<void>((resolve) => {
        this.#endCapture = resolve;
      });
    try {
      return await capture();
    } finally {
      if (--this.#capturing === 0) this.#endCapture();
    }
  }

  /**
   * The thumbnail of `file`, decrypted: the stored one, or one made now from the decrypted original
   * (files captured before thumbnails existed, or whose thumbnail was interrupted). Null when the file
   * has none: not a picture, too large, or the browser cannot decode it.
   */
  async view(file: ThumbnailFile): Promise<ThumbnailView | null> {
    const stored = await this.#picture(file, 'thumbnail');
    if (stored?.kind !== 'picture') return null;
    return {
      blob: new Blob([stored.bytes as BlobPart], { type: stored.type }),
      width: stored.width,
      height: stored.height,
    };
  }

  /**
   * The report image of `file` (at most `REPORT_IMAGE_MAX_EDGE` px, JPEG), decrypted: the one made at capture,
   * or one made now from the decrypted original and stored for the next export. Null when the file has
   * none: not a picture, too large, or the browser cannot decode it.
   */
  async reportImage(file: ThumbnailFile): Promise<MadeThumbnail | null> {
    const stored = await this.#picture(file, 'report');
    if (stored?.kind !== 'picture') return null;
    return { type: stored.type, width: stored.width, height: stored.height, bytes: stored.bytes };
  }

  /** Resolves once every thumbnail being made has been stored or given up. */
  async idle(): Promise<void> {
    await Promise.allSettled([...this.#pending.values()]);
  }

  /** The stored picture of `kind`, or both pictures made now when it has none. */
  async #picture(file: ThumbnailFile, kind: PictureKind): Promise<StoredThumbnail | null> {
    if (!isPictureFile(file)) return null;
    const pending = this.#pending.get(file.id);
    const payload = pending ? undefined : await this.#vault.readThumbnail(file.id, kind);
    if (payload !== undefined) {
      return decodeThumbnail(payload);
    }
    const made = await this.#make(file.id, () => this.#original(file));
    return made?.[kind] ?? null;
  }

  /** One making per file at a time: the timeline asking while capture is still drawing waits for it. */
  #make(
    fileId: string,
    original: () => Promise<Blob>,
    options: { afterCaptures?: boolean } = {},
  ): Promise<Pictures | null> {
    const pending = this.#pending.get(fileId);
    if (pending) return pending;
    const run = this.#makeAndStore(fileId, original, options).finally(() => this.#pending.delete(fileId));
    this.#pending.set(fileId, run);
    return run;
  }

  async #makeAndStore(
    fileId: string,
    original: () => Promise<Blob>,
    options: { afterCaptures?: boolean },
  ): Promise<Pictures | null> {
    const maker = this.#maker;
    if (!maker) return null;
    const made = await this.#makeInTurn(
      async () =>
        maker.make(
          await original(),
          KINDS.map(({ maxEdge }) => maxEdge),
        ),
      options.afterCaptures === true,
    );
    const pictures = {} as Pictures;
    for (const [index, { kind }] of KINDS.entries()) {
      const picture = made?.[index];
      // `none` is stored too: an original this browser cannot decode is not decrypted again on every view.
      const stored: StoredThumbnail = picture ? { kind: 'picture', ...picture } : { kind: 'none' };
      pictures[kind] = stored;
      await this.#vault.putThumbnail(fileId, encodeThumbnail(stored), kind).catch((error: unknown) => {
        // A full disk only costs the stored copy; this view still gets its picture.
        if (!isBuktiError(error, 'vault.quotaExceeded')) throw error;
      });
    }
    return pictures;
  }

  /**
   * Runs `make` in its turn; a thumbnail of a captured file (`afterCaptures`) first waits until no
   * capture runs. It waits outside the queue, so a thumbnail the timeline asks for is not held up
   * behind it, and gives its turn back if a capture started while it queued.
   */
  async #makeInTurn<T>(make: () => Promise<T>, afterCaptures: boolean): Promise<T> {
    for (;;) {
      while (afterCaptures && this.#capturing > 0) await this.#captureDone;
      const turn = await this.#oneAtATime(async () =>
        afterCaptures && this.#capturing > 0 ? undefined : { made: await make() },
      );
      if (turn) return turn.made;
    }
  }

  /**
   * Pictures are decoded one at a time: a batch of twenty photos would otherwise hold twenty decoded
   * bitmaps (about 50 MB each for 12 megapixels) at once, which a phone cannot spare.
   */
  #oneAtATime<T>(work: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(work);
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #original(file: ThumbnailFile): Promise<Blob> {
    const parts: Uint8Array[] = [];
    for await (const chunk of this.#vault.readFile(file.id)) parts.push(chunk);
    return new Blob(parts as BlobPart[], { type: file.mimeType });
  }
}

const perVault = new WeakMap<Vault, Thumbnails>();

/** The one `Thumbnails` of an unlocked vault, so capture and the timeline share what is being made. */
export function of(vault: Vault, maker?: ThumbnailMaker): Thumbnails {
  let thumbnails = perVault.get(vault);
  if (!thumbnails) {
    thumbnails = new Thumbnails(vault, maker);
    perVault.set(vault, thumbnails);
  }
  return thumbnails;
}

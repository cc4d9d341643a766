import {
  isReportFile,
  type PreparedImage,
  REPORT_IMAGE_MAX_EDGE,
  type ReportDeps,
  type ReportFile,
  type ReportItem,
  type ReportSensitivePolicy,
} from './types';

/** How many images are read and prepared ahead of the page being laid out (each at most 1,600 px). */
export const PREFETCH_IMAGES = 2;

/** What the report draws for one image file: how the original is read and prepared, and whether it is blurred. */
export interface ImagePlan {
  file: ReportFile;
  blur: boolean;
}

/** The images of an item that the report will draw, in order, under the export's sensitive policy. */
export function imagePlans(item: ReportItem, policy: ReportSensitivePolicy): ImagePlan[] {
  const sensitive = item.details.sensitive;
  if (sensitive && policy === 'omit') return [];
  return item.files
    .filter(isReportFile)
    .filter((file) => file.mime.toLowerCase().startsWith('image/'))
    .map((file) => ({ file, blur: sensitive && policy === 'blur' }));
}

/**
 * Reads and prepares the images of the coming items while the current one is laid out. Decoding and
 * JPEG encoding run off the calling thread in browsers (createImageBitmap, convertToBlob) and reading
 * waits on storage, so starting them early keeps both busy while pdf-lib works. At most
 * `PREFETCH_IMAGES` images are started and not yet taken, so memory stays a few images whatever the
 * number of items or of images in one item.
 */
export class ImagePrefetcher {
  readonly #deps: ReportDeps;
  /** Every image the report will draw, in the order it draws them, with the index of its item. */
  readonly #plans: Array<ImagePlan & { item: number }>;
  readonly #position = new Map<ReportFile, number>();
  /** Started and not yet taken, by position in `#plans`. */
  readonly #started = new Map<number, Promise<PreparedImage | null>>();
  #next = 0;
  #current = 0;

  constructor(deps: ReportDeps, items: ReportItem[], policy: ReportSensitivePolicy) {
    this.#deps = deps;
    this.#plans = items.flatMap((item, index) =>
      imagePlans(item, policy).map((plan) => ({ ...plan, item: index })),
    );
    for (const [position, plan] of this.#plans.entries()) this.#position.set(plan.file, position);
  }

  /** Called before item `index` is laid out: starts images from that item on, up to the limit. */
  ahead(index: number): void {
    this.#current = index;
    while (this.#next < this.#plans.length && this.#started.size < PREFETCH_IMAGES) {
      const position = this.#next++;
      const plan = this.#plans[position];
      if (!plan || plan.item < index) continue;
      const prepared = this.#prepare(plan);
      // Awaited by take(); a failure must not surface as an unhandled rejection before then.
      prepared.catch(() => undefined);
      this.#started.set(position, prepared);
    }
  }

  /**
   * The prepared image of `plan.file`: the prefetched one, or prepared now. Images planned before it
   * that were never taken are let go, so nothing is held for a page already written.
   */
  take(plan: ImagePlan): Promise<PreparedImage | null> {
    const position = this.#position.get(plan.file) ?? -1;
    const started = this.#started.get(position);
    for (const key of [...this.#started.keys()]) if (key <= position) this.#started.delete(key);
    this.#next = Math.max(this.#next, position + 1);
    this.ahead(this.#current);
    return started ?? this.#prepare(plan);
  }

  /** Forgets everything not yet taken (on cancel or failure); work already running finishes unread. */
  clear(): void {
    this.#started.clear();
    this.#next = this.#plans.length;
  }

  async #prepare(plan: ImagePlan): Promise<PreparedImage | null> {
    if (this.#deps.signal?.aborted) return null;
    if (this.#deps.readImage) return this.#deps.readImage(plan.file, { blur: plan.blur });
    const bytes = await this.#deps.readFile(plan.file);
    return this.#deps.images.prepare(bytes, plan.file.mime, {
      blur: plan.blur,
      maxEdge: REPORT_IMAGE_MAX_EDGE,
    });
  }
}

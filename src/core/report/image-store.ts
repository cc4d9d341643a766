/**
 * Where the report's prepared JPEGs wait between layout and the writing of the PDF (docs/report.md,
 * "Streaming"): the document keeps only each image's size and key, so hundreds of images are never in
 * memory together.
 */
export interface ReportImageStore {
  /** Keeps `bytes` and returns the key they are taken back with. */
  put(bytes: Uint8Array): Promise<string>;
  /**
   * The bytes kept under `key`, which are then forgotten: each image is written once. They become a
   * piece of the PDF stream, and so its reader's (the bundle's writer frees them once saved).
   */
  take(key: string): Promise<Uint8Array>;
}

/** A store in memory, for Node (tests, the CLI): bounded by the images not yet written. */
export class MemoryImageStore implements ReportImageStore {
  readonly #kept = new Map<string, Uint8Array>();
  #next = 0;

  async put(bytes: Uint8Array): Promise<string> {
    const key = String(this.#next++);
    this.#kept.set(key, bytes);
    return key;
  }

  async take(key: string): Promise<Uint8Array> {
    const bytes = this.#kept.get(key);
    if (!bytes) throw new Error(`No report image under ${key}.`);
    this.#kept.delete(key);
    return bytes;
  }
}

import type { CustodyEntry, EntryFields } from '../custody/entry';
import { BuktiError, isBuktiError } from '../errors';
import { writeZip } from '../zip/writer';
import { type AsyncSha256, type AsyncSha256Factory, sha256OnThisThread } from './hash';
import type { BundleManifest } from './manifest';
import type { BundlePlan } from './plan';
import { BundleWriter } from './writer';

/** Opens a file's bytes (decrypted from the vault chunk by chunk) each time it is called. */
export type FileSource = () => AsyncIterable<Uint8Array>;

/** The vault's Ed25519 signing key; the private half never leaves the vault. */
export interface BundleSigner {
  publicKey: Uint8Array;
  sign(bytes: Uint8Array): Promise<Uint8Array>;
}

export interface SealSources {
  /**
   * Original files by `EvidenceFile.id`, as authenticated decryption gives them (the vault's `readFile`):
   * SHA256SUMS lists the SHA-256 recorded at capture, so a source must prove its bytes are the captured
   * ones (docs/bundle-format.md, "Hashed once"); only the size is checked here.
   */
  files: ReadonlyMap<string, FileSource>;
  /** `report.pdf`, built from the plan. */
  report: FileSource;
  /**
   * Signs the `exported` custody entry with these fields as the entry after the last one of the log given
   * to `planBundle` (`appendEntry(last, fields, signer)`), and returns it. Called once, after the originals
   * are read. Store it in the vault when `done` resolves; storing it earlier records an export that may
   * still be cancelled.
   */
  recordExport(fields: EntryFields): Promise<CustodyEntry>;
}

export interface SealProgress {
  /** The entry being written. */
  entry: string;
  entriesDone: number;
  entriesTotal: number;
  /** Bytes of ZIP produced so far. */
  bytesWritten: number;
}

export interface SealOptions {
  signer: BundleSigner;
  /**
   * Where the SHA-256 of the whole ZIP is computed: another thread in the browser (so it runs beside the
   * writing instead of in its path), this one when absent.
   */
  zipHash?: AsyncSha256Factory;
  signal?: AbortSignal;
  onProgress?: (progress: SealProgress) => void;
}

export interface SealResult {
  bundleId: string;
  manifest: BundleManifest;
  /** SHA-256 of the whole ZIP as produced, lowercase hex: what `sha256sum bundle.zip` prints. */
  zipSha256: string;
  size: number;
}

const cancelled = () => new BuktiError('bundle.seal.cancelled');
const noop = () => undefined;

/**
 * Writes the sealed bundle as a stream (src/core/zip/writer.ts: STORED entries, Zip64 when needed,
 * memory bounded by one chunk per file). `report.pdf` is hashed as it passes, each original's hash is the
 * one recorded at capture; SHA256SUMS, its signature and the manifest are written after the evidence. `done` settles when `stream` has been read
 * to the end (or fails, or `signal` aborts with `bundle.seal.cancelled`). The reader owns every piece it
 * gets: nothing in the writer reads or changes it afterwards, so it may be moved to another thread.
 */
export function sealBundle(
  plan: BundlePlan,
  sources: SealSources,
  options: SealOptions,
): { stream: ReadableStream<Uint8Array>; done: Promise<SealResult> } {
  const { signal, onProgress } = options;
  let resolveDone: (result: SealResult) => void = noop;
  let rejectDone: (error: unknown) => void = noop;
  const done = new Promise<SealResult>((resolve, reject) => {
    resolveDone = resolve;
    rejectDone = reject;
  });
  // The caller may only read the stream; the rejection still reaches anyone who awaits `done`.
  done.catch(noop);
  const state = { entry: '', entriesDone: 0, entriesTotal: plan.files.length + 7, bytesWritten: 0 };
  const writer = new BundleWriter(plan, sources, options, state);
  const inner = writeZip(writer.entries());
  let zipHash: AsyncSha256 | undefined;
  let finished = false;
  let controller: ReadableStreamDefaultController<Uint8Array> | undefined;
  const fail = (error: unknown) => {
    if (finished) return;
    finished = true;
    signal?.removeEventListener('abort', onAbort);
    zipHash?.abandon();
    writer.close();
    const reason = isBuktiError(error) || !signal?.aborted ? error : cancelled();
    inner.return(undefined).catch(noop);
    controller?.error(reason);
    rejectDone(reason);
  };
  const onAbort = () => fail(cancelled());
  signal?.addEventListener('abort', onAbort, { once: true });
  const stream = new ReadableStream<Uint8Array>({
    async start(streamController) {
      controller = streamController;
      if (signal?.aborted) return fail(cancelled());
      zipHash = await (options.zipHash ?? sha256OnThisThread)();
    },
    async pull(streamController) {
      try {
        const next = await inner.next();
        if (finished) return;
        if (next.done) {
          // The hasher catches up on the last pieces; the stream ends only with the hash known.
          const zipSha256 = await (zipHash as AsyncSha256).hex();
          if (finished) return;
          finished = true;
          signal?.removeEventListener('abort', onAbort);
          state.entriesDone = state.entriesTotal;
          onProgress?.({ ...state });
          streamController.close();
          resolveDone({
            bundleId: plan.manifest.bundleId,
            manifest: writer.manifest(),
            zipSha256,
            size: state.bytesWritten,
          });
          return;
        }
        await zipHash?.update(next.value);
        state.bytesWritten += next.value.length;
        onProgress?.({ ...state });
        streamController.enqueue(next.value);
      } catch (error) {
        fail(error);
      }
    },
    cancel(reason) {
      fail(reason ?? cancelled());
    },
  });
  return { stream, done };
}

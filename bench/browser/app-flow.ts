import { generateAgeIdentity, type SealFor } from '../../src/core/seal';
import type { VaultService } from '../../src/core/service/vault-service';
import { type Methods, wrap } from '../../src/ui/workers/rpc';
import { MiB } from '../ceiling';
import type { BenchResult } from '../measure';
import { HeapProbe } from './memory';

/** Long tasks on the page's main thread while `work` runs (the vault worker must keep the page free). */
async function watchingLongTasks<T>(work: () => Promise<T>): Promise<{ value: T; longest: number }> {
  let longest = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longest = Math.max(longest, entry.duration);
  });
  observer.observe({ type: 'longtask', buffered: false });
  try {
    const value = await work();
    return { value, longest };
  } finally {
    observer.disconnect();
  }
}

/** One real PNG "screenshot" of about `bytes`: smooth areas plus a noisy band, as a phone screenshot. */
async function screenshotPng(bytes: number): Promise<Uint8Array> {
  const width = 1080;
  const height = 2340;
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2d context');
  context.fillStyle = '#f4f1ea';
  context.fillRect(0, 0, width, height);
  const noisyRows = Math.min(height, Math.round(bytes / (width * 3)));
  const image = context.createImageData(width, noisyRows);
  let x = 12345;
  for (let i = 0; i < image.data.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    image.data[i] = i % 4 === 3 ? 255 : x & 0xff;
  }
  context.putImageData(image, 0, 200);
  const blob = await canvas.convertToBlob({ type: 'image/png' });
  return new Uint8Array(await blob.arrayBuffer());
}

/**
 * Writes a test file to the origin-private file system and returns it as a disk-backed File, as a file
 * picker would hand it over (an in-memory Blob of hundreds of MB would measure the Blob store instead).
 */
async function diskFile(name: string, type: string, parts: Uint8Array[]): Promise<File> {
  const root = await navigator.storage.getDirectory();
  const handle = await root.getFileHandle(name, { create: true });
  const writable = await handle.createWritable();
  for (const part of parts) await writable.write(part as BufferSource);
  await writable.close();
  const file = await handle.getFile();
  return new File([file], name, { type });
}

/** Empties the origin-private file system, except `keep` (the bundle the driver still has to verify). */
async function clearDisk(keep?: string): Promise<void> {
  const root = await navigator.storage.getDirectory();
  for await (const name of (root as unknown as { keys(): AsyncIterable<string> }).keys())
    if (name !== keep) await root.removeEntry(name);
}

const BUNDLE_FILE = 'bench-bundle.zip';

/** Tells the driver (bench/run.ts) that a phase ended, so it can take that phase's peak RSS. */
const benchPhase = () =>
  (window as unknown as { bukti_bench_phase?: () => Promise<void> }).bukti_bench_phase?.();
/**
 * Names the step under way, for the driver's timeline and stall message (bench/run.ts). Only a new label
 * is sent: each call is a round trip through DevTools to the driver, and the export's progress repeats
 * 'bundle' for every piece of the ZIP (thousands of calls, Chromium CPU that is the bench's, not the app's).
 */
let lastMark = '';
const benchMark = (label: string) => {
  if (label === lastMark) return;
  lastMark = label;
  (window as unknown as { bukti_bench_mark?: (label: string) => void }).bukti_bench_mark?.(label);
};
const gc = () => (globalThis as { gc?: () => void }).gc?.();
/** CPU seconds Chromium has used so far (all its processes), from the driver; null where unknown. */
const chromiumCpu = async () =>
  (await (window as unknown as { bukti_bench_cpu?: () => Promise<number | null> }).bukti_bench_cpu?.()) ??
  null;

/**
 * The export as the app's "Make the bundle" saves it where the File System Access API exists: the report
 * is written (exportStart), then the vault worker writes the ZIP straight into the picked file
 * (exportWrite; here a file in the origin-private file system, as no one can click a save dialog), and
 * the export is recorded (exportFinish). The page's heap is sampled while it waits. With `seal`, the ZIP
 * is sealed for its recipient (age) on the way, and the size is that of the sealed file.
 */
async function exportToFile(
  vault: Methods<VaultService>,
  caseId: string,
  heap: HeapProbe,
  seal?: SealFor,
): Promise<{ size: number; file: File }> {
  await vault.exportStart(1, {
    caseId,
    itemIds: null,
    sensitive: 'blur',
    language: 'both',
    seal,
  });
  // The report is written: the driver measures the ZIP's streaming on its own.
  await benchPhase();
  const handle = await (await navigator.storage.getDirectory()).getFileHandle(BUNDLE_FILE, { create: true });
  const sampling = setInterval(() => heap.sample(), 100);
  try {
    await vault.exportWrite(1, handle);
  } finally {
    clearInterval(sampling);
  }
  const summary = await vault.exportFinish(1);
  // The export ends here: what follows (erasing the bench vault derives its key with Argon2id, up to
  // 256 MiB) is not the export's memory.
  await benchPhase();
  return { size: summary.sealed?.size ?? summary.size, file: await handle.getFile() };
}

/** The same decodable PNG with distinct trailing bytes (ignored by decoders), so each file hashes apart. */
function variant(base: Uint8Array, n: number): Promise<File> {
  return diskFile(`screenshot-${n}.png`, 'image/png', [base, new TextEncoder().encode(`#${n}`)]);
}

export function randomFile(size: number, name: string, type: string, seed: number): Promise<File> {
  const piece = new Uint8Array(MiB);
  let x = seed;
  for (let i = 0; i < piece.length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    piece[i] = x >>> 24;
  }
  const parts: Uint8Array[] = [];
  for (let offset = 0; offset < size; offset += MiB)
    parts.push(piece.subarray(0, Math.min(MiB, size - offset)));
  parts.push(new TextEncoder().encode(name));
  return diskFile(name, type, parts);
}

function row(scenario: string, bytes: number | null, ms: number, extra?: BenchResult['extra']): BenchResult {
  return {
    scenario: `chromium: ${scenario}`,
    bytes,
    median_ms: ms,
    mb_per_s: bytes === null ? null : bytes / MiB / (ms / 1000),
    peak_memory_bytes: null,
    extra,
  };
}

/**
 * The app's own path: the real vault worker (src/ui/workers/vault.worker.ts) driven over its RPC bridge,
 * as the capture and export screens drive it. Returns the rows and leaves the exported file on `window`
 * for the driver to save and verify with the CLI.
 */
/** The bench vault's passphrase (erasing asks for it, like in the app). */
const BENCH_PASSPHRASE = 'bench passphrase for the app flow';

export async function appFlow(options: Record<string, number>): Promise<BenchResult[]> {
  const screenshots = options.screenshots ?? 200;
  const videos = options.videos ?? 1;
  const videoMiB = options.videoMiB ?? 200;
  const worker = new Worker(new URL('../../src/ui/workers/vault.worker.ts', import.meta.url), {
    type: 'module',
  });
  const vault = wrap<VaultService>(worker);
  const results: BenchResult[] = [];
  try {
    if ((await vault.status()) !== 'absent') await vault.erase(BENCH_PASSPHRASE);
    await vault.create(BENCH_PASSPHRASE);
    const theCase = await vault.createCase({ title: 'Bench case' });
    const base = await screenshotPng(2 * 1000 * 1000);
    await clearDisk();
    const files: File[] = [];
    for (let i = 0; i < screenshots; i++) files.push(await variant(base, i));
    for (let i = 0; i < videos; i++)
      files.push(await randomFile(videoMiB * MiB, `video-${i}.mp4`, 'video/mp4', i + 7));
    const total = files.reduce((n, f) => n + f.size, 0);

    const cpuBefore = await chromiumCpu();
    const started = performance.now();
    const ingest = await watchingLongTasks(async () => {
      // In batches, as a person adds files a few at a time; every file is one item.
      for (let i = 0; i < files.length; i += 20) {
        // The step the bench's stall watch names if nothing moves (bench/run.ts).
        benchMark(`ingest ${i}/${files.length}`);
        await vault.captureFiles(
          theCase.id,
          files.slice(i, i + 20).map((blob) => ({ blob, name: blob.name, type: blob.type })),
          {
            category: 'harassment',
          },
        );
      }
    });
    const captured = performance.now() - started;
    const cpuAfter = await chromiumCpu();
    // Thumbnails are drawn once capturing is over: how long until the last one is stored as well.
    benchMark('thumbnails');
    await vault.thumbnailsSettled();
    results.push(
      row(
        `ingest ${screenshots} PNG screenshots (${(base.length / 1e6).toFixed(1)} MB) + ${videos} × ${videoMiB} MiB video`,
        total,
        captured,
        {
          longest_main_thread_task_ms: ingest.longest,
          with_thumbnails_s: (performance.now() - started) / 1000,
          capture_cpu_s: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore,
        },
      ),
    );

    // The ingest scenario stops here, so its peak memory is the ingest's, not the export's.
    if (options.ingestOnly) {
      // Its phase ends before the erase, whose Argon2id (up to 256 MiB) is not the ingest's memory.
      await benchPhase();
      benchMark('erase');
      await vault.erase(BENCH_PASSPHRASE);
      return results;
    }
    let reportMs = 0;
    let reportStart = 0;
    const onEvent = (event: MessageEvent) => {
      const data = event.data as {
        kind?: string;
        name?: string;
        data?: { progress?: { stage: string; done: number; total: number } };
      };
      const progress =
        data?.kind === 'event' && data.name === 'export-progress' ? data.data?.progress : undefined;
      if (!progress) return;
      benchMark(progress.stage === 'report' ? `report ${progress.done}/${progress.total}` : progress.stage);
      if (progress.stage === 'report' && reportStart === 0) reportStart = performance.now();
      if (progress.stage === 'report' && progress.done === progress.total)
        reportMs = performance.now() - reportStart;
    };
    worker.addEventListener('message', onEvent);
    // Ends the ingest phase for the driver (bench/run.ts): the export's peak RSS is measured on its own.
    await benchPhase();
    gc();
    const heap = new HeapProbe();
    const exportStart = performance.now();
    const seal = options.sealed ? { recipients: [(await generateAgeIdentity()).recipient] } : undefined;
    const exportCpuBefore = await chromiumCpu();
    const exported = await watchingLongTasks(() => exportToFile(vault, theCase.id, heap, seal));
    const exportMs = performance.now() - exportStart;
    const exportCpuAfter = await chromiumCpu();
    worker.removeEventListener('message', onEvent);
    results.push(
      row(
        seal
          ? `export bundle of ${files.length} items sealed for a recipient (age) as it streams into a file`
          : `export sealed bundle of ${files.length} items (report + ZIP) into a file`,
        exported.value.size,
        exportMs,
        {
          longest_main_thread_task_ms: exported.longest,
          page_heap_growth_mib: (heap.growth() ?? Number.NaN) / MiB,
          largest_file_mib: Math.max(...files.map((f) => f.size)) / MiB,
          // Processor seconds of every Chromium process over the export: how many cores it kept busy.
          export_cpu_s:
            exportCpuBefore === null || exportCpuAfter === null ? null : exportCpuAfter - exportCpuBefore,
        },
      ),
    );
    results.push(row(`report PDF for ${files.length} items (${screenshots} images)`, null, reportMs));
    (window as unknown as { bukti_bench_export: Blob }).bukti_bench_export = exported.value.file;
    benchMark('erase');
    await vault.erase(BENCH_PASSPHRASE);
  } finally {
    worker.terminate();
    await clearDisk(BUNDLE_FILE).catch(() => undefined);
  }
  return results;
}

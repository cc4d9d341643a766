import { loadSodium } from '../../src/core/crypto/sodium';
import { argon2Scenario, ceilingNow, ceilingScenarios, filler, MiB } from '../ceiling';
import { type BenchResult, mbPerSecond, timeRuns } from '../measure';
import { appFlow, randomFile } from './app-flow';
import { backupScenarios } from './backup';
import type { FloorRequest, FloorResponse } from './floor.worker';
import { result } from './floor-tools';
import type { IngestFloorRequest, IngestFloorResponse } from './ingest-floor.worker';
import { HeapProbe } from './memory';
import { rekeyScenario } from './rekey';
import { vaultScenarios } from './vault';

const RUNTIME = 'chromium';

/** A scratch database `name` with one object store, `chunks`, for the raw IndexedDB scenarios. */
function openScratchDb(name: string): Promise<IDBDatabase> {
  return new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(name, 1);
    request.onupgradeneeded = () => request.result.createObjectStore('chunks');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** Closes and deletes a scratch database. */
async function dropScratchDb(db: IDBDatabase): Promise<void> {
  db.close();
  await new Promise((resolve) => {
    const deleting = indexedDB.deleteDatabase(db.name);
    deleting.onsuccess = deleting.onerror = resolve;
  });
}

/** Resolves once `tx` has committed. */
function committed(tx: IDBTransaction): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
}

/** CPU seconds every Chromium process has used so far, from the driver (0 where it cannot tell). */
const chromiumCpu = async () =>
  (await (window as unknown as { bukti_bench_cpu?: () => Promise<number | null> }).bukti_bench_cpu?.()) ?? 0;

/** Posts `request` to `worker` and resolves with its first answer. */
function answer<T>(worker: Worker, request: unknown): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<T>) => resolve(event.data);
    worker.onerror = (event) => reject(new Error(event.message));
    worker.postMessage(request);
  });
}

/** Raw IndexedDB put and get of 64 MiB in 1 MiB ArrayBuffers: the storage ceiling under the vault. */
async function indexedDbCeiling(): Promise<BenchResult[]> {
  const db = await openScratchDb('bench-raw');
  const total = 64 * MiB;
  const chunk = filler(MiB).buffer as ArrayBuffer;
  const probe = new HeapProbe();
  const write = await timeRuns(3, async () => {
    for (let i = 0; i < total / MiB; i++) {
      const tx = db.transaction('chunks', 'readwrite');
      tx.objectStore('chunks').put(chunk.slice(0), i);
      await committed(tx);
      probe.sample();
    }
  });
  const read = await timeRuns(3, async () => {
    for (let i = 0; i < total / MiB; i++) {
      const tx = db.transaction('chunks', 'readonly');
      const request = tx.objectStore('chunks').get(i);
      await committed(tx);
      if (!(request.result instanceof ArrayBuffer)) throw new Error('chunk missing');
    }
  });
  await dropScratchDb(db);
  return [
    {
      scenario: `${RUNTIME}: IndexedDB raw put, 1 MiB ArrayBuffers, one tx each`,
      bytes: total,
      median_ms: write,
      mb_per_s: mbPerSecond(total, write),
      peak_memory_bytes: probe.growth(),
    },
    {
      scenario: `${RUNTIME}: IndexedDB raw get, 1 MiB ArrayBuffers, one tx each`,
      bytes: total,
      median_ms: read,
      mb_per_s: mbPerSecond(total, read),
      peak_memory_bytes: null,
    },
  ];
}

/**
 * Reads of 64 MiB stored as values of 1, 2 or 4 MiB: one at a time, four in flight, and four at once
 * with one `getAll` over a key range. What the vault's chunk size and its reads are chosen by (issue 19).
 */
async function indexedDbReadShapes(): Promise<BenchResult[]> {
  const db = await openScratchDb('bench-shapes');
  const total = 64 * MiB;
  const rows: BenchResult[] = [];
  for (const sizeMiB of [1, 2, 4]) {
    const count = total / (sizeMiB * MiB);
    const value = filler(sizeMiB * MiB).buffer as ArrayBuffer;
    for (let i = 0; i < count; i++) {
      const tx = db.transaction('chunks', 'readwrite');
      await result(tx.objectStore('chunks').put(value.slice(0), i));
    }
    const get = (i: number) => result(db.transaction('chunks').objectStore('chunks').get(i));
    const shapes: Array<[string, () => Promise<void>]> = [
      [
        'one at a time',
        async () => {
          for (let i = 0; i < count; i++) await get(i);
        },
      ],
      [
        '4 in flight',
        async () => {
          for (let i = 0; i < count; i += 4)
            await Promise.all([0, 1, 2, 3].filter((k) => i + k < count).map((k) => get(i + k)));
        },
      ],
      [
        'getAll of 4',
        async () => {
          for (let i = 0; i < count; i += 4)
            await result(
              db
                .transaction('chunks')
                .objectStore('chunks')
                .getAll(IDBKeyRange.bound(i, i + 3)),
            );
        },
      ],
    ];
    for (const [shape, read] of shapes) {
      const ms = await timeRuns(3, read);
      rows.push({
        scenario: `${RUNTIME}: IndexedDB raw get, ${sizeMiB} MiB values, ${shape}`,
        bytes: total,
        median_ms: ms,
        mb_per_s: mbPerSecond(total, ms),
        peak_memory_bytes: null,
      });
    }
    await result(db.transaction('chunks', 'readwrite').objectStore('chunks').clear());
  }
  await dropScratchDb(db);
  return rows;
}

/**
 * Processor time of every Chromium process (not wall time) to store and read 256 MiB as IndexedDB values
 * (ArrayBuffer or Blob, 1 or 4 MiB; stored four MiB to a transaction, read four MiB at a time), to write
 * it into a file through `createWritable`, and to start a chunk-reader worker. The export is bound by
 * processor time on a two-core machine (docs/bundle-format.md), so this is what its storage costs.
 */
async function storageCpu(): Promise<BenchResult[]> {
  const rows: BenchResult[] = [];
  const total = 256 * MiB;
  for (const [sizeMiB, kind] of [
    [1, 'ArrayBuffer'],
    [1, 'Blob'],
    [4, 'ArrayBuffer'],
    [4, 'Blob'],
  ] as const) {
    const db = await openScratchDb(`bench-cpu-${sizeMiB}-${kind}`);
    const count = total / (sizeMiB * MiB);
    const per = Math.max(1, 4 / sizeMiB);
    const base = filler(sizeMiB * MiB).buffer as ArrayBuffer;
    let c0 = await chromiumCpu();
    let t0 = performance.now();
    for (let i = 0; i < count; i += per) {
      const tx = db.transaction('chunks', 'readwrite');
      for (let k = 0; k < per; k++) {
        const copy = base.slice(0);
        tx.objectStore('chunks').put(kind === 'Blob' ? new Blob([copy]) : copy, i + k);
      }
      await committed(tx);
    }
    const putMs = performance.now() - t0;
    const putCpu = (await chromiumCpu()) - c0;
    c0 = await chromiumCpu();
    t0 = performance.now();
    let bytes = 0;
    for (let i = 0; i < count; i += per) {
      const got = await Promise.all(
        Array.from({ length: per }, (_, k) =>
          result(
            db
              .transaction('chunks')
              .objectStore('chunks')
              .get(i + k),
          ),
        ),
      );
      for (const value of got) {
        const buffer = value instanceof Blob ? await value.arrayBuffer() : (value as ArrayBuffer);
        bytes += buffer.byteLength;
      }
    }
    const getMs = performance.now() - t0;
    const getCpu = (await chromiumCpu()) - c0;
    if (bytes !== total) throw new Error('short read');
    await dropScratchDb(db);
    for (const [op, ms, used] of [
      ['put', putMs, putCpu],
      ['get', getMs, getCpu],
    ] as const)
      rows.push({
        scenario: `${RUNTIME}: storage cpu: IndexedDB ${op} 256 MiB, ${sizeMiB} MiB ${kind} values (${used.toFixed(2)} cpu-s)`,
        bytes: total,
        median_ms: ms,
        mb_per_s: mbPerSecond(total, ms),
        peak_memory_bytes: null,
      });
  }
  // The file path: 256 MiB into an OPFS file through createWritable, 1 MiB and 4 MiB writes, one at a time.
  const root = await navigator.storage.getDirectory();
  for (const sizeMiB of [1, 4]) {
    const handle = await root.getFileHandle(`bench-cpu-${sizeMiB}.bin`, { create: true });
    const base = filler(sizeMiB * MiB);
    const c0 = await chromiumCpu();
    const t0 = performance.now();
    const writable = await handle.createWritable();
    for (let at = 0; at < total; at += sizeMiB * MiB) await writable.write(base.slice());
    await writable.close();
    const ms = performance.now() - t0;
    const used = (await chromiumCpu()) - c0;
    await root.removeEntry(`bench-cpu-${sizeMiB}.bin`);
    rows.push({
      scenario: `${RUNTIME}: storage cpu: file write 256 MiB, ${sizeMiB} MiB writes (${used.toFixed(2)} cpu-s)`,
      bytes: total,
      median_ms: ms,
      mb_per_s: mbPerSecond(total, ms),
      peak_memory_bytes: null,
    });
  }
  // Eight chunk-reader workers started, each reading one value: what replacing a reader costs.
  {
    const c0 = await chromiumCpu();
    const t0 = performance.now();
    for (let i = 0; i < 8; i++) {
      const worker = new Worker(new URL('../../src/ui/workers/chunk-reader.worker.ts', import.meta.url), {
        type: 'module',
      });
      await new Promise((resolve) => {
        worker.onmessage = resolve;
        worker.postMessage({ id: 1, dbName: 'bench-cpu-none', fileId: 'x', index: 0 });
      });
      worker.terminate();
    }
    const ms = performance.now() - t0;
    const used = (await chromiumCpu()) - c0;
    rows.push({
      scenario: `${RUNTIME}: storage cpu: 8 chunk-reader workers started, one read each (${used.toFixed(2)} cpu-s)`,
      bytes: null,
      median_ms: ms,
      mb_per_s: null,
      peak_memory_bytes: null,
    });
  }
  return rows;
}

/**
 * The export's work alone, as the floor its figure is compared with: 512 MiB sealed with secretstream in
 * 1 MiB chunks (stored as IndexedDB ArrayBuffer values, untimed), then, timed, read with four reads in
 * flight, opened, CRC-32'd and written into a file in one worker while a second computes the SHA-256 of
 * what was written (bench/browser/floor.worker.ts). Processor seconds of every Chromium process are in the
 * row's name, as in `storageCpu`.
 */
async function exportFloor(options: Record<string, number>): Promise<BenchResult[]> {
  const sizeMiB = options.sizeMiB ?? 512;
  // Stored as the vault stores chunks (1 MiB ArrayBuffer values) unless asked otherwise (BENCH_FLOOR).
  const chunkMiB = options.chunkMiB ?? 1;
  const asBlob = options.blob === 1;
  const count = sizeMiB / chunkMiB;
  const sodium = await loadSodium();
  const db = await openScratchDb('bench-floor');
  const key = sodium.crypto_secretstream_xchacha20poly1305_keygen();
  const { state, header } = sodium.crypto_secretstream_xchacha20poly1305_init_push(key);
  const expected = sodium.crypto_hash_sha256_init();
  for (let i = 0; i < count; i += 4 / chunkMiB) {
    const tx = db.transaction('chunks', 'readwrite');
    for (let k = i; k < Math.min(i + 4 / chunkMiB, count); k++) {
      const plain = filler(chunkMiB * MiB, k + 1);
      sodium.crypto_hash_sha256_update(expected, plain);
      const tag =
        k === count - 1
          ? sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL
          : sodium.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE;
      const sealed = sodium.crypto_secretstream_xchacha20poly1305_push(state, plain, null, tag)
        .buffer as ArrayBuffer;
      tx.objectStore('chunks').put(asBlob ? new Blob([sealed]) : sealed, k);
    }
    await committed(tx);
  }
  const want = sodium.to_hex(sodium.crypto_hash_sha256_final(expected));
  const root = await navigator.storage.getDirectory();
  await root.getFileHandle('bench-floor.bin', { create: true });
  db.close();
  const worker = new Worker(new URL('./floor.worker.ts', import.meta.url), { type: 'module' });
  const c0 = await chromiumCpu();
  const t0 = performance.now();
  const got = await answer<FloorResponse>(worker, {
    dbName: 'bench-floor',
    count,
    key,
    header,
    file: 'bench-floor.bin',
    readsInFlight: 4,
  } satisfies FloorRequest);
  const ms = performance.now() - t0;
  const used = (await chromiumCpu()) - c0;
  worker.terminate();
  await root.removeEntry('bench-floor.bin');
  await dropScratchDb(await openScratchDb('bench-floor'));
  if (got.sha256 !== want || got.bytes !== sizeMiB * MiB) throw new Error('the floor pipeline lost bytes');
  return [
    {
      scenario: `${RUNTIME}: export floor: read, open, CRC-32, write ${sizeMiB} MiB, SHA-256 beside${chunkMiB === 1 && !asBlob ? '' : ` (${chunkMiB} MiB ${asBlob ? 'Blob' : 'ArrayBuffer'} values)`} (${used.toFixed(2)} cpu-s)`,
      bytes: sizeMiB * MiB,
      median_ms: ms,
      mb_per_s: mbPerSecond(sizeMiB * MiB, ms),
      peak_memory_bytes: null,
      extra: { cpu_ms_per_mib: (used * 1000) / sizeMiB },
    },
  ];
}

/**
 * The capture's work alone, as the floor the ingest figure is compared with: the ingest scenario's files
 * (200 of 2.3 MB and one of 200 MiB, on disk) read, fingerprinted, sealed and stored with nothing else
 * (bench/browser/ingest-floor.worker.ts). Processor seconds are in the row's name.
 */
async function ingestFloor(options: Record<string, number>): Promise<BenchResult[]> {
  const small = options.files ?? 200;
  const largeMiB = options.largeMiB ?? 200;
  const chunkMiB = options.chunkMiB ?? 1;
  const files: File[] = [];
  for (let i = 0; i < small; i++)
    files.push(await randomFile(2_300_000, `floor-${i}.bin`, 'image/png', i + 1));
  files.push(await randomFile(largeMiB * MiB, 'floor-large.bin', 'video/mp4', 99));
  const want: string[] = [];
  for (const file of files) {
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', await file.arrayBuffer()));
    want.push(Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join(''));
  }
  const total = files.reduce((n, f) => n + f.size, 0);
  (await openScratchDb('bench-ingest-floor')).close();
  const worker = new Worker(new URL('./ingest-floor.worker.ts', import.meta.url), { type: 'module' });
  const c0 = await chromiumCpu();
  const t0 = performance.now();
  const got = await answer<IngestFloorResponse>(worker, {
    kind: 'ingest',
    dbName: 'bench-ingest-floor',
    files,
    chunkMiB,
  } satisfies IngestFloorRequest);
  const ms = performance.now() - t0;
  const used = (await chromiumCpu()) - c0;
  worker.terminate();
  await dropScratchDb(await openScratchDb('bench-ingest-floor'));
  const root = await navigator.storage.getDirectory();
  for (const file of files) await root.removeEntry(file.name);
  if (got.bytes !== total || got.sha256.join() !== want.join())
    throw new Error('the ingest floor lost bytes');
  return [
    {
      scenario: `${RUNTIME}: ingest floor: read, SHA-256, seal, store ${small} files + ${largeMiB} MiB${chunkMiB === 1 ? '' : ` (${chunkMiB} MiB chunks)`} (${used.toFixed(2)} cpu-s)`,
      bytes: total,
      median_ms: ms,
      mb_per_s: mbPerSecond(total, ms),
      peak_memory_bytes: null,
      extra: { cpu_ms_per_mib: (used * 1000) / (total / MiB) },
    },
  ];
}

/** Scenarios the Node driver calls by name through page.evaluate. */
const scenarios: Record<string, (options: Record<string, number>) => Promise<BenchResult[]>> = {
  async ceiling() {
    return ceilingScenarios(await loadSodium(), RUNTIME);
  },
  /** Not a row: the secretstream ceiling (MiB/s) right now, taken around each long scenario. */
  async ceilingNow() {
    return [
      {
        scenario: `${RUNTIME}: ceiling now`,
        bytes: null,
        median_ms: 0,
        mb_per_s: await ceilingNow(await loadSodium()),
        peak_memory_bytes: null,
      },
    ];
  },
  async argon2(options) {
    return [
      await argon2Scenario(await loadSodium(), RUNTIME, options.opslimit ?? 3, options.memlimit ?? 256 * MiB),
    ];
  },
  indexedDb: async () => [...(await indexedDbCeiling()), ...(await indexedDbReadShapes())],
  storageCpu,
  exportFloor,
  ingestFloor,
  backup: (options) => backupScenarios(options.sizeMiB ?? 1000),
  ingest: appFlow,
  export: appFlow,
  exportAge: appFlow,
  async vault(options) {
    return vaultScenarios([options.small ?? 1, options.medium ?? 10, options.large ?? 200]);
  },
  rekey: rekeyScenario,
};

(window as unknown as { bukti_bench: typeof scenarios }).bukti_bench = scenarios;
document.body.dataset.ready = 'true';

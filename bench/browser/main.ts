import { loadSodium } from '../../src/core/crypto/sodium';
import { argon2Scenario, ceilingNow, ceilingScenarios, filler, MiB } from '../ceiling';
import { type BenchResult, mbPerSecond, timeRuns } from '../measure';
import { appFlow } from './app-flow';
import { backupScenarios } from './backup';
import { HeapProbe } from './memory';
import { rekeyScenario } from './rekey';
import { vaultScenarios } from './vault';

const RUNTIME = 'chromium';

/** Raw IndexedDB put and get of 64 MiB in 1 MiB ArrayBuffers: the storage ceiling under the vault. */
async function indexedDbCeiling(): Promise<BenchResult[]> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open('bench-raw', 1);
    request.onupgradeneeded = () => request.result.createObjectStore('chunks');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const total = 64 * MiB;
  const chunk = filler(MiB).buffer as ArrayBuffer;
  const done = (tx: IDBTransaction) =>
    new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
  const probe = new HeapProbe();
  const write = await timeRuns(3, async () => {
    for (let i = 0; i < total / MiB; i++) {
      const tx = db.transaction('chunks', 'readwrite');
      tx.objectStore('chunks').put(chunk.slice(0), i);
      await done(tx);
      probe.sample();
    }
  });
  const read = await timeRuns(3, async () => {
    for (let i = 0; i < total / MiB; i++) {
      const tx = db.transaction('chunks', 'readonly');
      const request = tx.objectStore('chunks').get(i);
      await done(tx);
      if (!(request.result instanceof ArrayBuffer)) throw new Error('chunk missing');
    }
  });
  db.close();
  await new Promise((resolve) => {
    const request = indexedDB.deleteDatabase('bench-raw');
    request.onsuccess = request.onerror = resolve;
  });
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
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open('bench-shapes', 1);
    request.onupgradeneeded = () => request.result.createObjectStore('chunks');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const total = 64 * MiB;
  const request = <T>(r: IDBRequest<T>) =>
    new Promise<T>((resolve, reject) => {
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
  const rows: BenchResult[] = [];
  for (const sizeMiB of [1, 2, 4]) {
    const count = total / (sizeMiB * MiB);
    const value = filler(sizeMiB * MiB).buffer as ArrayBuffer;
    for (let i = 0; i < count; i++) {
      const tx = db.transaction('chunks', 'readwrite');
      await request(tx.objectStore('chunks').put(value.slice(0), i));
    }
    const get = (i: number) => request(db.transaction('chunks').objectStore('chunks').get(i));
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
            await request(
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
    await request(db.transaction('chunks', 'readwrite').objectStore('chunks').clear());
  }
  db.close();
  await new Promise((resolve) => {
    const deleting = indexedDB.deleteDatabase('bench-shapes');
    deleting.onsuccess = deleting.onerror = resolve;
  });
  return rows;
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

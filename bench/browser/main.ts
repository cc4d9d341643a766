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
  indexedDb: indexedDbCeiling,
  backup: (options) => backupScenarios(options.sizeMiB ?? 1000),
  ingest: appFlow,
  export: appFlow,
  async vault(options) {
    return vaultScenarios([options.small ?? 1, options.medium ?? 10, options.large ?? 200]);
  },
  rekey: rekeyScenario,
};

(window as unknown as { bukti_bench: typeof scenarios }).bukti_bench = scenarios;
document.body.dataset.ready = 'true';

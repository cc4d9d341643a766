import { loadSodium } from '../../src/core/crypto/sodium';
import {
  calibrateKdf,
  createVault,
  deriveKeyInProcess,
  eraseVault,
  measureWith,
  newId,
  openVaultDb,
  unlockVault,
} from '../../src/core/vault';
import { workerChunkWriter } from '../../src/ui/workers/chunk-writer-bridge';
import { filler, MiB } from '../ceiling';
import { type BenchResult, mbPerSecond, median } from '../measure';
import { HeapProbe } from './memory';

const PASSPHRASE = 'bench passphrase for bukti';

/** `size` bytes in 1 MiB pieces from one reused buffer; `probe` samples the heap as each piece is taken. */
async function* source(size: number, probe: HeapProbe): AsyncGenerator<Uint8Array> {
  const piece = filler(MiB, 3);
  for (let offset = 0; offset < size; offset += MiB) {
    probe.sample();
    yield offset + MiB <= size ? piece : piece.subarray(0, size - offset);
  }
}

/** Unlock time at parameters calibrated on this browser, then store/read throughput for each size. */
export async function vaultScenarios(sizesMiB: number[]): Promise<BenchResult[]> {
  const derive = deriveKeyInProcess(await loadSodium());
  const kdfParams = await calibrateKdf(measureWith(derive));
  // As in the app: chunks are stored from a worker of their own while this thread seals the next ones.
  const db = await openVaultDb(
    { indexedDB, IDBKeyRange, chunkWriter: workerChunkWriter },
    { name: 'bench-vault' },
  );
  const results: BenchResult[] = [];
  try {
    let vault = await createVault(db, PASSPHRASE, { kdfParams, deriveKey: derive });
    vault.lock();
    const unlockTimes: number[] = [];
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      const result = await unlockVault(db, PASSPHRASE, { deriveKey: derive });
      unlockTimes.push(performance.now() - started);
      if (result.kind !== 'ok') throw new Error('bench unlock failed');
      vault = result.vault;
      if (i < 2) vault.lock();
    }
    results.push({
      scenario: `chromium: vault unlock (Argon2id calibrated: ops ${kdfParams.opslimit}, ${kdfParams.memlimit / MiB} MiB)`,
      bytes: null,
      median_ms: median(unlockTimes),
      mb_per_s: null,
      peak_memory_bytes: null,
    });

    for (const sizeMiB of sizesMiB) {
      const size = sizeMiB * MiB;
      // One untimed run first, as everywhere in the bench: the first write of a session starts the chunk
      // writer worker and the first read a reader worker (tens of ms). Its times are kept beside the row.
      const runs = sizeMiB >= 100 ? 1 : 5;
      const writeTimes: number[] = [];
      const readTimes: number[] = [];
      let growth: number | null = null;
      let warmUp: { write: number; read: number } | undefined;
      for (let run = -1; run < runs; run++) {
        (globalThis as { gc?: () => void }).gc?.();
        const probe = new HeapProbe();
        const fileId = newId();
        let started = performance.now();
        await vault.writeFile(fileId, source(size, probe));
        const write = performance.now() - started;
        started = performance.now();
        let read = 0;
        for await (const chunk of vault.readFile(fileId)) read += chunk.length;
        const readMs = performance.now() - started;
        if (read !== size) throw new Error(`read ${read} of ${size} bytes`);
        await vault.deleteFile(fileId);
        if (run < 0) {
          warmUp = { write, read: readMs };
          continue;
        }
        writeTimes.push(write);
        readTimes.push(readMs);
        growth = Math.max(growth ?? 0, probe.growth() ?? 0);
      }
      const write = median(writeTimes);
      const read = median(readTimes);
      results.push({
        scenario: `chromium: vault encrypt-and-store ${sizeMiB} MiB file`,
        bytes: size,
        median_ms: write,
        mb_per_s: mbPerSecond(size, write),
        peak_memory_bytes: growth,
        extra: { warm_up_ms: Math.round(warmUp?.write ?? Number.NaN) },
      });
      results.push({
        scenario: `chromium: vault read-and-decrypt ${sizeMiB} MiB file`,
        bytes: size,
        median_ms: read,
        mb_per_s: mbPerSecond(size, read),
        peak_memory_bytes: null,
        extra: { warm_up_ms: Math.round(warmUp?.read ?? Number.NaN) },
      });
    }
    vault.lock();
  } finally {
    await eraseVault(db);
  }
  return results;
}

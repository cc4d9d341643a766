import { loadSodium } from '../../src/core/crypto/sodium';
import { createVault, deriveKeyInProcess, eraseVault, newId, openVaultDb } from '../../src/core/vault';
import { workerChunkReader } from '../../src/ui/workers/chunk-reader-bridge';
import { workerChunkWriter } from '../../src/ui/workers/chunk-writer-bridge';
import { filler, MiB } from '../ceiling';
import { type BenchResult, mbPerSecond } from '../measure';
import { HeapProbe } from './memory';

const PASSPHRASE = 'bench passphrase before the rotation';
const NEXT = 'bench passphrase after the rotation';
/** Cheap Argon2id: this scenario measures re-encryption, the KDF has its own row. */
const KDF = { opslimit: 1, memlimit: 8 * MiB };

async function* pieces(size: number): AsyncGenerator<Uint8Array> {
  const piece = filler(MiB, 5);
  for (let offset = 0; offset < size; offset += MiB)
    yield offset + MiB <= size ? piece : piece.subarray(0, size - offset);
}

/**
 * "Someone knows my passphrase" on a vault of `files` files of `fileMiB` MiB and `records` records:
 * the key change itself (one transaction), then the re-encryption of everything, whose MB/s (file bytes
 * over its time) is compared with the secretstream ceiling. Chunks are read and stored by the app's
 * chunk reader and writer workers, as in the app.
 */
export async function rekeyScenario(options: Record<string, number>): Promise<BenchResult[]> {
  const files = options.files ?? 4;
  const fileMiB = options.fileMiB ?? 50;
  const records = options.records ?? 500;
  const derive = deriveKeyInProcess(await loadSodium());
  const db = await openVaultDb(
    { indexedDB, IDBKeyRange, chunkWriter: workerChunkWriter, chunkReader: workerChunkReader },
    { name: 'bench-rekey' },
  );
  try {
    const vault = await createVault(db, PASSPHRASE, { kdfParams: KDF, deriveKey: derive });
    for (let i = 0; i < files; i++) await vault.writeFile(newId(), pieces(fileMiB * MiB));
    for (let start = 0; start < records; start += 50)
      await vault.writeRecords(
        Array.from({ length: Math.min(50, records - start) }, (_, i) => ({
          store: 'items',
          id: newId(),
          value: { n: start + i, text: 'x'.repeat(600) },
        })),
      );
    (globalThis as { gc?: () => void }).gc?.();
    const probe = new HeapProbe();
    let started = performance.now();
    const check = await vault.rotateKeys(PASSPHRASE, NEXT, async () => ({ records: [] }));
    if (check.kind !== 'ok') throw new Error(`rotation refused: ${check.kind}`);
    const switchMs = performance.now() - started;
    started = performance.now();
    await vault.continueRotation(() => probe.sample());
    const sweepMs = performance.now() - started;
    vault.lock();
    const bytes = files * fileMiB * MiB;
    return [
      {
        scenario: 'chromium: key rotation, new keys stored (2 Argon2id runs at 8 MiB, one transaction)',
        bytes: null,
        median_ms: switchMs,
        mb_per_s: null,
        peak_memory_bytes: null,
      },
      {
        scenario: `chromium: key rotation, re-encrypt ${files} × ${fileMiB} MiB files + ${records} records`,
        bytes,
        median_ms: sweepMs,
        mb_per_s: mbPerSecond(bytes, sweepMs),
        peak_memory_bytes: probe.growth(),
      },
    ];
  } finally {
    await eraseVault(db);
  }
}

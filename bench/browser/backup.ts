import { restoreBackup, startBackup } from '../../src/core/backup';
import { createVault, eraseVault, newId, openVaultDb, type VaultDb } from '../../src/core/vault';
import { filler, MiB } from '../ceiling';
import { type BenchResult, mbPerSecond } from '../measure';
import { HeapProbe } from './memory';

const PASSPHRASE = 'bench passphrase for bukti backups';
/** Cheap Argon2id: the scenarios measure streaming, not the one KDF run each (see the vault scenario). */
const KDF = { opslimit: 1, memlimit: 8 * MiB };
/** Evidence files of at most this size make up the vault, as many as `sizeMiB` needs. */
const FILE_MIB = 100;
const BACKUP_FILE = 'bench-backup.bin';

const env = { indexedDB, IDBKeyRange };

async function* source(size: number): AsyncGenerator<Uint8Array> {
  const piece = filler(MiB, 11);
  for (let offset = 0; offset < size; offset += MiB) yield piece.subarray(0, Math.min(MiB, size - offset));
}

/**
 * The page side of a backup saved straight to disk, as the app's "Save to a file" does: each piece is
 * written to a file (here in the origin-private file system, since no one can click a save dialog).
 * Large Blobs are not used: a private-mode Chromium keeps them in memory and refuses beyond a few
 * hundred MiB. Returns the saved file, disk-backed, for the restore.
 */
async function backupToFile(db: VaultDb, probe: HeapProbe): Promise<File> {
  const started = await startBackup(db, PASSPHRASE);
  if (started.kind !== 'ok') throw new Error(`bench backup refused: ${started.kind}`);
  const root = await navigator.storage.getDirectory();
  const handle = await root.getFileHandle(BACKUP_FILE, { create: true });
  const writable = await handle.createWritable();
  for await (const piece of started.pieces) {
    await writable.write(piece as Uint8Array<ArrayBuffer>);
    probe.sample();
  }
  await writable.close();
  return handle.getFile();
}

function row(scenario: string, bytes: number, ms: number, growth: number | null): BenchResult {
  return {
    scenario: `chromium: ${scenario}`,
    bytes,
    median_ms: ms,
    mb_per_s: mbPerSecond(bytes, ms),
    peak_memory_bytes: growth,
  };
}

/**
 * Backup and restore of a vault holding `sizeMiB` MiB of files: the backup streamed to a file, then
 * restored from it (checked whole, then written) into a fresh database. MB/s are over the backup file's size;
 * peak memory is the JS heap's growth.
 */
export async function backupScenarios(sizeMiB: number): Promise<BenchResult[]> {
  const original = await openVaultDb(env, { name: 'bench-backup' });
  const target = await openVaultDb(env, { name: 'bench-backup-restored' });
  try {
    const vault = await createVault(original, PASSPHRASE, { kdfParams: KDF });
    for (let left = sizeMiB; left > 0; left -= FILE_MIB) {
      await vault.writeFile(newId(), source(Math.min(FILE_MIB, left) * MiB));
    }
    vault.lock();

    (globalThis as { gc?: () => void }).gc?.();
    const backupProbe = new HeapProbe();
    let started = performance.now();
    const file = await backupToFile(original, backupProbe);
    const backupMs = performance.now() - started;
    const backupGrowth = backupProbe.growth();
    // As on a fresh browser; it also keeps the private-mode profile within its in-memory quota.
    await eraseVault(original);

    (globalThis as { gc?: () => void }).gc?.();
    const restoreProbe = new HeapProbe();
    started = performance.now();
    const { vault: restored, summary } = await restoreBackup(file, PASSPHRASE, {
      openTarget: async () => target,
      onProgress: () => restoreProbe.sample(),
    });
    const restoreMs = performance.now() - started;
    restored.lock();
    if (summary.counts.files !== Math.ceil(sizeMiB / FILE_MIB)) throw new Error('restore lost files');

    return [
      row(`backup ${sizeMiB} MiB vault, streamed to a file`, file.size, backupMs, backupGrowth),
      row(
        `restore ${sizeMiB} MiB backup (check whole file, then write)`,
        file.size,
        restoreMs,
        restoreProbe.growth(),
      ),
    ];
  } finally {
    await eraseVault(original);
    await eraseVault(target);
    await (await navigator.storage.getDirectory()).removeEntry(BACKUP_FILE).catch(() => undefined);
  }
}

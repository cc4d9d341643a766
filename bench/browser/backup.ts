import { type RestoreOptions, restoreBackup, startBackup } from '../../src/core/backup';
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
const gc = () => (globalThis as { gc?: () => void }).gc?.();

async function* source(size: number): AsyncGenerator<Uint8Array> {
  const piece = filler(MiB, 11);
  for (let offset = 0; offset < size; offset += MiB) yield piece.subarray(0, Math.min(MiB, size - offset));
}

/**
 * A backup saved straight to disk as the app's "Save to a file" does: a pulled stream, one piece ahead,
 * piped into a file (here in the origin-private file system, as no one can click a save dialog). Not a
 * Blob: a private-mode Chromium keeps Blobs in memory and breaks them beyond a few hundred MiB.
 */
async function backupToFile(db: VaultDb, probe: HeapProbe): Promise<File> {
  const started = await startBackup(db, PASSPHRASE);
  if (started.kind !== 'ok') throw new Error(`bench backup refused: ${started.kind}`);
  const { pieces } = started;
  const stream = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const step = await pieces.next();
        probe.sample();
        if (step.done) controller.close();
        else controller.enqueue(step.value);
      },
    },
    new CountQueuingStrategy({ highWaterMark: 2 }),
  );
  const handle = await (await navigator.storage.getDirectory()).getFileHandle(BACKUP_FILE, { create: true });
  await stream.pipeTo(await handle.createWritable());
  return handle.getFile();
}

async function timedRestore(
  file: File,
  target: VaultDb,
  options: Partial<RestoreOptions>,
): Promise<{ ms: number; growth: number | null }> {
  gc();
  const probe = new HeapProbe();
  const started = performance.now();
  const { vault } = await restoreBackup(file, PASSPHRASE, {
    openTarget: async () => target,
    onProgress: () => probe.sample(),
    ...options,
  });
  const ms = performance.now() - started;
  vault.lock();
  return { ms, growth: probe.growth() };
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
 * Backup and restore of a vault holding `sizeMiB` MiB of files (one run each): the backup streamed to a
 * file; then restored from it onto an empty device (one pass, header last) and in the replacing mode
 * (the whole file checked first). MB/s are over the backup file; peak memory is the JS heap's growth.
 */
export async function backupScenarios(sizeMiB: number): Promise<BenchResult[]> {
  const original = await openVaultDb(env, { name: 'bench-backup' });
  let target = await openVaultDb(env, { name: 'bench-backup-restored' });
  try {
    const vault = await createVault(original, PASSPHRASE, { kdfParams: KDF });
    for (let left = sizeMiB; left > 0; left -= FILE_MIB) {
      await vault.writeFile(newId(), source(Math.min(FILE_MIB, left) * MiB));
    }
    vault.lock();

    gc();
    const backupProbe = new HeapProbe();
    const started = performance.now();
    const file = await backupToFile(original, backupProbe);
    const backupMs = performance.now() - started;
    const backupGrowth = backupProbe.growth();
    // As on a fresh browser; it also keeps the private-mode profile within its in-memory quota.
    await eraseVault(original);

    const onePass = await timedRestore(file, target, { checkFirst: false });
    await eraseVault(target);
    target = await openVaultDb(env, { name: 'bench-backup-restored' });
    const checkFirst = await timedRestore(file, target, { checkFirst: true });

    return [
      row(`backup ${sizeMiB} MiB vault, streamed to a file`, file.size, backupMs, backupGrowth),
      row(`restore ${sizeMiB} MiB onto an empty device (one pass)`, file.size, onePass.ms, onePass.growth),
      row(
        `restore ${sizeMiB} MiB replacing a vault (check first)`,
        file.size,
        checkFirst.ms,
        checkFirst.growth,
      ),
    ];
  } finally {
    await eraseVault(original);
    await eraseVault(target);
    await (await navigator.storage.getDirectory()).removeEntry(BACKUP_FILE).catch(() => undefined);
  }
}

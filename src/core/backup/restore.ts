import { loadSodium, type Sodium } from '../crypto/sodium';
import { type CustodyDetails, entryHash, GENESIS_HASH } from '../custody/entry';
import { BuktiError } from '../errors';
import { EvidenceRepository } from '../evidence/repository';
import type { VaultDb } from '../vault/db';
import { encodeHeader } from '../vault/header';
import { type DeriveKey, deriveKeyInProcess } from '../vault/kdf';
import { newDeviceRecord } from '../vault/meta';
import { openVault } from '../vault/open-vault';
import type { Vault } from '../vault/vault';
import type { BackupCounts } from './frames';
import type { RestoreMode } from './journal';
import { type BackupKeys, type BackupSource, type ReadFrame, readFrames, unlockBackup } from './open';
import type { FrameChecker } from './order';
import { BACKUP_SETTINGS, parseBackupSettings } from './reminder';
import {
  assertOwnJournal,
  BatchWriter,
  commitVault,
  discardUnfinished,
  prepareEmpty,
  type StoredValue,
} from './restore-write';

/** How far a restore has come. With `checkFirst`, the file is read twice: checked whole, then written. */
export interface RestoreProgress {
  phase: 'checking' | 'writing';
  bytesRead: number;
  totalBytes: number | null;
}

/** What was restored, from the backup's own sealed facts. */
export interface RestoreSummary {
  createdAt: string;
  counts: BackupCounts;
}

export interface RestoreOptions {
  deriveKey?: DeriveKey;
  now?: () => number;
  /**
   * Returns the database to restore into, once, just before the first write (after the whole file has
   * been checked when `checkFirst`). The service erases the vault being replaced here.
   */
  openTarget: () => Promise<VaultDb>;
  /**
   * Read and authenticate the whole file before writing anything (the default). Needed when a vault is
   * being replaced: it is erased only once the file is known to be good. Into an empty database one
   * pass is enough, since nothing is a vault until the header is written last (docs/backup-format.md §5).
   */
  checkFirst?: boolean;
  /** What the journal calls this restore (`replace`: the vault that was here has been erased). */
  mode?: RestoreMode;
  /** Bytes the origin may still store, where the platform says; checked before `openTarget`. */
  availableSpace?: () => Promise<number | undefined>;
  onProgress?: (progress: RestoreProgress) => void;
}

async function checkWhole(sodium: Sodium, source: BackupSource, keys: BackupKeys, options: RestoreOptions) {
  const total = source.size ?? null;
  const frames = readFrames(sodium, source, keys, {
    countOnly: true,
    onProgress: (bytesRead) => options.onProgress?.({ phase: 'checking', bytesRead, totalBytes: total }),
  });
  let step = await frames.next();
  while (!step.done) step = await frames.next();
  return step.value;
}

/**
 * Appends the signed 'restored' entry after the log's head, signed as this device (docs/custody-log.md,
 * "Devices"): it names the backup's last entry (`fromHead`) and the device that wrote it; the backup is
 * marked as made at its own time, in the same transaction (through the ledger, before the header).
 */
async function recordRestore(vault: Vault, summary: RestoreSummary, now: Date): Promise<void> {
  const repository = new EvidenceRepository(vault, { now: () => now });
  const head = (await repository.custodyLog()).at(-1) ?? null;
  const { counts } = summary;
  const details: CustodyDetails = {
    backupMadeAt: summary.createdAt,
    records: counts.records,
    files: counts.files,
    fromHead: head === null ? GENESIS_HASH : await entryHash(head),
  };
  if (head?.device !== undefined) details.fromDevice = head.device;
  const settings = parseBackupSettings(await vault.getRecord(BACKUP_SETTINGS.store, BACKUP_SETTINGS.id));
  await repository.recordEvent({ event: 'restored', details }, [
    {
      store: BACKUP_SETTINGS.store,
      id: BACKUP_SETTINGS.id,
      value: { ...settings, lastBackupAt: summary.createdAt },
    },
  ]);
}

/** Where a frame's value goes back: its store and original key (the sealed keys wait for the commit). */
function storedValue({ frame, owner }: ReadFrame): StoredValue | undefined {
  switch (frame.kind) {
    case 'record':
      return { store: 'records', key: [frame.tag, frame.id], value: frame.value };
    case 'file':
    case 'deposit':
      return { store: frame.kind === 'file' ? 'files' : 'deposits', key: frame.id, value: frame.value };
    case 'chunk':
      return owner === undefined
        ? undefined
        : { store: 'chunks', key: [owner, frame.index], value: frame.value };
    default:
      return undefined;
  }
}

/**
 * Writes every value back under its own key, then the restore entry, then the header. Every frame is
 * authenticated before it is written; until the header, the database holds no vault.
 */
async function writeWhole(
  db: VaultDb,
  journalId: string,
  sodium: Sodium,
  source: BackupSource,
  keys: BackupKeys,
  checked: RestoreSummary | undefined,
  options: RestoreOptions,
): Promise<{ vault: Vault; summary: RestoreSummary }> {
  const total = source.size ?? null;
  const writer = new BatchWriter(db, journalId);
  let sealedSeeds: Uint8Array | undefined;
  const frames = readFrames(sodium, source, keys, {
    onProgress: (bytesRead) => options.onProgress?.({ phase: 'writing', bytesRead, totalBytes: total }),
  });
  let step = await frames.next();
  while (!step.done) {
    if (step.value.frame.kind === 'meta') sealedSeeds = step.value.frame.value;
    const stored = storedValue(step.value);
    if (stored) await writer.put(stored);
    step = await frames.next();
  }
  await writer.flush();
  const written = summaryOf(step.value);
  // A file changed between the check and the writing is not the file that was checked.
  if (sealedSeeds === undefined || (checked && checked.counts.valueBytes !== written.counts.valueBytes)) {
    throw new BuktiError('backup.damaged');
  }

  const { header } = keys.preamble;
  // openVault zeroes the master key it is given: it gets a copy, the original is wiped by the caller.
  const now = options.now ?? Date.now;
  // The restoring device gets an id of its own: from here on its entries are told apart from the others'.
  const deviceRecord = newDeviceRecord(sodium);
  const runtime = { deriveKey: options.deriveKey ?? deriveKeyInProcess(sodium), now };
  const vault = await openVault(db, sodium, keys.masterKey.slice(), header, runtime, {
    sealedSeeds,
    deviceId: sodium.to_hex(deviceRecord.subarray(1)),
  });
  try {
    // Written through the ledger before the header: until the header is there, this is no vault yet.
    await assertOwnJournal(db, journalId);
    await recordRestore(vault, written, new Date(now()));
    await commitVault(db, {
      journalId,
      header: encodeHeader(sodium, header),
      sealedSeeds,
      deviceRecord,
    });
  } catch (error) {
    vault.lock();
    throw error;
  }
  return { vault, summary: written };
}

function summaryOf(checker: FrameChecker): RestoreSummary {
  return { createdAt: checker.about.createdAt, counts: checker.counts };
}

async function ensureSpace(options: RestoreOptions, needed: number): Promise<void> {
  const available = await options.availableSpace?.();
  if (available !== undefined && available < needed) {
    throw new BuktiError('backup.noSpace', { needed: megabytes(needed), available: megabytes(available) });
  }
}

/**
 * Restores a backup file into an empty database and returns the vault, unlocked. A wrong passphrase,
 * a newer format, or a damaged, truncated or extended file is refused with a typed error and leaves
 * the database as it was: with `checkFirst` (the default) nothing is written before the whole file has
 * been authenticated; without it, values are written as they are authenticated and removed again on
 * any failure. Either way every stored value goes back byte for byte (same ids, hashes, custody log),
 * a signed 'restored' entry is appended, and the header is written last: the moment the vault exists.
 */
export async function restoreBackup(
  source: BackupSource,
  passphrase: string,
  options: RestoreOptions,
): Promise<{ vault: Vault; summary: RestoreSummary }> {
  const sodium = await loadSodium();
  const derive = options.deriveKey ?? deriveKeyInProcess(sodium);
  const keys = await unlockBackup(sodium, source, passphrase, derive);
  try {
    const checked =
      options.checkFirst === false ? undefined : summaryOf(await checkWhole(sodium, source, keys, options));
    await ensureSpace(options, checked?.counts.valueBytes ?? source.size ?? 0);
    const db = await options.openTarget();
    const journalId = sodium.to_hex(sodium.randombytes_buf(16));
    await prepareEmpty(db, { id: journalId, mode: options.mode ?? 'restore' });
    try {
      return await writeWhole(db, journalId, sodium, source, keys, checked, options);
    } catch (error) {
      await discardUnfinished(db, journalId).catch(() => undefined);
      throw error;
    }
  } finally {
    keys.wipe();
  }
}

function megabytes(bytes: number): number {
  return Math.ceil(bytes / 1_000_000);
}

import { BuktiError } from '../errors';
import type { VaultDb } from '../vault/db';
import { withStorage } from '../vault/db';
import { storedBytes } from '../vault/format';
import { META } from '../vault/meta';
import type { Frame } from './frames';

/** Which values the backup will copy: every key, taken in one read transaction so they belong together. */
export interface VaultSnapshot {
  /** The sealed key-pair seeds (`meta/keys`). */
  keys: Uint8Array;
  records: Array<[string, string]>;
  files: string[];
  deposits: string[];
  /** Chunk indexes of each file or deposit, rising. Chunks of neither (an interrupted write) are left out. */
  chunks: Map<string, number[]>;
}

/** Records read per transaction; they are small. */
const RECORD_BATCH = 64;
/** Chunks read per transaction: about 4 MiB, enough to keep the disk busy while the last batch is sealed. */
const CHUNK_BATCH = 4;

const changed = () => new BuktiError('backup.vaultChanged');

/** The keys of everything in the vault, at one moment. */
export async function takeSnapshot(db: VaultDb): Promise<VaultSnapshot> {
  return withStorage(db, async (idb) => {
    const tx = idb.transaction(['meta', 'records', 'files', 'chunks', 'deposits']);
    const [keys, records, files, deposits, chunkKeys] = await Promise.all([
      tx.objectStore('meta').get(META.keys),
      tx.objectStore('records').getAllKeys(),
      tx.objectStore('files').getAllKeys(),
      tx.objectStore('deposits').getAllKeys(),
      tx.objectStore('chunks').getAllKeys(),
      tx.done,
    ]);
    if (keys === undefined) throw new BuktiError('vault.integrity');
    const chunks = new Map<string, number[]>();
    for (const owner of [...files, ...deposits]) chunks.set(owner, []);
    for (const [owner, index] of chunkKeys) chunks.get(owner)?.push(index);
    return { keys: storedBytes(keys), records, files, deposits, chunks };
  });
}

function batches<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

async function readRecords(db: VaultDb, keys: Array<[string, string]>): Promise<Frame[]> {
  const values = await withStorage(db, async (idb) => {
    const tx = idb.transaction('records');
    const [read] = await Promise.all([Promise.all(keys.map((key) => tx.store.get(key))), tx.done]);
    return read;
  });
  return keys.map(([tag, id], i) => {
    const value = values[i];
    if (value === undefined) throw changed();
    return { kind: 'record', tag, id, value: storedBytes(value) };
  });
}

async function readOwner(db: VaultDb, kind: 'file' | 'deposit', id: string): Promise<Frame[]> {
  const value = await withStorage(db, (idb) => idb.get(kind === 'file' ? 'files' : 'deposits', id));
  if (value === undefined) throw changed();
  return [{ kind, id, value: storedBytes(value) }];
}

async function readChunks(db: VaultDb, owner: string, indexes: number[]): Promise<Frame[]> {
  const values = await withStorage(db, async (idb) => {
    const tx = idb.transaction('chunks');
    const [read] = await Promise.all([
      Promise.all(indexes.map((index) => tx.store.get([owner, index]))),
      tx.done,
    ]);
    return read;
  });
  return indexes.map((index, i) => {
    const value = values[i];
    if (value === undefined) throw changed();
    return { kind: 'chunk', index, value: storedBytes(value) };
  });
}

/** The reads that make up a backup, in frame order, each one transaction. */
function* reads(db: VaultDb, snapshot: VaultSnapshot): Generator<() => Promise<Frame[]>> {
  for (const keys of batches(snapshot.records, RECORD_BATCH)) yield () => readRecords(db, keys);
  const owners = [
    ...snapshot.files.map((id) => ['file', id] as const),
    ...snapshot.deposits.map((id) => ['deposit', id] as const),
  ];
  for (const [kind, id] of owners) {
    yield () => readOwner(db, kind, id);
    for (const indexes of batches(snapshot.chunks.get(id) ?? [], CHUNK_BATCH)) {
      yield () => readChunks(db, id, indexes);
    }
  }
}

/**
 * The stored values of `snapshot` as frames, byte for byte: records, then each file and each deposit
 * followed by its chunks. One read runs ahead while the previous one is being sealed. A value deleted
 * since the snapshot was taken is `backup.vaultChanged`: the backup would not be one moment of the vault.
 */
export async function* snapshotFrames(db: VaultDb, snapshot: VaultSnapshot): AsyncGenerator<Frame> {
  let pending: Promise<Frame[]> | undefined;
  for (const read of reads(db, snapshot)) {
    const next = read();
    // Handled when its turn comes; this only keeps an early failure from being reported as unhandled.
    next.catch(() => undefined);
    if (pending) yield* await pending;
    pending = next;
  }
  if (pending) yield* await pending;
}

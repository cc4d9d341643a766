import { afterEach, describe, expect, it, vi } from 'vitest';
import { isBuktiError } from '../../../src/core/errors';
import { collectBytes, createVault, newId, openVaultDb } from '../../../src/core/vault';
import {
  type ChunkWriterFactory,
  chunkWriteError,
  serveChunkWrites,
} from '../../../src/core/vault/chunk-writer';
import { eraseVault } from '../../../src/core/vault/db';
import { expectBuktiError, expectSameBytes, PASSPHRASE, pseudoRandomBytes, TEST_KDF } from './helpers';

const MiB = 1024 * 1024;

/**
 * A chunk writer served in this process, as the browser serves one in a worker: each request crosses
 * a structured clone with its buffers transferred (the sender's copies are detached), and the writer
 * opens its own connection by the database's name.
 */
function inProcessWriters() {
  const log = { writes: 0, closed: [] as string[] };
  const factory: ChunkWriterFactory = (name) => {
    const serve = serveChunkWrites(globalThis);
    let nextId = 0;
    return {
      async write(fileId, chunks, extras) {
        log.writes++;
        const request = { id: nextId++, dbName: name, fileId, chunks, extras };
        const response = await serve(structuredClone(request, { transfer: chunks.map((c) => c.value) }));
        if (!response.ok) throw chunkWriteError(response);
        return structuredClone(response.buffers, { transfer: response.buffers });
      },
      close() {
        log.closed.push(name);
      },
    };
  };
  return { log, factory };
}

async function vaultWithWriter() {
  const { log, factory } = inProcessWriters();
  const name = `vault-writer-${newId()}`;
  const db = await openVaultDb({ indexedDB, IDBKeyRange, chunkWriter: factory }, { name });
  const vault = await createVault(db, PASSPHRASE, { kdfParams: TEST_KDF });
  return { db, vault, log, name };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('storing chunks through a chunk writer', () => {
  it('writes every batch of a file there and reads the file back whole', async () => {
    const { db, vault, log } = await vaultWithWriter();
    const bytes = pseudoRandomBytes(13 * MiB + 5, 11);
    const fileId = newId();
    expect(await vault.writeFile(fileId, bytes)).toEqual({ size: bytes.length, chunks: 14 });
    // 14 chunks, four to a batch: the first claims the id, the last adds the manifest.
    expect(log.writes).toBe(4);
    expect(await db.idb.count('chunks')).toBe(14);
    expectSameBytes(await collectBytes(vault.readFile(fileId)), bytes);
    // A second file reuses the pooled buffers the writer handed back; the first is unchanged.
    const other = pseudoRandomBytes(9 * MiB, 12);
    const otherId = newId();
    await vault.writeFile(otherId, other);
    expectSameBytes(await collectBytes(vault.readFile(otherId)), other);
    expectSameBytes(await collectBytes(vault.readFile(fileId)), bytes);
  });

  it('refuses an id that already names a file, there too, and leaves that file intact', async () => {
    const { vault } = await vaultWithWriter();
    const fileId = newId();
    const bytes = pseudoRandomBytes(5 * MiB, 14);
    await vault.writeFile(fileId, bytes);
    await expectBuktiError(() => vault.writeFile(fileId, pseudoRandomBytes(6 * MiB, 15)), 'vault.fileExists');
    expectSameBytes(await collectBytes(vault.readFile(fileId)), bytes);
  });

  it('encrypts and sends the next batch while the first one (the claim) commits', async () => {
    const { factory } = inProcessWriters();
    const sent: number[] = [];
    let releaseFirst: () => void = () => undefined;
    const firstHeld = new Promise<void>((resolve) => {
      releaseFirst = resolve;
    });
    const gated: ChunkWriterFactory = (name) => {
      const inner = factory(name);
      if (!inner) return undefined;
      return {
        ...inner,
        async write(fileId, chunks, extras) {
          sent.push(chunks[0]?.index ?? -1);
          const done = inner.write(fileId, chunks, extras);
          // The claim's answer is held until the second batch has been sent: waiting for it would never end.
          if (extras.claim) await firstHeld;
          return done;
        },
      };
    };
    const db = await openVaultDb(
      { indexedDB, IDBKeyRange, chunkWriter: gated },
      { name: `vault-writer-${newId()}` },
    );
    const vault = await createVault(db, PASSPHRASE, { kdfParams: TEST_KDF });
    const bytes = pseudoRandomBytes(10 * MiB, 21);
    const fileId = newId();
    const writing = vault.writeFile(fileId, bytes);
    // The second batch is sent while the claim's answer is still held; the last (with the manifest) after it.
    await vi.waitFor(() => expect(sent).toEqual([0, 4]));
    releaseFirst();
    expect(await writing).toEqual({ size: bytes.length, chunks: 10 });
    expect(sent).toEqual([0, 4, 8]);
    expectSameBytes(await collectBytes(vault.readFile(fileId)), bytes);
  });

  it('refuses a taken id in every batch: batches sent behind the claim write nothing into that file', async () => {
    const { db, vault, log } = await vaultWithWriter();
    const fileId = newId();
    const bytes = pseudoRandomBytes(13 * MiB, 22);
    await vault.writeFile(fileId, bytes);
    const before = log.writes;
    // 13 chunks: the claim and the next batch are both sent before the refusal is known.
    await expectBuktiError(
      () => vault.writeFile(fileId, pseudoRandomBytes(13 * MiB, 23)),
      'vault.fileExists',
    );
    expect(log.writes - before).toBeGreaterThanOrEqual(2);
    expect(await db.idb.count('chunks')).toBe(13);
    expectSameBytes(await collectBytes(vault.readFile(fileId)), bytes);
  });

  it('refuses the manifest when another write completed the id after the first batch was checked', async () => {
    const { vault } = await vaultWithWriter();
    const fileId = newId();
    // Six 1 MiB pieces: the first batch (claim and check) is sent, then the source waits before the last
    // piece while another write completes a file under the same id.
    let reached: () => void = () => undefined;
    let release: () => void = () => undefined;
    const atGate = new Promise<void>((resolve) => (reached = resolve));
    const gate = new Promise<void>((resolve) => (release = resolve));
    async function* pieces(): AsyncGenerator<Uint8Array> {
      for (let i = 0; i < 6; i++) {
        if (i === 5) {
          reached();
          await gate;
        }
        yield pseudoRandomBytes(MiB, 30 + i);
      }
    }
    const first = vault.writeFile(fileId, pieces());
    first.catch(() => undefined);
    await atGate;
    const other = pseudoRandomBytes(MiB, 40);
    await vault.writeFile(fileId, other);
    release();
    // Only the manifest's add stands between the last batch and the other file: it must refuse.
    await expectBuktiError(() => first, 'vault.fileExists');
    expectSameBytes(await collectBytes(vault.readFile(fileId)), other);
  });

  it('stops with vault.quotaExceeded when the disk fills under the writer, leaving no chunk', async () => {
    const { db, vault, log } = await vaultWithWriter();
    const original = IDBObjectStore.prototype.put;
    let puts = 0;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
      this: IDBObjectStore,
      ...args: [unknown, IDBValidKey?]
    ) {
      if (this.name === 'chunks' && ++puts >= 7)
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return original.apply(this, args);
    });
    await expectBuktiError(
      () => vault.writeFile(newId(), pseudoRandomBytes(12 * MiB, 13)),
      'vault.quotaExceeded',
    );
    vi.restoreAllMocks();
    expect(log.writes).toBeGreaterThanOrEqual(1);
    expect(await db.idb.count('chunks')).toBe(0);
    expect(await db.idb.count('files')).toBe(0);
  });

  it('closes the writer with its connection', async () => {
    const { db, log, name } = await vaultWithWriter();
    expect(db.chunkWriter).toBeDefined();
    db.close();
    expect(log.closed).toEqual([name]);
    expect(db.chunkWriter).toBeUndefined();
  });
});

describe('a chunk writer that fails', () => {
  it('fails the write under way, then the vault stores chunks on its own thread', async () => {
    let broken = false;
    let writes = 0;
    const db = await openVaultDb(
      {
        indexedDB,
        IDBKeyRange,
        chunkWriter: () => ({
          get broken() {
            return broken;
          },
          async write() {
            writes++;
            // The worker crashed: this write fails and the writer says it is broken.
            broken = true;
            throw new Error('chunk writer failed');
          },
          close() {},
        }),
      },
      { name: `vault-broken-writer-${newId()}` },
    );
    const vault = await createVault(db, PASSPHRASE, { kdfParams: TEST_KDF });
    const bytes = pseudoRandomBytes(6 * MiB, 16);
    await expect(vault.writeFile(newId(), bytes)).rejects.toThrow('chunk writer failed');
    expect(await db.idb.count('chunks')).toBe(0);
    const fileId = newId();
    await vault.writeFile(fileId, bytes);
    expect(writes).toBe(1);
    expectSameBytes(await collectBytes(vault.readFile(fileId)), bytes);
  });
});

describe('serveChunkWrites', () => {
  it('answers vault.closed once its connection has closed, and never reopens the database', async () => {
    const { db, name } = await vaultWithWriter();
    const serve = serveChunkWrites(globalThis);
    const value = new Uint8Array([1, 2, 3]).buffer;
    const ok = await serve({
      id: 1,
      dbName: name,
      fileId: 'f1',
      chunks: [{ index: 0, value }],
      extras: { claim: false },
    });
    expect(ok).toEqual({ id: 1, ok: true, buffers: [value] });
    await eraseVault(db);
    const closed = await serve({
      id: 2,
      dbName: name,
      fileId: 'f1',
      chunks: [{ index: 1, value }],
      extras: { claim: false },
    });
    expect(closed).toEqual({ id: 2, ok: false, name: 'BuktiError', code: 'vault.closed' });
    if (closed.ok) throw new Error('unreachable');
    expect(isBuktiError(chunkWriteError(closed), 'vault.closed')).toBe(true);
    const databases = await indexedDB.databases();
    expect(databases.map((d) => d.name)).not.toContain(name);
  });

  it('passes a storage failure on by name', () => {
    const error = chunkWriteError({ id: 3, ok: false, name: 'QuotaExceededError' });
    expect(error.name).toBe('QuotaExceededError');
    expect(isBuktiError(error)).toBe(false);
  });
});

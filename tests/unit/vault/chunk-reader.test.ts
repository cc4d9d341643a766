import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collectBytes, createVault, newId, openVaultDb } from '../../../src/core/vault';
import { type ChunkReaderFactory, serveChunkReads } from '../../../src/core/vault/chunk-reader';
import { chunkWriteError } from '../../../src/core/vault/chunk-writer';
import { eraseVault } from '../../../src/core/vault/db';
import { expectBuktiError, expectSameBytes, PASSPHRASE, pseudoRandomBytes, TEST_KDF } from './helpers';

const MiB = 1024 * 1024;

/**
 * A chunk reader served in this process, as the browser serves one in a worker: the answer crosses a
 * structured clone with its buffer transferred, and the reader opens its own connection by name.
 */
function inProcessReaders() {
  const log = { reads: 0, closed: 0 };
  const factory: ChunkReaderFactory = (name) => {
    const serve = serveChunkReads(globalThis);
    let nextId = 0;
    return {
      async read(fileId, index) {
        log.reads++;
        const response = await serve({ id: nextId++, dbName: name, fileId, index });
        if (!response.ok) throw chunkWriteError(response);
        const moved = structuredClone(response, { transfer: response.value ? [response.value] : [] });
        return moved.value;
      },
      close() {
        log.closed++;
      },
    };
  };
  return { log, factory };
}

async function vaultWithReader() {
  const { log, factory } = inProcessReaders();
  const name = `vault-reader-${newId()}`;
  const db = await openVaultDb({ indexedDB, IDBKeyRange, chunkReader: factory }, { name });
  const vault = await createVault(db, PASSPHRASE, { kdfParams: TEST_KDF });
  return { db, vault, log, name };
}

describe('reading chunks through a chunk reader', () => {
  it('reads every chunk there, and a file comes back whole, streamed or in one array', async () => {
    const { vault, log } = await vaultWithReader();
    const bytes = pseudoRandomBytes(5 * MiB + 3, 21);
    const fileId = newId();
    await vault.writeFile(fileId, bytes);
    expectSameBytes(await collectBytes(vault.readFile(fileId)), bytes);
    expect(log.reads).toBe(6);
    expectSameBytes(await vault.readFileBytes(fileId), bytes);
    expect(log.reads).toBe(12);
  });

  it('gives back files of any size intact (property)', async () => {
    const { vault } = await vaultWithReader();
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 3 * MiB + 7 }), fc.integer(), async (size, seed) => {
        const bytes = pseudoRandomBytes(size, seed);
        const fileId = newId();
        await vault.writeFile(fileId, bytes);
        expectSameBytes(await vault.readFileBytes(fileId), bytes);
        await vault.deleteFile(fileId);
      }),
      { numRuns: 12 },
    );
  });

  it('fails vault.integrity when a chunk is altered, read there too', async () => {
    const { db, vault } = await vaultWithReader();
    const fileId = newId();
    await vault.writeFile(fileId, pseudoRandomBytes(2 * MiB + 9, 23));
    const stored = new Uint8Array((await db.idb.get('chunks', [fileId, 1])) as ArrayBuffer);
    stored[5] = (stored[5] ?? 0) ^ 0x01;
    await db.idb.put('chunks', stored.buffer, [fileId, 1]);
    await expectBuktiError(() => vault.readFileBytes(fileId), 'vault.integrity');
    await expectBuktiError(() => collectBytes(vault.readFile(fileId)), 'vault.integrity');
  });

  it('closes the reader with its connection', async () => {
    const { db, log } = await vaultWithReader();
    expect(db.chunkReader).toBeDefined();
    db.close();
    expect(log.closed).toBe(1);
    expect(db.chunkReader).toBeUndefined();
  });
});

describe('a chunk reader that fails', () => {
  it('fails the read under way, then the vault reads on its own thread', async () => {
    let broken = false;
    let reads = 0;
    const db = await openVaultDb(
      {
        indexedDB,
        IDBKeyRange,
        chunkReader: () => ({
          get broken() {
            return broken;
          },
          async read() {
            reads++;
            broken = true;
            throw new Error('chunk reader failed');
          },
          close() {},
        }),
      },
      { name: `vault-broken-reader-${newId()}` },
    );
    const vault = await createVault(db, PASSPHRASE, { kdfParams: TEST_KDF });
    const bytes = pseudoRandomBytes(2 * MiB, 24);
    const fileId = newId();
    await vault.writeFile(fileId, bytes);
    await expect(collectBytes(vault.readFile(fileId))).rejects.toThrow('chunk reader failed');
    expectSameBytes(await collectBytes(vault.readFile(fileId)), bytes);
    // The first read of chunk 0 failed; the read ahead of chunk 1 may have been asked before it did.
    expect(reads).toBeLessThanOrEqual(2);
  });
});

describe('serveChunkReads', () => {
  it('reads a stored value, answers undefined for none, and vault.closed once the database is erased', async () => {
    const { db, vault, name } = await vaultWithReader();
    const fileId = newId();
    await vault.writeFile(fileId, pseudoRandomBytes(1000, 25));
    const serve = serveChunkReads(globalThis);
    const found = await serve({ id: 1, dbName: name, fileId, index: 0 });
    expect(found.ok && found.value?.byteLength).toBe(1 + 1000 + 17);
    expect(await serve({ id: 2, dbName: name, fileId, index: 1 })).toEqual({
      id: 2,
      ok: true,
      value: undefined,
    });
    await eraseVault(db);
    expect(await serve({ id: 3, dbName: name, fileId, index: 0 })).toEqual({
      id: 3,
      ok: false,
      name: 'BuktiError',
      code: 'vault.closed',
    });
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(name);
  });

  it('never creates a database: one that does not exist answers vault.closed and stays absent', async () => {
    const name = `vault-absent-${newId()}`;
    const serve = serveChunkReads(globalThis);
    expect(await serve({ id: 1, dbName: name, fileId: 'f', index: 0 })).toEqual({
      id: 1,
      ok: false,
      name: 'BuktiError',
      code: 'vault.closed',
    });
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(name);
  });
});

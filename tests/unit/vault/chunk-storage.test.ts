import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CHUNK_SIZE, newId, type VaultDb } from '../../../src/core/vault';
import { expectBuktiError, expectSameBytes, newVault, piecesOf, pseudoRandomBytes } from './helpers';

const MiB = 1024 * 1024;

async function storedValues(db: VaultDb, fileId: string): Promise<unknown[]> {
  return db.idb.getAll('chunks', db.range([fileId, 0], [fileId, Number.POSITIVE_INFINITY]));
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('how file chunks are kept in IndexedDB', () => {
  it('keeps each chunk as a Blob, and reads files whole or chunk by chunk, giving chunks back', async () => {
    const { db, vault } = await newVault();
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 3 * CHUNK_SIZE + 100 }), async (size) => {
        const bytes = pseudoRandomBytes(size, size + 1);
        const fileId = newId();
        await vault.writeFile(fileId, piecesOf(bytes, [MiB / 3]));
        const values = await storedValues(db, fileId);
        expect(values.length).toBe(Math.max(1, Math.ceil(size / CHUNK_SIZE)));
        expect(values.every((value) => value instanceof Blob)).toBe(true);

        expectSameBytes(await vault.readBytes(fileId), bytes);
        const blob = await vault.readBlob(fileId, 'image/png');
        expect(blob.type).toBe('image/png');
        expectSameBytes(new Uint8Array(await blob.arrayBuffer()), bytes);
        // Chunk by chunk, each given back once copied (its buffer then carries the next one).
        const copy = new Uint8Array(size);
        let at = 0;
        for await (const chunk of vault.readFile(fileId)) {
          copy.set(chunk, at);
          at += chunk.length;
          vault.releaseChunk(chunk);
          expect(chunk.every((byte) => byte === 0)).toBe(true);
        }
        expectSameBytes(copy, bytes);
      }),
      { numRuns: 8 },
    );
  });

  it('still reads chunks kept as ArrayBuffers (vaults written before), and checks them the same way', async () => {
    const { db, vault } = await newVault();
    const bytes = pseudoRandomBytes(2 * CHUNK_SIZE + 5, 9);
    const fileId = newId();
    await vault.writeFile(fileId, bytes);
    for (let index = 0; index < 3; index++) {
      const blob = (await db.idb.get('chunks', [fileId, index])) as Blob;
      await db.idb.put('chunks', await blob.arrayBuffer(), [fileId, index]);
    }
    expect((await storedValues(db, fileId)).every((value) => value instanceof ArrayBuffer)).toBe(true);
    expectSameBytes(await vault.readBytes(fileId), bytes);

    const second = new Uint8Array((await db.idb.get('chunks', [fileId, 1])) as ArrayBuffer);
    second[100] = (second[100] ?? 0) ^ 1;
    await db.idb.put('chunks', second.buffer, [fileId, 1]);
    await expectBuktiError(() => vault.readBytes(fileId), 'vault.integrity');
  });

  it('keeps chunks as ArrayBuffers where IndexedDB refuses Blobs, and loses nothing', async () => {
    const { db, vault } = await newVault();
    // Refuse Blobs in IndexedDB itself, as older WebKit did.
    const raw = (globalThis as unknown as { IDBObjectStore: { prototype: IDBObjectStore } }).IDBObjectStore;
    const put = raw.prototype.put;
    const refused = vi.spyOn(raw.prototype, 'put').mockImplementation(function (
      this: IDBObjectStore,
      value,
      key,
    ) {
      if (value instanceof Blob) throw new DOMException('Blobs are not supported here.', 'DataCloneError');
      return put.call(this, value, key);
    });
    const bytes = pseudoRandomBytes(CHUNK_SIZE + 77, 4);
    const fileId = newId();
    await vault.writeFile(fileId, bytes);
    expect(refused).toHaveBeenCalled();
    expect(db.chunksAsBlobs).toBe(false);
    expect((await storedValues(db, fileId)).every((value) => value instanceof ArrayBuffer)).toBe(true);
    expectSameBytes(await vault.readBytes(fileId), bytes);
    // A write that fails for another reason is not retried as if Blobs were the cause.
    await expectBuktiError(() => vault.writeFile(fileId, bytes), 'vault.fileExists');
  });
});

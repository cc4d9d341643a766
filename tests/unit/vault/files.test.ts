import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHUNK_SIZE, collectBytes, newId, type Vault, type VaultDb } from '../../../src/core/vault';
import { MAX_CHUNKS_IN_MEMORY } from '../../../src/core/vault/chunk-store';
import { expectBuktiError, expectSameBytes, newVault, piecesOf, pseudoRandomBytes } from './helpers';

const MiB = 1024 * 1024;

async function rawChunk(db: VaultDb, fileId: string, index: number): Promise<Uint8Array> {
  const value = await db.idb.get('chunks', [fileId, index]);
  if (!(value instanceof ArrayBuffer)) throw new Error(`no chunk ${index}`);
  return new Uint8Array(value);
}

async function putChunk(db: VaultDb, fileId: string, index: number, bytes: Uint8Array): Promise<void> {
  await db.idb.put('chunks', bytes.slice().buffer as ArrayBuffer, [fileId, index]);
}

async function stored(vault: Vault, bytes: Uint8Array, sizes: number[] = [bytes.length || 1]) {
  const fileId = newId();
  const info = await vault.writeFile(fileId, piecesOf(bytes, sizes));
  return { fileId, info };
}

describe('vault files', () => {
  it('round-trip at the chunk boundaries, from every kind of source', async () => {
    const { vault } = await newVault();
    for (const size of [0, 1, CHUNK_SIZE - 1, CHUNK_SIZE, CHUNK_SIZE + 1, 2 * CHUNK_SIZE]) {
      const bytes = pseudoRandomBytes(size, size + 1);
      const { fileId, info } = await stored(vault, bytes, [65_536, 1, 300_001]);
      expect(info).toEqual({ size, chunks: Math.max(1, Math.ceil(size / CHUNK_SIZE)) });
      expect(await vault.fileInfo(fileId)).toEqual(info);
      expectSameBytes(await collectBytes(vault.readFile(fileId)), bytes);
    }
    const bytes = pseudoRandomBytes(1500, 7);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const piece of piecesOf(bytes, [100, 900])) controller.enqueue(piece.slice());
        controller.close();
      },
    });
    for (const source of [bytes, [bytes.subarray(0, 10), bytes.subarray(10)], stream]) {
      const fileId = newId();
      await vault.writeFile(fileId, source);
      expectSameBytes(await collectBytes(vault.readFile(fileId)), bytes);
    }
  });

  it('round-trip random payloads from 0 bytes to 3 MiB, cut at random (property)', async () => {
    const { vault } = await newVault();
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 3 * MiB }),
        fc.array(fc.integer({ min: 1, max: 2 * MiB }), { minLength: 1, maxLength: 4 }),
        fc.integer(),
        async (size, sizes, seed) => {
          const bytes = pseudoRandomBytes(size, seed);
          const { fileId, info } = await stored(vault, bytes, sizes);
          expect(info.size).toBe(size);
          expectSameBytes(await collectBytes(vault.readFile(fileId)), bytes);
          await vault.deleteFile(fileId);
        },
      ),
      { numRuns: 8 },
    );
  });

  it('give vault.integrity for every single-byte change of a chunk or its manifest', async () => {
    const { db, vault } = await newVault();
    const { fileId } = await stored(vault, pseudoRandomBytes(40, 3));
    const chunk = await rawChunk(db, fileId, 0);
    for (let index = 0; index < chunk.length; index++) {
      await putChunk(
        db,
        fileId,
        0,
        chunk.map((b, i) => (i === index ? b ^ 0x01 : b)),
      );
      await expectBuktiError(() => collectBytes(vault.readFile(fileId)), 'vault.integrity');
    }
    await putChunk(db, fileId, 0, chunk);
    const manifest = new Uint8Array((await db.idb.get('files', fileId)) as ArrayBuffer);
    for (let index = 0; index < manifest.length; index++) {
      const changed = manifest.map((b, i) => (i === index ? b ^ 0x80 : b));
      await db.idb.put('files', changed.buffer as ArrayBuffer, fileId);
      await expectBuktiError(() => collectBytes(vault.readFile(fileId)), 'vault.integrity');
      await expectBuktiError(() => vault.fileInfo(fileId), 'vault.integrity');
    }
  });

  describe('a three-chunk file', () => {
    const size = 2 * CHUNK_SIZE + 10;

    async function threeChunks() {
      const { db, vault } = await newVault();
      const bytes = pseudoRandomBytes(size, 11);
      const { fileId } = await stored(vault, bytes, [MiB / 2]);
      const chunks = [
        await rawChunk(db, fileId, 0),
        await rawChunk(db, fileId, 1),
        await rawChunk(db, fileId, 2),
      ];
      return { db, vault, fileId, chunks };
    }

    /** Reads until the error, counting what was handed out before it. */
    async function readUntilError(vault: Vault, fileId: string) {
      let delivered = 0;
      await expectBuktiError(async () => {
        for await (const part of vault.readFile(fileId)) delivered += part.length;
      }, 'vault.integrity');
      return delivered;
    }

    it('detects the last chunk removed, before handing out the end', async () => {
      const { db, vault, fileId } = await threeChunks();
      await db.idb.delete('chunks', [fileId, 2]);
      expect(await readUntilError(vault, fileId)).toBeLessThanOrEqual(2 * CHUNK_SIZE);
    });

    it('detects chunks reordered', async () => {
      const { db, vault, fileId, chunks } = await threeChunks();
      await putChunk(db, fileId, 0, chunks[1] as Uint8Array);
      await putChunk(db, fileId, 1, chunks[0] as Uint8Array);
      expect(await readUntilError(vault, fileId)).toBe(0);
    });

    it('detects a chunk taken from another file at the same index', async () => {
      const { db, vault, fileId } = await threeChunks();
      const other = await stored(vault, pseudoRandomBytes(size, 12), [MiB]);
      await putChunk(db, fileId, 1, await rawChunk(db, other.fileId, 1));
      expect(await readUntilError(vault, fileId)).toBe(CHUNK_SIZE);
    });

    it('detects the final chunk replaced by an earlier one, and a chunk count changed', async () => {
      const { db, vault, fileId, chunks } = await threeChunks();
      await putChunk(db, fileId, 2, chunks[1] as Uint8Array);
      await readUntilError(vault, fileId);
      await putChunk(db, fileId, 2, chunks[2] as Uint8Array);
      // The count lives in the sealed manifest; a manifest from a shorter file cannot be swapped in.
      const short = await stored(vault, pseudoRandomBytes(10, 1));
      await db.idb.put('files', (await db.idb.get('files', short.fileId)) as ArrayBuffer, fileId);
      await expectBuktiError(() => collectBytes(vault.readFile(fileId)), 'vault.integrity');
    });
  });

  it('refuses to overwrite a file, reports a missing one, and deletes every chunk', async () => {
    const { db, vault } = await newVault();
    const { fileId } = await stored(vault, pseudoRandomBytes(CHUNK_SIZE + 5, 2));
    await expectBuktiError(() => vault.writeFile(fileId, new Uint8Array(1)), 'vault.fileExists');
    await expectBuktiError(() => vault.writeFile(fileId, pseudoRandomBytes(6 * MiB, 3)), 'vault.fileExists');
    // The refused writes touched nothing of the file that has the id.
    expectSameBytes(await collectBytes(vault.readFile(fileId)), pseudoRandomBytes(CHUNK_SIZE + 5, 2));
    await expectBuktiError(() => collectBytes(vault.readFile('missing')), 'vault.fileMissing');
    expect(await vault.listFileIds()).toEqual([fileId]);
    await vault.deleteFile(fileId);
    expect(await db.idb.count('chunks')).toBe(0);
    expect(await vault.fileInfo(fileId)).toBeUndefined();
  });

  it('streams: writing holds a bounded number of chunks, reading fetches chunk by chunk', async () => {
    const { db, vault } = await newVault();
    let pulled = 0;
    let worstLead = 0;
    async function* source() {
      for (let i = 0; i < 3 * MAX_CHUNKS_IN_MEMORY; i++) {
        pulled++;
        const stored = await db.idb.count('chunks');
        worstLead = Math.max(worstLead, pulled - stored);
        yield pseudoRandomBytes(MiB, i + 1);
      }
    }
    const fileId = newId();
    await vault.writeFile(fileId, source());
    // The encrypt pipeline holds one more chunk than the batches waiting to be stored.
    expect(worstLead).toBeLessThanOrEqual(MAX_CHUNKS_IN_MEMORY + 1);
    expect(worstLead).toBeGreaterThan(0);

    const reader = vault.readFile(fileId);
    expectSameBytes((await reader.next()).value, pseudoRandomBytes(MiB, 1));
    await db.idb.delete('chunks', [fileId, 4]);
    // Chunk 4 is only looked for when it is reached: the first chunks still arrive.
    expectSameBytes((await reader.next()).value, pseudoRandomBytes(MiB, 2));
    await reader.return(undefined);
  });

  it('stops reading and writing once the vault is locked, leaving no partial file', async () => {
    const { db, vault } = await newVault();
    const { fileId } = await stored(vault, pseudoRandomBytes(3 * MiB, 5), [MiB]);
    const reader = vault.readFile(fileId);
    await reader.next();
    async function* lockHalfway() {
      yield pseudoRandomBytes(MiB, 1);
      yield pseudoRandomBytes(MiB, 2);
      vault.lock();
      yield pseudoRandomBytes(MiB, 3);
    }
    await expectBuktiError(() => vault.writeFile('second', lockHalfway()), 'vault.locked');
    expect(await db.idb.count('chunks', db.range(['second', 0], ['second', Number.POSITIVE_INFINITY]))).toBe(
      0,
    );
    await expectBuktiError(() => reader.next(), 'vault.locked');
  });
});

import { EvidenceRepository } from '../../../src/core/evidence/repository';
import type { ThumbnailMaker } from '../../../src/core/thumbnails/thumbnails';
import type { Vault, VaultDb } from '../../../src/core/vault';
import { pngBytes } from '../backup/helpers';

/** The bytes the fake maker "draws" for an original of `size` bytes: easy to look for in raw storage. */
export function fakeThumbnailBytes(size: number): Uint8Array {
  return new TextEncoder().encode(`small-picture-of-${size}-bytes;`.repeat(8));
}

/**
 * A maker for Node, which has no canvas: it "decodes" anything that starts with the PNG signature and
 * refuses the rest, as a browser refuses a format it cannot decode. `calls` lists what it was given.
 */
export function fakeMaker(): { maker: ThumbnailMaker; calls: Array<{ type: string; bytes: Uint8Array }> } {
  const calls: Array<{ type: string; bytes: Uint8Array }> = [];
  const maker: ThumbnailMaker = {
    async make(original, maxEdges) {
      const bytes = new Uint8Array(await original.arrayBuffer());
      calls.push({ type: original.type, bytes });
      if (bytes[0] !== 0x89 || bytes[1] !== 0x50) return null;
      return maxEdges.map((maxEdge) => ({
        type: 'image/jpeg' as const,
        width: maxEdge,
        height: maxEdge / 2,
        bytes: fakeThumbnailBytes(bytes.length),
      }));
    },
  };
  return { maker, calls };
}

/** Stores `bytes` as the only file of a new item, the way capture does, and returns the file. */
export async function storedFile(vault: Vault, bytes: Uint8Array, name: string, type: string) {
  const repo = new EvidenceRepository(vault);
  const theCase = (await repo.listCases())[0] ?? (await repo.createCase({ title: 'Kes ujian' }));
  const file = await repo.importFile({ blob: new Blob([bytes as BlobPart]), name, type });
  const item = await repo.addItem({ caseId: theCase.id, kind: 'photo', details: { category: 'threat' } }, [
    file,
  ]);
  return { repo, file, item };
}

/** A small PNG-looking original. */
export function png(seed: number, size = 4000): Uint8Array {
  return pngBytes(size, seed);
}

/** Raw values of the `records` object store whose id is `id` (a thumbnail is stored under its file's id). */
export async function rawRecordsWithId(
  db: VaultDb,
  id: string,
): Promise<Array<{ key: [string, string]; value: Uint8Array }>> {
  const tx = db.idb.transaction('records');
  const [keys, values] = await Promise.all([tx.store.getAllKeys(), tx.store.getAll(), tx.done]);
  return keys.flatMap((key, i) =>
    key[1] === id ? [{ key, value: new Uint8Array(values[i] as ArrayBuffer) }] : [],
  );
}

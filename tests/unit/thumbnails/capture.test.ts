import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { loadSodium } from '../../../src/core/crypto/sodium';
import { VaultService } from '../../../src/core/service/vault-service';
import type { ThumbnailMaker } from '../../../src/core/thumbnails/thumbnails';
import { deriveKeyInProcess } from '../../../src/core/vault';
import { fakeMaker, png } from './helpers';

async function openService(maker: ThumbnailMaker): Promise<VaultService> {
  const derive = deriveKeyInProcess(await loadSodium());
  const service = new VaultService(
    { indexedDB: new IDBFactory(), IDBKeyRange },
    (passphrase, salt) => derive(passphrase, salt, { opslimit: 1, memlimit: 8 * 1024 * 1024 }),
    () => undefined,
    { thumbnailMaker: maker },
  );
  await service.create('lima kata untuk ujian lakaran');
  return service;
}

const incoming = (bytes: Uint8Array, name: string, type: string) => ({
  blob: new Blob([bytes as BlobPart], { type }),
  name,
  type,
});

describe('thumbnails at capture (the vault service)', () => {
  it('are drawn from the captured bytes once each item is stored, and shared with the timeline', async () => {
    const { maker, calls } = fakeMaker();
    const service = await openService(maker);
    const theCase = await service.createCase({ title: 'Kes lakaran' });
    const original = png(11);
    const { added } = await service.captureFiles(
      theCase.id,
      [
        incoming(original, 'skrin.png', 'image/png'),
        incoming(new Uint8Array(900).fill(1), 'nota.pdf', 'application/pdf'),
      ],
      { category: 'harassment' },
    );
    expect(added).toHaveLength(2);
    const [picture, document] = added.flatMap((item) => item.files);
    if (!picture || !document) throw new Error('files missing');
    const view = await service.thumbnail(picture);
    expect(view).toMatchObject({ width: 640, height: 320 });
    expect(await service.thumbnail(document)).toBeNull();
    // Drawn once, at capture, from the bytes the page handed over; the timeline's request drew nothing more.
    expect(calls.map((c) => [c.type, c.bytes.length])).toEqual([['image/png', original.length]]);
  });

  it('never fail a capture: a maker that breaks leaves the item stored, without a thumbnail', async () => {
    const service = await openService({ make: () => Promise.reject(new Error('no canvas here')) });
    const theCase = await service.createCase({ title: 'Kes tanpa lakaran' });
    const { added } = await service.captureFiles(theCase.id, [incoming(png(12), 'a.png', 'image/png')], {
      category: 'threat',
    });
    expect(added).toHaveLength(1);
    expect(await service.listItems(theCase.id)).toEqual(added);
  });

  it('wait while a capture runs, so the originals are stored first; one the timeline asks for is made at once', async () => {
    const { maker, calls } = fakeMaker();
    // The first drawing fails, so the first file is left without a thumbnail until it is shown.
    let failNext = true;
    const service = await openService({
      make: (original, maxEdges) => {
        if (!failNext) return maker.make(original, maxEdges);
        failNext = false;
        return Promise.reject(new Error('interrupted'));
      },
    });
    const theCase = await service.createCase({ title: 'Kes giliran' });
    const first = await service.captureFiles(theCase.id, [incoming(png(21), 'satu.png', 'image/png')], {
      category: 'threat',
    });
    await service.thumbnailsSettled();
    expect(calls).toHaveLength(0);
    // A second capture whose files arrive slowly: nothing is drawn for its first file while it runs,
    // but the timeline's request for the earlier file's thumbnail is answered meanwhile.
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const slow = new Blob([png(22) as BlobPart], { type: 'image/png' });
    const late = {
      size: slow.size,
      type: slow.type,
      slice: (...args: Parameters<Blob['slice']>) => slow.slice(...args),
      arrayBuffer: async () => {
        await gate;
        return slow.arrayBuffer();
      },
    } as unknown as Blob;
    const capturing = service.captureFiles(
      theCase.id,
      [incoming(png(23), 'dua.png', 'image/png'), { blob: late, name: 'tiga.png', type: 'image/png' }],
      { category: 'threat' },
    );
    await expect.poll(async () => (await service.listItems(theCase.id)).length, { timeout: 30_000 }).toBe(2);
    const earlier = first.added[0]?.files[0];
    if (!earlier) throw new Error('file missing');
    // Made now from the decrypted original, while the captured file's thumbnail still waits.
    expect(await service.thumbnail(earlier)).toMatchObject({ width: 640 });
    expect(calls.map((c) => c.bytes.length)).toEqual([png(21).length]);
    release();
    const { added } = await capturing;
    expect(added).toHaveLength(2);
    await service.thumbnailsSettled();
    expect(calls.map((c) => c.bytes.length)).toEqual([png(21).length, png(23).length, png(22).length]);
  });
});

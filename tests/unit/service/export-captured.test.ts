import { describe, expect, it } from 'vitest';
import { encodePng, fakeScreenshot } from '../../../scripts/report-node/draw';
import { nodeImagePreparer } from '../../../scripts/report-node/images';
import { bytesSource, verifyBundle } from '../../../src/core/bundle';
import type { ImagePreparer } from '../../../src/core/report/types';
import type { ThumbnailMaker } from '../../../src/core/thumbnails/thumbnails';
import { PASSPHRASE, readAll, vaultWithFiles } from './helpers';

/**
 * A maker for Node that draws real JPEGs (jpeg-js), as the browser's does with a canvas; `calls` counts
 * the originals it decoded and `made` keeps every picture it drew.
 */
function countingMaker() {
  const preparer = nodeImagePreparer();
  const made: Uint8Array[] = [];
  const counts = { calls: 0 };
  const maker: ThumbnailMaker = {
    async make(original, maxEdges) {
      counts.calls++;
      const bytes = new Uint8Array(await original.arrayBuffer());
      const drawn = [];
      for (const maxEdge of maxEdges) {
        const picture = await preparer.prepare(bytes, original.type, { blur: false, maxEdge });
        if (!picture) return null;
        const jpeg = marked(picture.jpeg);
        made.push(jpeg);
        drawn.push({
          type: 'image/jpeg' as const,
          width: picture.width,
          height: picture.height,
          bytes: jpeg,
        });
      }
      return drawn;
    },
  };
  return { maker, counts, made };
}

/** `jpeg` with a comment segment after its start, so it differs from what the export's preparer draws. */
function marked(jpeg: Uint8Array): Uint8Array {
  const text = new TextEncoder().encode(`drawn at capture ${Math.random()}`);
  const comment = [0xff, 0xfe, (text.length + 2) >> 8, (text.length + 2) & 0xff, ...text];
  return Uint8Array.from([...jpeg.subarray(0, 2), ...comment, ...jpeg.subarray(2)]);
}

/** A preparer that records the type of every image it was given. */
function countingPreparer(): { preparer: ImagePreparer; types: string[] } {
  const inner = nodeImagePreparer();
  const types: string[] = [];
  return {
    preparer: {
      prepare: (bytes, mime, options) => {
        types.push(mime);
        return inner.prepare(bytes, mime, options);
      },
    },
    types,
  };
}

const screenshots = (count: number) =>
  Array.from({ length: count }, (_, i) => ({
    name: `screenshot-${i}.png`,
    type: 'image/png',
    data: encodePng(fakeScreenshot(300, 2000, [40 * i, 90, 180], 6 + i)),
  }));

function contains(haystack: Uint8Array, needle: Uint8Array): boolean {
  return Buffer.from(haystack).includes(Buffer.from(needle));
}

describe('report images made at capture', () => {
  it('are drawn once, beside the thumbnail; the export only reads them (no original decoded again)', async () => {
    const { maker, counts, made } = countingMaker();
    const { preparer, types } = countingPreparer();
    const { service, request } = await vaultWithFiles(screenshots(3), {
      thumbnailMaker: maker,
      images: preparer,
    });
    await service.thumbnailsSettled();
    // One decoding per original, for both pictures.
    expect(counts.calls).toBe(3);
    const reportImages = made.filter((_, i) => i % 2 === 1);
    await service.exportStart(1, request);
    const { zip } = await readAll(service, 1);
    await service.exportFinish(1);
    expect(counts.calls).toBe(3);
    expect(types).toEqual([]);
    expect((await verifyBundle(bytesSource(zip))).status).toBe('intact');
    // The PDF (stored uncompressed in the ZIP) carries exactly the report images made at capture.
    for (const jpeg of reportImages) expect(contains(zip, jpeg)).toBe(true);
    expect(await service.reportImageIds()).toEqual([]);
    await service.erase(PASSPHRASE);
  });

  it('are made once, at the first export, for files captured before they existed', async () => {
    const { maker, counts } = countingMaker();
    let ready = false;
    // Capture stores nothing (as for items captured by an older version); the export draws them.
    const gated: ThumbnailMaker = {
      make: async (original, maxEdges) => {
        if (!ready) throw new Error('not drawn at capture');
        return maker.make(original, maxEdges);
      },
    };
    const { service, request } = await vaultWithFiles(screenshots(2), { thumbnailMaker: gated });
    await service.thumbnailsSettled();
    ready = true;
    await service.exportStart(1, request);
    await readAll(service, 1);
    await service.exportFinish(1);
    expect(counts.calls).toBe(2);
    await service.exportStart(2, { ...request, bundleId: crypto.randomUUID() });
    const { zip } = await readAll(service, 2);
    await service.exportFinish(2);
    expect(counts.calls).toBe(2);
    expect((await verifyBundle(bytesSource(zip))).status).toBe('intact');
    await service.erase(PASSPHRASE);
  });

  it('are blurred from the report image, not the original, for sensitive items under the blur policy', async () => {
    const { maker, counts } = countingMaker();
    const { preparer, types } = countingPreparer();
    const { service, request } = await vaultWithFiles(screenshots(2), {
      thumbnailMaker: maker,
      images: preparer,
    });
    await service.thumbnailsSettled();
    const [item] = await service.listItems(request.caseId);
    if (!item) throw new Error('no item');
    await service.editItem(item.id, { sensitive: true });
    await service.exportStart(1, request);
    const { zip } = await readAll(service, 1);
    await service.exportFinish(1);
    expect(counts.calls).toBe(2);
    // One image blurred, from the JPEG made at capture; the other drawn as made.
    expect(types).toEqual(['image/jpeg']);
    expect((await verifyBundle(bytesSource(zip))).status).toBe('intact');
    expect(await service.reportImageIds()).toEqual([]);
    await service.erase(PASSPHRASE);
  });
});

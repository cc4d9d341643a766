import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { canvas, checkerboard, encodePng, fillRect } from '../../../scripts/report-node/draw';
import { BLURRED_MAX_EDGE, prepareImage } from '../../../scripts/report-node/images';
import type { Rgba } from '../../../scripts/report-node/pixels';
import { lumaVariance } from './fixtures';

const OPTIONS = { blur: false, maxEdge: 1600 };

function decodeJpeg(bytes: Uint8Array): Rgba {
  const image = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true });
  return { width: image.width, height: image.height, data: image.data };
}

function pixel(image: Rgba, x: number, y: number): number[] {
  const at = (y * image.width + x) * 4;
  return Array.from(image.data.subarray(at, at + 3));
}

/** A JPEG with an EXIF block whose Orientation tag is `orientation`, as phone cameras write it. */
function jpegWithOrientation(image: Rgba, orientation: number): Uint8Array {
  const plain = new Uint8Array(jpeg.encode({ ...image }, 95).data);
  const tiff = [0x4d, 0x4d, 0x00, 0x2a, 0x00, 0x00, 0x00, 0x08, 0x00, 0x01, 0x01, 0x12, 0x00, 0x03];
  tiff.push(0x00, 0x00, 0x00, 0x01, 0x00, orientation, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00);
  const body = [0x45, 0x78, 0x69, 0x66, 0x00, 0x00, ...tiff];
  const app1 = [0xff, 0xe1, (body.length + 2) >> 8, (body.length + 2) & 0xff, ...body];
  return Uint8Array.from([...plain.subarray(0, 2), ...app1, ...plain.subarray(2)]);
}

describe('Node image preparer', () => {
  it('turns a photo upright as its EXIF orientation says', async () => {
    const image = canvas(40, 20, [220, 30, 30]);
    fillRect(image, 20, 0, 20, 20, [30, 30, 220]);
    const prepared = await prepareImage(jpegWithOrientation(image, 6), OPTIONS);
    expect(prepared && [prepared.width, prepared.height]).toEqual([20, 40]);
    const out = decodeJpeg((prepared as { jpeg: Uint8Array }).jpeg);
    // Rotated 90° clockwise: the left (red) half is now on top, the right (blue) half below.
    expect(pixel(out, 10, 5)[0]).toBeGreaterThan(150);
    expect(pixel(out, 10, 35)[2]).toBeGreaterThan(150);
    const unrotated = await prepareImage(jpegWithOrientation(image, 1), OPTIONS);
    expect(unrotated && [unrotated.width, unrotated.height]).toEqual([40, 20]);
  });

  it('downscales to 1600 pixels on the long edge and never enlarges', async () => {
    const wide = await prepareImage(encodePng(canvas(3000, 1000, [10, 200, 10])), OPTIONS);
    expect(wide && [wide.width, wide.height]).toEqual([1600, 533]);
    const small = await prepareImage(encodePng(canvas(300, 200, [10, 200, 10])), OPTIONS);
    expect(small && [small.width, small.height]).toEqual([300, 200]);
  });

  it('blurs a high-contrast checkerboard into flat colour', async () => {
    const board = checkerboard(800, 800, 50, [255, 255, 0], [0, 0, 255]);
    const sharp = await prepareImage(encodePng(board), OPTIONS);
    const blurred = await prepareImage(encodePng(board), { ...OPTIONS, blur: true });
    expect(blurred && Math.max(blurred.width, blurred.height)).toBe(BLURRED_MAX_EDGE);
    const sharpVariance = lumaVariance(decodeJpeg((sharp as { jpeg: Uint8Array }).jpeg));
    const blurredVariance = lumaVariance(decodeJpeg((blurred as { jpeg: Uint8Array }).jpeg));
    expect(sharpVariance).toBeGreaterThan(3000);
    expect(blurredVariance).toBeLessThan(sharpVariance * 0.02);
  });

  it('shows transparent areas of a PNG as white, like paper', async () => {
    const png = new PNG({ width: 4, height: 4 });
    png.data.fill(0);
    const prepared = await prepareImage(new Uint8Array(PNG.sync.write(png)), OPTIONS);
    expect(pixel(decodeJpeg((prepared as { jpeg: Uint8Array }).jpeg), 2, 2).every((c) => c > 245)).toBe(true);
  });

  it('resolves null for corrupt, truncated or unsupported images instead of throwing', async () => {
    const png = encodePng(checkerboard(64, 64, 8, [0, 0, 0], [255, 255, 255]));
    const truncated = png.slice(0, png.length - 40);
    const flipped = png.slice();
    flipped[60] = (flipped[60] as number) ^ 0xff;
    const gif = new TextEncoder().encode('GIF89a\u0001\u0000\u0001\u0000');
    for (const bytes of [
      truncated,
      flipped,
      gif,
      new Uint8Array(0),
      new Uint8Array([0xff, 0xd8, 0xff, 0x00]),
    ]) {
      expect(await prepareImage(bytes, OPTIONS)).toBeNull();
    }
  });
});

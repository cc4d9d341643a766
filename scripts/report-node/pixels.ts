/** Plain RGBA pixel operations for the Node image preparer (no native modules, no canvas). */

/** 8-bit RGBA pixels, row by row. */
export interface Rgba {
  width: number;
  height: number;
  data: Uint8Array;
}

/** The size that fits `width` × `height` within `maxEdge` on the long edge (never enlarged). */
export function fitWithin(width: number, height: number, maxEdge: number): { width: number; height: number } {
  const scale = Math.min(1, maxEdge / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** Composites transparent pixels onto white, as a printed page would show them. */
export function flattenOnWhite(image: Rgba): Rgba {
  const data = new Uint8Array(image.data);
  for (let i = 0; i < data.length; i += 4) {
    const alpha = (data[i + 3] as number) / 255;
    for (let c = 0; c < 3; c++) data[i + c] = Math.round((data[i + c] as number) * alpha + 255 * (1 - alpha));
    data[i + 3] = 255;
  }
  return { width: image.width, height: image.height, data };
}

/** Downscale by averaging every source pixel that falls in each target pixel (a box filter). */
export function shrink(image: Rgba, width: number, height: number): Rgba {
  if (width === image.width && height === image.height) return image;
  const out = new Uint8Array(width * height * 4);
  const xStart = new Uint32Array(width + 1);
  for (let x = 0; x <= width; x++) xStart[x] = Math.min(image.width, Math.floor((x * image.width) / width));
  const sums = new Float64Array(width * 4);
  for (let y = 0; y < height; y++) {
    const y0 = Math.floor((y * image.height) / height);
    const y1 = Math.max(y0 + 1, Math.floor(((y + 1) * image.height) / height));
    sums.fill(0);
    for (let sy = y0; sy < y1; sy++) {
      const row = sy * image.width * 4;
      for (let x = 0; x < width; x++) {
        const x0 = xStart[x] as number;
        const x1 = Math.max(x0 + 1, xStart[x + 1] as number);
        for (let sx = x0; sx < x1; sx++) {
          const at = row + sx * 4;
          for (let c = 0; c < 4; c++)
            sums[x * 4 + c] = (sums[x * 4 + c] as number) + (image.data[at + c] as number);
        }
      }
    }
    for (let x = 0; x < width; x++) {
      const x0 = xStart[x] as number;
      const count = (Math.max(x0 + 1, xStart[x + 1] as number) - x0) * (y1 - y0);
      for (let c = 0; c < 4; c++)
        out[(y * width + x) * 4 + c] = Math.round((sums[x * 4 + c] as number) / count);
    }
  }
  return { width, height, data: out };
}

/** Upscale with bilinear interpolation between pixel centres: smooth, with no blocks to read shapes from. */
export function enlarge(image: Rgba, width: number, height: number): Rgba {
  const out = new Uint8Array(width * height * 4);
  const pixel = (x: number, y: number, c: number) => image.data[(y * image.width + x) * 4 + c] as number;
  for (let y = 0; y < height; y++) {
    const fy = Math.min(image.height - 1, Math.max(0, ((y + 0.5) * image.height) / height - 0.5));
    const y0 = Math.floor(fy);
    const y1 = Math.min(image.height - 1, y0 + 1);
    const wy = fy - y0;
    for (let x = 0; x < width; x++) {
      const fx = Math.min(image.width - 1, Math.max(0, ((x + 0.5) * image.width) / width - 0.5));
      const x0 = Math.floor(fx);
      const x1 = Math.min(image.width - 1, x0 + 1);
      const wx = fx - x0;
      for (let c = 0; c < 4; c++) {
        const top = pixel(x0, y0, c) * (1 - wx) + pixel(x1, y0, c) * wx;
        const bottom = pixel(x0, y1, c) * (1 - wx) + pixel(x1, y1, c) * wx;
        out[(y * width + x) * 4 + c] = Math.round(top * (1 - wy) + bottom * wy);
      }
    }
  }
  return { width, height, data: out };
}

/** One pass of a 3 × 3 box blur (edges clamped). */
export function boxBlur3(image: Rgba): Rgba {
  const { width, height, data } = image;
  const out = new Uint8Array(data.length);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      for (let c = 0; c < 4; c++) {
        let sum = 0;
        for (let dy = -1; dy <= 1; dy++) {
          const sy = Math.min(height - 1, Math.max(0, y + dy));
          for (let dx = -1; dx <= 1; dx++) {
            const sx = Math.min(width - 1, Math.max(0, x + dx));
            sum += data[(sy * width + sx) * 4 + c] as number;
          }
        }
        out[(y * width + x) * 4 + c] = Math.round(sum / 9);
      }
    }
  }
  return { width, height, data: out };
}

/**
 * `image` turned upright as EXIF orientation `orientation` (1–8) says: for output pixel (x, y), the
 * source pixel it comes from. Orientations 5–8 swap width and height.
 */
export function applyOrientation(image: Rgba, orientation: number): Rgba {
  if (!Number.isInteger(orientation) || orientation < 2 || orientation > 8) return image;
  const { width: w, height: h } = image;
  const swap = orientation >= 5;
  const width = swap ? h : w;
  const height = swap ? w : h;
  const source: Record<number, (x: number, y: number) => [number, number]> = {
    2: (x, y) => [w - 1 - x, y],
    3: (x, y) => [w - 1 - x, h - 1 - y],
    4: (x, y) => [x, h - 1 - y],
    5: (x, y) => [y, x],
    6: (x, y) => [y, h - 1 - x],
    7: (x, y) => [w - 1 - y, h - 1 - x],
    8: (x, y) => [w - 1 - y, x],
  };
  const from = source[orientation] as (x: number, y: number) => [number, number];
  const out = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const [sx, sy] = from(x, y);
      out.set(image.data.subarray((sy * w + sx) * 4, (sy * w + sx) * 4 + 4), (y * width + x) * 4);
    }
  }
  return { width, height, data: out };
}

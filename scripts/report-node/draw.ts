import { PNG } from 'pngjs';
import type { Rgba } from './pixels';

/** Pictures drawn in code for the demo and the tests: no real person, no real content. */

type Colour = readonly [number, number, number];

/** A blank RGBA canvas filled with `colour`. */
export function canvas(width: number, height: number, colour: Colour): Rgba {
  const data = new Uint8Array(width * height * 4);
  for (let i = 0; i < data.length; i += 4) data.set([...colour, 255], i);
  return { width, height, data };
}

/** Fills a rectangle (clipped to the canvas). */
export function fillRect(image: Rgba, x: number, y: number, w: number, h: number, colour: Colour): void {
  for (let row = Math.max(0, y); row < Math.min(image.height, y + h); row++) {
    for (let col = Math.max(0, x); col < Math.min(image.width, x + w); col++) {
      image.data.set([...colour, 255], (row * image.width + col) * 4);
    }
  }
}

/** A high-contrast checkerboard: the worst case for a blur to hide. */
export function checkerboard(width: number, height: number, square: number, a: Colour, b: Colour): Rgba {
  const image = canvas(width, height, a);
  for (let y = 0; y < height; y += square) {
    for (let x = 0; x < width; x += square) {
      if ((x / square + y / square) % 2 === 1) fillRect(image, x, y, square, square, b);
    }
  }
  return image;
}

/**
 * A fake phone screenshot: status bar, an address bar, a header with an avatar, and message bubbles
 * as grey bars standing in for text. `accent` tells several screenshots apart.
 */
export function fakeScreenshot(width: number, height: number, accent: Colour, bubbles: number): Rgba {
  const image = canvas(width, height, [246, 247, 249]);
  const unit = Math.round(width / 36);
  fillRect(image, 0, 0, width, unit * 2, [30, 32, 36]);
  fillRect(image, unit, Math.round(unit * 0.6), unit * 4, Math.round(unit * 0.8), [220, 220, 220]);
  fillRect(image, unit, unit * 3, width - 2 * unit, unit * 2, [225, 228, 233]);
  fillRect(
    image,
    unit * 2,
    Math.round(unit * 3.6),
    width - 8 * unit,
    Math.round(unit * 0.8),
    [150, 155, 165],
  );
  fillRect(image, 0, unit * 6, width, unit * 4, accent);
  fillRect(image, unit, unit * 7, unit * 2, unit * 2, [250, 250, 250]);
  fillRect(image, unit * 4, Math.round(unit * 7.6), unit * 12, Math.round(unit * 0.9), [250, 250, 250]);
  let y = unit * 12;
  for (let i = 0; i < bubbles && y + unit * 5 < height; i++) {
    const mine = i % 3 === 2;
    const w = unit * (14 + ((i * 7) % 12));
    const x = mine ? width - unit - w : unit;
    fillRect(image, x, y, w, unit * 4, mine ? accent : [255, 255, 255]);
    for (let line = 0; line < 2; line++) {
      fillRect(
        image,
        x + unit,
        y + unit * (1 + line * 1.4),
        w - unit * (3 + line * 4),
        Math.round(unit * 0.6),
        [90, 96, 110],
      );
    }
    y += unit * 6;
  }
  return image;
}

/** `image` as PNG bytes. */
export function encodePng(image: Rgba): Uint8Array {
  const png = new PNG({ width: image.width, height: image.height });
  png.data = Buffer.from(image.data);
  return new Uint8Array(PNG.sync.write(png));
}

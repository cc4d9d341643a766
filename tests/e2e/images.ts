import { PNG } from 'pngjs';

/** A real PNG with a pattern that depends on `seed`, so every test file has distinct bytes. */
export function png(seed: number, width = 64, height = 48): Buffer {
  const image = new PNG({ width, height });
  for (let i = 0; i < width * height; i++) {
    image.data[i * 4] = (i * seed) & 0xff;
    image.data[i * 4 + 1] = (i >> 3) & 0xff;
    image.data[i * 4 + 2] = seed & 0xff;
    image.data[i * 4 + 3] = 255;
  }
  return PNG.sync.write(image);
}

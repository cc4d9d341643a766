/**
 * Draws the app icons as PNG files (no image tools needed): a light shield with a check mark on a deep
 * teal square. `maskable` keeps the mark inside the 80% safe zone. Run: npx tsx scripts/make-icons.ts
 */
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const BG = [0x12, 0x4e, 0x5c];
const FG = [0xf4, 0xf1, 0xea];
const MARK = [0x12, 0x4e, 0x5c];

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

function png(size: number, pixel: (x: number, y: number) => number[]): Buffer {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const p = pixel(x, y);
      raw.set(p, y * (size * 4 + 1) + 1 + x * 4);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array()),
  ]);
}

/** Inside the shield, in unit coordinates centred on 0 (−1..1). */
function inShield(u: number, v: number): boolean {
  if (v < -0.8 || v > 0.9) return false;
  if (v < 0.15) return Math.abs(u) <= 0.7;
  const half = 0.7 * Math.sqrt(Math.max(0, 1 - ((v - 0.15) / 0.75) ** 2));
  return Math.abs(u) <= half;
}

function distanceToSegment(u: number, v: number, a: number[], b: number[]): number {
  const [ax = 0, ay = 0] = a;
  const [bx = 0, by = 0] = b;
  const t = Math.max(
    0,
    Math.min(1, ((u - ax) * (bx - ax) + (v - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)),
  );
  return Math.hypot(u - (ax + t * (bx - ax)), v - (ay + t * (by - ay)));
}

function inCheck(u: number, v: number): boolean {
  const d = Math.min(
    distanceToSegment(u, v, [-0.35, 0.05], [-0.08, 0.32]),
    distanceToSegment(u, v, [-0.08, 0.32], [0.4, -0.25]),
  );
  return d < 0.1;
}

function icon(size: number, markScale: number): Buffer {
  const samples = 4;
  return png(size, (x, y) => {
    let fg = 0;
    let mark = 0;
    for (let sy = 0; sy < samples; sy++) {
      for (let sx = 0; sx < samples; sx++) {
        const u = (((x + (sx + 0.5) / samples) / size) * 2 - 1) / markScale;
        const v = (((y + (sy + 0.5) / samples) / size) * 2 - 1) / markScale;
        if (inShield(u, v)) {
          if (inCheck(u, v)) mark++;
          else fg++;
        }
      }
    }
    const n = samples * samples;
    const bg = n - fg - mark;
    return [0, 1, 2]
      .map((i) => Math.round(((BG[i] ?? 0) * bg + (FG[i] ?? 0) * fg + (MARK[i] ?? 0) * mark) / n))
      .concat(255);
  });
}

/** Neutral icons for discreet mode: a notebook, a calculator, a cooking pot. Nothing says "evidence". */
function neutral(size: number, kind: 'notes' | 'calculator' | 'recipes'): Buffer {
  const colours = {
    notes: [0xf2, 0xc1, 0x4e],
    calculator: [0x4a, 0x55, 0x68],
    recipes: [0xd9, 0x6c, 0x3b],
  } as const;
  const bg = colours[kind];
  const light = [0xfa, 0xfa, 0xf7];
  const inside = (u: number, v: number): boolean => {
    if (kind === 'notes') {
      if (u < -0.45 || u > 0.45 || v < -0.6 || v > 0.6) return false;
      // Ruled lines are gaps in the page.
      return !(u > -0.3 && u < 0.3 && [-0.3, -0.05, 0.2, 0.45].some((line) => Math.abs(v - line) < 0.04));
    }
    if (kind === 'calculator') {
      if (u < -0.45 || u > 0.45 || v < -0.62 || v > 0.62) return false;
      if (v < -0.25) return !(u > -0.35 && u < 0.35 && v > -0.52 && v < -0.35);
      const cell = (x: number) => Math.abs(((x + 10) % 0.3) - 0.15) < 0.1;
      return !(cell(u + 0.45) && cell(v + 0.25));
    }
    return (v > -0.1 && v < 0.45 && Math.abs(u) < 0.55) || (v > -0.25 && v <= -0.1 && Math.abs(u) < 0.65);
  };
  const samples = 4;
  return png(size, (x, y) => {
    let hit = 0;
    for (let sy = 0; sy < samples; sy++) {
      for (let sx = 0; sx < samples; sx++) {
        const u = ((x + (sx + 0.5) / samples) / size) * 2 - 1;
        const v = ((y + (sy + 0.5) / samples) / size) * 2 - 1;
        if (inside(u / 0.8, v / 0.8)) hit++;
      }
    }
    const n = samples * samples;
    return [0, 1, 2]
      .map((i) => Math.round(((bg[i] ?? 0) * (n - hit) + (light[i] ?? 0) * hit) / n))
      .concat(255);
  });
}

const out = 'public/icons';
writeFileSync(`${out}/icon-192.png`, icon(192, 0.78));
writeFileSync(`${out}/icon-512.png`, icon(512, 0.78));
writeFileSync(`${out}/icon-maskable-512.png`, icon(512, 0.6));
writeFileSync(`${out}/apple-touch-icon.png`, icon(180, 0.7));
writeFileSync(`${out}/favicon-32.png`, icon(32, 0.85));
for (const kind of ['notes', 'calculator', 'recipes'] as const) {
  writeFileSync(`${out}/${kind}-192.png`, neutral(192, kind));
  writeFileSync(`${out}/${kind}-512.png`, neutral(512, kind));
  writeFileSync(`${out}/${kind}-32.png`, neutral(32, kind));
}

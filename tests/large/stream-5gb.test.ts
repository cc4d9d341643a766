import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { nodePrimitives } from '../../src/cli/node-primitives';
import { verifyBundle } from '../../src/core/bundle/verify';
import type { RandomAccessSource } from '../../src/core/zip/source';

const SIZE = 5 * 10 ** 9;
const NAME = new TextEncoder().encode('evidence/001-long-video.mp4');
const ZEROS = new Uint8Array(2 ** 20);

function bytes(spec: [number, number | bigint][]): Uint8Array {
  const out = new Uint8Array(spec.reduce((sum, [size]) => sum + size, 0));
  const view = new DataView(out.buffer);
  let at = 0;
  for (const [size, value] of spec) {
    if (size === 2) view.setUint16(at, Number(value), true);
    else if (size === 4) view.setUint32(at, Number(value) >>> 0, true);
    else view.setBigUint64(at, BigInt(value), true);
    at += size;
  }
  return out;
}

/** A 5 GB Zip64 archive of one stored entry of zeros, generated as it is read: nothing is written to disk. */
function fiveGigabyteZip(): RandomAccessSource {
  let crc = 0;
  for (let done = 0; done < SIZE; done += ZEROS.length)
    crc = crc32(ZEROS.subarray(0, Math.min(ZEROS.length, SIZE - done)), crc);
  const zip64 = bytes([
    [2, 1],
    [2, 16],
    [8, BigInt(SIZE)],
    [8, BigInt(SIZE)],
  ]);
  const local = new Uint8Array([
    ...bytes([
      [4, 0x04034b50],
      [2, 45],
      [2, 0x0800],
      [2, 0],
      [4, 0x5a8b0000],
      [4, crc],
      [4, 0xffffffff],
      [4, 0xffffffff],
      [2, NAME.length],
      [2, zip64.length],
    ]),
    ...NAME,
    ...zip64,
  ]);
  const central = new Uint8Array([
    ...bytes([
      [4, 0x02014b50],
      [2, 0x032d],
      [2, 45],
      [2, 0x0800],
      [2, 0],
      [4, 0x5a8b0000],
      [4, crc],
      [4, 0xffffffff],
      [4, 0xffffffff],
      [2, NAME.length],
      [2, zip64.length],
      [2, 0],
      [2, 0],
      [2, 0],
      [4, 0o100644 << 16],
      [4, 0],
    ]),
    ...NAME,
    ...zip64,
  ]);
  const cdOffset = local.length + SIZE;
  const recordOffset = cdOffset + central.length;
  const tail = new Uint8Array([
    ...central,
    ...bytes([
      [4, 0x06064b50],
      [8, 44],
      [2, 0x032d],
      [2, 45],
      [4, 0],
      [4, 0],
      [8, 1],
      [8, 1],
      [8, central.length],
      [8, BigInt(cdOffset)],
    ]),
    ...bytes([
      [4, 0x07064b50],
      [4, 0],
      [8, BigInt(recordOffset)],
      [4, 1],
    ]),
    ...bytes([
      [4, 0x06054b50],
      [2, 0],
      [2, 0],
      [2, 0xffff],
      [2, 0xffff],
      [4, 0xffffffff],
      [4, 0xffffffff],
      [2, 0],
    ]),
  ]);
  const size = cdOffset + tail.length;
  return {
    size,
    read: async (offset, length) => {
      const out = new Uint8Array(Math.min(length, size - offset));
      for (let at = 0; at < out.length; ) {
        const position = offset + at;
        if (position < local.length) {
          const part = local.subarray(position, Math.min(local.length, position + out.length - at));
          out.set(part, at);
          at += part.length;
        } else if (position < cdOffset) {
          at += Math.min(cdOffset - position, out.length - at);
        } else {
          const part = tail.subarray(position - cdOffset, position - cdOffset + out.length - at);
          out.set(part, at);
          at += part.length;
        }
      }
      return out;
    },
  };
}

describe('a 5 GB bundle', () => {
  it('streams through the verifier in bounded memory', async () => {
    const source = fiveGigabyteZip();
    const before = process.memoryUsage().rss;
    let peak = before;
    let done = 0;
    const started = performance.now();
    const report = await verifyBundle(source, {
      primitives: nodePrimitives,
      onProgress: (progress) => {
        done = progress.bytesDone;
        peak = Math.max(peak, process.memoryUsage().rss);
      },
    });
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `5 GB streamed in ${seconds.toFixed(1)} s, peak RSS +${((peak - before) / 2 ** 20).toFixed(0)} MiB`,
    );
    expect(done).toBe(SIZE);
    expect(report.zip64).toBe(true);
    // Every byte was read and hashed (a CRC-32 or size problem would be listed), then it is no bundle.
    expect(report.problems.map((problem) => problem.code)).toEqual(['bundle.verify.notBundle']);
    expect(report.files).toEqual([]);
    expect(peak - before).toBeLessThan(256 * 2 ** 20);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SEGMENT_BYTES } from '../../../src/core/backup/format';
import { encodeFrame, type Frame, MAX_VALUE_BYTES, readFrame } from '../../../src/core/backup/frames';
import { FrameChecker } from '../../../src/core/backup/order';
import { openSegments, SegmentSealer, StreamBytes } from '../../../src/core/backup/segments';
import { loadSodium } from '../../../src/core/crypto/sodium';
import { isBuktiError } from '../../../src/core/errors';
import { expectSameBytes, piecesOf, pseudoRandomBytes } from '../vault/helpers';

/** A plain source over `bytes` for `readFrame`, failing like the real one when they run out. */
function plain(bytes: Uint8Array) {
  let offset = 0;
  return {
    get rest() {
      return bytes.length - offset;
    },
    async bytes(length: number) {
      if (offset + length > bytes.length) throw Object.assign(new Error('end'), { code: 'end' });
      offset += length;
      return bytes.subarray(offset - length, offset);
    },
  };
}

const id = fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/);
const tag = fc.stringMatching(/^[0-9a-f]{32}$/);
const value = fc.uint8Array({ maxLength: 300 });
const count = fc.nat({ max: 0xffffffff });
const frame: fc.Arbitrary<Frame> = fc.oneof(
  fc
    .date({ min: new Date(0), max: new Date(4e12), noInvalidDate: true })
    .map((date): Frame => ({ kind: 'about', about: { createdAt: date.toISOString() } })),
  value.map((v): Frame => ({ kind: 'meta', name: 'keys', value: v })),
  fc.record({ tag, id, value }).map((r): Frame => ({ kind: 'record', ...r })),
  fc.record({ id, value }).map((r): Frame => ({ kind: 'file', ...r })),
  fc.record({ id, value }).map((r): Frame => ({ kind: 'deposit', ...r })),
  fc.record({ index: count, value }).map((r): Frame => ({ kind: 'chunk', ...r })),
  fc
    .record({ records: count, files: count, deposits: count, chunks: count, valueBytes: fc.maxSafeNat() })
    .map((counts): Frame => ({ kind: 'end', counts })),
);

describe('backup frames', () => {
  it('read back exactly as written', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(frame, { maxLength: 8 }), async (frames) => {
        const source = plain(new Uint8Array(Buffer.concat(frames.flatMap(encodeFrame))));
        for (const written of frames) expect(await readFrame(source)).toEqual(written);
        expect(source.rest).toBe(0);
      }),
      { numRuns: 200 },
    );
  });

  it('reading arbitrary bytes either yields a frame or fails as damage, never anything else', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 120 }), async (bytes) => {
        try {
          await readFrame(plain(bytes));
        } catch (error) {
          const ok = isBuktiError(error, 'backup.damaged') || (error as { code?: string }).code === 'end';
          expect(ok, String(error)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('refuses a stated value length over the limit before reading it', async () => {
    const head = encodeFrame({ kind: 'file', id: 'f', value: new Uint8Array(1) })[0] as Uint8Array;
    new DataView(head.buffer, head.byteOffset).setUint32(head.length - 4, MAX_VALUE_BYTES + 1);
    await expect(readFrame(plain(head))).rejects.toSatisfy((e) => isBuktiError(e, 'backup.damaged'));
  });
});

describe('frame order', () => {
  const about: Frame = { kind: 'about', about: { createdAt: '2025-05-03T01:02:03.004Z' } };
  const keys: Frame = { kind: 'meta', name: 'keys', value: new Uint8Array(3) };
  const rec = (t: string, i: string): Frame => ({
    kind: 'record',
    tag: t.repeat(32),
    id: i,
    value: new Uint8Array(2),
  });
  const file = (i: string): Frame => ({ kind: 'file', id: i, value: new Uint8Array(1) });
  const chunk = (index: number): Frame => ({ kind: 'chunk', index, value: new Uint8Array(4) });
  const end = (records: number, files: number, chunks: number, valueBytes: number): Frame => ({
    kind: 'end',
    counts: { records, files, deposits: 0, chunks, valueBytes },
  });

  function accepts(frames: Frame[]): boolean {
    const checker = new FrameChecker();
    try {
      for (const f of frames) checker.accept(f);
      return checker.ended;
    } catch (error) {
      if (!isBuktiError(error, 'backup.damaged')) throw error;
      return false;
    }
  }

  it('accepts the order the writer produces and counts what it saw', () => {
    expect(
      accepts([about, keys, rec('a', 'x'), rec('b', 'a'), file('f'), chunk(0), chunk(1), end(2, 1, 2, 16)]),
    ).toBe(true);
    expect(accepts([about, keys, end(0, 0, 0, 3)])).toBe(true);
  });

  it('refuses sections out of order, repeated keys, stray chunks and wrong totals', () => {
    const refused = {
      noAbout: [keys, end(0, 0, 0, 3)],
      twoKeys: [about, keys, keys, end(0, 0, 0, 6)],
      recordAfterFile: [about, keys, file('f'), rec('a', 'x'), end(1, 1, 0, 3)],
      sameRecord: [about, keys, rec('a', 'x'), rec('a', 'x'), end(2, 0, 0, 7)],
      fallingRecord: [about, keys, rec('b', 'x'), rec('a', 'x'), end(2, 0, 0, 7)],
      chunkWithoutFile: [about, keys, chunk(0), end(0, 0, 1, 7)],
      chunkRepeated: [about, keys, file('f'), chunk(0), chunk(0), end(0, 1, 2, 12)],
      sameFile: [about, keys, file('f'), file('f'), end(0, 2, 0, 5)],
      wrongCount: [about, keys, rec('a', 'x'), end(2, 0, 0, 5)],
      wrongBytes: [about, keys, end(0, 0, 0, 4)],
      afterEnd: [about, keys, end(0, 0, 0, 3), rec('a', 'x')],
      noEnd: [about, keys, rec('a', 'x')],
    };
    for (const [name, frames] of Object.entries(refused)) expect(accepts(frames), name).toBe(false);
  });

  it('never fails with anything but damage on arbitrary sequences', () => {
    fc.assert(
      fc.property(fc.array(frame, { maxLength: 12 }), (frames) => {
        accepts(frames);
      }),
      { numRuns: 300 },
    );
  });
});

describe('segments', () => {
  it('round-trip plaintext of any length across segment boundaries, read in uneven pieces', async () => {
    const sodium = await loadSodium();
    const key = sodium.crypto_secretstream_xchacha20poly1305_keygen();
    const preamble = {
      bytes: pseudoRandomBytes(212, 1),
      header: undefined as never,
      streamHeader: new Uint8Array(),
    };
    for (const length of [1, SEGMENT_BYTES - 1, SEGMENT_BYTES, SEGMENT_BYTES + 1, 2 * SEGMENT_BYTES]) {
      const { state, header } = sodium.crypto_secretstream_xchacha20poly1305_init_push(key);
      const sealer = new SegmentSealer(sodium, state, preamble.bytes);
      const text = pseudoRandomBytes(length, length);
      for (const piece of piecesOf(text, [70_000, 3, 1_000_001])) sealer.write(piece);
      const sealed = [...sealer.take(), sealer.finish()];
      expect(sealed).toHaveLength(Math.ceil(length / SEGMENT_BYTES));
      const file = Buffer.concat(sealed);
      const stream = new Blob([file]).stream();
      const opened: Uint8Array[] = [];
      for await (const part of openSegments(
        sodium,
        key,
        { ...preamble, streamHeader: header },
        new StreamBytes(stream),
      )) {
        opened.push(part);
      }
      expectSameBytes(Buffer.concat(opened), text);
    }
  });
});

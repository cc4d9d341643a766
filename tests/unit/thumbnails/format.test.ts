import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isBuktiError } from '../../../src/core/errors';
import {
  decodeThumbnail,
  encodeThumbnail,
  type StoredThumbnail,
  THUMBNAIL_FORMAT_VERSION,
} from '../../../src/core/thumbnails/format';

const picture = fc.record({
  kind: fc.constant('picture' as const),
  type: fc.constantFrom('image/jpeg' as const, 'image/webp' as const),
  width: fc.integer({ min: 1, max: 0xffff }),
  height: fc.integer({ min: 1, max: 0xffff }),
  bytes: fc.uint8Array({ minLength: 1, maxLength: 300 }),
});
const thumbnail: fc.Arbitrary<StoredThumbnail> = fc.oneof(picture, fc.constant({ kind: 'none' as const }));

describe('thumbnail payload format', () => {
  it('round-trips every picture and "none" (property)', () => {
    fc.assert(
      fc.property(thumbnail, (value) => {
        expect(decodeThumbnail(encodeThumbnail(value))).toEqual(value);
      }),
    );
  });

  it('lays a picture out as version, kind, type, width, height, then the image bytes', () => {
    const bytes = encodeThumbnail({
      kind: 'picture',
      type: 'image/jpeg',
      width: 640,
      height: 0x1e0,
      bytes: Uint8Array.of(0xff, 0xd8),
    });
    expect([...bytes]).toEqual([THUMBNAIL_FORMAT_VERSION, 1, 1, 0x02, 0x80, 0x01, 0xe0, 0xff, 0xd8]);
    expect([...encodeThumbnail({ kind: 'none' })]).toEqual([THUMBNAIL_FORMAT_VERSION, 0]);
  });

  it('reads any byte string either as exactly what it encodes, or as vault.integrity (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
        let decoded: StoredThumbnail;
        try {
          decoded = decodeThumbnail(bytes);
        } catch (error) {
          expect(isBuktiError(error, 'vault.integrity')).toBe(true);
          return;
        }
        expect([...encodeThumbnail(decoded)]).toEqual([...bytes]);
      }),
    );
  });

  it('refuses an unknown version, kind or image type, a zero size and a picture without bytes', () => {
    const good = encodeThumbnail({
      kind: 'picture',
      type: 'image/webp',
      width: 3,
      height: 4,
      bytes: Uint8Array.of(9),
    });
    const changed = (offset: number, value: number) => {
      const copy = good.slice();
      copy[offset] = value;
      return copy;
    };
    for (const bad of [
      changed(0, 2),
      changed(1, 2),
      changed(2, 0),
      changed(2, 3),
      changed(4, 0).map((b, i) => (i === 3 ? 0 : b)),
      good.subarray(0, 7),
      Uint8Array.of(THUMBNAIL_FORMAT_VERSION, 0, 0),
      new Uint8Array(0),
    ]) {
      expect(() => decodeThumbnail(bad), `${[...bad]}`).toThrow(
        expect.objectContaining({ code: 'vault.integrity' }),
      );
    }
    expect(() =>
      encodeThumbnail({ kind: 'picture', type: 'image/jpeg', width: 0, height: 1, bytes: Uint8Array.of(1) }),
    ).toThrow(RangeError);
  });
});

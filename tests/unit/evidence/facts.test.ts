import { describe, expect, it } from 'vitest';
import { exifDateToIso, readFileFacts } from '../../../src/core/evidence/facts';
import { buildJpeg, buildPng } from './images';

/** An ISO base-media file: ftyp, a moov box (optionally holding a ©xyz location), and mdat. */
function buildMp4(withLocation: boolean): Uint8Array {
  const box = (type: string, body: Uint8Array): Uint8Array => {
    const out = new Uint8Array(8 + body.length);
    new DataView(out.buffer).setUint32(0, out.length);
    out.set(new TextEncoder().encode(type), 4);
    out.set(body, 8);
    return out;
  };
  const join = (...parts: Uint8Array[]) => {
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const part of parts) {
      out.set(part, at);
      at += part.length;
    }
    return out;
  };
  const xyz = new Uint8Array([0xa9, 0x78, 0x79, 0x7a]);
  const location = new TextEncoder().encode('\x00\x12\x15\xc7+01.4927+103.7414/');
  const locationBox = join(new Uint8Array([0, 0, 0, 8 + location.length]), xyz, location);
  const udta = box('udta', withLocation ? locationBox : new Uint8Array());
  const moov = box('moov', join(box('mvhd', new Uint8Array(100)), udta));
  return join(
    box('ftyp', new TextEncoder().encode('isom\0\0\x02\0isomiso2mp41')),
    box('mdat', new Uint8Array(3000)),
    moov,
  );
}

describe('readFileFacts', () => {
  const camera = {
    make: 'samsung',
    model: 'SM-A525F',
    dateTimeOriginal: '2025:04:10 14:03:22',
    offsetTimeOriginal: '+08:00',
    gps: { latitude: 1.6599, longitude: 103.6003 },
  };

  it('reads date taken, make, model, GPS presence and size from a JPEG with EXIF', async () => {
    const facts = await readFileFacts(buildJpeg(4000, 3000, camera));
    expect(facts).toEqual({
      dateTaken: '2025-04-10T14:03:22+08:00',
      make: 'samsung',
      model: 'SM-A525F',
      hasGps: true,
      width: 4000,
      height: 3000,
    });
  });

  it('never copies the GPS position itself', async () => {
    const facts = await readFileFacts(buildJpeg(10, 10, camera));
    expect(JSON.stringify(facts)).not.toMatch(/1\.65|103\.6|latitude|longitude/i);
  });

  it('says there is no GPS when the file has none, and keeps a date without offset as written', async () => {
    const facts = await readFileFacts(
      buildJpeg(640, 480, { make: 'Apple', model: 'iPhone 12', dateTimeOriginal: '2024:12:31 23:59:59' }),
    );
    expect(facts).toEqual({
      dateTaken: '2024-12-31T23:59:59',
      make: 'Apple',
      model: 'iPhone 12',
      hasGps: false,
      width: 640,
      height: 480,
    });
  });

  it('trusts the JPEG frame header over EXIF dimensions', async () => {
    const facts = await readFileFacts(buildJpeg(800, 600, { exifWidth: 4000, exifHeight: 3000 }));
    expect(facts).toMatchObject({ width: 800, height: 600 });
  });

  it('reads the size of a JPEG without any EXIF', async () => {
    expect(await readFileFacts(buildJpeg(1080, 2400))).toEqual({ hasGps: false, width: 1080, height: 2400 });
  });

  it('reads the IHDR size of a PNG screenshot', async () => {
    expect(await readFileFacts(buildPng(1170, 2532))).toEqual({ hasGps: false, width: 1170, height: 2532 });
  });

  it('reads EXIF from a PNG eXIf chunk', async () => {
    const facts = await readFileFacts(
      buildPng(100, 50, { model: 'Pixel 7', gps: { latitude: -3.1, longitude: -60 } }),
    );
    expect(facts).toEqual({ model: 'Pixel 7', hasGps: true, width: 100, height: 50 });
  });

  it('gives the same facts for a Blob as for the bytes', async () => {
    const bytes = buildJpeg(320, 240, camera);
    expect(await readFileFacts(new Blob([new Uint8Array(bytes)]))).toEqual(await readFileFacts(bytes));
  });

  it('marks a damaged EXIF block as unreadable instead of failing the capture', async () => {
    const bytes = buildJpeg(320, 240, camera);
    const exifAt = bytes.indexOf(0x45); // "E" of "Exif"
    const damaged = bytes.slice();
    damaged.fill(0xee, exifAt + 6, exifAt + 60); // overwrite the TIFF header and first IFD
    const facts = await readFileFacts(damaged);
    expect(facts.metadataUnreadable).toBe(true);
    expect(facts).toMatchObject({ width: 320, height: 240 });
  });

  it('marks a damaged PNG eXIf chunk as unreadable', async () => {
    const png = buildPng(100, 50, { model: 'Pixel 7', gps: { latitude: 1, longitude: 2 } });
    const tiffAt = png.indexOf(0x4d, 33); // first "M" of the "MM" byte order inside eXIf
    const damaged = png.slice();
    damaged[tiffAt] = 0x00;
    expect(await readFileFacts(damaged)).toEqual({
      hasGps: false,
      metadataUnreadable: true,
      width: 100,
      height: 50,
    });
  });

  it('finds a recording location in an MP4 and passes the measured duration through', async () => {
    expect(await readFileFacts(buildMp4(true), { durationSeconds: 12.5 })).toEqual({
      hasGps: true,
      durationSeconds: 12.5,
    });
    expect(await readFileFacts(new Blob([new Uint8Array(buildMp4(false))]), { durationSeconds: 3 })).toEqual({
      hasGps: false,
      durationSeconds: 3,
    });
  });

  it('marks a truncated MP4 as unreadable', async () => {
    const mp4 = buildMp4(true);
    expect(await readFileFacts(mp4.subarray(0, mp4.length - 20))).toEqual({
      hasGps: false,
      metadataUnreadable: true,
    });
  });

  it('keeps other files with no facts but never fails', async () => {
    expect(await readFileFacts(new TextEncoder().encode('%PDF-1.7\n...'))).toEqual({ hasGps: false });
    expect(await readFileFacts(new Uint8Array([0xff, 0xd8, 0xff]))).toMatchObject({ hasGps: false });
  });
});

describe('exifDateToIso', () => {
  it.each([
    ['2025:04:10 14:03:22', undefined, '2025-04-10T14:03:22'],
    ['2025:04:10 14:03:22', '-05:30', '2025-04-10T14:03:22-05:30'],
    ['2025:04:10 14:03:22\0', '+08:00\0', '2025-04-10T14:03:22+08:00'],
    ['2025:04:10 14:03:22', 'garbage', '2025-04-10T14:03:22'],
    ['0000:00:00 00:00:00', undefined, undefined],
    ['2025:02:30 10:00:00', undefined, undefined],
    ['    :  :     :  :  ', undefined, undefined],
    [20250410, undefined, undefined],
  ])('%j (offset %j) → %j', (value, offset, expected) => {
    expect(exifDateToIso(value, offset)).toBe(expected);
  });
});

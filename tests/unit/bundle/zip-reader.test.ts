import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { makeZip } from 'client-zip';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { isBuktiError } from '../../../src/core/errors';
import { defaultZipLimits, openZip, type ZipEntry } from '../../../src/core/zip/archive';
import { crc32 } from '../../../src/core/zip/crc32';
import { readEntry } from '../../../src/core/zip/entry';
import { bytesSource } from '../../../src/core/zip/source';
import { collect, pseudoRandomBytes, tempDir } from './fixtures';
import { craftZip } from './zip-craft';

async function contents(zip: Uint8Array, entry: ZipEntry): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of readEntry(bytesSource(zip), entry)) chunks.push(chunk);
  return new Uint8Array(Buffer.concat(chunks));
}

async function rejection(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (isBuktiError(error)) return error.code;
    throw error;
  }
  throw new Error('expected a BuktiError');
}

async function readFailure(zip: Uint8Array, entry: ZipEntry): Promise<{ code: string; bytes: number }> {
  let bytes = 0;
  try {
    for await (const chunk of readEntry(bytesSource(zip), entry)) bytes += chunk.length;
  } catch (error) {
    if (isBuktiError(error)) return { code: error.code, bytes };
    throw error;
  }
  return { code: 'none', bytes };
}

const text = (value: string) => new TextEncoder().encode(value);

describe('crc32', () => {
  it('matches the standard check value and zlib-compatible continuation', () => {
    expect(crc32(text('123456789'))).toBe(0xcbf43926);
    const data = pseudoRandomBytes(10_007, 5);
    expect(crc32(data.subarray(3000), crc32(data.subarray(0, 3000)))).toBe(crc32(data));
    expect(crc32(new Uint8Array(0))).toBe(0);
  });
});

describe('openZip and readEntry on archives from other writers', () => {
  it('reads client-zip output (data descriptors, an empty file) byte for byte', async () => {
    const files = [pseudoRandomBytes(70_000, 1), new Uint8Array(0), text('hello')];
    const zip = await collect(
      makeZip(files.map((input, index) => ({ name: `dir/f${index}.bin`, input, lastModified: new Date(0) }))),
    );
    const archive = await openZip(bytesSource(zip));
    expect(archive.problems).toEqual([]);
    expect(archive.zip64).toBe(false);
    expect(archive.entries.map((entry) => entry.name)).toEqual(['dir/f0.bin', 'dir/f1.bin', 'dir/f2.bin']);
    for (const [index, entry] of archive.entries.entries())
      expect(await contents(zip, entry)).toEqual(files[index]);
  });

  it('reads deflated entries written by JSZip and by Info-ZIP zip', async () => {
    const body = text('A bundle re-zipped by hand keeps its contents. '.repeat(2000));
    const jszip = new JSZip();
    jszip.file('manifest.json', body);
    const fromJszip = await jszip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    const temp = tempDir();
    try {
      mkdirSync(join(temp.dir, 'in'));
      writeFileSync(join(temp.dir, 'in', 'manifest.json'), body);
      execFileSync('zip', ['-q', '-9', join(temp.dir, 'out.zip'), 'manifest.json'], {
        cwd: join(temp.dir, 'in'),
      });
      const fromInfoZip = new Uint8Array(readFileSync(join(temp.dir, 'out.zip')));
      for (const zip of [fromJszip, fromInfoZip]) {
        const archive = await openZip(bytesSource(zip));
        const entry = archive.entries[0] as ZipEntry;
        expect(entry.method).toBe(8);
        expect(entry.compressedSize).toBeLessThan(body.length / 10);
        expect(await contents(zip, entry)).toEqual(body);
      }
    } finally {
      temp.remove();
    }
  });
});

describe('Zip64', () => {
  it('reads a hand-built Zip64 archive (extra fields and Zip64 end records) that unzip also accepts', async () => {
    const files = [pseudoRandomBytes(5000, 7), text('second')];
    const zip = craftZip(
      files.map((data, index) => ({ name: `f${index}.bin`, data, zip64: true, method: index === 1 ? 8 : 0 })),
      { zip64End: true },
    );
    const archive = await openZip(bytesSource(zip));
    expect(archive.zip64).toBe(true);
    expect(archive.problems).toEqual([]);
    expect(archive.entries.map((entry) => entry.size)).toEqual([5000, 6]);
    for (const [index, entry] of archive.entries.entries())
      expect(await contents(zip, entry)).toEqual(files[index]);
    const temp = tempDir();
    try {
      writeFileSync(join(temp.dir, 'z64.zip'), zip);
      expect(execFileSync('unzip', ['-t', join(temp.dir, 'z64.zip')]).toString()).toContain(
        'No errors detected',
      );
    } finally {
      temp.remove();
    }
  });

  it('refuses Zip64 end records that disagree with the classic end record', async () => {
    const zip = craftZip([{ name: 'a', data: text('x') }], { zip64End: true });
    // The classic record's entry count (0xFFFF placeholder) becomes a conflicting 2.
    const eocd = zip.length - 22;
    zip[eocd + 10] = 2;
    zip[eocd + 11] = 0;
    expect(await rejection(openZip(bytesSource(zip)))).toBe('bundle.zip.disagree');
  });
});

describe('hostile archives', () => {
  const good = craftZip([
    { name: 'a.txt', data: text('first file') },
    { name: 'b.bin', data: pseudoRandomBytes(3000, 2) },
  ]);

  it('names an empty file, a non-ZIP and a ZIP cut short', async () => {
    expect(await rejection(openZip(bytesSource(new Uint8Array(0))))).toBe('bundle.zip.empty');
    expect(await rejection(openZip(bytesSource(text('%PDF-1.7 not a zip at all, just text'))))).toBe(
      'bundle.zip.notZip',
    );
    expect(await rejection(openZip(bytesSource(good.subarray(0, 10))))).toBe('bundle.zip.notZip');
    for (const cut of [40, good.length / 2, good.length - 30, good.length - 1]) {
      expect(await rejection(openZip(bytesSource(good.subarray(0, Math.floor(cut)))))).toBe(
        'bundle.zip.truncated',
      );
    }
  });

  it('checks the CRC-32 after handing over every byte', async () => {
    const zip = craftZip([{ name: 'a.txt', data: text('contents'), crc: 0x12345678 }]);
    const archive = await openZip(bytesSource(zip));
    expect(await readFailure(zip, archive.entries[0] as ZipEntry)).toEqual({
      code: 'bundle.zip.crcMismatch',
      bytes: 8,
    });
  });

  it('refuses stored and deflated entries whose size differs from the declared one', async () => {
    const inflatedTooLong = craftZip([
      { name: 'd', data: text('0123456789'.repeat(50)), method: 8, size: 100 },
    ]);
    const inflatedTooShort = craftZip([{ name: 'd', data: text('0123456789'), method: 8, size: 200 }]);
    for (const zip of [inflatedTooLong, inflatedTooShort]) {
      const archive = await openZip(bytesSource(zip));
      expect((await readFailure(zip, archive.entries[0] as ZipEntry)).code).toBe('bundle.zip.sizeMismatch');
    }
    const storedMismatch = craftZip([{ name: 's', data: text('abc'), size: 5 }]);
    const archive = await openZip(bytesSource(storedMismatch));
    expect(archive.problems).toEqual([
      { code: 'bundle.zip.entryDisagree', params: { path: 's', field: 'size', offset: 34 } },
    ]);
  });

  it('reports deflate data that cannot be inflated', async () => {
    const zip = craftZip([{ name: 'd', data: text('some text that compresses'), method: 8 }]);
    const archive = await openZip(bytesSource(zip));
    const entry = archive.entries[0] as ZipEntry;
    zip.fill(0xff, entry.dataOffset, entry.dataOffset + 4);
    expect((await readFailure(zip, entry)).code).toBe('bundle.zip.dataCorrupt');
  });

  it('stops ZIP bombs: the compression ratio, the total size, and overlapping entries', async () => {
    const zeros = new Uint8Array(20 * 2 ** 20);
    const ratio = craftZip([{ name: 'bomb', data: zeros, method: 8 }]);
    expect(ratio.length).toBeLessThan(100_000);
    const archive = await openZip(bytesSource(ratio));
    expect(archive.problems).toEqual([{ code: 'bundle.zip.ratio', params: { path: 'bomb' } }]);
    expect(archive.entries[0]?.readable).toBe(false);
    expect(await rejection(contents(ratio, archive.entries[0] as ZipEntry))).toBe('bundle.zip.entryCorrupt');

    const declared = craftZip([{ name: 'big', data: text('tiny'), method: 8, size: 0xfffffff0 }]);
    expect((await openZip(bytesSource(declared))).problems).toEqual([
      { code: 'bundle.zip.ratio', params: { path: 'big' } },
    ]);
    const limits = { ...defaultZipLimits(good.length), maxTotalSize: 3000 };
    expect(await rejection(openZip(bytesSource(good), limits))).toBe('bundle.zip.tooLarge');

    const overlapping = craftZip([
      { name: 'one', data: text('shared data') },
      { name: 'two', data: text('shared data'), offset: 0 },
    ]);
    const overlap = await openZip(bytesSource(overlapping));
    expect(overlap.problems.map((problem) => problem.code)).toContain('bundle.zip.overlap');
    expect(overlap.entries.filter((entry) => entry.readable)).toHaveLength(1);
  });

  it('reports bytes hidden outside the listed entries', async () => {
    const hidden = craftZip([{ name: 'a', data: text('x') }], {
      prefix: text('junk!'),
      beforeDirectory: text('PK\u0003\u0004hidden'),
    });
    const archive = await openZip(bytesSource(hidden));
    expect(archive.problems).toEqual([
      { code: 'bundle.zip.hiddenData', params: { offset: 0, length: 5 } },
      { code: 'bundle.zip.hiddenData', params: { offset: 37, length: 10 } },
    ]);
  });

  it('refuses entries whose local header tells another story', async () => {
    const renamed = craftZip([{ name: 'report.pdf', localName: 'evil.exe', data: text('x') }]);
    expect((await openZip(bytesSource(renamed))).problems).toEqual([
      { code: 'bundle.zip.entryDisagree', params: { path: 'report.pdf', field: 'name', offset: 0 } },
    ]);
  });

  it('names encrypted entries, unknown compression, split archives and too many entries', async () => {
    const odd = craftZip([
      { name: 'locked', data: text('x'), flags: 0x0001 },
      { name: 'bzip2', data: text('x'), method: 12 },
    ]);
    expect((await openZip(bytesSource(odd))).problems).toEqual([
      { code: 'bundle.zip.encrypted', params: { path: 'locked' } },
      { code: 'bundle.zip.unsupportedMethod', params: { path: 'bzip2', method: 12 } },
    ]);
    const split = good.slice();
    split[split.length - 22 + 4] = 1;
    expect(await rejection(openZip(bytesSource(split)))).toBe('bundle.zip.multiDisk');
    const limits = { ...defaultZipLimits(good.length), maxEntries: 1 };
    expect(await rejection(openZip(bytesSource(good), limits))).toBe('bundle.zip.tooManyEntries');
  });

  it('refuses a central directory with bytes after its last counted entry', async () => {
    const zip = good.slice();
    // Claim one entry fewer than the directory holds: the second entry would be seen by some tools only.
    zip[zip.length - 22 + 10] = 1;
    zip[zip.length - 22 + 8] = 1;
    expect(await rejection(openZip(bytesSource(zip)))).toBe('bundle.zip.corrupt');
  });

  it('still finds the end record behind a comment', async () => {
    const zip = craftZip([{ name: 'a', data: deflateRawSync(text('x')) }], { comment: 'made by hand' });
    expect((await openZip(bytesSource(zip))).entries).toHaveLength(1);
  });
});

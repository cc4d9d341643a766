import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadSodium } from '../../../../src/core/crypto/sodium';
import { crc32 } from '../../../../src/core/zip/crc32';
import { pseudoRandomBytes, type Sample, sampleBundle, tempDir } from '../fixtures';
import { type CraftEntry, type CraftOptions, craftZip, unpack } from '../zip-craft';

/** What the verifier must say about a case: intact as the app wrote it, intact but re-packed, or not intact. */
export type Expected = 'intact' | 'repacked' | 'changed';

/** One structural case: two readers' views of one file, or a legitimate variant of the container. */
export interface StructuralCase {
  name: string;
  zip: Uint8Array;
  expected: Expected;
}

/** The genuine bundle, its entries as signed, and the forged image an attacker wants extracted instead. */
export interface CaseBase {
  sample: Sample;
  entries: CraftEntry[];
  /** Every signed file (all entries of the genuine bundle) and its bytes: what every tool must extract. */
  signed: Map<string, Uint8Array>;
  evidence: string;
  forged: Uint8Array;
}

export async function caseBase(): Promise<CaseBase> {
  const sample = await sampleBundle();
  const entries = await unpack(sample.zip);
  const evidence = entries.find((entry) => String(entry.name).startsWith('evidence/'))?.name as string;
  const signed = new Map(entries.map((entry) => [String(entry.name), entry.data]));
  return { sample, entries, signed, evidence, forged: pseudoRandomBytes(40_000, 77) };
}

const encoder = new TextEncoder();

function le(size: 2 | 4, value: number): number[] {
  return size === 2
    ? [value & 255, value >>> 8]
    : [value & 255, (value >>> 8) & 255, (value >>> 16) & 255, value >>> 24];
}

/** One extra field: id, length, data. */
export function extraField(id: number, data: Uint8Array | number[]): Uint8Array {
  const body = Uint8Array.from(data);
  return Uint8Array.from([...le(2, id), ...le(2, body.length), ...body]);
}

/** Info-ZIP's Unicode Path field (0x7075): extractors that honour it write the file under `path`. */
function unicodePath(centralName: string, path: string): Uint8Array {
  return extraField(0x7075, [1, ...le(4, crc32(encoder.encode(centralName))), ...encoder.encode(path)]);
}

/** Info-ZIP's time (0x5455) and owner (0x7875) fields as `zip` writes them. */
export const HARMLESS = Uint8Array.from([
  ...extraField(0x5455, [1, ...le(4, 1744333800)]),
  ...extraField(0x7875, [1, 4, ...le(4, 1000), 4, ...le(4, 1000)]),
]);

/** Re-zips the unpacked genuine bundle with a command run in its folder (as a lab would). */
function repackWith(base: CaseBase, command: string[], output: string): Uint8Array {
  const temp = tempDir();
  try {
    const folder = join(temp.dir, 'bundle');
    for (const [path, bytes] of base.signed) {
      mkdirSync(dirname(join(folder, path)), { recursive: true });
      writeFileSync(join(folder, path), bytes);
    }
    const [program, ...args] = command.map((part) => part.replace('{out}', join(temp.dir, output)));
    const run = spawnSync(program as string, args, { cwd: folder, encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`${program} failed: ${run.stderr}`);
    return new Uint8Array(readFileSync(join(temp.dir, output)));
  } finally {
    temp.remove();
  }
}

/** A copy of `entries` with `change` applied to the entry called `name`. */
function tweak(entries: CraftEntry[], name: string, change: Partial<CraftEntry>): CraftEntry[] {
  return entries.map((entry) => (entry.name === name ? { ...entry, ...change } : entry));
}

/** SHA256SUMS re-signed over new bytes: what a holder of the key could write. */
async function resignedWith(base: CaseBase, path: string, bytes: Uint8Array): Promise<CraftEntry[]> {
  const sodium = await loadSodium();
  let entries = tweak(base.entries, path, { data: bytes });
  const sums = entries.find((entry) => entry.name === 'SHA256SUMS')?.data as Uint8Array;
  const oldHash = sodium.to_hex(sodium.crypto_hash_sha256(base.signed.get(path) as Uint8Array));
  const newSums =
    path === 'SHA256SUMS'
      ? bytes
      : encoder.encode(
          new TextDecoder().decode(sums).replace(oldHash, sodium.to_hex(sodium.crypto_hash_sha256(bytes))),
        );
  entries = tweak(entries, 'SHA256SUMS', { data: newSums });
  return tweak(entries, 'SHA256SUMS.sig', { data: await base.sample.signer.sign(newSums) });
}

/** At least 60 hand-made cases: every place where two readers of one ZIP could see two different things. */
export async function structuralCases(base: CaseBase): Promise<StructuralCase[]> {
  const { entries, evidence, forged } = base;
  const described = entries.map((entry) => ({ ...entry, descriptor: true }));
  const craft = (list: CraftEntry[], options: CraftOptions = {}) => craftZip(list, options);
  const forgedEntry: CraftEntry = { name: evidence, data: forged, descriptor: true };
  const fake = craft([{ ...forgedEntry, descriptor: false }]);
  const bom = Uint8Array.of(0xef, 0xbb, 0xbf);
  const withBom = (path: string) => Uint8Array.from([...bom, ...(base.signed.get(path) as Uint8Array)]);
  const cases: [string, Expected, Uint8Array][] = [
    ['the app bundle as sealed', 'intact', base.sample.zip],
    ['rebuilt with data descriptors, as client-zip writes', 'intact', craft(described)],
    ['rebuilt without data descriptors', 'intact', craft(entries)],
    [
      'descriptors without their optional signature',
      'intact',
      craft(described.map((e) => ({ ...e, unsignedDescriptor: true }))),
    ],
    [
      'Zip64 extra fields and end records where none are needed',
      'intact',
      craft(
        entries.map((e) => ({ ...e, zip64: true })),
        { zip64End: true },
      ),
    ],
    ['every entry deflated', 'repacked', craft(entries.map((e) => ({ ...e, method: 8 })))],
    ['entries in reverse order', 'repacked', craft([...entries].reverse())],
    [
      'a folder entry for evidence/',
      'repacked',
      craft([{ name: 'evidence/', data: new Uint8Array(0), external: (0o40755 << 16) | 0x10 }, ...entries]),
    ],
    [
      'Info-ZIP time and owner fields',
      'repacked',
      craft(entries.map((e) => ({ ...e, localExtra: HARMLESS, centralExtra: HARMLESS }))),
    ],
    ['re-zipped with zip -r', 'repacked', repackWith(base, ['zip', '-qr', '{out}', '.'], 'r.zip')],
    [
      're-zipped with zip -r -D (no folder entries)',
      'repacked',
      repackWith(base, ['zip', '-qrD', '{out}', '.'], 'd.zip'),
    ],
    [
      're-zipped with zip -r -0 -X (stored, no extra fields)',
      'repacked',
      repackWith(base, ['zip', '-qr0X', '{out}', '.'], 'x.zip'),
    ],
    ['a ZIP comment', 'changed', craft(entries, { comment: 'Checked by the lab' })],
    [
      'a comment holding a second directory with a forged image',
      'changed',
      craft(entries, { comment: new TextDecoder('latin1').decode(fake) }),
    ],
    ['bytes before the first entry', 'changed', craft(entries, { prefix: encoder.encode('MZ junk') })],
    [
      'a forged local entry before the first entry',
      'changed',
      craft(entries, { prefix: fake.subarray(0, 30 + evidence.length + forged.length) }),
    ],
    [
      'bytes between the entries and the directory',
      'changed',
      craft(entries, { beforeDirectory: fake.subarray(0, 30 + evidence.length + forged.length) }),
    ],
    [
      'bytes between the directory and the end record',
      'changed',
      craft(entries, { afterDirectory: encoder.encode('hidden') }),
    ],
    [
      'data in the Zip64 end record extensible sector',
      'changed',
      craft(entries, { zip64End: true, zip64Extensible: fake }),
    ],
    [
      'end record entries-on-disk differs from the total',
      'changed',
      craft(entries, { diskEntries: entries.length - 1 }),
    ],
    ['an end record that counts one entry fewer', 'changed', craft(entries, { count: entries.length - 1 })],
    [
      'a local header with another name',
      'changed',
      craft(tweak(entries, evidence, { localName: 'evidence/forged.png' })),
    ],
    [
      'a local header with another method',
      'changed',
      craft(tweak(entries, evidence, { local: { method: 8 } })),
    ],
    [
      'a local header without the UTF-8 flag',
      'changed',
      craft(tweak(entries, evidence, { local: { flags: 0 } })),
    ],
    [
      'a local header with a descriptor flag the directory lacks',
      'changed',
      craft(tweak(entries, evidence, { local: { flags: 0x0808 } })),
    ],
    [
      'a local header with another version',
      'changed',
      craft(tweak(entries, evidence, { local: { version: 20 } })),
    ],
    [
      'a local header with another time',
      'changed',
      craft(tweak(entries, evidence, { local: { time: 0x12345678 } })),
    ],
    [
      'a local header with another CRC-32',
      'changed',
      craft(tweak(entries, evidence, { local: { crc: 1234 } })),
    ],
    ['a local header with another size', 'changed', craft(tweak(entries, evidence, { local: { size: 10 } }))],
    [
      'a data descriptor with another CRC-32',
      'changed',
      craft(tweak(described, evidence, { descriptorCrc: 1 })),
    ],
    [
      'a data descriptor with another size',
      'changed',
      craft(tweak(described, evidence, { descriptorSize: 10 })),
    ],
    [
      'a Unicode Path field renaming evidence to a forged name',
      'changed',
      craft(
        tweak(entries, evidence, {
          legacyName: true,
          centralExtra: unicodePath(evidence, 'evidence/forged.png'),
        }),
      ),
    ],
    [
      'a Unicode Path field in the local header only',
      'changed',
      craft(tweak(entries, evidence, { localExtra: unicodePath(evidence, 'x.png') })),
    ],
    [
      'a Unicode Path field swapping two names',
      'changed',
      craft(
        tweak(entries, 'report.pdf', { legacyName: true, centralExtra: unicodePath('report.pdf', evidence) }),
      ),
    ],
    [
      'an unknown extra field',
      'changed',
      craft(tweak(entries, evidence, { centralExtra: extraField(0xcafe, [1, 2, 3]) })),
    ],
    [
      'an NTFS time field',
      'changed',
      craft(tweak(entries, evidence, { centralExtra: extraField(0x000a, new Array(32).fill(0)) })),
    ],
    [
      'a Zip64 field given twice',
      'changed',
      craft(tweak(entries, evidence, { zip64: true, centralExtra: extraField(1, new Array(24).fill(0)) })),
    ],
    [
      'an extra field running past its block',
      'changed',
      craft(tweak(entries, evidence, { centralExtra: Uint8Array.of(0x99, 0x99, 50, 0) })),
    ],
    [
      'a Zip64 field with a slot too many',
      'changed',
      craft(tweak(entries, evidence, { centralExtra: extraField(1, new Array(8).fill(0)) })),
    ],
    [
      'an evidence file marked as a symbolic link',
      'changed',
      craft(tweak(entries, evidence, { external: 0o120777 << 16 })),
    ],
    [
      'an evidence file marked as a folder (Unix mode)',
      'changed',
      craft(tweak(entries, evidence, { external: 0o40755 << 16 })),
    ],
    [
      'an evidence file marked as a folder (DOS attribute)',
      'changed',
      craft(tweak(entries, evidence, { external: 0x10, madeBy: 0x0014 })),
    ],
    [
      'an evidence file marked as a device',
      'changed',
      craft(tweak(entries, evidence, { external: 0o20644 << 16 })),
    ],
    [
      'a folder entry holding data',
      'changed',
      craft([{ name: 'evidence/', data: forged, external: 0o40755 << 16 }, ...entries]),
    ],
    [
      'a folder entry no signed file is in',
      'changed',
      craft([...entries, { name: 'extra/', data: new Uint8Array(0), external: 0o40755 << 16 }]),
    ],
    ['an entry comment', 'changed', craft(tweak(entries, evidence, { comment: 'see forged.png' }))],
    ['a deflate-level flag on a stored entry', 'changed', craft(tweak(entries, evidence, { flags: 0x0002 }))],
    ['the encryption flag', 'changed', craft(tweak(entries, evidence, { flags: 0x0001 }))],
    ['the masked-header flag', 'changed', craft(tweak(entries, evidence, { flags: 0x2000 }))],
    ['a reserved flag bit', 'changed', craft(tweak(entries, evidence, { flags: 0x4000 }))],
    ['bzip2 compression (method 12)', 'changed', craft(tweak(entries, evidence, { method: 12 }))],
    [
      'a forged image after the end of a deflate stream',
      'changed',
      craft(tweak(entries, evidence, { method: 8, tail: forged })),
    ],
    [
      'one byte after the end of a deflate stream',
      'changed',
      craft(tweak(entries, evidence, { method: 8, tail: Uint8Array.of(0) })),
    ],
    ['version needed 6.3', 'changed', craft(entries.map((e) => ({ ...e, version: 63 })))],
    [
      'a byte-order mark before SHA256SUMS (re-signed)',
      'changed',
      craft(await resignedWith(base, 'SHA256SUMS', withBom('SHA256SUMS'))),
    ],
    [
      'a byte-order mark before manifest.json (re-signed)',
      'changed',
      craft(await resignedWith(base, 'manifest.json', withBom('manifest.json'))),
    ],
    [
      'a byte-order mark before VERIFY.txt (re-signed)',
      'changed',
      craft(await resignedWith(base, 'VERIFY.txt', withBom('VERIFY.txt'))),
    ],
    [
      'VERIFY.txt naming another key (re-signed)',
      'changed',
      craft(
        await resignedWith(
          base,
          'VERIFY.txt',
          encoder.encode(
            new TextDecoder()
              .decode(base.signed.get('VERIFY.txt'))
              .replace(/ {4}([0-9a-f]{4}) /g, '    0000 '),
          ),
        ),
      ),
    ],
    ['the evidence twice, the second forged', 'changed', craft([...entries, forgedEntry])],
    [
      'a forged copy under another capitalisation',
      'changed',
      craft([...entries, { ...forgedEntry, name: evidence.toUpperCase() }]),
    ],
    [
      'a forged file added',
      'changed',
      craft([...entries, { ...forgedEntry, name: 'evidence/999-forged.png' }]),
    ],
    [
      'the evidence replaced by the forged image',
      'changed',
      craft(tweak(entries, evidence, { data: forged })),
    ],
    [
      'two directory records for one local entry',
      'changed',
      craft([...entries, { ...entries[0], offset: 0 } as CraftEntry]),
    ],
    [
      'a directory record pointing into another entry',
      'changed',
      craft(tweak(entries, evidence, { offset: 5 })),
    ],
    [
      'a backslash in a name',
      'changed',
      craft([...entries, { ...forgedEntry, name: 'evidence\\forged.png' }]),
    ],
    [
      'a name starting with ./',
      'changed',
      craft([...entries, { ...forgedEntry, name: './evidence/forged.png' }]),
    ],
    ['an absolute name', 'changed', craft([...entries, { ...forgedEntry, name: '/tmp/forged.png' }])],
    ['a name going up with ..', 'changed', craft([...entries, { ...forgedEntry, name: '../forged.png' }])],
    [
      'a stored entry whose sizes differ',
      'changed',
      craft(tweak(entries, evidence, { size: forged.length + 1 })),
    ],
    [
      'bytes after the last directory record',
      'changed',
      craft(entries, { directoryTail: encoder.encode('PK\u0001\u0002') }),
    ],
    ['a CRC-32 that does not match', 'changed', craft(tweak(entries, evidence, { crc: 7 }))],
    [
      'deflate data cut short',
      'changed',
      craft(
        tweak(entries, evidence, { method: 8, size: (base.signed.get(evidence) as Uint8Array).length + 1 }),
      ),
    ],
    [
      'raw deflate of other data under the right sizes',
      'changed',
      craft(
        tweak(entries, evidence, {
          method: 8,
          data: forged,
          crc: crc32(base.signed.get(evidence) as Uint8Array),
          size: (base.signed.get(evidence) as Uint8Array).length,
        }),
      ),
    ],
  ];
  return cases.map(([name, expected, zip]) => ({ name, expected, zip }));
}

import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { VerifyReport } from '../../../src/core/bundle/verify-report';
import { catalogues } from '../../../src/core/i18n';
import { openZip } from '../../../src/core/zip/archive';
import { bytesSource } from '../../../src/core/zip/source';
import { sampleBundle } from './fixtures';
import { namedPaths, verify } from './verify-helpers';
import { type CraftEntry, craftZip } from './zip-craft';

let zip: Uint8Array;
/** Where each non-empty entry's stored bytes are, to know which mutations touch evidence. */
let ranges: { name: string; start: number; end: number }[];

beforeAll(async () => {
  zip = (await sampleBundle()).zip;
  const archive = await openZip(bytesSource(zip));
  ranges = archive.entries
    .filter((entry) => entry.compressedSize > 0)
    .map((entry) => ({
      name: entry.name,
      start: entry.dataOffset,
      end: entry.dataOffset + entry.compressedSize,
    }));
});

/** Verifies with a time limit: a verifier that hangs fails the property instead of the run. */
async function bounded(bytes: Uint8Array): Promise<VerifyReport> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('the verifier did not finish within 5 s')), 5000);
  });
  try {
    const report = await Promise.race([verify(bytes), hang]);
    expect(['intact', 'tampered', 'invalid']).toContain(report.status);
    for (const problem of report.problems) {
      expect(catalogues.en[problem.code], problem.code).toBeTruthy();
      // An unexpected error is a bug in the verifier, even though the report still says so politely.
      expect(problem.code).not.toBe('bundle.verify.unexpected');
    }
    return report;
  } finally {
    clearTimeout(timer);
  }
}

type Mutation =
  | { kind: 'flip'; at: number; bit: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'overwrite'; at: number; bytes: Uint8Array };

const position = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: position, bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: position }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: position,
    bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }),
  }),
  fc.record({
    kind: fc.constant('delete' as const),
    at: position,
    length: fc.integer({ min: 1, max: 4096 }),
  }),
  fc.record({
    kind: fc.constant('overwrite' as const),
    at: position,
    bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }),
  }),
) as fc.Arbitrary<Mutation>;

function apply(bytes: Uint8Array, change: Mutation & { at: number }): Uint8Array {
  const at = Math.floor(change.at * bytes.length);
  switch (change.kind) {
    case 'flip': {
      const copy = bytes.slice();
      copy[at] = (copy[at] as number) ^ (1 << change.bit);
      return copy;
    }
    case 'truncate':
      return bytes.slice(0, at);
    case 'insert':
      return new Uint8Array([...bytes.subarray(0, at), ...change.bytes, ...bytes.subarray(at)]);
    case 'delete':
      return new Uint8Array([...bytes.subarray(0, at), ...bytes.subarray(at + change.length)]);
    case 'overwrite': {
      const copy = bytes.slice();
      copy.set(change.bytes.subarray(0, Math.max(0, copy.length - at)), at);
      return copy;
    }
  }
}

const hostileName = fc.oneof(
  fc.constantFrom(
    'report.pdf',
    'manifest.json',
    'SHA256SUMS',
    'SHA256SUMS.sig',
    'public-key.pem',
    'custody-log.jsonl',
    'VERIFY.txt',
  ),
  fc.constantFrom('../x', '/abs', 'a\\b', 'evidence/001-a.png', 'evidence/', '', '.', 'x\u202eexe.png'),
  fc.string({ maxLength: 30 }),
);

const craftedEntry: fc.Arbitrary<CraftEntry> = fc.record(
  {
    name: hostileName,
    data: fc.uint8Array({ maxLength: 3000 }),
    method: fc.constantFrom(0, 8, 8, 12),
    crc: fc.integer({ min: 0, max: 0xffffffff }),
    size: fc.integer({ min: 0, max: 0xffffffff }),
    flags: fc.constantFrom(0, 1, 0x40),
    descriptor: fc.boolean(),
    zip64: fc.boolean(),
    localName: hostileName,
    offset: fc.integer({ min: 0, max: 5000 }),
  },
  { requiredKeys: ['name', 'data'] },
);

describe('the verifier never throws and never hangs', () => {
  it('on 600 bundles mutated by flips, cuts, insertions, deletions and overwrites', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 4 }), async (changes) => {
        await bounded(changes.reduce(apply, zip));
      }),
      { numRuns: 600 },
    );
  });

  it('on 300 bundles with bits flipped in stored file contents: never intact, every changed file named', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ at: position, bit: fc.integer({ min: 0, max: 7 }) }), {
          minLength: 1,
          maxLength: 3,
        }),
        async (flips) => {
          const total = ranges.reduce((sum, range) => sum + range.end - range.start, 0);
          const copy = zip.slice();
          const touched = new Set<string>();
          for (const flip of flips) {
            let offset = Math.floor(flip.at * total);
            const range = ranges.find((candidate) => {
              if (offset < candidate.end - candidate.start) return true;
              offset -= candidate.end - candidate.start;
              return false;
            });
            if (!range) continue;
            copy[range.start + offset] = (copy[range.start + offset] as number) ^ (1 << flip.bit);
          }
          // Two flips of the same bit cancel out: only entries whose bytes really differ count.
          for (const range of ranges) {
            if (
              copy.subarray(range.start, range.end).some((byte, index) => byte !== zip[range.start + index])
            ) {
              touched.add(range.name);
            }
          }
          const report = await bounded(copy);
          if (touched.size === 0) return;
          expect(report.status).toBe('tampered');
          for (const name of touched) expect(namedPaths(report)).toContain(name);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('on 300 hand-built hostile ZIPs and 100 random byte strings', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(craftedEntry, { maxLength: 8 }),
        fc.record(
          {
            zip64End: fc.boolean(),
            comment: fc.string({ maxLength: 20 }),
            prefix: fc.uint8Array({ maxLength: 10 }),
          },
          { requiredKeys: [] },
        ),
        async (entries, options) => {
          const report = await bounded(craftZip(entries, options));
          expect(report.status).not.toBe('intact');
        },
      ),
      { numRuns: 300 },
    );
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), fc.boolean(), async (bytes, endRecord) => {
        const tail = endRecord ? [0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)] : [];
        const report = await bounded(new Uint8Array([...bytes, ...tail]));
        expect(report.status).not.toBe('intact');
      }),
      { numRuns: 100 },
    );
  });
});

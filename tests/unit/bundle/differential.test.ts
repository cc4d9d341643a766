import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureSystemTools } from '../../../scripts/system-tools.mjs';
import type { VerifyReport } from '../../../src/core/bundle/verify-report';
import { caseBase, type Expected, extraField, HARMLESS, structuralCases } from './differential/cases';
import { differences, EXTRACTORS, extractWith } from './differential/extractors';
import { tempDir } from './fixtures';
import { verify } from './verify-helpers';
import { type CraftEntry, type CraftOptions, craftZip } from './zip-craft';

/**
 * The verifier's "intact" must mean that unzip, Python's zipfile, bsdtar and 7-Zip each extract exactly
 * the signed files and bytes. Each hand-made case (and each fuzzed one) the verifier calls intact is
 * extracted by all four; the others are not, since their verdict already says not to rely on them.
 */
ensureSystemTools();
const base = await caseBase();
const cases = await structuralCases(base);
const temp = tempDir();
let scratchCount = 0;

afterAll(() => temp.remove());

/** Extracts `zip` with every tool and lists how any of them differs from the signed files. */
function extractionDifferences(zip: Uint8Array): string[] {
  const scratch = join(temp.dir, `case-${scratchCount++}`);
  const path = `${scratch}.zip`;
  writeFileSync(path, zip);
  try {
    return Object.keys(EXTRACTORS).flatMap((tool) =>
      differences(extractWith(tool, path, scratch), base.signed),
    );
  } finally {
    rmSync(scratch, { recursive: true, force: true });
    rmSync(path, { force: true });
  }
}

function verdictOf(report: VerifyReport): Expected {
  if (report.status !== 'intact') return 'changed';
  return report.repacked ? 'repacked' : 'intact';
}

describe('one reading that every unzip tool agrees with', () => {
  it('has at least 60 hand-made structural cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
    expect(new Set(cases.map((one) => one.name)).size).toBe(cases.length);
  });

  it.each(cases.map((one) => [one.name, one] as const))('%s', async (_, one) => {
    const report = await verify(one.zip);
    for (const problem of report.problems) expect(problem.code).not.toBe('bundle.verify.unexpected');
    if (report.status === 'intact') expect(extractionDifferences(one.zip)).toEqual([]);
    expect({ verdict: verdictOf(report), problems: report.problems.map((p) => p.code) }).toMatchObject({
      verdict: one.expected,
    });
  });
});

type Tweak = (entry: CraftEntry) => CraftEntry;

/** Small structural changes to one entry that keep the files as signed (the verdict should stay intact). */
const harmlessTweak: fc.Arbitrary<Tweak> = fc.oneof(
  fc.constant<Tweak>((e) => ({ ...e, descriptor: !e.descriptor })),
  fc.constant<Tweak>((e) => ({ ...e, method: 8 })),
  fc.constant<Tweak>((e) => ({ ...e, method: 8, flags: 0x0002 })),
  fc.constant<Tweak>((e) => ({ ...e, zip64: true })),
  fc.constant<Tweak>((e) => ({ ...e, descriptor: true, unsignedDescriptor: true })),
  fc.constant<Tweak>((e) => ({ ...e, centralExtra: HARMLESS, localExtra: HARMLESS })),
);

/** Time and owner fields close to the form Info-ZIP writes: the reader accepts only the exact form. */
const nearlyHarmless: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc
    .tuple(fc.nat({ max: 255 }), fc.nat({ max: 4 }))
    .map(([flags, times]) => extraField(0x5455, [flags, ...new Array(4 * times).fill(1)])),
  fc
    .tuple(fc.nat({ max: 2 }), fc.constantFrom(0, 1, 2, 4, 8), fc.constantFrom(0, 1, 2, 4, 8))
    .map(([version, uid, gid]) =>
      extraField(0x7875, [version, uid, ...new Array(uid).fill(7), gid, ...new Array(gid).fill(7)]),
    ),
);

/** Small structural changes to one entry that another reader may see differently. */
const hostileTweak: fc.Arbitrary<Tweak> = fc.oneof(
  fc.integer({ min: 0, max: 0xffff }).map<Tweak>((flags) => (e) => ({ ...e, flags })),
  fc.integer({ min: 0, max: 0xffff }).map<Tweak>((flags) => (e) => ({ ...e, local: { ...e.local, flags } })),
  fc.integer({ min: 0, max: 70 }).map<Tweak>((version) => (e) => ({ ...e, version })),
  fc.integer({ min: 0, max: 70 }).map<Tweak>((version) => (e) => ({ ...e, local: { ...e.local, version } })),
  fc.integer({ min: 0, max: 0xffff }).map<Tweak>((madeBy) => (e) => ({ ...e, madeBy })),
  fc.integer({ min: 0, max: 0xffffffff }).map<Tweak>((external) => (e) => ({ ...e, external })),
  fc
    .tuple(
      fc.constantFrom(0x0001, 0x000a, 0x5455, 0x7075, 0x7875, 0x5855, 0x6375),
      fc.uint8Array({ maxLength: 24 }),
    )
    .chain(([id, data]) =>
      fc.constantFrom<Tweak>(
        (e) => ({ ...e, centralExtra: extraField(id, data) }),
        (e) => ({ ...e, localExtra: extraField(id, data) }),
      ),
    ),
  fc.uint8Array({ minLength: 1, maxLength: 8 }).map<Tweak>((tail) => (e) => ({ ...e, method: 8, tail })),
  fc.tuple(nearlyHarmless, nearlyHarmless).map<Tweak>(([local, central]) => (e) => ({
    ...e,
    localExtra: local,
    centralExtra: central,
  })),
  fc.string({ minLength: 1, maxLength: 8 }).map<Tweak>((comment) => (e) => ({ ...e, comment })),
);

const entryTweak = fc.oneof({ arbitrary: harmlessTweak, weight: 2 }, { arbitrary: hostileTweak, weight: 1 });

const containerTweak: fc.Arbitrary<CraftOptions> = fc.oneof(
  { arbitrary: fc.constant<CraftOptions>({}), weight: 4 },
  fc.constant<CraftOptions>({ zip64End: true }),
  fc.string({ minLength: 1, maxLength: 8 }).map((comment) => ({ comment })),
  fc.uint8Array({ minLength: 1, maxLength: 16 }).map((prefix) => ({ prefix })),
  fc
    .uint8Array({ minLength: 1, maxLength: 16 })
    .map((zip64Extensible) => ({ zip64End: true, zip64Extensible })),
  fc.uint8Array({ minLength: 1, maxLength: 16 }).map((afterDirectory) => ({ afterDirectory })),
);

describe('fuzzed structural mutations', () => {
  it('whenever the verifier says intact, every tool extracts exactly the signed files', async () => {
    let intact = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat({ max: base.entries.length - 1 }), entryTweak), {
          minLength: 1,
          maxLength: 3,
        }),
        fc.boolean(),
        containerTweak,
        async (tweaks, reverse, options) => {
          let entries = base.entries.map((entry) => ({ ...entry }));
          for (const [index, tweak] of tweaks) entries[index] = tweak(entries[index] as CraftEntry);
          if (reverse) entries = entries.reverse();
          const zip = craftZip(entries, options);
          const report = await verify(zip);
          for (const problem of report.problems) expect(problem.code).not.toBe('bundle.verify.unexpected');
          if (report.status !== 'intact') return;
          intact++;
          expect(extractionDifferences(zip)).toEqual([]);
        },
      ),
      { numRuns: Number(process.env.BUKTI_DIFF_RUNS ?? 60) },
    );
    // The property is only worth something if some mutations were harmless enough to stay intact.
    expect(intact).toBeGreaterThan(5);
  }, 600_000);
});

import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { PREAMBLE_BYTES, SEGMENT_BYTES, SEGMENT_OVERHEAD } from '../../../src/core/backup/format';
import { restoreBackup } from '../../../src/core/backup/restore';
import { isBuktiError } from '../../../src/core/errors';
import { EvidenceRepository } from '../../../src/core/evidence/repository';
import type { VaultDb } from '../../../src/core/vault';
import { BYTE_CHANGES, flipped, freshDb, newVault } from '../vault/helpers';
import { backupBytes, cachedDerive, expectEmpty, PASSPHRASE, pngBytes, restoreInto } from './helpers';

const derive = cachedDerive();
const BLOCK = SEGMENT_BYTES + SEGMENT_OVERHEAD;

/** The error code a restore of `bytes` fails with; also checks that it never got as far as the target. */
async function refusal(bytes: Uint8Array, target: VaultDb, passphrase = PASSPHRASE): Promise<string> {
  let reachedTarget = false;
  try {
    await restoreBackup(new Blob([bytes as BlobPart]), passphrase, {
      deriveKey: derive,
      openTarget: async () => {
        reachedTarget = true;
        return target;
      },
    });
  } catch (error) {
    expect(reachedTarget, 'nothing may be written before the whole file is checked').toBe(false);
    if (!isBuktiError(error)) throw error;
    return error.code;
  }
  throw new Error('a changed backup was restored');
}

/** The same, restoring in one pass (an empty device): values may be written, but none may remain. */
async function refusalInOnePass(bytes: Uint8Array, target: VaultDb): Promise<string> {
  try {
    await restoreBackup(new Blob([bytes as BlobPart]), PASSPHRASE, {
      deriveKey: derive,
      checkFirst: false,
      openTarget: async () => target,
    });
  } catch (error) {
    await expectEmpty(target);
    if (!isBuktiError(error)) throw error;
    return error.code;
  }
  throw new Error('a changed backup was restored');
}

describe('a small backup', () => {
  let bytes: Uint8Array;
  let target: VaultDb;
  beforeAll(async () => {
    const { db, vault } = await newVault();
    const repo = new EvidenceRepository(vault);
    const theCase = await repo.createCase({ title: 'Kes' });
    await repo.addItem(
      { caseId: theCase.id, kind: 'messageText', text: 'Mesej', details: { category: 'threat' } },
      [],
    );
    await vault.writeFile('small-file', pngBytes(300, 3));
    bytes = await backupBytes(db);
    target = await freshDb();
  });

  it('is refused with a typed error, nothing written, when any one byte is changed', async () => {
    expect(bytes.length).toBeLessThan(4096);
    for (let i = 0; i < bytes.length; i++) {
      // One change per byte keeps the run short; the three kinds take turns, and the version byte gets all.
      const masks = i === 8 ? BYTE_CHANGES : [BYTE_CHANGES[i % BYTE_CHANGES.length] as number];
      for (const mask of masks) {
        const code = await refusal(flipped(bytes, i, mask), target);
        let expected = 'backup.damaged';
        if (i < 8) expected = 'backup.notBackup';
        else if (i === 8 && mask !== 0x01) expected = 'backup.newerVersion';
        expect(code, `byte ${i} ^ 0x${mask.toString(16)}`).toBe(expected);
      }
    }
    await expectEmpty(target);
    // The unchanged file restores, so the refusals above come from the changes.
    await restoreInto(bytes);
  });

  it('restored in one pass, leaves nothing behind when any one byte is changed', async () => {
    for (let i = PREAMBLE_BYTES; i < bytes.length; i++) {
      const code = await refusalInOnePass(
        flipped(bytes, i, BYTE_CHANGES[i % BYTE_CHANGES.length] as number),
        target,
      );
      expect(code, `byte ${i}`).toBe('backup.damaged');
    }
  });

  it('is refused when cut short at any length, or when anything is appended', async () => {
    // Every length through the preamble and the start of the stream and near the end; every 7th between.
    const dense = (length: number) => length < PREAMBLE_BYTES + 64 || length > bytes.length - 32;
    for (let length = 0; length < bytes.length; length += dense(length) ? 1 : 7) {
      const code = await refusal(bytes.subarray(0, length), target);
      expect(code, `first ${length} bytes`).toBe(length < 8 ? 'backup.notBackup' : 'backup.damaged');
    }
    expect(await refusal(Buffer.concat([bytes, Uint8Array.of(0)]), target)).toBe('backup.damaged');
    expect(await refusal(Buffer.concat([bytes, bytes.subarray(PREAMBLE_BYTES)]), target)).toBe(
      'backup.damaged',
    );
    await expectEmpty(target);
  });

  it('names a wrong passphrase, a newer format and a file that is not a backup', async () => {
    expect(await refusal(bytes, target, 'bukan frasa laluan ini')).toBe('backup.wrongPassphrase');
    const newer = bytes.slice();
    newer[8] = 2;
    expect(await refusal(newer, target)).toBe('backup.newerVersion');
    expect(await refusal(pngBytes(4000, 1), target)).toBe('backup.notBackup');
    expect(await refusal(new Uint8Array(0), target)).toBe('backup.notBackup');
    await expectEmpty(target);
  });
});

describe('a backup of several segments', () => {
  let bytes: Uint8Array;
  let other: Uint8Array;
  let target: VaultDb;
  beforeAll(async () => {
    const { db, vault } = await newVault();
    // Big enough that whole batches are written before the last segments are read.
    await vault.writeFile('big-file', pngBytes(6 * SEGMENT_BYTES + 1000, 8));
    bytes = await backupBytes(db);
    // A second backup of the same vault: same key, another stream.
    other = await backupBytes(db);
    target = await freshDb();
  });

  const segment = (file: Uint8Array, i: number) =>
    file.subarray(PREAMBLE_BYTES + i * BLOCK, PREAMBLE_BYTES + (i + 1) * BLOCK);

  it('is refused when segments are dropped, swapped, repeated or cut at a boundary', async () => {
    const preamble = bytes.subarray(0, PREAMBLE_BYTES);
    const [s0, s1, s2, s3] = [0, 1, 2, 3].map((i) => segment(bytes, i));
    expect(s3?.length, 'the file has four segments').toBeGreaterThan(SEGMENT_OVERHEAD);
    const variants = {
      dropped: [preamble, s0, s2, s3],
      swapped: [preamble, s0, s2, s1, s3],
      repeated: [preamble, s0, s1, s1, s2, s3],
      lastDropped: [preamble, s0, s1, s2],
      noSegments: [preamble],
      otherPreamble: [other.subarray(0, PREAMBLE_BYTES), s0, s1, s2, s3],
      otherSegment: [preamble, s0, segment(other, 1), s2, s3],
    };
    for (const [name, parts] of Object.entries(variants)) {
      expect(await refusal(Buffer.concat(parts as Uint8Array[]), target), name).toBe('backup.damaged');
    }
    await expectEmpty(target);
  });

  it('is refused for random cuts and changed bytes anywhere', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 8, max: bytes.length - 1 }), async (length) => {
        expect(await refusal(bytes.subarray(0, length), target)).toBe('backup.damaged');
      }),
      { numRuns: 12 },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 9, max: bytes.length - 1 }),
        fc.integer({ min: 1, max: 255 }),
        async (at, mask) => {
          expect(await refusal(flipped(bytes, at, mask), target)).toBe('backup.damaged');
        },
      ),
      { numRuns: 12 },
    );
    await expectEmpty(target);
  });

  it('restored in one pass, removes what it wrote when a late segment is damaged or missing', async () => {
    const last = bytes.length - 5;
    expect(await refusalInOnePass(flipped(bytes, last, 0x04), target)).toBe('backup.damaged');
    const withoutLast = bytes.subarray(0, PREAMBLE_BYTES + 6 * BLOCK);
    expect(await refusalInOnePass(withoutLast, target)).toBe('backup.damaged');
  });

  it('leaves the target empty when the file changes between the check and the writing', async () => {
    let reads = 0;
    const late = flipped(bytes, bytes.length - 5, 0x10);
    const source = {
      size: bytes.length,
      stream: () => {
        reads++;
        // The preamble is read alone first; the check is the second read, the writing the third.
        return new Blob([(reads <= 2 ? bytes : late) as BlobPart]).stream();
      },
    };
    await expect(
      restoreBackup(source, PASSPHRASE, { deriveKey: derive, openTarget: async () => target }),
    ).rejects.toSatisfy((error) => isBuktiError(error, 'backup.damaged'));
    expect(reads).toBe(3);
    await expectEmpty(target);
  });
});

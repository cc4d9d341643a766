import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ImagePrefetcher, imagePlans, PREFETCH_IMAGES } from '../../../src/core/report/prefetch';
import type {
  PreparedImage,
  ReportDeps,
  ReportFile,
  ReportItem,
  ReportSensitivePolicy,
} from '../../../src/core/report/types';
import { details, item, uuid } from './fixtures';

function file(n: number, mime: string): ReportFile {
  return {
    id: uuid(5000 + n),
    path: `evidence/${n}.bin`,
    sha256: n.toString(16).padStart(64, '0'),
    size: 10,
    mime,
    originalName: `${n}.bin`,
    facts: { hasGps: false },
  };
}

/** Deps whose reads resolve only when the test says so, counting what is held at once. */
function controlledDeps(failing: ReadonlySet<string> = new Set()) {
  const reads: string[] = [];
  const waiting = new Map<string, () => void>();
  let held = 0;
  let maxHeld = 0;
  const deps: ReportDeps = {
    fonts: { regular: new Uint8Array(), bold: new Uint8Array(), mono: new Uint8Array() },
    readFile: (f) => {
      reads.push(f.id);
      held++;
      maxHeld = Math.max(maxHeld, held);
      return new Promise((resolve, reject) => {
        waiting.set(f.id, () => {
          held--;
          if (failing.has(f.id)) reject(new Error('unreadable'));
          else resolve(new TextEncoder().encode(f.id));
        });
      });
    },
    images: {
      prepare: async (bytes, _mime, options): Promise<PreparedImage> => ({
        jpeg: new Uint8Array([...bytes, options.blur ? 1 : 0]),
        width: 1,
        height: 1,
      }),
    },
  };
  const release = () => {
    for (const [id, done] of [...waiting]) {
      waiting.delete(id);
      done();
    }
  };
  return { deps, reads, release, maxHeld: () => maxHeld };
}

/** Lays out like the report does: ahead(i) before each item, then take() for each of its images in order. */
async function layOut(
  prefetcher: ImagePrefetcher,
  items: ReportItem[],
  policy: ReportSensitivePolicy,
  release: () => void,
) {
  const taken: Array<{ id: string; result: PreparedImage | null | 'failed' }> = [];
  for (const [index, one] of items.entries()) {
    prefetcher.ahead(index);
    for (const plan of imagePlans(one, policy)) {
      const promise = prefetcher.take(plan);
      release();
      const result = await promise.catch(() => 'failed' as const);
      release();
      taken.push({ id: plan.file.id, result });
    }
  }
  return taken;
}

describe('report image prefetch', () => {
  it('plans only images, blurred or left out as the export policy says', () => {
    const sensitive = item(1, [file(1, 'image/png'), file(2, 'video/mp4'), file(3, 'IMAGE/JPEG')], {
      details: details({ sensitive: true }),
    });
    const plain = item(2, [file(4, 'image/webp'), { ...file(5, 'image/png'), omitted: true } as never]);
    expect(imagePlans(sensitive, 'blur').map((p) => [p.file.id, p.blur])).toEqual([
      [uuid(5001), true],
      [uuid(5003), true],
    ]);
    expect(imagePlans(sensitive, 'include').every((p) => !p.blur)).toBe(true);
    expect(imagePlans(sensitive, 'omit')).toEqual([]);
    expect(imagePlans(plain, 'omit').map((p) => p.file.id)).toEqual([uuid(5004)]);
  });

  it('reads every image once, in order, never holding more than the limit, whatever the layout', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(fc.constantFrom('image/png', 'video/mp4', 'application/pdf'), { maxLength: 7 }), {
          maxLength: 12,
        }),
        fc.constantFrom<ReportSensitivePolicy>('include', 'blur', 'omit'),
        fc.array(fc.boolean(), { maxLength: 12 }),
        async (shapes, policy, sensitiveFlags) => {
          let n = 0;
          const items = shapes.map((mimes, index) =>
            item(
              index,
              mimes.map((mime) => file(n++, mime)),
              { details: details({ sensitive: sensitiveFlags[index] ?? false }) },
            ),
          );
          const expected = items.flatMap((one) => imagePlans(one, policy).map((p) => p.file.id));
          const { deps, reads, release, maxHeld } = controlledDeps();
          const taken = await layOut(new ImagePrefetcher(deps, items, policy), items, policy, release);
          expect(taken.map((t) => t.id)).toEqual(expected);
          expect(reads).toEqual(expected);
          expect(maxHeld()).toBeLessThanOrEqual(PREFETCH_IMAGES + 1);
          for (const t of taken) {
            const blurByte = (t.result as PreparedImage).jpeg.at(-1);
            const owner = items.find((i) =>
              imagePlans(i, policy).some((p) => p.file.id === t.id),
            ) as ReportItem;
            const wanted = imagePlans(owner, policy);
            expect(blurByte).toBe(wanted.find((p) => p.file.id === t.id)?.blur ? 1 : 0);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('hands a failed read to the page that needs it, without an unhandled rejection', async () => {
    const items = [item(0, [file(0, 'image/png'), file(1, 'image/png')]), item(1, [file(2, 'image/png')])];
    const { deps, release } = controlledDeps(new Set([uuid(5001)]));
    const taken = await layOut(new ImagePrefetcher(deps, items, 'include'), items, 'include', release);
    expect(taken.map((t) => (t.result === 'failed' ? 'failed' : 'ok'))).toEqual(['ok', 'failed', 'ok']);
  });

  it('starts nothing more after clear()', async () => {
    const items = Array.from({ length: 10 }, (_, i) => item(i, [file(i, 'image/png')]));
    const { deps, reads, release } = controlledDeps();
    const prefetcher = new ImagePrefetcher(deps, items, 'include');
    prefetcher.ahead(0);
    expect(reads).toHaveLength(PREFETCH_IMAGES);
    prefetcher.clear();
    prefetcher.ahead(1);
    release();
    expect(reads).toHaveLength(PREFETCH_IMAGES);
  });
});

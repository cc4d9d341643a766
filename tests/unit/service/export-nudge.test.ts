import { describe, expect, it } from 'vitest';
import { BuktiError } from '../../../src/core/errors';
import type { OpenExport } from '../../../src/core/service/export';
import { ExportHandles } from '../../../src/core/service/export-handles';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A host whose vault is never needed: the exports here are opened through `start` with a stand-in. */
function countingHandles() {
  const counts = { nudges: 0 };
  const handles = new ExportHandles(
    {
      vault: () => {
        throw new BuktiError('vault.locked');
      },
      repository: () => {
        throw new BuktiError('vault.locked');
      },
      deps: () => undefined,
      nudgeCollector: () => {
        counts.nudges++;
      },
    },
    60_000,
    10,
  );
  return { counts, handles };
}

/** An export whose report takes `ms` to write and whose ZIP is a few bytes. */
async function slowExport(ms: number): Promise<OpenExport> {
  await wait(ms);
  return {
    fileName: 'bukti.zip',
    bundleId: '00000000-0000-4000-8000-000000000000',
    estimatedSize: 3,
    stream: new ReadableStream({
      start(controller) {
        controller.enqueue(new Uint8Array([1, 2, 3]));
        controller.close();
      },
    }),
    settled: Promise.resolve(),
    record: () => Promise.reject(new Error('not recorded here')),
  };
}

describe('the collector is nudged while an export is open, and only then', () => {
  it('nudges while the report is written and the ZIP read, and stops once the export is cancelled', async () => {
    const { counts, handles } = countingHandles();
    expect(counts.nudges).toBe(0);
    await handles.start(1, () => slowExport(80));
    const duringReport = counts.nudges;
    expect(duringReport).toBeGreaterThanOrEqual(2);
    expect(await handles.read(1)).toHaveLength(1);
    await wait(50);
    expect(counts.nudges).toBeGreaterThan(duringReport);
    await handles.cancel(1);
    const atEnd = counts.nudges;
    await wait(60);
    expect(counts.nudges).toBe(atEnd);
  });

  it('keeps nudging while a second export is open after the first ends, and stops when both have', async () => {
    const { counts, handles } = countingHandles();
    await handles.start(1, () => slowExport(0));
    await handles.start(2, () => slowExport(0));
    await handles.cancel(1);
    const before = counts.nudges;
    await wait(60);
    expect(counts.nudges).toBeGreaterThan(before);
    await handles.cancel(2);
    const atEnd = counts.nudges;
    await wait(60);
    expect(counts.nudges).toBe(atEnd);
  });

  it('stops when an export fails to open', async () => {
    const { counts, handles } = countingHandles();
    await expect(
      handles.start(1, () => Promise.reject(new BuktiError('export.nothingSelected'))),
    ).rejects.toThrow();
    const atEnd = counts.nudges;
    await wait(60);
    expect(counts.nudges).toBe(atEnd);
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { encodePng, fakeScreenshot } from '../../../scripts/report-node/draw';
import { bytesSource, verifyBundle } from '../../../src/core/bundle';
import { isBuktiError } from '../../../src/core/errors';
import { buffersGivenAway } from '../../../src/core/service/transfer';
import { exportedEntries, type InspectableService, PASSPHRASE, readAll, vaultWithFiles } from './helpers';

/** A vault with three screenshots: the report draws each, so the export keeps three report images. */
const vaultWithScreenshots = () =>
  vaultWithFiles(
    [1, 2, 3].map((n) => ({
      name: `screenshot-${n}.png`,
      type: 'image/png',
      data: encodePng(fakeScreenshot(300, 600, [40 * n, 90, 180], 6 + n)),
    })),
  );

/** The vault holds only the evidence it held before the export, and lists no report image. */
async function expectNoReportImages(service: InspectableService, evidence: string[]): Promise<void> {
  expect(await service.reportImageIds()).toEqual([]);
  expect((await service.fileIds()).sort()).toEqual([...evidence].sort());
}

/** Resolves once the export has laid out `items` items of its report. */
function reportProgress(service: InspectableService, exportNumber: number, items: number): Promise<void> {
  return new Promise((resolve) => {
    service.onEvent = (name, data) => {
      const event = data as { exportNumber: number; progress: { stage: string; done?: number } };
      if (name === 'export-progress' && event.exportNumber === exportNumber) {
        if (event.progress.stage === 'report' && event.progress.done === items) resolve();
      }
    };
  });
}

/** Export 1 cancelled once `items` items are laid out: it fails as cancelled and leaves no report file. */
async function cancelledOnceLaidOut(items: number) {
  const { service, request } = await vaultWithScreenshots();
  const evidence = await service.fileIds();
  const laidOut = reportProgress(service, 1, items);
  const started = service.exportStart(1, request);
  await laidOut;
  await service.cancelExport(1);
  await expect(started).rejects.toSatisfy(
    (e) => isBuktiError(e, 'report.cancelled') || isBuktiError(e, 'bundle.seal.cancelled'),
  );
  await expectNoReportImages(service, evidence);
  return { service, request, evidence };
}

/** Makes every later `put` of a file chunk fail as a full disk does. */
function fillDisk(): void {
  const original = IDBObjectStore.prototype.put;
  vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
    this: IDBObjectStore,
    ...args: [unknown, IDBValidKey?]
  ) {
    if (this.name === 'chunks') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    return original.apply(this, args);
  });
}

afterEach(() => {
  vi.restoreAllMocks();
});

/**
 * Export 1 with the disk full from the start: it fails as a full disk and leaves nothing; once there is
 * room again the next export works and verifies.
 */
async function fullDisk(): Promise<void> {
  const { service, request } = await vaultWithScreenshots();
  const evidence = await service.fileIds();
  fillDisk();
  await expect(service.exportStart(1, request)).rejects.toSatisfy((e) =>
    isBuktiError(e, 'vault.quotaExceeded'),
  );
  expect(vi.mocked(IDBObjectStore.prototype.put)).toHaveBeenCalled();
  vi.restoreAllMocks();
  service.onEvent = undefined;
  await expectNoReportImages(service, evidence);
  expect(await exportedEntries(service)).toEqual([]);
  await service.exportStart(2, { ...request, bundleId: crypto.randomUUID() });
  const { zip } = await readAll(service, 2);
  await service.exportFinish(2);
  await expectNoReportImages(service, evidence);
  expect((await verifyBundle(bytesSource(zip))).status).toBe('intact');
  // The signed custody entry and the event of this one export only.
  expect(await exportedEntries(service)).toHaveLength(2);
  await service.erase(PASSPHRASE);
}

describe('report images of an export, kept encrypted in the vault meanwhile', () => {
  it('wait in the vault while the export is open, gone once it is saved; the PDF itself is never stored', async () => {
    const { service, request } = await vaultWithScreenshots();
    const evidence = await service.fileIds();
    expect(evidence).toHaveLength(3);
    await service.exportStart(1, request);
    // The report is laid out before the ZIP starts; its three images wait, and it streams into the ZIP.
    const kept = await service.reportImageIds();
    expect(kept).toHaveLength(3);
    expect((await service.fileIds()).sort()).toEqual([...evidence, ...kept].sort());
    const { zip } = await readAll(service, 1);
    await service.exportFinish(1);
    await expectNoReportImages(service, evidence);
    expect((await verifyBundle(bytesSource(zip))).status).toBe('intact');
    await service.erase(PASSPHRASE);
  });

  it('are deleted when the export is cancelled before or while it is read', async () => {
    const { service, request } = await vaultWithScreenshots();
    const evidence = await service.fileIds();
    await service.exportStart(1, request);
    await service.cancelExport(1);
    await expectNoReportImages(service, evidence);

    await service.exportStart(2, { ...request, bundleId: crypto.randomUUID() });
    expect(await service.exportRead(2)).not.toBeNull();
    await service.cancelExport(2);
    await expectNoReportImages(service, evidence);
    await service.erase(PASSPHRASE);
  });

  it('are deleted when the export is cancelled while the report is laid out', async () => {
    const { service } = await cancelledOnceLaidOut(2);
    await service.erase(PASSPHRASE);
  });

  it('a full disk while the report is laid out fails the export as such and leaves nothing', async () => {
    await fullDisk();
  });

  it('are deleted when the export fails, and the failure reaches the page', async () => {
    const { service, request } = await vaultWithScreenshots();
    const evidence = await service.fileIds();
    await service.exportStart(1, request);
    // The last original goes missing (storage cleared under the export) before the ZIP reaches it; the
    // report PDF may already have been read, so it is not the file taken away.
    const missing = evidence.sort().at(-1) as string;
    await service.deleteStoredFile(missing);
    await expect(readAll(service, 1)).rejects.toSatisfy((e) => isBuktiError(e));
    await expectNoReportImages(
      service,
      evidence.filter((id) => id !== missing),
    );
    await service.erase(PASSPHRASE);
  });

  it('left by an export that never ended are swept at the next unlock; evidence stays', async () => {
    const { service } = await vaultWithScreenshots();
    const evidence = await service.fileIds();
    await service.leaveReportImage(new Uint8Array([0xff, 0xd8, 0xff, 1, 2, 3]));
    await service.leaveReportImage(new Uint8Array(5000).fill(9));
    expect(await service.reportImageIds()).toHaveLength(2);
    await service.lock();
    expect((await service.unlock(PASSPHRASE)).kind).toBe('ok');
    await expectNoReportImages(service, evidence);
    await service.erase(PASSPHRASE);
  });

  it('kept by an export the vault locked under are gone after the next unlock', async () => {
    const { service, request } = await vaultWithScreenshots();
    const evidence = await service.fileIds();
    await service.exportStart(1, request);
    await service.lock();
    expect((await service.unlock(PASSPHRASE)).kind).toBe('ok');
    await expectNoReportImages(service, evidence);
    await service.erase(PASSPHRASE);
  });

  it('reaches the page as pieces whose buffers are moved, not copied', async () => {
    const { service, request } = await vaultWithScreenshots();
    await service.exportStart(1, request);
    const pieces = (await service.exportRead(1)) ?? [];
    expect(pieces.length).toBeGreaterThan(0);
    const moved = buffersGivenAway(pieces);
    expect(moved).toHaveLength(new Set(pieces.map((piece) => piece.buffer)).size);
    for (const piece of pieces) {
      expect(moved).toContain(piece.buffer);
      expect(piece.byteOffset).toBe(0);
      // A file chunk opened in place keeps 18 bytes of leftover ciphertext past its end; nothing else does.
      const tail = piece.buffer.byteLength - piece.byteLength;
      expect(tail === 0 || (tail === 18 && piece.byteLength >= 64 * 1024)).toBe(true);
    }
    await service.cancelExport(1);
    await service.erase(PASSPHRASE);
  });
});

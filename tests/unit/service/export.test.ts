import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bytesSource, verifyBundle } from '../../../src/core/bundle';
import { isBuktiError } from '../../../src/core/errors';
import { exportedEntries, MiB, PASSPHRASE, readAll, vaultWithCase } from './helpers';

describe('streamed export through the vault service', () => {
  it('streams the bundle in pieces of about 1 MiB and records it only when finished', async () => {
    const { service, request } = await vaultWithCase();
    const opened = await service.exportStart(1, request);
    expect(opened.bundleId).toBe(request.bundleId);
    expect(opened.fileName).toMatch(new RegExp(`^document-\\d{8}-${request.bundleId?.slice(0, 8)}\\.zip$`));
    const { zip, pulls } = await readAll(service, 1);
    // Read to the end but not yet saved: nothing recorded.
    expect(await exportedEntries(service)).toEqual([]);
    expect(Math.max(...pulls)).toBeLessThanOrEqual(2 * MiB);
    expect(zip.length).toBeLessThanOrEqual(opened.estimatedSize);
    expect(opened.estimatedSize - zip.length).toBeLessThan(128 * 1024);

    const summary = await service.exportFinish(1);
    const sha256 = createHash('sha256').update(zip).digest('hex');
    expect(summary).toEqual({
      fileName: opened.fileName,
      bundleId: request.bundleId,
      zipSha256: sha256,
      size: zip.length,
      keyFingerprint: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const report = await verifyBundle(bytesSource(zip));
    expect(report.status).toBe('intact');
    // The export screen names the key the verifier reports for this very bundle.
    expect(report.signature.keyFingerprint).toBe(summary.keyFingerprint);
    expect(report.bundleId).toBe(request.bundleId);
    const exported = await exportedEntries(service);
    expect(exported).toHaveLength(2);
    expect(exported[1]?.details).toEqual({ bundleId: request.bundleId, zipSha256: sha256, size: zip.length });
    await expect(service.exportRead(1)).rejects.toSatisfy((e) => isBuktiError(e, 'bundle.seal.cancelled'));
    await service.erase(PASSPHRASE);
  });

  it('cancelled mid-stream: the next read fails, nothing is recorded, and a new export still works', async () => {
    const { service, request } = await vaultWithCase();
    await service.exportStart(1, request);
    expect(await service.exportRead(1)).not.toBeNull();
    await service.cancelExport(1);
    await expect(service.exportRead(1)).rejects.toSatisfy((e) => isBuktiError(e, 'bundle.seal.cancelled'));
    await expect(service.exportFinish(1)).rejects.toSatisfy((e) => isBuktiError(e, 'bundle.seal.cancelled'));
    expect(await exportedEntries(service)).toEqual([]);

    await service.exportStart(2, { ...request, bundleId: crypto.randomUUID() });
    await readAll(service, 2);
    await service.exportFinish(2);
    expect(await exportedEntries(service)).toHaveLength(2);
    await service.erase(PASSPHRASE);
  });

  it('refuses an original whose stored bytes were changed: decryption fails, nothing is sealed or recorded', async () => {
    const { service, request } = await vaultWithCase();
    const files = (await service.listItems(request.caseId)).flatMap((item) => item.files);
    const video = files.find((file) => file.mimeType === 'video/mp4');
    if (!video) throw new Error('no video');
    // One flipped bit in the video's second stored chunk, as someone with the disk could do.
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const opening = indexedDB.open('vault');
      opening.onsuccess = () => resolve(opening.result);
      opening.onerror = () => reject(opening.error);
    });
    const store = db.transaction('chunks', 'readwrite').objectStore('chunks');
    const key = [video.id, 1];
    const stored = await new Promise<ArrayBuffer>((resolve) => {
      const get = store.get(key);
      get.onsuccess = () => resolve(get.result as ArrayBuffer);
    });
    const bytes = new Uint8Array(stored.slice(0));
    bytes[5000] = (bytes[5000] ?? 0) ^ 0x01;
    await new Promise((resolve) => {
      store.put(bytes.buffer, key).onsuccess = resolve;
    });
    db.close();
    await service.exportStart(1, request);
    await expect(readAll(service, 1)).rejects.toSatisfy((e) => isBuktiError(e, 'vault.integrity'));
    await expect(service.exportFinish(1)).rejects.toThrow();
    expect(await exportedEntries(service)).toEqual([]);
    await service.erase(PASSPHRASE);
  });

  it('refuses to record a bundle that was not read to its end', async () => {
    const { service, request } = await vaultWithCase();
    await service.exportStart(1, request);
    await service.exportRead(1);
    await expect(service.exportFinish(1)).rejects.toSatisfy((e) => isBuktiError(e, 'export.notFinished'));
    expect(await exportedEntries(service)).toEqual([]);
    await service.cancelExport(1);
    await service.erase(PASSPHRASE);
  });

  it('stops open exports when the vault locks', async () => {
    const { service, request } = await vaultWithCase();
    await service.exportStart(1, request);
    await service.exportRead(1);
    await service.lock();
    await expect(service.exportRead(1)).rejects.toSatisfy((e) => isBuktiError(e, 'bundle.seal.cancelled'));
    expect((await service.unlock(PASSPHRASE)).kind).toBe('ok');
    expect(await exportedEntries(service)).toEqual([]);
    await service.erase(PASSPHRASE);
  });

  it('refuses a bundle id that is not a UUID, and a number already in use', async () => {
    const { service, request } = await vaultWithCase();
    await expect(service.exportStart(1, { ...request, bundleId: '../../etc' })).rejects.toSatisfy((e) =>
      isBuktiError(e, 'error.unexpected'),
    );
    await service.exportStart(2, request);
    await expect(service.exportStart(2, request)).rejects.toSatisfy((e) =>
      isBuktiError(e, 'error.unexpected'),
    );
    await service.cancelExport(2);
    await service.erase(PASSPHRASE);
  });
});

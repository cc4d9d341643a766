import { loadNodeReportFonts } from '../../../scripts/report-node/deps';
import { nodeImagePreparer } from '../../../scripts/report-node/images';
import { loadSodium } from '../../../src/core/crypto/sodium';
import type { ImagePreparer } from '../../../src/core/report/types';
import type { ExportRequest } from '../../../src/core/service/export';
import { VaultReportImages } from '../../../src/core/service/report-images';
import { VaultService } from '../../../src/core/service/vault-service';
import type { ThumbnailMaker } from '../../../src/core/thumbnails/thumbnails';
import { type DeriveKey, deriveKeyInProcess } from '../../../src/core/vault';

export const PASSPHRASE = 'lima kata untuk ujian eksport';
export const MiB = 1024 * 1024;

async function fastDerive(): Promise<DeriveKey> {
  const derive = deriveKeyInProcess(await loadSodium());
  return (passphrase, salt) => derive(passphrase, salt, { opslimit: 1, memlimit: 8 * MiB });
}

/** Bytes that hash apart per seed, `size` long (not an image: the report lists it by fingerprint). */
export function bytes(size: number, seed: number): Uint8Array {
  const out = new Uint8Array(size);
  let x = seed;
  for (let i = 0; i < size; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

/** The vault service with a look inside its vault, for what a test must see but the page never does. */
export class InspectableService extends VaultService {
  /** Receives the events the worker would post to the page ('export-progress', …). */
  onEvent: ((name: string, data: unknown) => void) | undefined;

  /** Ids of every file in the vault (evidence and anything else). */
  fileIds(): Promise<string[]> {
    return this.vault.listFileIds();
  }

  /** Report images an export is keeping, by the ids listed for the sweep at unlock. */
  reportImageIds(): Promise<string[]> {
    return this.vault.listRecordIds('report-images');
  }

  /** Deletes a vault file behind the service's back, as storage cleared under it would. */
  deleteStoredFile(id: string): Promise<void> {
    return this.vault.deleteFile(id);
  }

  /** Every record of one logical store with its id (custody ids are random: the page never sees them). */
  recordsOf(store: string) {
    return this.vault.listRecords(store);
  }

  /** Stores a report image as an export does, and leaves it behind as an interrupted one would. */
  leaveReportImage(image: Uint8Array): Promise<string> {
    return new VaultReportImages(this.vault).put(image);
  }
}

/** A vault in fake IndexedDB with one case holding `files`, and a request that exports all of it. */
export async function vaultWithFiles(
  files: { name: string; type: string; data: Uint8Array }[],
  options: { thumbnailMaker?: ThumbnailMaker; images?: ImagePreparer } = {},
): Promise<{ service: InspectableService; request: ExportRequest }> {
  let events: InspectableService | undefined;
  const service = new InspectableService({ indexedDB, IDBKeyRange }, await fastDerive(), () => undefined, {
    emit: (name, data) => events?.onEvent?.(name, data),
    thumbnailMaker: options.thumbnailMaker,
    exportDeps: {
      fonts: loadNodeReportFonts,
      images: options.images ?? nodeImagePreparer(),
      app: { name: 'Bukti', version: 'test' },
    },
  });
  events = service;
  if ((await service.status()) !== 'absent') await service.erase(PASSPHRASE);
  await service.create(PASSPHRASE);
  const theCase = await service.createCase({ title: 'Ugutan dalam talian' });
  await service.captureFiles(
    theCase.id,
    files.map((f) => ({
      blob: new Blob([f.data as Uint8Array<ArrayBuffer>], { type: f.type }),
      name: f.name,
      type: f.type,
    })),
    { category: 'threat' },
  );
  const request: ExportRequest = {
    caseId: theCase.id,
    itemIds: null,
    sensitive: 'blur',
    language: 'en',
    bundleId: crypto.randomUUID(),
  };
  return { service, request };
}

/** A vault with one case of a 3 MiB video and a small document. */
export const vaultWithCase = () =>
  vaultWithFiles([
    { name: 'rakaman.mp4', type: 'video/mp4', data: bytes(3 * MiB + 17, 1) },
    { name: 'surat.pdf', type: 'application/pdf', data: bytes(5000, 2) },
  ]);

/** The custody log's `exported` entries. */
export const exportedEntries = async (service: VaultService) =>
  (await service.custodyLog()).filter((entry) => entry.event === 'exported');

/** Pulls an export to its end: the ZIP and the size of each pull. */
export async function readAll(
  service: VaultService,
  number: number,
): Promise<{ zip: Uint8Array; pulls: number[] }> {
  const parts: Uint8Array[] = [];
  const pulls: number[] = [];
  for (;;) {
    const pieces = await service.exportRead(number);
    if (pieces === null) break;
    pulls.push(pieces.reduce((n, p) => n + p.length, 0));
    parts.push(...pieces);
  }
  const zip = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    zip.set(part, offset);
    offset += part.length;
  }
  return { zip, pulls };
}

import type { Sodium } from '../crypto/sodium';
import { BuktiError } from '../errors';
import { chunkRange, type FileInfo, readChunk, storeChunks, writeAllOrNothing } from './chunk-store';
import { type VaultDb, withStorage } from './db';
import {
  decodeManifest,
  decryptFile,
  encodeManifest,
  encryptFile,
  type FileManifest,
  type FileSource,
} from './file-crypto';
import { assertId, chunkLane, SUBKEY, storedBytes, toArrayBuffer } from './format';
import type { Keyring } from './keyring';
import { openRecord, type RecordSlot, recordEpoch, sealRecord } from './record-crypto';
import { withLedger } from './record-store';
import { removePictures } from './thumbnail-store';

/** File manifests are sealed like records, in an internal slot no logical store can name. */
export function manifestSlot(fileId: string): RecordSlot {
  return { store: '#files', id: fileId, keyId: SUBKEY.files };
}

/**
 * Encrypts and stores a file from a stream. Chunks go first, the manifest last (with the last chunks),
 * so a file exists only once it is complete. An id that names a file already is refused with
 * `vault.fileExists` before anything is written; on any other failure the chunks written are deleted.
 */
export async function writeVaultFile(
  db: VaultDb,
  sodium: Sodium,
  keyring: Keyring,
  fileId: string,
  source: FileSource,
): Promise<FileInfo> {
  assertId(fileId);
  const key = keyring.secrets.files;
  return writeAllOrNothing(db, fileId, async () => {
    const { header, chunks } = encryptFile(sodium, key, fileId, source);
    return storeChunks(db, fileId, chunks, {
      beforeEach: () => keyring.assertUnlocked(),
      lane: chunkLane(keyring.epoch),
      manifest: (info) => {
        const manifest = encodeManifest({ header, chunks: info.chunks, size: info.size });
        const sealed = sealRecord(
          sodium,
          keyring.secrets.files,
          manifestSlot(fileId),
          manifest,
          keyring.epoch,
        );
        return toArrayBuffer(sealed);
      },
    }).catch((error: unknown) => {
      const name = (error as { name?: unknown } | null)?.name;
      throw name === 'ConstraintError' ? new BuktiError('vault.fileExists', {}, { cause: error }) : error;
    });
  });
}

/** A manifest with the key epoch it was sealed under (which keys open the file, which lane its chunks are in). */
export interface EpochManifest extends FileManifest {
  epoch: number;
}

/** Opens a stored manifest with the keys of its epoch. */
export function openManifest(
  sodium: Sodium,
  keyring: Keyring,
  fileId: string,
  value: unknown,
): EpochManifest {
  const sealed = storedBytes(value);
  const epoch = recordEpoch(sealed);
  const key = keyring.forEpoch(epoch).secrets.files;
  return { ...decodeManifest(openRecord(sodium, key, manifestSlot(fileId), sealed)), epoch };
}

async function readManifest(db: VaultDb, sodium: Sodium, keyring: Keyring, fileId: string) {
  assertId(fileId);
  const value = await withStorage(db, (idb) => idb.get('files', fileId));
  if (value === undefined) return undefined;
  return openManifest(sodium, keyring, fileId, value);
}

/** Size and chunk count of a stored file, or undefined when there is no such file. */
export async function vaultFileInfo(
  db: VaultDb,
  sodium: Sodium,
  keyring: Keyring,
  fileId: string,
): Promise<FileInfo | undefined> {
  const manifest = await readManifest(db, sodium, keyring, fileId);
  return manifest && { size: manifest.size, chunks: manifest.chunks };
}

/** A file's manifest, or `vault.fileMissing`. */
async function manifestOf(
  db: VaultDb,
  sodium: Sodium,
  keyring: Keyring,
  fileId: string,
): Promise<EpochManifest> {
  const manifest = await readManifest(db, sodium, keyring, fileId);
  if (manifest === undefined) throw new BuktiError('vault.fileMissing');
  return manifest;
}

/** The chunks `manifest` describes, read and opened in place (every read gives a fresh buffer). */
function openChunks(
  db: VaultDb,
  sodium: Sodium,
  keyring: Keyring,
  fileId: string,
  manifest: EpochManifest,
): AsyncGenerator<Uint8Array> {
  const lane = chunkLane(manifest.epoch);
  return decryptFile(
    sodium,
    keyring.forEpoch(manifest.epoch).secrets.files,
    fileId,
    manifest,
    (index) => {
      keyring.assertUnlocked();
      return readChunk(db, fileId, lane + index);
    },
    { freshChunks: true, beforeEach: () => keyring.assertUnlocked() },
  );
}

/**
 * Decrypts a stored file chunk by chunk. Every chunk is authenticated before it is yielded; a truncated
 * or reordered file fails with `vault.integrity` before its last chunk. Locking stops the stream.
 */
export async function* readVaultFile(
  db: VaultDb,
  sodium: Sodium,
  keyring: Keyring,
  fileId: string,
): AsyncGenerator<Uint8Array> {
  const manifest = await manifestOf(db, sodium, keyring, fileId);
  yield* openChunks(db, sodium, keyring, fileId, manifest);
}

/** A stored file's bytes in one array of its exact size (`readVaultFile`). */
export async function readVaultFileBytes(
  db: VaultDb,
  sodium: Sodium,
  keyring: Keyring,
  fileId: string,
): Promise<Uint8Array> {
  const manifest = await manifestOf(db, sodium, keyring, fileId);
  const bytes = new Uint8Array(manifest.size);
  let at = 0;
  for await (const chunk of openChunks(db, sodium, keyring, fileId, manifest)) {
    if (at + chunk.length > bytes.length) throw new BuktiError('vault.integrity');
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}

/** Deletes a file's manifest, chunks (both lanes) and pictures in one transaction. */
export async function deleteVaultFile(
  db: VaultDb,
  sodium: Sodium,
  keyring: Keyring,
  fileId: string,
): Promise<void> {
  assertId(fileId);
  await withLedger(db, sodium, keyring, ['files', 'chunks'], 'readwrite', (ltx) => {
    removePictures(ltx, fileId);
    ltx.queue(() => ltx.tx.objectStore('files').delete(fileId));
    ltx.queue(() => ltx.tx.objectStore('chunks').delete(chunkRange(db, fileId)));
  });
}

/** Ids of every complete file in the vault. */
export async function listVaultFileIds(db: VaultDb): Promise<string[]> {
  return withStorage(db, (idb) => idb.getAllKeys('files'));
}

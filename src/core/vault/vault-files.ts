import type { Sodium } from '../crypto/sodium';
import { BuktiError } from '../errors';
import { chunkRange, type FileInfo, readChunk, storeChunks, writeAllOrNothing } from './chunk-store';
import { runInTransaction, type VaultDb, withStorage } from './db';
import {
  decodeManifest,
  decryptFile,
  encodeManifest,
  encryptFile,
  type FileManifest,
  type FileSource,
} from './file-crypto';
import { assertId, SUBKEY, storedBytes, toArrayBuffer } from './format';
import type { Keyring } from './keyring';
import { openRecord, type RecordSlot, sealRecord } from './record-crypto';

/** File manifests are sealed like records, in an internal slot no logical store can name. */
function manifestSlot(fileId: string): RecordSlot {
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
      manifest: (info) => {
        const manifest = encodeManifest({ header, chunks: info.chunks, size: info.size });
        return toArrayBuffer(sealRecord(sodium, keyring.secrets.files, manifestSlot(fileId), manifest));
      },
    }).catch((error: unknown) => {
      const name = (error as { name?: unknown } | null)?.name;
      throw name === 'ConstraintError' ? new BuktiError('vault.fileExists', {}, { cause: error }) : error;
    });
  });
}

async function readManifest(db: VaultDb, sodium: Sodium, keyring: Keyring, fileId: string) {
  assertId(fileId);
  const value = await withStorage(db, (idb) => idb.get('files', fileId));
  if (value === undefined) return undefined;
  return decodeManifest(openRecord(sodium, keyring.secrets.files, manifestSlot(fileId), storedBytes(value)));
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
): Promise<FileManifest> {
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
  manifest: FileManifest,
  transient: boolean,
): AsyncGenerator<Uint8Array> {
  return decryptFile(
    sodium,
    keyring.secrets.files,
    fileId,
    manifest,
    (index) => {
      keyring.assertUnlocked();
      return readChunk(db, fileId, index);
    },
    {
      freshChunks: true,
      transient: transient ? (buffer) => db.discard(buffer) : undefined,
      beforeEach: () => keyring.assertUnlocked(),
    },
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
  /** True when each chunk is used only until the next is asked for: its memory is then freed at once. */
  options: { transient?: boolean } = {},
): AsyncGenerator<Uint8Array> {
  const manifest = await manifestOf(db, sodium, keyring, fileId);
  yield* openChunks(db, sodium, keyring, fileId, manifest, options.transient === true);
}

/** A stored file's bytes in one array of its exact size, each chunk freed once copied (`readVaultFile`). */
export async function readVaultFileBytes(
  db: VaultDb,
  sodium: Sodium,
  keyring: Keyring,
  fileId: string,
): Promise<Uint8Array> {
  const manifest = await manifestOf(db, sodium, keyring, fileId);
  const bytes = new Uint8Array(manifest.size);
  let at = 0;
  for await (const chunk of openChunks(db, sodium, keyring, fileId, manifest, true)) {
    if (at + chunk.length > bytes.length) throw new BuktiError('vault.integrity');
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}

/** Deletes a file's manifest, chunks and pictures (the records under `pictureKeys`) in one transaction. */
export async function deleteVaultFile(
  db: VaultDb,
  fileId: string,
  pictureKeys: [string, string][],
): Promise<void> {
  assertId(fileId);
  await withStorage(db, async (idb) => {
    const tx = idb.transaction(['files', 'chunks', 'records'], 'readwrite');
    await runInTransaction(tx, [
      () => tx.objectStore('files').delete(fileId),
      () => tx.objectStore('chunks').delete(chunkRange(db, fileId)),
      ...pictureKeys.map((key) => () => tx.objectStore('records').delete(key)),
    ]);
  });
}

/** Ids of every complete file in the vault. */
export async function listVaultFileIds(db: VaultDb): Promise<string[]> {
  return withStorage(db, (idb) => idb.getAllKeys('files'));
}

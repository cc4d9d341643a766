import type { Sodium } from '../crypto/sodium';
import { BuktiError } from '../errors';
import { runInTransaction, type VaultDb, withStorage } from './db';
import { assertId, SUBKEY, storedBytes, toArrayBuffer } from './format';
import type { Keyring } from './keyring';
import { openRecord, type RecordSlot, sealRecord } from './record-crypto';

/**
 * Thumbnails are sealed like records under the `thumbnails` subkey, in an internal slot named after
 * their file: a thumbnail copied to another file's id fails to open. `#` keeps the slot out of reach
 * of every logical store name.
 */
const THUMBNAIL_STORE = '#thumbs';

function thumbnailSlot(fileId: string): RecordSlot {
  return { store: THUMBNAIL_STORE, id: fileId, keyId: SUBKEY.thumbnails };
}

/** Where a file's thumbnail lives in the `records` object store (so backups carry it like any record). */
export function thumbnailKey(keyring: Keyring, fileId: string): [string, string] {
  assertId(fileId);
  return [keyring.storeTag(THUMBNAIL_STORE), fileId];
}

/**
 * Seals and stores the thumbnail payload of `fileId`, replacing any earlier one. The file must still
 * exist, checked in the same transaction, so a thumbnail made while its item was being deleted is not
 * left behind: `vault.fileMissing`.
 */
export async function putThumbnail(
  db: VaultDb,
  sodium: Sodium,
  keyring: Keyring,
  fileId: string,
  payload: Uint8Array,
): Promise<void> {
  const key = thumbnailKey(keyring, fileId);
  const sealed = toArrayBuffer(
    sealRecord(sodium, keyring.secrets.thumbnails, thumbnailSlot(fileId), payload),
  );
  await withStorage(db, async (idb) => {
    const tx = idb.transaction(['files', 'records'], 'readwrite');
    if ((await tx.objectStore('files').getKey(fileId)) === undefined) {
      tx.abort();
      await tx.done.catch(() => undefined);
      throw new BuktiError('vault.fileMissing');
    }
    await runInTransaction(tx, [() => tx.objectStore('records').put(sealed, key)]);
  });
}

/** The opened thumbnail payload of `fileId`, or undefined; a changed or moved one is `vault.integrity`. */
export async function readThumbnail(
  db: VaultDb,
  sodium: Sodium,
  keyring: Keyring,
  fileId: string,
): Promise<Uint8Array | undefined> {
  const key = thumbnailKey(keyring, fileId);
  const value = await withStorage(db, (idb) => idb.get('records', key));
  if (value === undefined) return undefined;
  return openRecord(sodium, keyring.secrets.thumbnails, thumbnailSlot(fileId), storedBytes(value));
}

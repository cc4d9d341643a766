import type { Sodium } from '../crypto/sodium';
import { BuktiError } from '../errors';
import { runInTransaction, type VaultDb, withStorage } from './db';
import { assertId, SUBKEY, storedBytes, toArrayBuffer } from './format';
import type { Keyring } from './keyring';
import { openRecord, type RecordSlot, sealRecord } from './record-crypto';

/**
 * Pictures made from an original: its thumbnail (timeline) and its report image (the PDF). Both are
 * sealed like records under the `thumbnails` subkey, each in an internal slot named after its kind and
 * file: one copied to another file's id or kind fails to open. `#` keeps the slots out of reach of
 * every logical store name.
 */
const PICTURE_STORES = { thumbnail: '#thumbs', report: '#report-images' } as const;

/** Which picture of a file: the timeline's thumbnail or the report's image. */
export type PictureKind = keyof typeof PICTURE_STORES;

/** Every kind, for deleting a file's pictures with it. */
export const PICTURE_KINDS = Object.keys(PICTURE_STORES) as PictureKind[];

function thumbnailSlot(fileId: string, kind: PictureKind): RecordSlot {
  return { store: PICTURE_STORES[kind], id: fileId, keyId: SUBKEY.thumbnails };
}

/** Where a file's picture lives in the `records` object store (so backups carry it like any record). */
export function thumbnailKey(
  keyring: Keyring,
  fileId: string,
  kind: PictureKind = 'thumbnail',
): [string, string] {
  assertId(fileId);
  return [keyring.storeTag(PICTURE_STORES[kind]), fileId];
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
  kind: PictureKind = 'thumbnail',
): Promise<void> {
  const key = thumbnailKey(keyring, fileId, kind);
  const sealed = toArrayBuffer(
    sealRecord(sodium, keyring.secrets.thumbnails, thumbnailSlot(fileId, kind), payload),
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

/** The opened picture payload of `fileId`, or undefined; a changed or moved one is `vault.integrity`. */
export async function readThumbnail(
  db: VaultDb,
  sodium: Sodium,
  keyring: Keyring,
  fileId: string,
  kind: PictureKind = 'thumbnail',
): Promise<Uint8Array | undefined> {
  const key = thumbnailKey(keyring, fileId, kind);
  const value = await withStorage(db, (idb) => idb.get('records', key));
  if (value === undefined) return undefined;
  const opened = openRecord(
    sodium,
    keyring.secrets.thumbnails,
    thumbnailSlot(fileId, kind),
    storedBytes(value),
  );
  // The sealed value (a report image's is a few hundred KB) is used up: freed now, not at the next collection.
  if (value instanceof ArrayBuffer) db.discard(value);
  return opened;
}

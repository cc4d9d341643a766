import type { Sodium } from '../crypto/sodium';
import { BuktiError } from '../errors';
import type { VaultDb } from './db';
import { assertId, SUBKEY } from './format';
import type { Keyring } from './keyring';
import type { RecordSlot } from './record-crypto';
import { type LedgerTransaction, PICTURE_STORES, withLedger } from './record-store';

/**
 * Pictures made from an original: its thumbnail (timeline) and its report image (the PDF). Both are
 * sealed like records under the `thumbnails` subkey, each in an internal slot named after its kind and
 * file: one copied to another file's id or kind fails to open. `#` keeps the slots out of reach of
 * every logical store name. They are kept in the `records` object store and the ledger, so backups
 * carry them and a key rotation re-encrypts them like any record.
 */
export type PictureKind = keyof typeof PICTURE_STORES;

/** Every kind, for deleting a file's pictures with it. */
export const PICTURE_KINDS = Object.keys(PICTURE_STORES) as PictureKind[];

function thumbnailSlot(fileId: string, kind: PictureKind): RecordSlot {
  assertId(fileId);
  return { store: PICTURE_STORES[kind], id: fileId, keyId: SUBKEY.thumbnails };
}

/**
 * Seals and stores the picture payload of `fileId`, replacing any earlier one. The file must still
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
  const slot = thumbnailSlot(fileId, kind);
  await withLedger(db, sodium, keyring, ['files'], 'readwrite', async (ltx) => {
    if ((await ltx.tx.objectStore('files').getKey(fileId)) === undefined)
      throw new BuktiError('vault.fileMissing');
    ltx.put(slot.store, fileId, ltx.seal(slot, payload));
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
  const slot = thumbnailSlot(fileId, kind);
  return withLedger(db, sodium, keyring, [], 'readonly', (ltx) => ltx.read(slot));
}

/** Queues the deletion of every picture of `fileId` in a ledger transaction (a file being deleted). */
export function removePictures(ltx: LedgerTransaction, fileId: string): void {
  assertId(fileId);
  for (const kind of PICTURE_KINDS) ltx.remove(PICTURE_STORES[kind], fileId);
}

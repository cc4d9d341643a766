import { loadSodium, type Sodium } from '../crypto/sodium';
import { BuktiError } from '../errors';
import { chunkRange, type FileInfo, readChunk, storeChunks, writeAllOrNothing } from './chunk-store';
import { runInTransaction, type VaultDb, withStorage } from './db';
import { decodeManifest, decryptFile, encodeManifest, encryptFile, type FileSource } from './file-crypto';
import {
  assertId,
  concatBytes,
  FORMAT_VERSION,
  newId,
  storedBytes,
  toArrayBuffer,
  utf8Bytes,
} from './format';
import type { Keyring } from './keyring';
import { readHeader } from './meta';

const MANIFEST_BYTES = 36;
const KEY_BYTES = 32;

/** Seals `bytes` so only the vault holding the matching secret key can open them. Works while locked. */
export async function sealToVault(publicBoxKey: Uint8Array, bytes: Uint8Array): Promise<Uint8Array> {
  const sodium = await loadSodium();
  return sodium.crypto_box_seal(bytes, publicBoxKey);
}

/** A deposit as the unlocked vault sees it: what was shared, and the details stored with it. */
export interface DepositInfo extends FileInfo {
  id: string;
  details: unknown;
}

/**
 * Stores a file shared into Bukti while the vault is locked (by the service worker, say): it is
 * encrypted with a fresh stream key, and that key, the stream header and `details` (name, type, shared
 * text: any JSON) are sealed to the vault's public box key. Only the unlocked vault can read it back.
 * Anyone who can run code in this origin can deposit, so a deposit says nothing about who made it.
 */
export async function depositFile(db: VaultDb, source: FileSource, details: unknown = null): Promise<string> {
  const sodium = await loadSodium();
  const { publicBoxKey } = await readHeader(db, sodium);
  const json = JSON.stringify(details);
  if (json === undefined) throw new TypeError('Deposit details must be JSON-serialisable');
  const id = newId();
  const key = sodium.crypto_secretstream_xchacha20poly1305_keygen();
  try {
    await writeAllOrNothing(db, id, async () => {
      const { header, chunks } = encryptFile(sodium, key, id, source);
      const info = await storeChunks(db, id, chunks);
      const idBytes = utf8Bytes(id);
      const plaintext = concatBytes(
        Uint8Array.of(idBytes.length),
        idBytes,
        encodeManifest({ header, chunks: info.chunks, size: info.size }),
        key,
        utf8Bytes(json),
      );
      const sealed = concatBytes(
        Uint8Array.of(FORMAT_VERSION),
        sodium.crypto_box_seal(plaintext, publicBoxKey),
      );
      sodium.memzero(plaintext);
      await withStorage(db, (idb) => idb.put('deposits', toArrayBuffer(sealed), id));
    });
  } finally {
    sodium.memzero(key);
  }
  return id;
}

/** Opens a box sealed to the vault's box key, or (while a rotation is unfinished) to the previous one. */
function openBox(sodium: Sodium, keyring: Keyring, box: Uint8Array): Uint8Array | undefined {
  for (const ring of [keyring, keyring.previous]) {
    if (ring === undefined) continue;
    try {
      return sodium.crypto_box_seal_open(box, ring.publicBoxKey, ring.secrets.boxSecret);
    } catch {
      // Not sealed to this key pair: try the next, if any.
    }
  }
  return undefined;
}

/**
 * Seals a deposit made to the previous epoch's box key again to the current one (a key rotation). One
 * that already opens with the current key, or with neither, is left as it is.
 */
export async function resealDeposit(
  db: VaultDb,
  sodium: Sodium,
  keyring: Keyring,
  id: string,
): Promise<void> {
  await withStorage(db, async (idb) => {
    const tx = idb.transaction('deposits', 'readwrite');
    const value = await tx.store.get(id);
    const stored = value === undefined ? undefined : storedBytes(value);
    const previous = keyring.previous;
    let plaintext: Uint8Array | undefined;
    if (stored !== undefined && previous !== undefined) {
      try {
        sodium.crypto_box_seal_open(stored.subarray(1), keyring.publicBoxKey, keyring.secrets.boxSecret);
      } catch {
        plaintext = openBox(sodium, previous, stored.subarray(1));
      }
    }
    if (plaintext === undefined) {
      await tx.done;
      return;
    }
    const resealed = concatBytes(
      Uint8Array.of(FORMAT_VERSION),
      sodium.crypto_box_seal(plaintext, keyring.publicBoxKey),
    );
    sodium.memzero(plaintext);
    await runInTransaction(tx, [() => tx.store.put(toArrayBuffer(resealed), id)]);
  });
}

interface OpenedDeposit {
  info: DepositInfo;
  manifest: ReturnType<typeof decodeManifest>;
  key: Uint8Array;
}

/** Unseals a deposit's manifest; the id inside must match the id it is stored under. */
async function openDepositManifest(
  db: VaultDb,
  sodium: Sodium,
  keyring: Keyring,
  id: string,
): Promise<OpenedDeposit> {
  assertId(id);
  const value = await withStorage(db, (idb) => idb.get('deposits', id));
  if (value === undefined) throw new BuktiError('vault.fileMissing');
  const stored = storedBytes(value);
  if (stored[0] !== FORMAT_VERSION) throw new BuktiError('vault.integrity');
  const plaintext = openBox(sodium, keyring, stored.subarray(1));
  if (plaintext === undefined) throw new BuktiError('vault.integrity');
  const idBytes = utf8Bytes(id);
  const idLength = plaintext[0] ?? -1;
  const manifestAt = 1 + idLength;
  const keyAt = manifestAt + MANIFEST_BYTES;
  const detailsAt = keyAt + KEY_BYTES;
  if (
    idLength !== idBytes.length ||
    plaintext.length < detailsAt ||
    !sodium.memcmp(plaintext.subarray(1, manifestAt), idBytes)
  ) {
    throw new BuktiError('vault.integrity');
  }
  const manifest = decodeManifest(plaintext.subarray(manifestAt, keyAt));
  const key = plaintext.slice(keyAt, detailsAt);
  const details = parseJson(plaintext.subarray(detailsAt));
  sodium.memzero(plaintext);
  return { info: { id, size: manifest.size, chunks: manifest.chunks, details }, manifest, key };
}

function parseJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (cause) {
    throw new BuktiError('vault.integrity', {}, { cause });
  }
}

/** Ids of the deposits waiting to be taken into the vault. */
export async function listDepositIds(db: VaultDb): Promise<string[]> {
  return withStorage(db, (idb) => idb.getAllKeys('deposits'));
}

/** A deposit's size and details, without reading its chunks. */
export async function depositInfo(
  db: VaultDb,
  sodium: Sodium,
  keyring: Keyring,
  id: string,
): Promise<DepositInfo> {
  const opened = await openDepositManifest(db, sodium, keyring, id);
  sodium.memzero(opened.key);
  return opened.info;
}

/** A deposit's bytes, decrypted and authenticated chunk by chunk, like a vault file. */
export async function* readDeposit(
  db: VaultDb,
  sodium: Sodium,
  keyring: Keyring,
  id: string,
): AsyncGenerator<Uint8Array> {
  const { manifest, key } = await openDepositManifest(db, sodium, keyring, id);
  try {
    yield* decryptFile(sodium, key, id, manifest, (index) => {
      keyring.assertUnlocked();
      return readChunk(db, id, index);
    });
  } finally {
    sodium.memzero(key);
  }
}

/** Deletes a deposit (after it has been taken into the vault, or refused) in one transaction. */
export async function deleteDeposit(db: VaultDb, id: string): Promise<void> {
  assertId(id);
  await withStorage(db, async (idb) => {
    const tx = idb.transaction(['deposits', 'chunks'], 'readwrite');
    await runInTransaction(tx, [
      () => tx.objectStore('deposits').delete(id),
      () => tx.objectStore('chunks').delete(chunkRange(db, id)),
    ]);
  });
}

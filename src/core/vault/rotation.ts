import type { Sodium } from '../crypto/sodium';
import { BuktiError } from '../errors';
import { storeChunks } from './chunk-store';
import { runInTransaction, type VaultDb, withStorage } from './db';
import { listDepositIds, resealDeposit } from './deposits';
import { encodeManifest, encryptFile } from './file-crypto';
import { chunkLane, SUBKEY, storedBytes, toArrayBuffer, utf8Bytes } from './format';
import { encodeHeader, type VaultHeader } from './header';
import {
  buildKeyring,
  generateKeyMaterial,
  type Keyring,
  openSeeds,
  sealPrevious,
  sealSeeds,
} from './keyring';
import { REKEY_KEY } from './ledger';
import { META, readSealedSeeds } from './meta';
import {
  assertNewPassphrase,
  attemptPassphrase,
  deriveWrappingKey,
  newSalt,
  type PassphraseCheck,
  type VaultRuntime,
  wrapMasterKey,
} from './passphrase';
import { recordEpoch, sealRecord } from './record-crypto';
import { keyIdOf, type LedgerTransaction, withLedger } from './record-store';
import { manifestSlot, openManifest, readVaultFile } from './vault-files';

/** What a rotation needs of the vault it rotates; `swap` installs the new keys once they are stored. */
export interface RotationHost {
  db: VaultDb;
  sodium: Sodium;
  runtime: VaultRuntime;
  keyring(): Keyring;
  swap(keyring: Keyring, header: VaultHeader): void;
}

/** A signer for the custody entry that records the change: the old key and the new one. */
export interface RotationSigner {
  publicKey: Uint8Array;
  sign(bytes: Uint8Array): Uint8Array;
}

/** Records stored in the same transaction as the new keys, sealed under them, and the anchor they move. */
export interface RotationRecords {
  records: Array<{ store: string; id: string; value: unknown }>;
  anchor?: { name: string; from: unknown; to: unknown };
}

/** How far a rotation's re-encryption has come, in records and files (each counts one). */
export interface RotationProgress {
  done: number;
  total: number;
}

/** Records re-encrypted per transaction. */
const RECORD_BATCH = 32;

/**
 * Step 1 of "someone knows my passphrase": after checking `current` (it counts against the lockout), a
 * new master key, new subkeys and new key pairs are made, and in ONE transaction the header (new
 * passphrase, new public keys), the new sealed seeds, the previous keys (sealed under the new ones, in
 * `#rekey`), the resealed ledger and `records(old, new)` (the custody entry of the change) are stored.
 * From that commit on only the new passphrase opens the vault, and it opens everything: what is not yet
 * re-encrypted is read with the previous keys. `continueRotation` re-encrypts; until it has ended,
 * whatever happens (a crash, a closed tab), unlocking opens everything and resumes it.
 */
export async function beginRotation(
  host: RotationHost,
  current: string,
  next: string,
  records: (old: RotationSigner, next: RotationSigner) => Promise<RotationRecords>,
): Promise<PassphraseCheck> {
  assertNewPassphrase(next);
  const { db, sodium, runtime } = host;
  const previous = host.keyring();
  previous.assertUnlocked();
  if (previous.previous !== undefined) throw new BuktiError('vault.rotationPending');
  const attempt = await attemptPassphrase(db, sodium, current, runtime.deriveKey, runtime.now);
  if (attempt.kind === 'wait' || attempt.kind === 'erased') return attempt;
  if (attempt.kind === 'wrongPassphrase')
    return { kind: 'wrongPassphrase', failures: attempt.failures, retryAt: attempt.retryAt };

  const epoch = previous.epoch + 1;
  const oldMaster = attempt.masterKey;
  const fresh = generateKeyMaterial(sodium);
  let keyring: Keyring | undefined;
  try {
    const old = openSeeds(sodium, oldMaster, await readSealedSeeds(db));
    const sealedSeeds = sealSeeds(sodium, fresh.masterKey, fresh.seeds, epoch);
    const sealedRekey = sealPrevious(
      sodium,
      fresh.masterKey,
      { masterKey: oldMaster, seeds: old.seeds, epoch: previous.epoch },
      epoch,
    );
    keyring = buildKeyring(sodium, fresh.masterKey.slice(), fresh.seeds.slice(), epoch);
    keyring.attachPrevious(buildKeyring(sodium, oldMaster.slice(), old.seeds, previous.epoch));
    const salt = newSalt(sodium);
    const wrappingKey = await deriveWrappingKey(runtime.deriveKey, next, salt, attempt.header.kdf);
    const header = wrapMasterKey(
      sodium,
      wrappingKey,
      {
        kdf: attempt.header.kdf,
        salt,
        eraseAfterFailures: attempt.header.eraseAfterFailures,
        publicSigningKey: keyring.publicSigningKey,
        publicBoxKey: keyring.publicBoxKey,
      },
      fresh.masterKey,
    );
    const extra = await records(signerOf(sodium, previous), signerOf(sodium, keyring));
    await storeNewKeys(host, keyring, extra, {
      header: toArrayBuffer(encodeHeader(sodium, header)),
      seeds: toArrayBuffer(sealedSeeds),
      rekey: toArrayBuffer(sealedRekey),
    });
    host.swap(keyring, header);
    keyring = undefined;
    return { kind: 'ok' };
  } finally {
    sodium.memzero(oldMaster);
    sodium.memzero(fresh.masterKey);
    sodium.memzero(fresh.seeds);
    // Keys made for a rotation that did not commit go; the vault keeps its current ones.
    keyring?.wipe();
  }
}

function signerOf(sodium: Sodium, keyring: Keyring): RotationSigner {
  return {
    publicKey: keyring.publicSigningKey,
    sign: (bytes) => sodium.crypto_sign_detached(bytes, keyring.secrets.signSecret),
  };
}

/** The one transaction that makes the new keys the vault's keys (see `beginRotation`). */
async function storeNewKeys(
  host: RotationHost,
  keyring: Keyring,
  extra: RotationRecords,
  values: { header: ArrayBuffer; seeds: ArrayBuffer; rekey: ArrayBuffer },
): Promise<void> {
  await withLedger(host.db, host.sodium, keyring, ['meta'], 'readwrite', (ltx) => {
    const { anchor } = extra;
    if (anchor) {
      if (JSON.stringify(ltx.ledger.anchor(anchor.name) ?? null) !== JSON.stringify(anchor.from ?? null))
        throw new BuktiError('vault.changedElsewhere');
      ltx.ledger.setAnchor(anchor.name, anchor.to);
    }
    for (const { store, id, value } of extra.records) {
      const slot = { store, id, keyId: SUBKEY.records };
      ltx.put(store, id, ltx.seal(slot, utf8Bytes(JSON.stringify(value))));
    }
    ltx.ledger.touch();
    const meta = ltx.tx.objectStore('meta');
    ltx.queue(() => ltx.tx.objectStore('records').put(values.rekey, REKEY_KEY));
    ltx.queue(() => meta.put(values.seeds, META.keys));
    ltx.queue(() => meta.put(values.header, META.header));
  });
}

/**
 * Step 2: re-encrypts every record, thumbnail and file still under the previous keys, reseals deposits
 * to the new box key, then deletes the previous keys (`#rekey`) in the transaction that checks nothing
 * is left under them. Every step is one transaction or is redone whole: records in batches (each
 * batch moves records and their ledger entries together), a file by writing its new chunks beside the
 * old ones and swapping manifests in one transaction. Safe to run again at any point; a no-op when no
 * rotation is under way.
 */
export async function continueRotation(
  host: RotationHost,
  onProgress?: (progress: RotationProgress) => void,
): Promise<void> {
  const { db, sodium } = host;
  const keyring = host.keyring();
  if (keyring.previous === undefined) return;
  const files = await staleFiles(db, keyring);
  const records = await withLedger(
    db,
    sodium,
    keyring,
    [],
    'readonly',
    (ltx) => staleEntries(ltx, keyring).length,
  );
  const progress = { done: 0, total: records + files.length };
  onProgress?.({ ...progress });
  for (;;) {
    const moved = await withLedger(db, sodium, keyring, [], 'readwrite', (ltx) =>
      reencryptRecords(ltx, keyring),
    );
    if (moved === 0) break;
    progress.done += moved;
    onProgress?.({ ...progress });
  }
  for (const fileId of files) {
    await reencryptFile(db, sodium, keyring, fileId);
    progress.done += 1;
    onProgress?.({ ...progress });
  }
  for (const id of await listDepositIds(db)) await resealDeposit(db, sodium, keyring, id);
  await withLedger(db, sodium, keyring, ['files'], 'readwrite', async (ltx) => {
    const manifests = await ltx.tx.objectStore('files').getAll();
    const left =
      staleEntries(ltx, keyring).length > 0 ||
      manifests.some((value) => recordEpoch(storedBytes(value)) !== keyring.epoch);
    if (left) throw new BuktiError('vault.rotationPending');
    ltx.queue(() => ltx.tx.objectStore('records').delete(REKEY_KEY));
  });
  keyring.dropPrevious();
}

function staleEntries(ltx: LedgerTransaction, keyring: Keyring) {
  return [...ltx.ledger.entries()].filter((entry) => entry.epoch !== keyring.epoch);
}

/** Re-encrypts up to one batch of records under the current keys; the count moved (0: none left). */
async function reencryptRecords(ltx: LedgerTransaction, keyring: Keyring): Promise<number> {
  const batch = staleEntries(ltx, keyring).slice(0, RECORD_BATCH);
  for (const entry of batch) {
    const slot = { store: entry.store, id: entry.id, keyId: keyIdOf(entry.store) };
    const plaintext = (await ltx.read(slot)) as Uint8Array;
    ltx.put(entry.store, entry.id, ltx.seal(slot, plaintext));
    plaintext.fill(0);
  }
  return batch.length;
}

/** Ids of the files whose manifest is sealed under an earlier epoch. */
async function staleFiles(db: VaultDb, keyring: Keyring): Promise<string[]> {
  const [ids, values] = await withStorage(db, async (idb) => {
    const tx = idb.transaction('files');
    const read = await Promise.all([tx.store.getAllKeys(), tx.store.getAll(), tx.done]);
    return [read[0], read[1]] as const;
  });
  keyring.assertUnlocked();
  return ids.filter((_, i) => recordEpoch(storedBytes(values[i])) !== keyring.epoch);
}

/** The chunk keys of one lane of a file. */
function laneRange(db: VaultDb, fileId: string, lane: number) {
  return db.range([fileId, lane], [fileId, lane + 2 ** 31 - 1]);
}

/**
 * Re-encrypts one file: its chunks are read with the previous keys and written, under new stream keys,
 * into the other lane (cleared first of anything an interrupted run left); then one transaction swaps
 * the manifest and deletes the old lane. Until that commit the old copy is whole and is the one read.
 */
async function reencryptFile(db: VaultDb, sodium: Sodium, keyring: Keyring, fileId: string): Promise<void> {
  const stored = await withStorage(db, (idb) => idb.get('files', fileId));
  if (stored === undefined || openManifest(sodium, keyring, fileId, stored).epoch === keyring.epoch) return;
  const lane = chunkLane(keyring.epoch);
  const oldLane = chunkLane(keyring.epoch - 1);
  await withStorage(db, async (idb) => {
    const tx = idb.transaction('chunks', 'readwrite');
    await runInTransaction(tx, [() => tx.store.delete(laneRange(db, fileId, lane))]);
  });
  const source = readVaultFile(db, sodium, keyring, fileId);
  const { header, chunks } = encryptFile(sodium, keyring.secrets.files, fileId, source);
  const info = await storeChunks(db, fileId, chunks, { lane, beforeEach: () => keyring.assertUnlocked() });
  const manifest = encodeManifest({ header, chunks: info.chunks, size: info.size });
  const sealed = toArrayBuffer(
    sealRecord(sodium, keyring.secrets.files, manifestSlot(fileId), manifest, keyring.epoch),
  );
  await withStorage(db, async (idb) => {
    const tx = idb.transaction(['files', 'chunks'], 'readwrite');
    // Deleted meanwhile: its new chunks go too, so nothing of it is left.
    const deleted = (await tx.objectStore('files').getKey(fileId)) === undefined;
    await runInTransaction(
      tx,
      deleted
        ? [() => tx.objectStore('chunks').delete(laneRange(db, fileId, lane))]
        : [
            () => tx.objectStore('files').put(sealed, fileId),
            () => tx.objectStore('chunks').delete(laneRange(db, fileId, oldLane)),
          ],
    );
  });
}

import { expect } from 'vitest';
import { startBackup } from '../../../src/core/backup/create';
import { type RestoreOptions, restoreBackup } from '../../../src/core/backup/restore';
import { loadSodium } from '../../../src/core/crypto/sodium';
import { EvidenceRepository } from '../../../src/core/evidence/repository';
import {
  type DeriveKey,
  depositFile,
  deriveKeyInProcess,
  type Vault,
  type VaultDb,
} from '../../../src/core/vault';
import { freshDb, newVault, PASSPHRASE, pseudoRandomBytes } from '../vault/helpers';

export { PASSPHRASE };

/**
 * Real Argon2id, remembered per passphrase, salt and parameters: the tamper tests restore thousands of
 * altered files and the KDF would otherwise dominate. Returns a copy, since callers zero the key.
 */
export function cachedDerive(): DeriveKey {
  const cache = new Map<string, Uint8Array>();
  let real: DeriveKey | undefined;
  return async (passphrase, salt, params) => {
    const id = `${Buffer.from(passphrase).toString('hex')}/${Buffer.from(salt).toString('hex')}/${params.opslimit}/${params.memlimit}`;
    let key = cache.get(id);
    if (key === undefined) {
      real ??= deriveKeyInProcess(await loadSodium());
      key = (await real(passphrase, salt, params)).slice();
      cache.set(id, key);
    }
    return key.slice();
  };
}

/** A PNG-looking file of `size` bytes. */
export function pngBytes(size: number, seed: number): Uint8Array {
  const bytes = pseudoRandomBytes(size, seed);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].slice(0, size));
  return bytes;
}

/** A vault with a case, items with files of `fileSizes`, a text item, settings, a deposit and its custody log. */
export async function populatedVault(fileSizes: readonly number[] = [3 * 1024 * 1024 + 17, 2048]) {
  const { db, vault } = await newVault();
  const repo = new EvidenceRepository(vault);
  const theCase = await repo.createCase({
    title: 'Gambar palsu di Telegram',
    narrative: 'Apa yang berlaku…',
  });
  for (const [i, size] of fileSizes.entries()) {
    const file = await repo.importFile({
      blob: new Blob([pngBytes(size, i + 1) as BlobPart]),
      name: `skrin-${i}.png`,
      type: 'image/png',
    });
    await repo.addItem(
      {
        caseId: theCase.id,
        kind: 'screenshot',
        details: { category: 'deepfake', contentUrl: 'https://t.me/k/1' },
      },
      [file],
    );
  }
  await repo.addItem(
    { caseId: theCase.id, kind: 'messageText', text: 'Ugutan melalui DM', details: { category: 'threat' } },
    [],
  );
  await vault.putRecord('settings', 'app', { v: 1, autoLock: { idleMs: 60000, hiddenMs: 0 } });
  const depositId = await depositFile(db, pngBytes(5000, 99), { name: 'kongsi.png', type: 'image/png' });
  return { db, vault, repo, caseId: theCase.id, depositId };
}

/** Concatenated pieces. */
export async function collect(pieces: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const piece of pieces) parts.push(piece);
  return Buffer.concat(parts);
}

/** The whole backup file of the vault in `db`. */
export async function backupBytes(db: VaultDb, passphrase = PASSPHRASE): Promise<Uint8Array> {
  const started = await startBackup(db, passphrase, { deriveKey: cachedDerive() });
  if (started.kind !== 'ok') throw new Error(`backup refused: ${started.kind}`);
  return new Uint8Array(await collect(started.pieces));
}

/** Restores `bytes` into `target` (a fresh database unless given). */
export async function restoreInto(
  bytes: Uint8Array,
  options: Partial<RestoreOptions> & { passphrase?: string; target?: VaultDb } = {},
): Promise<{ vault: Vault; db: VaultDb }> {
  const db = options.target ?? (await freshDb());
  const { vault } = await restoreBackup(new Blob([bytes as BlobPart]), options.passphrase ?? PASSPHRASE, {
    deriveKey: options.deriveKey ?? cachedDerive(),
    openTarget: async () => db,
    ...options,
  });
  return { vault, db };
}

/** Every stored value in every object store, keyed `store key`, as base64: for byte-for-byte comparison. */
export async function dumpStores(db: VaultDb): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const store of ['meta', 'records', 'files', 'chunks', 'deposits'] as const) {
    const tx = db.idb.transaction(store);
    const [keys, values] = await Promise.all([tx.store.getAllKeys(), tx.store.getAll(), tx.done]);
    keys.forEach((key, i) => {
      out.set(`${store} ${JSON.stringify(key)}`, Buffer.from(values[i] as ArrayBuffer).toString('base64'));
    });
  }
  return out;
}

/** Asserts that `db` holds nothing at all: no header, no values. */
export async function expectEmpty(db: VaultDb): Promise<void> {
  expect([...(await dumpStores(db)).keys()]).toEqual([]);
}

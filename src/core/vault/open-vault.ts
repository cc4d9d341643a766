import type { Sodium } from '../crypto/sodium';
import { BuktiError } from '../errors';
import { runInTransaction, type VaultDb, withStorage } from './db';
import { FORMAT_VERSION, storedBytes, toArrayBuffer } from './format';
import type { VaultHeader } from './header';
import { type Keyring, openKeyring } from './keyring';
import { LEDGER_KEY, Ledger, REKEY_KEY } from './ledger';
import { deviceId, readSealedSeeds } from './meta';
import type { VaultRuntime } from './passphrase';
import { recordFingerprint } from './record-crypto';
import { Vault } from './vault';

/**
 * The logical stores vault format 1 (before the ledger) was written with. Tags are keyed hashes, so the
 * ledger of such a vault can only name its records through this list; the app wrote no other stores.
 */
export const FORMAT1_STORES = [
  'cases',
  'items',
  'custody',
  'settings',
  'report-images',
  '#thumbs',
  '#report-images',
] as const;

/**
 * Opens the vault with its unwrapped master key (zeroed here): the sealed seeds and this device's id
 * (from `meta`, or given, as a restore does before it writes them), the previous epoch's keys while a rotation is
 * unfinished, and, for a vault of format 1, its first ledger.
 */
export async function openVault(
  db: VaultDb,
  sodium: Sodium,
  masterKey: Uint8Array,
  header: VaultHeader,
  runtime: VaultRuntime,
  given: { sealedSeeds?: Uint8Array; deviceId?: string } = {},
): Promise<Vault> {
  let seeds: Uint8Array;
  let rekey: unknown;
  let device: string;
  try {
    seeds = given.sealedSeeds ?? (await readSealedSeeds(db));
    rekey = await withStorage(db, (idb) => idb.get('records', REKEY_KEY));
    device = given.deviceId ?? (await deviceId(db, sodium));
  } catch (error) {
    sodium.memzero(masterKey);
    throw error;
  }
  const keyring = openKeyring(
    sodium,
    masterKey,
    header,
    seeds,
    rekey === undefined ? undefined : storedBytes(rekey),
  );
  try {
    await adoptFormat1(db, sodium, keyring);
  } catch (error) {
    keyring.wipe();
    throw error;
  }
  return new Vault(db, sodium, keyring, header, runtime, device);
}

/**
 * Writes the first ledger of a vault made before there was one (format 1): every record it holds, as
 * it is. Only a vault that is wholly format 1 qualifies; a ledger missing from a later vault was
 * deleted, and that is `vault.rolledBack`, never a reason to trust whatever records are left.
 */
async function adoptFormat1(db: VaultDb, sodium: Sodium, keyring: Keyring): Promise<void> {
  await withStorage(db, async (idb) => {
    const tx = idb.transaction('records', 'readwrite', { durability: 'strict' });
    try {
      if ((await tx.store.getKey(LEDGER_KEY)) !== undefined) return;
      const [keys, values] = await Promise.all([tx.store.getAllKeys(), tx.store.getAll()]);
      const names = new Map<string, string>(FORMAT1_STORES.map((name) => [keyring.storeTag(name), name]));
      const ledger = Ledger.empty();
      keys.forEach(([tag, id], i) => {
        const sealed = storedBytes(values[i]);
        const store = names.get(tag);
        if (store === undefined || sealed[0] !== FORMAT_VERSION || keyring.epoch !== 0)
          throw new BuktiError('vault.rolledBack');
        ledger.set({ store, id, epoch: 0, fingerprint: recordFingerprint(sodium, sealed) });
      });
      const sealed = toArrayBuffer(ledger.seal(sodium, keyring));
      await runInTransaction(tx, [() => tx.store.put(sealed, LEDGER_KEY)]);
    } catch (error) {
      try {
        tx.abort();
      } catch {
        // Already finished: nothing of this call was committed.
      }
      throw error;
    } finally {
      await tx.done.catch(() => undefined);
    }
  });
}

import { loadSodium } from '../crypto/sodium';
import { BuktiError } from '../errors';
import { runInTransaction, type VaultDb, withStorage } from './db';
import { type EraseAfterFailures, toArrayBuffer } from './format';
import { encodeHeader, isEraseAfter } from './header';
import {
  calibrateKdf,
  type DeriveKey,
  deriveKeyInProcess,
  type KdfParams,
  kdfParamsInBounds,
  type MeasureKdf,
  measureWith,
} from './kdf';
import { buildKeyring, generateKeyMaterial, sealSeeds } from './keyring';
import { LEDGER_KEY, Ledger } from './ledger';
import { encodeLockout, NO_LOCKOUT } from './lockout';
import { isRetired, META, newDeviceRecord, vaultExists } from './meta';
import { openVault } from './open-vault';
import {
  assertNewPassphrase,
  attemptPassphrase,
  deriveWrappingKey,
  newSalt,
  type VaultRuntime,
  wrapMasterKey,
} from './passphrase';
import { Vault } from './vault';

/** How to run the KDF and read the clock. In the browser, pass a `deriveKey` that runs in a Web Worker. */
export interface UnlockOptions {
  deriveKey?: DeriveKey;
  now?: () => number;
}

/** Options for a new vault. Without `kdfParams`, Argon2id is calibrated on this device first. */
export interface CreateVaultOptions extends UnlockOptions {
  kdfParams?: KdfParams;
  /** Times one Argon2id run for calibration; by default `deriveKey` is timed from this thread. */
  measureKdf?: MeasureKdf;
  eraseAfterFailures?: EraseAfterFailures;
}

/** The outcome of an unlock attempt. Times are milliseconds since the epoch. */
export type UnlockResult =
  | { kind: 'ok'; vault: Vault }
  /** `retryAt`: earliest next attempt; `attemptsBeforeErase`: null when erasing is off. */
  | { kind: 'wrongPassphrase'; failures: number; retryAt: number; attemptsBeforeErase: number | null }
  /** Too many wrong attempts: try again at `until`. The KDF was not run. */
  | { kind: 'wait'; until: number }
  /** The "erase after N failed attempts" setting was reached and the vault has been deleted. */
  | { kind: 'erased' };

async function runtimeFor(
  options: UnlockOptions,
): Promise<VaultRuntime & { sodium: Awaited<ReturnType<typeof loadSodium>> }> {
  const sodium = await loadSodium();
  return { sodium, deriveKey: options.deriveKey ?? deriveKeyInProcess(sodium), now: options.now ?? Date.now };
}

/**
 * Creates a vault protected by `passphrase` (at least 8 characters) and returns it unlocked. The
 * header, sealed key pairs and lockout counter are written in one strict-durability transaction.
 */
export async function createVault(
  db: VaultDb,
  passphrase: string,
  options: CreateVaultOptions = {},
): Promise<Vault> {
  assertNewPassphrase(passphrase);
  const eraseAfterFailures = options.eraseAfterFailures ?? 0;
  if (!isEraseAfter(eraseAfterFailures)) throw new RangeError('eraseAfterFailures must be 0, 5, 10 or 20');
  if (options.kdfParams && !kdfParamsInBounds(options.kdfParams))
    throw new RangeError('KDF parameters out of bounds');
  const { sodium, ...runtime } = await runtimeFor(options);
  if (await vaultExists(db)) throw new BuktiError('vault.exists');

  const kdf = options.kdfParams ?? (await calibrateKdf(options.measureKdf ?? measureWith(runtime.deriveKey)));
  const salt = newSalt(sodium);
  const wrappingKey = await deriveWrappingKey(runtime.deriveKey, passphrase, salt, kdf);
  const { masterKey, seeds } = generateKeyMaterial(sodium);
  const sealedSeeds = sealSeeds(sodium, masterKey, seeds);
  const keyring = buildKeyring(sodium, masterKey.slice(), seeds);
  const header = wrapMasterKey(
    sodium,
    wrappingKey,
    {
      kdf,
      salt,
      eraseAfterFailures,
      publicSigningKey: keyring.publicSigningKey,
      publicBoxKey: keyring.publicBoxKey,
    },
    masterKey,
  );
  sodium.memzero(masterKey);
  const device = newDeviceRecord(sodium);
  const ledger = toArrayBuffer(Ledger.empty().seal(sodium, keyring));
  try {
    await withStorage(db, async (idb) => {
      const data = ['records', 'files', 'chunks', 'deposits'] as const;
      const tx = idb.transaction(['meta', ...data], 'readwrite', { durability: 'strict' });
      const meta = tx.objectStore('meta');
      // A header overwritten with zeros (an erase or replace cut short) is no vault: it makes way.
      const retired = isRetired(await meta.get(META.header));
      await runInTransaction(tx, [
        // Values without a header can only be left over from an interrupted restore: a new vault starts empty.
        ...data.map((store) => () => tx.objectStore(store).clear()),
        ...(retired ? [() => meta.delete(META.header)] : []),
        // `add`, not `put`: if another tab created a vault meanwhile, this fails instead of replacing it.
        () => meta.add(toArrayBuffer(encodeHeader(sodium, header)), META.header),
        () => meta.put(toArrayBuffer(sealedSeeds), META.keys),
        () => meta.put(toArrayBuffer(encodeLockout(NO_LOCKOUT)), META.lockout),
        () => meta.put(toArrayBuffer(device), META.device),
        // A restore that was still writing here is over: its next batch finds no journal and aborts.
        () => meta.delete(META.restoring),
        () => tx.objectStore('records').put(ledger, LEDGER_KEY),
      ]);
    });
  } catch (error) {
    keyring.wipe();
    const name = (error as { name?: unknown } | null)?.name;
    throw name === 'ConstraintError' ? new BuktiError('vault.exists', {}, { cause: error }) : error;
  }
  return new Vault(db, sodium, keyring, header, runtime, sodium.to_hex(device.subarray(1)));
}

/**
 * Tries to unlock with `passphrase`. After three wrong attempts each further one must wait (the KDF is
 * not even run); when the header's "erase after N" setting is reached, the vault is deleted.
 */
export async function unlockVault(
  db: VaultDb,
  passphrase: string,
  options: UnlockOptions = {},
): Promise<UnlockResult> {
  const { sodium, ...runtime } = await runtimeFor(options);
  const attempt = await attemptPassphrase(db, sodium, passphrase, runtime.deriveKey, runtime.now);
  if (attempt.kind === 'wait' || attempt.kind === 'erased') return attempt;
  if (attempt.kind === 'wrongPassphrase') {
    const limit = attempt.header.eraseAfterFailures;
    return {
      kind: 'wrongPassphrase',
      failures: attempt.failures,
      retryAt: attempt.retryAt,
      attemptsBeforeErase: limit > 0 ? limit - attempt.failures : null,
    };
  }
  const vault = await openVault(db, sodium, attempt.masterKey, attempt.header, runtime);
  return { kind: 'ok', vault };
}

import { loadSodium, type Sodium } from '../crypto/sodium';
import { BuktiError } from '../errors';
import { runInTransaction, type VaultDb, withStorage } from './db';
import { FORMAT_VERSION, storedBytes, toArrayBuffer } from './format';
import { decodeHeader, type VaultHeader } from './header';
import {
  decodeLockout,
  encodeLockout,
  FREE_ATTEMPTS,
  type LockoutState,
  lockoutDelayMs,
  nextAttemptAt,
} from './lockout';

/**
 * Keys of the `meta` object store. `device` names this device in the custody log (docs/custody-log.md);
 * it is not in backups, so a vault restored elsewhere gets an id of its own. `restoring` is the journal
 * of a restore under way (src/core/backup/journal.ts).
 */
export const META = {
  header: 'header',
  keys: 'keys',
  lockout: 'lockout',
  device: 'device',
  restoring: 'restoring',
} as const;

const DEVICE_ID_BYTES = 16;

/** A new random device id as stored: the format version byte, then 16 random bytes. */
export function newDeviceRecord(sodium: Sodium): Uint8Array {
  const bytes = new Uint8Array(1 + DEVICE_ID_BYTES);
  bytes[0] = FORMAT_VERSION;
  bytes.set(sodium.randombytes_buf(DEVICE_ID_BYTES), 1);
  return bytes;
}

function deviceIdFrom(sodium: Sodium, value: unknown): string | undefined {
  if (!(value instanceof ArrayBuffer) || value.byteLength !== 1 + DEVICE_ID_BYTES) return undefined;
  const bytes = new Uint8Array(value);
  return bytes[0] === FORMAT_VERSION ? sodium.to_hex(bytes.subarray(1)) : undefined;
}

/**
 * This device's id (32 lowercase hex digits). A vault made before device ids existed, or whose id is
 * unreadable, gets a new one here, once.
 */
export async function deviceId(db: VaultDb, sodium: Sodium): Promise<string> {
  const known = deviceIdFrom(sodium, await withStorage(db, (idb) => idb.get('meta', META.device)));
  if (known !== undefined) return known;
  const record = newDeviceRecord(sodium);
  await withStorage(db, async (idb) => {
    const tx = idb.transaction('meta', 'readwrite');
    await runInTransaction(tx, [() => tx.store.put(toArrayBuffer(record), META.device)]);
  });
  return sodium.to_hex(record.subarray(1));
}

/** True when this database holds a vault: its header, not overwritten with zeros. */
export async function vaultExists(db: VaultDb): Promise<boolean> {
  // A header overwritten with zeros (by an erase or a replace that did not get to remove it) is no vault.
  return withStorage(db, async (idb) => {
    const header = await idb.get('meta', META.header);
    return header !== undefined && !isRetired(header);
  });
}

/**
 * True for a header (or keys) value overwritten with zeros before its removal, by an erase or a
 * replace: every byte zero. A real header never is.
 */
export function isRetired(value: unknown): boolean {
  return value instanceof ArrayBuffer && new Uint8Array(value).every((byte) => byte === 0);
}

/** The checked header, or `vault.notFound`. */
export async function readHeader(db: VaultDb, sodium: Sodium): Promise<VaultHeader> {
  const value = await withStorage(db, (idb) => idb.get('meta', META.header));
  if (value === undefined) throw new BuktiError('vault.notFound');
  return decodeHeader(sodium, storedBytes(value));
}

/** The sealed key-pair seeds (`meta/keys`); missing means the vault was damaged. */
export async function readSealedSeeds(db: VaultDb): Promise<Uint8Array> {
  const value = await withStorage(db, (idb) => idb.get('meta', META.keys));
  if (value === undefined) throw new BuktiError('vault.integrity');
  return storedBytes(value);
}

/** The vault's failure counter. */
export async function readLockout(db: VaultDb): Promise<LockoutState> {
  const value = await withStorage(db, (idb) => idb.get('meta', META.lockout));
  if (value === undefined) return decodeLockout(undefined);
  // Not bytes at all: decoded as damaged, which still applies a delay.
  return decodeLockout(value instanceof ArrayBuffer ? new Uint8Array(value) : new Uint8Array(0));
}

/** Persists the failure counter with strict durability: a crash must not forget a wrong attempt. */
export async function writeLockout(db: VaultDb, state: LockoutState): Promise<void> {
  await withStorage(db, async (idb) => {
    const tx = idb.transaction('meta', 'readwrite', { durability: 'strict' });
    await runInTransaction(tx, [() => tx.store.put(toArrayBuffer(encodeLockout(state)), META.lockout)]);
  });
}

/**
 * Counts one passphrase attempt before it is tried, in one read-write transaction: parallel attempts
 * (two tabs, a script) are serialised by IndexedDB and each sees the count the one before left, so
 * every guess counts and the delays apply to guesses made at once too. `wait` when one must wait first.
 */
export async function countAttempt(
  db: VaultDb,
  now: number,
): Promise<{ kind: 'counted'; failures: number; notBefore: number } | { kind: 'wait'; until: number }> {
  return withStorage(db, async (idb) => {
    const tx = idb.transaction('meta', 'readwrite', { durability: 'strict' });
    const value = await tx.store.get(META.lockout);
    const before = decodeLockout(
      value instanceof ArrayBuffer ? new Uint8Array(value) : value && new Uint8Array(0),
    );
    const until = nextAttemptAt(before, now);
    if (until > now) {
      await tx.done;
      return { kind: 'wait', until };
    }
    const failures = before.failures + 1;
    const counted = { failures, notBefore: now + lockoutDelayMs(failures) };
    await runInTransaction(tx, [() => tx.store.put(toArrayBuffer(encodeLockout(counted)), META.lockout)]);
    return { kind: 'counted', ...counted };
  });
}

/** Takes back one counted attempt whose passphrase was never tested (the KDF failed), atomically. */
export async function uncountAttempt(db: VaultDb): Promise<void> {
  await withStorage(db, async (idb) => {
    const tx = idb.transaction('meta', 'readwrite', { durability: 'strict' });
    const value = await tx.store.get(META.lockout);
    const state = decodeLockout(
      value instanceof ArrayBuffer ? new Uint8Array(value) : value && new Uint8Array(0),
    );
    const failures = Math.max(0, state.failures - 1);
    const restored = { failures, notBefore: failures < FREE_ATTEMPTS ? 0 : state.notBefore };
    await runInTransaction(tx, [() => tx.store.put(toArrayBuffer(encodeLockout(restored)), META.lockout)]);
  });
}

/** Replaces the header (after a passphrase or settings change) with strict durability. */
export async function writeHeader(db: VaultDb, bytes: Uint8Array): Promise<void> {
  await withStorage(db, async (idb) => {
    const tx = idb.transaction('meta', 'readwrite', { durability: 'strict' });
    await runInTransaction(tx, [() => tx.store.put(toArrayBuffer(bytes), META.header)]);
  });
}

/** The vault's public keys, readable while locked (e.g. by the service worker sealing a shared file). */
export async function readVaultPublicKeys(
  db: VaultDb,
): Promise<{ publicSigningKey: Uint8Array; publicBoxKey: Uint8Array }> {
  const header = await readHeader(db, await loadSodium());
  return { publicSigningKey: header.publicSigningKey, publicBoxKey: header.publicBoxKey };
}

import { expect } from 'vitest';
import { loadSodium, type Sodium } from '../../../src/core/crypto/sodium';
import { isBuktiError } from '../../../src/core/errors';
import type { MessageKey } from '../../../src/core/i18n';
import {
  type CreateVaultOptions,
  createVault,
  type KdfParams,
  openVaultDb,
  type Vault,
  type VaultDb,
} from '../../../src/core/vault';

/** Cheap Argon2id for tests (the issue's opslimit 1, 8 MiB); real vaults calibrate to ≥ 64 MiB. */
export const TEST_KDF: KdfParams = { opslimit: 1, memlimit: 8 * 1024 * 1024 };
export const PASSPHRASE = 'kerusi hujan pelangi tembikai';

let counter = 0;

/** A fresh, empty vault database with its own name (tests never share state). */
export async function freshDb(): Promise<VaultDb> {
  counter++;
  return openVaultDb(globalThis, { name: `vault-test-${counter}-${Math.random().toString(36).slice(2)}` });
}

/** Another connection to the same database, as a second tab would have. */
export function reopen(db: VaultDb): Promise<VaultDb> {
  return openVaultDb(globalThis, { name: db.name });
}

/** A new database with an unlocked vault in it. */
export async function newVault(options: CreateVaultOptions = {}): Promise<{ db: VaultDb; vault: Vault }> {
  const db = await freshDb();
  const vault = await createVault(db, PASSPHRASE, { kdfParams: TEST_KDF, ...options });
  return { db, vault };
}

/** Resolves libsodium once for tests that call it directly. */
export function sodium(): Promise<Sodium> {
  return loadSodium();
}

/** Asserts that `action` fails with a BuktiError of exactly `code`. */
export async function expectBuktiError(action: () => unknown, code: MessageKey): Promise<void> {
  let caught: unknown;
  try {
    await action();
  } catch (error) {
    caught = error;
  }
  if (!isBuktiError(caught, code)) {
    expect.fail(
      `expected BuktiError ${code}, got ${caught instanceof Error ? `${caught.name}: ${caught.message}` : String(caught)}`,
    );
  }
}

/** Deterministic pseudo-random bytes (xorshift32), so property-test failures reproduce from their seed. */
export function pseudoRandomBytes(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed | 0 || 0x9e3779b9;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

/** `bytes` cut into pieces of the given sizes (cycled), as a stream of uneven reads would deliver them. */
export function* piecesOf(bytes: Uint8Array, sizes: readonly number[]): Generator<Uint8Array> {
  let offset = 0;
  let i = 0;
  while (offset < bytes.length) {
    const size = Math.max(1, sizes[i % sizes.length] ?? 1);
    yield bytes.subarray(offset, offset + size);
    offset += size;
    i++;
  }
}

/** Single-byte changes to try at every position: lowest bit, highest bit, and every bit. */
export const BYTE_CHANGES = [0x01, 0x80, 0xff] as const;

/** A copy of `bytes` with the byte at `index` XORed with `mask`. */
export function flipped(bytes: Uint8Array, index: number, mask: number): Uint8Array {
  const copy = bytes.slice();
  copy[index] = (copy[index] as number) ^ mask;
  return copy;
}

/** An ArrayBuffer holding a copy of `bytes`, as IndexedDB stores it. */
export function buffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.slice().buffer as ArrayBuffer;
}

/** Fast equality for large byte arrays (`toEqual` walks them element by element). */
export function expectSameBytes(actual: Uint8Array | undefined, expected: Uint8Array): void {
  expect(actual).toBeInstanceOf(Uint8Array);
  expect(actual?.length).toBe(expected.length);
  expect(Buffer.from(actual as Uint8Array).equals(Buffer.from(expected)), 'bytes differ').toBe(true);
}

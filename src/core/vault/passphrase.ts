import type { Sodium } from '../crypto/sodium';
import { BuktiError } from '../errors';
import { eraseVault, type VaultDb } from './db';
import type { EraseAfterFailures } from './format';
import { MIN_PASSPHRASE_LENGTH, utf8Bytes } from './format';
import {
  encodeHeader,
  type HeaderFields,
  headerAssociatedData,
  SALT_BYTES,
  type VaultHeader,
} from './header';
import { type DeriveKey, type KdfParams, kdfParamsInBounds } from './kdf';
import { NO_LOCKOUT } from './lockout';
import { countAttempt, readHeader, uncountAttempt, writeHeader, writeLockout } from './meta';

const NONCE_BYTES = 24;
const KEY_BYTES = 32;

/**
 * The passphrase as UTF-8 after NFC normalisation, so the same words typed on another keyboard or
 * device (composed or decomposed accents) give the same key. Nothing else is changed: no trimming.
 */
export function passphraseBytes(passphrase: string): Uint8Array {
  return utf8Bytes(passphrase.normalize('NFC'));
}

/** Refuses a new passphrase shorter than `MIN_PASSPHRASE_LENGTH` code points (`vault.passphraseTooShort`). */
export function assertNewPassphrase(passphrase: string): void {
  if (Array.from(passphrase.normalize('NFC')).length < MIN_PASSPHRASE_LENGTH) {
    throw new BuktiError('vault.passphraseTooShort', { min: MIN_PASSPHRASE_LENGTH });
  }
}

/** Runs the KDF and always zeroes the passphrase bytes; a key of the wrong size is a KDF failure. */
export async function deriveWrappingKey(
  derive: DeriveKey,
  passphrase: string,
  salt: Uint8Array,
  params: KdfParams,
): Promise<Uint8Array> {
  const bytes = passphraseBytes(passphrase);
  try {
    const key = await derive(bytes, salt, params);
    if (key.length !== KEY_BYTES) throw new BuktiError('vault.kdfFailed');
    return key;
  } finally {
    bytes.fill(0);
  }
}

/** A header for `fields` with the master key wrapped under `wrappingKey` (which is then zeroed). */
export function wrapMasterKey(
  sodium: Sodium,
  wrappingKey: Uint8Array,
  fields: HeaderFields,
  masterKey: Uint8Array,
): VaultHeader {
  try {
    const wrapNonce = sodium.randombytes_buf(NONCE_BYTES);
    const ad = headerAssociatedData(fields);
    const wrappedMasterKey = sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(
      masterKey,
      ad,
      null,
      wrapNonce,
      wrappingKey,
    );
    return { ...fields, wrapNonce, wrappedMasterKey };
  } finally {
    sodium.memzero(wrappingKey);
  }
}

/** The master key, or undefined when `wrappingKey` (the passphrase) is wrong. Zeroes `wrappingKey`. */
export function unwrapMasterKey(
  sodium: Sodium,
  wrappingKey: Uint8Array,
  header: VaultHeader,
): Uint8Array | undefined {
  try {
    const key = sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(
      null,
      header.wrappedMasterKey,
      headerAssociatedData(header),
      header.wrapNonce,
      wrappingKey,
    );
    return key.length === KEY_BYTES ? key : undefined;
  } catch {
    // Authentication failed: wrong passphrase (the header checksum already ruled out damage).
    return undefined;
  } finally {
    sodium.memzero(wrappingKey);
  }
}

/** A fresh random salt for a (re)wrapped master key. */
export function newSalt(sodium: Sodium): Uint8Array {
  return sodium.randombytes_buf(SALT_BYTES);
}

/** The outcome of checking a passphrase against the stored header, with the lockout applied. */
export type PassphraseAttempt =
  | { kind: 'ok'; masterKey: Uint8Array; header: VaultHeader }
  | { kind: 'wrongPassphrase'; failures: number; retryAt: number; header: VaultHeader }
  | { kind: 'wait'; until: number }
  /** The "erase after N failed attempts" setting was reached: the vault has been deleted. */
  | { kind: 'erased' };

/**
 * Checks `passphrase`, enforcing the lockout, wherever a passphrase is asked for (unlock, settings,
 * backup, key rotation, erase). The attempt is counted *before* the KDF runs, atomically (`countAttempt`),
 * and only cleared on success, so neither closing the tab mid-attempt nor guessing in parallel dodges
 * the count. A KDF that fails (memory) takes its count back, since no passphrase was tested. Reaching
 * the erase setting deletes the vault, whichever screen the guess was typed into.
 */
export async function attemptPassphrase(
  db: VaultDb,
  sodium: Sodium,
  passphrase: string,
  derive: DeriveKey,
  now: () => number,
): Promise<PassphraseAttempt> {
  const header = await readHeader(db, sodium);
  const counted = await countAttempt(db, now());
  if (counted.kind === 'wait') return counted;
  let wrappingKey: Uint8Array;
  try {
    wrappingKey = await deriveWrappingKey(derive, passphrase, header.salt, header.kdf);
  } catch (error) {
    await uncountAttempt(db);
    throw error;
  }
  const masterKey = unwrapMasterKey(sodium, wrappingKey, header);
  if (masterKey === undefined) {
    const limit = header.eraseAfterFailures;
    if (limit > 0 && counted.failures >= limit) {
      await eraseVault(db);
      return { kind: 'erased' };
    }
    return { kind: 'wrongPassphrase', failures: counted.failures, retryAt: counted.notBefore, header };
  }
  await writeLockout(db, NO_LOCKOUT);
  return { kind: 'ok', masterKey, header };
}

/** How the vault runs the KDF and reads the clock; the defaults suit Node and tests. */
export interface VaultRuntime {
  deriveKey: DeriveKey;
  now: () => number;
}

/** The result of an operation that asks for the current passphrase again. */
export type PassphraseCheck =
  | { kind: 'ok' }
  | { kind: 'wrongPassphrase'; failures: number; retryAt: number }
  | { kind: 'wait'; until: number }
  | { kind: 'erased' };

/** What a re-wrap may change: the passphrase, the KDF cost, the erase setting. Keys stay the same. */
export interface HeaderChange {
  passphrase?: string;
  kdf?: KdfParams | undefined;
  eraseAfterFailures?: EraseAfterFailures;
}

/**
 * Checks `current` (with the lockout), then wraps the same master key under a fresh salt and the
 * changed settings and stores the new header. No record or file is re-encrypted.
 */
export async function rewrapMasterKey(
  db: VaultDb,
  sodium: Sodium,
  runtime: VaultRuntime,
  current: string,
  change: HeaderChange,
): Promise<Exclude<PassphraseCheck, { kind: 'ok' }> | { kind: 'ok'; header: VaultHeader }> {
  if (change.kdf && !kdfParamsInBounds(change.kdf)) throw new RangeError('KDF parameters out of bounds');
  const attempt = await attemptPassphrase(db, sodium, current, runtime.deriveKey, runtime.now);
  if (attempt.kind === 'wait' || attempt.kind === 'erased') return attempt;
  if (attempt.kind === 'wrongPassphrase') {
    return { kind: 'wrongPassphrase', failures: attempt.failures, retryAt: attempt.retryAt };
  }
  const { masterKey, header } = attempt;
  try {
    const fields: HeaderFields = {
      kdf: change.kdf ?? header.kdf,
      salt: newSalt(sodium),
      eraseAfterFailures: change.eraseAfterFailures ?? header.eraseAfterFailures,
      publicSigningKey: header.publicSigningKey,
      publicBoxKey: header.publicBoxKey,
    };
    const passphrase = change.passphrase ?? current;
    const wrappingKey = await deriveWrappingKey(runtime.deriveKey, passphrase, fields.salt, fields.kdf);
    const next = wrapMasterKey(sodium, wrappingKey, fields, masterKey);
    await writeHeader(db, encodeHeader(sodium, next));
    return { kind: 'ok', header: next };
  } finally {
    sodium.memzero(masterKey);
  }
}

/**
 * The encrypted vault: everything Bukti keeps on the device goes through here. See docs/security.md
 * for the key hierarchy, the formats byte by byte, and what is and is not hidden.
 */

export type { FileInfo } from './chunk-store';
export {
  DB_VERSION,
  DEFAULT_DB_NAME,
  eraseVault,
  type IdbEnvironment,
  type OpenVaultDbOptions,
  openVaultDb,
  VaultDb,
} from './db';
export { type DepositInfo, depositFile, sealToVault } from './deposits';
export {
  type ByteStream,
  collectBytes,
  decryptFile,
  type EncryptedChunk,
  encryptFile,
  type FileManifest,
  type FileSource,
} from './file-crypto';
export {
  CHUNK_SIZE,
  ERASE_AFTER_CHOICES,
  type EraseAfterFailures,
  FORMAT_VERSION,
  MIN_PASSPHRASE_LENGTH,
  newId,
} from './format';
export {
  calibrateKdf,
  type DeriveKey,
  deriveKeyInProcess,
  KDF_TARGET,
  type KdfParams,
  type MeasureKdf,
  measureWith,
} from './kdf';
export { lockoutDelayMs, MAX_LOCKOUT_MS } from './lockout';
export { readVaultPublicKeys, vaultExists } from './meta';
export type { PassphraseCheck } from './passphrase';
export type { LedgerCheck } from './record-store';
export type { RotationProgress, RotationRecords, RotationSigner } from './rotation';
export { estimatePassphraseStrength, type PassphraseStrength, type StrengthScore } from './strength';
export {
  type CreateVaultOptions,
  createVault,
  type UnlockOptions,
  type UnlockResult,
  unlockVault,
} from './unlock';
export { type AnchorChange, type RecordChange, type RecordEntry, Vault } from './vault';

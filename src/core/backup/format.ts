import type { Sodium } from '../crypto/sodium';
import { BuktiError, isBuktiError } from '../errors';
import { decodeHeader, HEADER_BYTES, type VaultHeader } from '../vault/header';

/** Version of the backup file format (docs/backup-format.md). A newer file is refused, never guessed at. */
export const BACKUP_VERSION = 1;

/** The first 8 bytes of every backup file: "BUKTIBAK". */
export const BACKUP_MAGIC = Uint8Array.from([0x42, 0x55, 0x4b, 0x54, 0x49, 0x42, 0x41, 0x4b]);

/** Plaintext bytes per secretstream segment; only the last segment may be shorter (1 byte or more). */
export const SEGMENT_BYTES = 1024 * 1024;

/** Bytes secretstream adds to each segment (1 encrypted tag byte + 16-byte MAC). */
export const SEGMENT_OVERHEAD = 17;

const STREAM_HEADER_BYTES = 24;

/** Byte offsets of the preamble, format version 1. */
const AT = {
  magic: 0,
  version: 8,
  vaultHeader: 9,
  streamHeader: 9 + HEADER_BYTES,
  end: 9 + HEADER_BYTES + STREAM_HEADER_BYTES,
} as const;

/** Size of the clear preamble: magic, version, vault header, secretstream header. */
export const PREAMBLE_BYTES = AT.end;

/** What the clear preamble holds: enough to turn the passphrase into the backup key. */
export interface Preamble {
  /** The exact preamble bytes; every segment binds them as associated data. */
  bytes: Uint8Array;
  header: VaultHeader;
  streamHeader: Uint8Array;
}

/** The preamble for a backup of a vault whose stored header is `vaultHeader` (179 bytes). */
export function encodePreamble(vaultHeader: Uint8Array, streamHeader: Uint8Array): Uint8Array {
  if (vaultHeader.length !== HEADER_BYTES || streamHeader.length !== STREAM_HEADER_BYTES) {
    throw new RangeError('Backup preamble fields have the wrong size');
  }
  const out = new Uint8Array(AT.end);
  out.set(BACKUP_MAGIC, AT.magic);
  out[AT.version] = BACKUP_VERSION;
  out.set(vaultHeader, AT.vaultHeader);
  out.set(streamHeader, AT.streamHeader);
  return out;
}

/**
 * Parses the preamble. The magic is checked first (another kind of file), then the version (a newer
 * Bukti made it), then the vault header's checksum, so damage never reads as a wrong passphrase.
 */
export function decodePreamble(sodium: Sodium, bytes: Uint8Array): Preamble {
  if (bytes.length < AT.version || !sodium.memcmp(bytes.subarray(AT.magic, AT.version), BACKUP_MAGIC)) {
    throw new BuktiError('backup.notBackup');
  }
  if (bytes.length < AT.end) throw new BuktiError('backup.damaged');
  const version = bytes[AT.version] as number;
  if (version > BACKUP_VERSION) throw new BuktiError('backup.newerVersion');
  if (version !== BACKUP_VERSION) throw new BuktiError('backup.damaged');
  let header: VaultHeader;
  try {
    header = decodeHeader(sodium, bytes.subarray(AT.vaultHeader, AT.streamHeader));
  } catch (error) {
    if (isBuktiError(error, 'vault.integrity')) throw new BuktiError('backup.damaged', {}, { cause: error });
    throw error;
  }
  return {
    bytes: bytes.slice(0, AT.end),
    header,
    streamHeader: bytes.slice(AT.streamHeader, AT.end),
  };
}

import type { Sodium } from '../crypto/sodium';
import { BuktiError } from '../errors';
import type { ByteStream } from '../vault/file-crypto';
import { KDF_CONTEXT, SUBKEY } from '../vault/format';
import type { DeriveKey } from '../vault/kdf';
import { deriveWrappingKey, unwrapMasterKey } from '../vault/passphrase';
import { decodePreamble, PREAMBLE_BYTES, type Preamble } from './format';
import { type Frame, type PlainSource, readFrame } from './frames';
import { FrameChecker } from './order';
import { openSegments, StreamBytes } from './segments';

/** A backup file as restore reads it: a File or Blob in the browser, a Blob in Node. Read twice. */
export interface BackupSource {
  readonly size?: number;
  stream(): ByteStream;
}

/** The keys a passphrase opens. `wipe()` zeroes both; the caller must call it. */
export interface BackupKeys {
  preamble: Preamble;
  masterKey: Uint8Array;
  backupKey: Uint8Array;
  wipe(): void;
}

/** The key that seals a backup stream: subkey 4 (`backup`) of the vault's master key. */
export function backupKeyFrom(sodium: Sodium, masterKey: Uint8Array): Uint8Array {
  return sodium.crypto_kdf_derive_from_key(32, SUBKEY.backup, KDF_CONTEXT, masterKey);
}

async function readPreamble(source: BackupSource): Promise<{ bytes: StreamBytes; preamble: Uint8Array }> {
  const bytes = new StreamBytes(source.stream());
  try {
    return { bytes, preamble: await bytes.read(PREAMBLE_BYTES) };
  } catch (error) {
    await bytes.close();
    throw error;
  }
}

/**
 * Reads the clear preamble and turns the passphrase into the backup key, with the KDF parameters and
 * salt the vault had when the backup was made. The wrong passphrase is `backup.wrongPassphrase`.
 */
export async function unlockBackup(
  sodium: Sodium,
  source: BackupSource,
  passphrase: string,
  deriveKey: DeriveKey,
): Promise<BackupKeys> {
  const { bytes, preamble: raw } = await readPreamble(source);
  await bytes.close();
  const preamble = decodePreamble(sodium, raw);
  const wrappingKey = await deriveWrappingKey(
    deriveKey,
    passphrase,
    preamble.header.salt,
    preamble.header.kdf,
  );
  const masterKey = unwrapMasterKey(sodium, wrappingKey, preamble.header);
  if (masterKey === undefined) throw new BuktiError('backup.wrongPassphrase');
  const backupKey = backupKeyFrom(sodium, masterKey);
  return {
    preamble,
    masterKey,
    backupKey,
    wipe: () => {
      sodium.memzero(masterKey);
      sodium.memzero(backupKey);
    },
  };
}

/**
 * The decrypted stream as exact reads across segment boundaries. With `shared`, reads that span two
 * segments reuse one buffer, so each result is only valid until the next read: for the checking pass,
 * which only looks at values' lengths, to make far less garbage.
 */
class PlainReader implements PlainSource {
  readonly #segments: AsyncIterator<Uint8Array>;
  readonly #shared: boolean;
  #scratch = new Uint8Array(0);
  #current: Uint8Array = new Uint8Array(0);
  #offset = 0;

  constructor(segments: AsyncIterator<Uint8Array>, shared: boolean) {
    this.#segments = segments;
    this.#shared = shared;
  }

  async bytes(length: number): Promise<Uint8Array> {
    if (this.#current.length - this.#offset >= length) return this.#take(length);
    const out = this.#shared ? this.#scratchOf(length) : new Uint8Array(length);
    let filled = 0;
    while (filled < length) {
      if (this.#offset === this.#current.length && !(await this.#next()))
        throw new BuktiError('backup.damaged');
      const part = this.#take(Math.min(length - filled, this.#current.length - this.#offset));
      out.set(part, filled);
      filled += part.length;
    }
    return out;
  }

  /** True when the decrypted stream has no bytes left (the final segment has been checked). */
  async atEnd(): Promise<boolean> {
    return this.#offset === this.#current.length && !(await this.#next());
  }

  #scratchOf(length: number): Uint8Array {
    if (this.#scratch.length < length) this.#scratch = new Uint8Array(length);
    return this.#scratch.subarray(0, length);
  }

  #take(length: number): Uint8Array {
    const part = this.#current.subarray(this.#offset, this.#offset + length);
    this.#offset += length;
    return part;
  }

  async #next(): Promise<boolean> {
    const next = await this.#segments.next();
    if (next.done) return false;
    this.#current = next.value;
    this.#offset = 0;
    return true;
  }
}

/** One checked frame, with the file or deposit id a chunk belongs to. */
export interface ReadFrame {
  frame: Frame;
  owner?: string;
}

/** How `readFrames` reads: `onProgress` gets the bytes of the file read so far. */
export interface ReadOptions {
  onProgress?: (bytesRead: number) => void;
  /** Values are only counted, not kept: a frame's value is valid only until the next frame is read. */
  countOnly?: boolean;
}

/**
 * Every frame of the backup in order, each from an authenticated segment and accepted by the order
 * checker. The generator returns the checker once the end frame and the end of the file are reached.
 */
export async function* readFrames(
  sodium: Sodium,
  source: BackupSource,
  keys: BackupKeys,
  options: ReadOptions = {},
): AsyncGenerator<ReadFrame, FrameChecker> {
  const { bytes, preamble } = await readPreamble(source);
  try {
    // The same file is read twice (check, then write); a file changed in between is not the one checked.
    if (preamble.length !== keys.preamble.bytes.length || !sodium.memcmp(preamble, keys.preamble.bytes)) {
      throw new BuktiError('backup.damaged');
    }
    const segments = openSegments(sodium, keys.backupKey, keys.preamble, bytes);
    const progress = (async function* () {
      for await (const segment of segments) {
        options.onProgress?.(bytes.position);
        yield segment;
      }
    })();
    const plain = new PlainReader(progress, options.countOnly === true);
    const checker = new FrameChecker();
    while (!checker.ended) {
      const frame = await readFrame(plain);
      checker.accept(frame);
      yield frame.kind === 'chunk' ? { frame, owner: checker.owner } : { frame };
    }
    if (!(await plain.atEnd())) throw new BuktiError('backup.damaged');
    return checker;
  } finally {
    await bytes.close();
  }
}

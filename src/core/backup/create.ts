import { loadSodium, type Sodium } from '../crypto/sodium';
import type { VaultDb } from '../vault/db';
import { encodeHeader } from '../vault/header';
import { type DeriveKey, deriveKeyInProcess } from '../vault/kdf';
import { attemptPassphrase } from '../vault/passphrase';
import { encodePreamble } from './format';
import { encodeFrame, type Frame } from './frames';
import { backupKeyFrom } from './open';
import { FrameChecker } from './order';
import { breathe, SEGMENTS_PER_BREATH, SegmentSealer } from './segments';
import { snapshotFrames, takeSnapshot } from './snapshot';

/** How to run the KDF and read the clock (the browser passes its worker KDF). */
export interface BackupOptions {
  deriveKey?: DeriveKey;
  now?: () => number;
  /** Runs before each stored value is copied; throw (e.g. `vault.locked`) to stop the backup. */
  beforeEach?: () => void;
}

/** The outcome of starting a backup: the file as pieces to pull, or why the passphrase was refused. */
export type BackupStart =
  | {
      kind: 'ok';
      createdAt: string;
      pieces: AsyncGenerator<Uint8Array, void, undefined>;
      cancel(): Promise<void>;
    }
  | { kind: 'wrongPassphrase'; failures: number; retryAt: number }
  | { kind: 'wait'; until: number }
  | { kind: 'erased' };

/**
 * Starts a backup of the whole vault in `db`. The passphrase is asked for again (with the unlock
 * lockout): the backup key is derived from the master key, which an unlocked vault no longer holds, and
 * the person must know this passphrase to restore. Nothing is read until the first piece is pulled.
 */
export async function startBackup(
  db: VaultDb,
  passphrase: string,
  options: BackupOptions = {},
): Promise<BackupStart> {
  const sodium = await loadSodium();
  const now = options.now ?? Date.now;
  const derive = options.deriveKey ?? deriveKeyInProcess(sodium);
  const attempt = await attemptPassphrase(db, sodium, passphrase, derive, now);
  if (attempt.kind === 'wait' || attempt.kind === 'erased') return attempt;
  if (attempt.kind === 'wrongPassphrase') {
    return { kind: 'wrongPassphrase', failures: attempt.failures, retryAt: attempt.retryAt };
  }
  const key = backupKeyFrom(sodium, attempt.masterKey);
  sodium.memzero(attempt.masterKey);
  const createdAt = new Date(now()).toISOString();
  const vaultHeader = encodeHeader(sodium, attempt.header);
  const pieces = backupPieces(db, sodium, { vaultHeader, key, createdAt, beforeEach: options.beforeEach });
  return {
    kind: 'ok',
    createdAt,
    pieces,
    // A generator that never started skips its `finally`, so the key is zeroed here as well.
    cancel: async () => {
      await pieces.return();
      sodium.memzero(key);
    },
  };
}

interface PieceInput {
  vaultHeader: Uint8Array;
  key: Uint8Array;
  createdAt: string;
  beforeEach: (() => void) | undefined;
}

/**
 * The backup file: the preamble, then sealed segments of about 1 MiB as they fill. Holds one segment
 * and one read batch in memory at a time; the key is zeroed when the generator ends, fails or is returned.
 */
async function* backupPieces(
  db: VaultDb,
  sodium: Sodium,
  input: PieceInput,
): AsyncGenerator<Uint8Array, void, undefined> {
  try {
    const { state, header } = sodium.crypto_secretstream_xchacha20poly1305_init_push(input.key);
    const preamble = encodePreamble(input.vaultHeader, header);
    yield preamble;
    const sealer = new SegmentSealer(sodium, state, preamble);
    // The writer checks its own output with the reader's rules, and the checker counts for the end frame.
    const checker = new FrameChecker();
    const write = (frame: Frame) => {
      checker.accept(frame);
      for (const piece of encodeFrame(frame)) sealer.write(piece);
    };
    const snapshot = await takeSnapshot(db);
    write({ kind: 'about', about: { createdAt: input.createdAt } });
    write({ kind: 'meta', name: 'keys', value: snapshot.keys });
    let sealed = 0;
    for await (const frame of snapshotFrames(db, snapshot)) {
      input.beforeEach?.();
      write(frame);
      for (const segment of sealer.take()) {
        if (++sealed % SEGMENTS_PER_BREATH === 0) await breathe();
        yield segment;
      }
    }
    write({ kind: 'end', counts: checker.counts });
    yield* sealer.take();
    yield sealer.finish();
  } finally {
    sodium.memzero(input.key);
  }
}

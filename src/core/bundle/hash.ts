import { loadSodium, type Sodium } from '../crypto/sodium';

const SLICE = 2 ** 20;

/** An incremental SHA-256, fed chunk by chunk so a large video is hashed while it streams. */
export interface Sha256 {
  update(bytes: Uint8Array): void;
  /** Finishes the hash (and frees its state); lowercase hex. Call exactly once. */
  hex(): string;
}

/** Starts an incremental SHA-256 (libsodium, so the browser and Node compute it the same way). */
export async function startSha256(): Promise<Sha256> {
  return startSha256With(await loadSodium());
}

/** `startSha256` when libsodium is already loaded. */
export function startSha256With(sodium: Sodium): Sha256 {
  const state = sodium.crypto_hash_sha256_init();
  return {
    update: (bytes) => {
      // Each update copies its input into the WebAssembly heap; slices keep one huge chunk from exhausting it.
      for (let at = 0; at < bytes.length; at += SLICE) {
        sodium.crypto_hash_sha256_update(state, bytes.subarray(at, at + SLICE));
      }
    },
    hex: () => sodium.to_hex(sodium.crypto_hash_sha256_final(state)),
  };
}

/**
 * An incremental SHA-256 that may run on another thread: `update` copies its input at once (the caller
 * may reuse the bytes) and resolves when more may be sent, so a slow hasher holds back the reader
 * instead of letting copies pile up.
 */
export interface AsyncSha256 {
  update(bytes: Uint8Array): Promise<void>;
  /** Finishes the hash (and frees what it held); lowercase hex. Call at most once. */
  hex(): Promise<string>;
  /** Stops without a result, freeing what it held. */
  abandon(): void;
}

/** Starts an `AsyncSha256`. */
export type AsyncSha256Factory = () => Promise<AsyncSha256>;

/** `AsyncSha256` on this thread, with libsodium: for Node, tests, and where no worker can be made. */
export const sha256OnThisThread: AsyncSha256Factory = async () => {
  const hash = await startSha256();
  let finished = false;
  return {
    update: async (bytes) => hash.update(bytes),
    hex: async () => {
      finished = true;
      return hash.hex();
    },
    abandon: () => {
      // Finalising frees libsodium's state; the digest of a partial file is thrown away.
      if (!finished) hash.hex();
      finished = true;
    },
  };
};

/** SHA-256 of bytes already in memory, lowercase hex. */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const sodium = await loadSodium();
  return sodium.to_hex(sodium.crypto_hash_sha256(bytes));
}

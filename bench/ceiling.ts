import type { Sodium } from '../src/core/crypto/sodium';
import { type BenchResult, mbPerSecond, timeRuns } from './measure';

export const MiB = 1024 * 1024;

/** Random-looking bytes without calling randombytes for every MiB (fast and reproducible). */
export function filler(size: number, seed = 1): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(size);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < size; i += 4) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
    out[i + 1] = (x >>> 8) & 0xff;
    out[i + 2] = (x >>> 16) & 0xff;
    out[i + 3] = (x >>> 24) & 0xff;
  }
  return out;
}

function row(scenario: string, bytes: number | null, ms: number, runtime: string): BenchResult {
  return {
    scenario: `${runtime}: ${scenario}`,
    bytes,
    median_ms: ms,
    mb_per_s: mbPerSecond(bytes, ms),
    peak_memory_bytes: null,
  };
}

/** One pass of the ceiling: `total` bytes pushed through secretstream in 1 MiB chunks. */
function secretstreamOnce(sodium: Sodium, key: Uint8Array, chunk: Uint8Array, total: number): void {
  const { state } = sodium.crypto_secretstream_xchacha20poly1305_init_push(key);
  for (let offset = 0; offset < total; offset += MiB) {
    const tag =
      offset + MiB >= total
        ? sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL
        : sodium.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE;
    sodium.crypto_secretstream_xchacha20poly1305_push(state, chunk, null, tag);
  }
}

/**
 * The secretstream ceiling alone (MiB/s), measured again just before and just after a long scenario:
 * on a shared machine the speed drifts within a run, so a scenario is compared with the ceiling of its
 * own minutes (`ratio_to_ceiling`), and the run's first ceiling is kept in the table for reference.
 */
export async function ceilingNow(sodium: Sodium): Promise<number> {
  const total = 64 * MiB;
  const key = sodium.crypto_secretstream_xchacha20poly1305_keygen();
  const chunk = filler(MiB);
  const ms = await timeRuns(3, () => secretstreamOnce(sodium, key, chunk, total));
  return total / MiB / (ms / 1000);
}

/**
 * The raw-crypto ceiling every later scenario is compared with, in the same run and runtime:
 * secretstream XChaCha20-Poly1305 over 64 MiB in 1 MiB chunks, SHA-256 (WebCrypto and libsodium), BLAKE2b.
 */
export async function ceilingScenarios(sodium: Sodium, runtime: string, runs = 3): Promise<BenchResult[]> {
  const total = 64 * MiB;
  const chunk = filler(MiB);
  const key = sodium.crypto_secretstream_xchacha20poly1305_keygen();
  const results: BenchResult[] = [];

  const secretstream = await timeRuns(runs, () => secretstreamOnce(sodium, key, chunk, total));
  results.push(
    row('ceiling secretstream XChaCha20-Poly1305 push, 1 MiB chunks', total, secretstream, runtime),
  );

  const whole = filler(total, 7);
  const webcrypto = await timeRuns(runs, async () => {
    await crypto.subtle.digest('SHA-256', whole);
  });
  results.push(row('ceiling SHA-256 (WebCrypto, one shot)', total, webcrypto, runtime));

  const sodiumSha = await timeRuns(runs, () => {
    const state = sodium.crypto_hash_sha256_init();
    for (let offset = 0; offset < total; offset += MiB) sodium.crypto_hash_sha256_update(state, chunk);
    sodium.crypto_hash_sha256_final(state);
  });
  results.push(row('ceiling SHA-256 (libsodium, streaming 1 MiB)', total, sodiumSha, runtime));

  const blake = await timeRuns(runs, () => {
    const state = sodium.crypto_generichash_init(null, 32);
    for (let offset = 0; offset < total; offset += MiB) sodium.crypto_generichash_update(state, chunk);
    sodium.crypto_generichash_final(state, 32);
  });
  results.push(row('ceiling BLAKE2b-256 (libsodium, streaming 1 MiB)', total, blake, runtime));
  return results;
}

/** Argon2id at the given parameters (the vault's), as the time a person waits to unlock. */
export async function argon2Scenario(
  sodium: Sodium,
  runtime: string,
  opslimit: number,
  memlimit: number,
  runs = 3,
): Promise<BenchResult> {
  const salt = sodium.randombytes_buf(sodium.crypto_pwhash_SALTBYTES);
  const ms = await timeRuns(runs, () => {
    sodium.crypto_pwhash(
      32,
      'correct horse battery staple',
      salt,
      opslimit,
      memlimit,
      sodium.crypto_pwhash_ALG_ARGON2ID13,
    );
  });
  return row(`Argon2id (ops ${opslimit}, ${Math.round(memlimit / MiB)} MiB)`, null, ms, runtime);
}

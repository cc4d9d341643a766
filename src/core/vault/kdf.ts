import type { Sodium } from '../crypto/sodium';
import { BuktiError } from '../errors';

/** Argon2id cost: passes over memory, and memory in bytes. Stored in the vault header. */
export interface KdfParams {
  opslimit: number;
  memlimit: number;
}

/**
 * Turns a passphrase into the 32-byte key that wraps the master key. Injectable because the browser
 * runs Argon2id in a Web Worker that is terminated afterwards, taking its memory with it.
 */
export type DeriveKey = (passphrase: Uint8Array, salt: Uint8Array, params: KdfParams) => Promise<Uint8Array>;

/** How long one derivation with `params` takes, in milliseconds. */
export type MeasureKdf = (params: KdfParams) => Promise<number> | number;

const MiB = 1024 * 1024;

/** Bounds a stored header may carry; anything outside is treated as tampering (and cannot exhaust memory). */
export const KDF_LIMITS = {
  minOpslimit: 1,
  maxOpslimit: 64,
  minMemlimit: 8 * 1024,
  maxMemlimit: 256 * MiB,
} as const;

/** Calibration targets from the issue: 0.5–1 s, at least 64 MiB, at most 256 MiB. */
export const KDF_TARGET = {
  minMs: 500,
  maxMs: 1000,
  aimMs: 750,
  minMemlimit: 64 * MiB,
  maxMemlimit: 256 * MiB,
  startOpslimit: 2,
  maxMeasurements: 4,
} as const;

/** True when `params` are within the bounds any stored header must respect. */
export function kdfParamsInBounds(params: KdfParams): boolean {
  const { opslimit, memlimit } = params;
  return (
    Number.isInteger(opslimit) &&
    Number.isInteger(memlimit) &&
    opslimit >= KDF_LIMITS.minOpslimit &&
    opslimit <= KDF_LIMITS.maxOpslimit &&
    memlimit >= KDF_LIMITS.minMemlimit &&
    memlimit <= KDF_LIMITS.maxMemlimit &&
    memlimit % 1024 === 0
  );
}

/** Argon2id in this thread (Node, tests, or inside the browser's KDF worker). */
export function deriveKeyInProcess(sodium: Sodium): DeriveKey {
  return async (passphrase, salt, params) => {
    try {
      return sodium.crypto_pwhash(
        32,
        passphrase,
        salt,
        params.opslimit,
        params.memlimit,
        sodium.crypto_pwhash_ALG_ARGON2ID13,
      );
    } catch (cause) {
      // libsodium fails here only when it cannot allocate the memory the parameters ask for.
      throw new BuktiError('vault.kdfFailed', {}, { cause });
    }
  };
}

/** A `MeasureKdf` that times `derive` on a throwaway passphrase and salt. */
export function measureWith(derive: DeriveKey, now: () => number = () => performance.now()): MeasureKdf {
  return async (params) => {
    const passphrase = crypto.getRandomValues(new Uint8Array(16));
    const salt = crypto.getRandomValues(new Uint8Array(16));
    const started = now();
    const key = await derive(passphrase, salt, params);
    const elapsed = now() - started;
    key.fill(0);
    return elapsed;
  };
}

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));
const roundToMiB = (bytes: number) => Math.floor(bytes / MiB) * MiB;

/**
 * Picks Argon2id parameters that take about 0.5–1 s on this device. Memory is raised first (up to
 * 256 MiB) because memory is what makes guessing on GPUs expensive; passes are added after that. A
 * device too slow for 1 s at 64 MiB still gets 64 MiB with one pass: the memory floor is not traded for
 * speed. Time is assumed to grow linearly with passes × memory, and each guess is checked by measuring.
 */
export async function calibrateKdf(measure: MeasureKdf): Promise<KdfParams> {
  const T = KDF_TARGET;
  let params: KdfParams = { opslimit: T.startOpslimit, memlimit: T.minMemlimit };
  for (let round = 0; round < T.maxMeasurements; round++) {
    const raw = await measure(params);
    // A broken clock (0, negative, NaN) must not produce absurd parameters: treat it as very fast.
    const ms = Number.isFinite(raw) && raw > 0 ? raw : 1;
    if (ms >= T.minMs && ms <= T.maxMs) return params;
    const next = scaleParams(params, T.aimMs / ms);
    if (next.opslimit === params.opslimit && next.memlimit === params.memlimit) return params;
    params = next;
  }
  return params;
}

/** `params` with cost multiplied by about `factor`, memory first, within the calibration bounds. */
function scaleParams(params: KdfParams, factor: number): KdfParams {
  const T = KDF_TARGET;
  const cost = params.opslimit * params.memlimit * factor;
  const memlimit = clamp(roundToMiB(cost / T.startOpslimit), T.minMemlimit, T.maxMemlimit);
  // Below two passes, memory alone carries the cost; one pass only when even 64 MiB × 2 is too slow.
  const opslimit = clamp(Math.round(cost / memlimit), 1, KDF_LIMITS.maxOpslimit);
  return { opslimit, memlimit };
}

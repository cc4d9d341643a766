import { FORMAT_VERSION } from './format';

/** Wrong passphrases allowed before any delay: people mistype, and a delay then only frustrates. */
export const FREE_ATTEMPTS = 3;

const DELAYS_MS = [5_000, 15_000, 30_000, 60_000, 120_000, 300_000, 900_000] as const;

/** The longest delay: 15 minutes. Longer would lock a survivor out of her own evidence when she needs it. */
export const MAX_LOCKOUT_MS = DELAYS_MS[DELAYS_MS.length - 1] as number;

/**
 * How long to wait before the next unlock attempt after `failures` wrong passphrases in a row:
 * 0, 0, 0, then 5 s, 15 s, 30 s, 1 min, 2 min, 5 min, and 15 min from then on.
 */
export function lockoutDelayMs(failures: number): number {
  if (!Number.isFinite(failures) || failures < FREE_ATTEMPTS) return 0;
  return DELAYS_MS[Math.min(Math.floor(failures) - FREE_ATTEMPTS, DELAYS_MS.length - 1)] as number;
}

/** The persisted failure counter: how many wrong attempts in a row, and when the next may run (ms epoch). */
export interface LockoutState {
  failures: number;
  notBefore: number;
}

export const NO_LOCKOUT: LockoutState = { failures: 0, notBefore: 0 };

const LOCKOUT_BYTES = 13;

/** `[version][failures u32 BE][notBefore f64 BE]`. */
export function encodeLockout(state: LockoutState): Uint8Array {
  const out = new Uint8Array(LOCKOUT_BYTES);
  const view = new DataView(out.buffer);
  out[0] = FORMAT_VERSION;
  view.setUint32(1, Math.min(state.failures, 0xffffffff));
  view.setFloat64(5, state.notBefore);
  return out;
}

/**
 * Reads the counter. It is in clear and unauthenticated (it must be readable while locked), so a
 * damaged value is not fatal: it reads as the first delayed step rather than as zero failures.
 */
export function decodeLockout(bytes: Uint8Array | undefined): LockoutState {
  if (bytes === undefined) return NO_LOCKOUT;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const valid = bytes.length === LOCKOUT_BYTES && bytes[0] === FORMAT_VERSION;
  const notBefore = valid ? view.getFloat64(5) : Number.NaN;
  if (!valid || !Number.isFinite(notBefore) || notBefore < 0)
    return { failures: FREE_ATTEMPTS, notBefore: 0 };
  return { failures: view.getUint32(1), notBefore };
}

/**
 * When the next attempt may run, given the stored state and the clock. Capped at now + the delay the
 * failure count earns, so a clock moved backwards cannot lock the vault for longer than that.
 */
export function nextAttemptAt(state: LockoutState, now: number): number {
  return Math.min(state.notBefore, now + lockoutDelayMs(state.failures));
}

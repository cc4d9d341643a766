import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  calibrateKdf,
  deriveKeyInProcess,
  KDF_TARGET,
  type KdfParams,
  measureWith,
} from '../../../src/core/vault';
import { kdfParamsInBounds } from '../../../src/core/vault/kdf';
import { expectBuktiError, sodium, TEST_KDF } from './helpers';

const MiB = 1024 * 1024;

/** A device where Argon2id takes `msPerMiBPass` per pass per MiB, like real Argon2id (linear in both). */
function device(msPerMiBPass: number) {
  const calls: KdfParams[] = [];
  const measure = (params: KdfParams) => {
    calls.push(params);
    return (params.opslimit * params.memlimit * msPerMiBPass) / MiB;
  };
  return { measure, calls };
}

describe('calibrateKdf', () => {
  it('keeps the starting point when it already takes 0.5–1 s', async () => {
    const { measure, calls } = device(750 / (2 * 64));
    expect(await calibrateKdf(measure)).toEqual({ opslimit: 2, memlimit: 64 * MiB });
    expect(calls).toHaveLength(1);
  });

  it('raises memory before passes on a mid-range device', async () => {
    // 2 passes × 64 MiB take 200 ms: 0.75 s is reachable with memory alone (≈ 240 MiB, 2 passes).
    const { measure } = device(200 / 128);
    const params = await calibrateKdf(measure);
    expect(params.opslimit).toBe(2);
    expect(params.memlimit).toBeGreaterThan(200 * MiB);
    expect(params.memlimit).toBeLessThanOrEqual(256 * MiB);
  });

  it('adds passes once memory is at 256 MiB on a fast device', async () => {
    const { measure } = device(20 / 128);
    const params = await calibrateKdf(measure);
    expect(params.memlimit).toBe(256 * MiB);
    expect(params.opslimit).toBeGreaterThan(2);
  });

  it('never drops below 64 MiB, even on a device too slow for 1 s', async () => {
    const { measure } = device(5000 / 128);
    expect(await calibrateKdf(measure)).toEqual({ opslimit: 1, memlimit: 64 * MiB });
  });

  it('lands in 0.5–1 s within the memory bounds for any plausible device speed', async () => {
    await fc.assert(
      fc.asyncProperty(fc.double({ min: 0.05, max: 15.6, noNaN: true }), async (msPerMiBPass) => {
        const { measure, calls } = device(msPerMiBPass);
        const params = await calibrateKdf(measure);
        const ms = (params.opslimit * params.memlimit * msPerMiBPass) / MiB;
        expect(ms).toBeGreaterThanOrEqual(KDF_TARGET.minMs);
        expect(ms).toBeLessThanOrEqual(KDF_TARGET.maxMs);
        expect(params.memlimit).toBeGreaterThanOrEqual(64 * MiB);
        expect(params.memlimit).toBeLessThanOrEqual(256 * MiB);
        expect(params.memlimit % MiB).toBe(0);
        expect(calls.length).toBeLessThanOrEqual(KDF_TARGET.maxMeasurements);
      }),
      { numRuns: 200 },
    );
  });

  it('stays within bounds when the clock is broken', async () => {
    for (const reading of [0, -5, Number.NaN, Number.POSITIVE_INFINITY]) {
      const params = await calibrateKdf(() => reading);
      expect(kdfParamsInBounds(params)).toBe(true);
      expect(params.memlimit).toBeGreaterThanOrEqual(64 * MiB);
    }
  });
});

describe('deriveKeyInProcess', () => {
  it('derives a deterministic 32-byte key that depends on passphrase, salt and parameters', async () => {
    const derive = deriveKeyInProcess(await sodium());
    const pass = new TextEncoder().encode('correct horse');
    const salt = new Uint8Array(16).fill(1);
    const key = await derive(pass, salt, TEST_KDF);
    expect(key).toHaveLength(32);
    expect(await derive(pass, salt, TEST_KDF)).toEqual(key);
    expect(await derive(new TextEncoder().encode('correct horsf'), salt, TEST_KDF)).not.toEqual(key);
    expect(await derive(pass, new Uint8Array(16).fill(2), TEST_KDF)).not.toEqual(key);
    expect(await derive(pass, salt, { ...TEST_KDF, opslimit: 2 })).not.toEqual(key);
  });

  it('reports a failing derivation as vault.kdfFailed', async () => {
    const derive = deriveKeyInProcess(await sodium());
    await expectBuktiError(
      () => derive(new Uint8Array(8), new Uint8Array(16), { opslimit: 0, memlimit: 8192 }),
      'vault.kdfFailed',
    );
  });
});

describe('measureWith', () => {
  it('times the injected derivation and wipes its throwaway key', async () => {
    const ticks = [100, 712];
    let produced: Uint8Array | undefined;
    const measure = measureWith(
      async () => {
        produced = new Uint8Array(32).fill(9);
        return produced;
      },
      () => ticks.shift() ?? 0,
    );
    expect(await measure(TEST_KDF)).toBe(612);
    expect(produced?.every((byte) => byte === 0)).toBe(true);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BuktiError } from '../../../src/core/errors';
import {
  lockoutDelayMs,
  MAX_LOCKOUT_MS,
  unlockVault,
  type VaultDb,
  vaultExists,
} from '../../../src/core/vault';
import type { DeriveKey } from '../../../src/core/vault/kdf';
import { deriveKeyInProcess } from '../../../src/core/vault/kdf';
import { decodeLockout, encodeLockout, FREE_ATTEMPTS, nextAttemptAt } from '../../../src/core/vault/lockout';
import { readLockout } from '../../../src/core/vault/meta';
import { expectBuktiError, newVault, PASSPHRASE, reopen, sodium } from './helpers';

describe('lockoutDelayMs', () => {
  it('follows the schedule: three free tries, then 5 s, 15 s, 30 s, 60 s …, capped at 15 min', () => {
    const schedule = Array.from({ length: 12 }, (_, failures) => lockoutDelayMs(failures));
    expect(schedule).toEqual([
      0, 0, 0, 5_000, 15_000, 30_000, 60_000, 120_000, 300_000, 900_000, 900_000, 900_000,
    ]);
    expect(lockoutDelayMs(1_000_000)).toBe(MAX_LOCKOUT_MS);
    expect(lockoutDelayMs(-1)).toBe(0);
    expect(lockoutDelayMs(Number.NaN)).toBe(0);
  });

  it('never decreases as failures grow', () => {
    fc.assert(fc.property(fc.nat(10_000), (n) => lockoutDelayMs(n + 1) >= lockoutDelayMs(n)));
  });
});

describe('the stored failure counter', () => {
  it('round-trips', () => {
    fc.assert(
      fc.property(
        fc.nat(0xffffffff),
        fc.double({ min: 0, max: 1e15, noNaN: true }),
        (failures, notBefore) => {
          expect(decodeLockout(encodeLockout({ failures, notBefore }))).toEqual({ failures, notBefore });
        },
      ),
    );
  });

  it('reads damage as a delayed step, not as a clean slate', () => {
    const damaged = encodeLockout({ failures: 9, notBefore: 5 }).subarray(0, 7);
    expect(decodeLockout(damaged)).toEqual({ failures: FREE_ATTEMPTS, notBefore: 0 });
    expect(lockoutDelayMs(decodeLockout(damaged).failures)).toBeGreaterThan(0);
  });

  it('caps the wait when the clock was moved backwards', () => {
    expect(nextAttemptAt({ failures: 3, notBefore: 10_000_000 }, 1_000)).toBe(1_000 + 5_000);
  });
});

/** A clock the test moves by hand, and a KDF that counts its runs. */
async function harness() {
  let now = 1_700_000_000_000;
  let kdfRuns = 0;
  const real = deriveKeyInProcess(await sodium());
  const deriveKey: DeriveKey = (p, s, k) => {
    kdfRuns++;
    return real(p, s, k);
  };
  return {
    options: { deriveKey, now: () => now },
    advance: (ms: number) => {
      now += ms;
    },
    kdfRuns: () => kdfRuns,
  };
}

describe('unlock with the lockout', () => {
  it('makes the fourth try wait without running the KDF, then lets it through', async () => {
    const { db, vault } = await newVault();
    vault.lock();
    const h = await harness();
    for (let i = 1; i <= 3; i++) {
      const result = await unlockVault(db, 'wrong passphrase', h.options);
      expect(result).toMatchObject({ kind: 'wrongPassphrase', failures: i, attemptsBeforeErase: null });
    }
    const runs = h.kdfRuns();
    const waiting = await unlockVault(db, PASSPHRASE, h.options);
    expect(waiting).toEqual({ kind: 'wait', until: expect.any(Number) });
    expect(h.kdfRuns()).toBe(runs);
    h.advance(5_000);
    expect((await unlockVault(db, PASSPHRASE, h.options)).kind).toBe('ok');
    expect(await readLockout(db)).toEqual({ failures: 0, notBefore: 0 });
  });

  it('keeps the count across a reload (another connection)', async () => {
    const { db, vault } = await newVault();
    vault.lock();
    const h = await harness();
    for (let failures = 0; failures < 4; failures++) {
      h.advance(lockoutDelayMs(failures));
      await unlockVault(db, 'wrong passphrase', h.options);
    }
    db.close();
    const again = await reopen(db);
    expect(await unlockVault(again, PASSPHRASE, h.options)).toMatchObject({ kind: 'wait' });
  });

  it('counts the attempt before the KDF runs, so closing the tab mid-way does not dodge it', async () => {
    const { db, vault } = await newVault();
    vault.lock();
    const real = deriveKeyInProcess(await sodium());
    let countDuringKdf = -1;
    await unlockVault(db, 'wrong passphrase', {
      deriveKey: async (p, s, k) => {
        countDuringKdf = (await readLockout(db)).failures;
        return real(p, s, k);
      },
    });
    expect(countDuringKdf).toBe(1);
  });

  it('does not count a KDF that failed for lack of memory', async () => {
    const { db, vault } = await newVault();
    vault.lock();
    await expectBuktiError(
      () =>
        unlockVault(db, PASSPHRASE, {
          deriveKey: async () => {
            throw new BuktiError('vault.kdfFailed');
          },
        }),
      'vault.kdfFailed',
    );
    expect((await readLockout(db)).failures).toBe(0);
  });

  it('erases the vault at the configured number of failures, and says how many are left before', async () => {
    const { db, vault } = await newVault({ eraseAfterFailures: 5 });
    vault.lock();
    const h = await harness();
    for (let i = 1; i <= 4; i++) {
      const result = await unlockVault(db, 'wrong passphrase', h.options);
      expect(result).toMatchObject({ kind: 'wrongPassphrase', failures: i, attemptsBeforeErase: 5 - i });
      h.advance(lockoutDelayMs(i));
    }
    expect(await unlockVault(db, 'wrong passphrase', h.options)).toEqual({ kind: 'erased' });
    expect(db.closed).toBe(true);
    expect(await vaultExists(await reopen(db))).toBe(false);
  });

  it('counts wrong passphrases in a passphrase change too, without erasing', async () => {
    const { db, vault } = await newVault({ eraseAfterFailures: 5 });
    for (let i = 1; i <= 3; i++) {
      expect(await vault.changePassphrase('wrong passphrase', 'a new passphrase here')).toMatchObject({
        kind: 'wrongPassphrase',
        failures: i,
      });
    }
    expect((await vault.changePassphrase(PASSPHRASE, 'a new passphrase here')).kind).toBe('wait');
    expect(await vaultExists(db)).toBe(true);
  });

  it('counts guesses made at the same moment one by one, across tabs', async () => {
    const { db, vault } = await newVault();
    vault.lock();
    const h = await harness();
    const tabs = [db, await reopen(db), await reopen(db)];
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => unlockVault(tabs[i % 3] as VaultDb, 'wrong passphrase', h.options)),
    );
    const counted = results.flatMap((r) => (r.kind === 'wrongPassphrase' ? [r.failures] : [])).sort();
    // Three free tries, each with its own count; the other three had to wait and never ran the KDF.
    expect(counted).toEqual([1, 2, 3]);
    expect(results.filter((r) => r.kind === 'wait')).toHaveLength(3);
    expect(h.kdfRuns()).toBe(3);
    expect((await readLockout(db)).failures).toBe(3);
  });

  it('erases at the configured number of failures wherever the passphrase was typed', async () => {
    const h = await harness();
    const { db, vault } = await newVault({ eraseAfterFailures: 5, ...h.options });
    for (let i = 1; i <= 4; i++) {
      const result =
        i % 2
          ? await vault.changePassphrase('wrong passphrase', 'a new passphrase here')
          : await vault.setEraseAfterFailures('wrong passphrase', 0);
      expect(result).toMatchObject({ kind: 'wrongPassphrase', failures: i });
      h.advance(lockoutDelayMs(i));
    }
    expect(await vault.changePassphrase('wrong passphrase', 'a new passphrase here')).toEqual({
      kind: 'erased',
    });
    expect(await vaultExists(await reopen(db))).toBe(false);
  });
});

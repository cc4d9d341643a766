import type { Vault } from '../vault';

/** Where the time the signing key was made is kept: a sealed record like any other. */
const STORE = 'keyinfo';
const ID = 'signing';

interface KeyMade {
  v: 1;
  /** UTC ISO time the signing key was made. */
  madeAt: string;
}

/** Records when the vault's signing key was made (at creation; again whenever a new key replaces it). */
export async function recordSigningKeyMade(vault: Vault, at: Date): Promise<void> {
  await vault.putRecord(STORE, ID, { v: 1, madeAt: at.toISOString() } satisfies KeyMade);
}

/**
 * When the signing key was made: the recorded time, or, for a vault made before it was recorded, the
 * time of the first custody entry it signed; null when neither exists.
 */
export async function signingKeyMadeAt(
  vault: Vault,
  firstSigned: () => Promise<string | null>,
): Promise<string | null> {
  const record = (await vault.getRecord(STORE, ID)) as Partial<KeyMade> | undefined;
  if (record && typeof record.madeAt === 'string') return record.madeAt;
  return firstSigned();
}

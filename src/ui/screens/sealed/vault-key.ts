import type { VaultClient } from '../../state/session';

/** Where a recipient's age key is kept in an unlocked vault: one encrypted record, versioned. */
const SLOT = { store: 'settings', id: 'age-identity' } as const;

export interface StoredAgeKey {
  v: 1;
  identityFile: string;
  recipient: string;
}

/** The key kept in the vault, if any (and well-formed). */
export async function loadVaultKey(vault: VaultClient): Promise<StoredAgeKey | null> {
  const stored = (await vault.getRecord(SLOT.store, SLOT.id)) as Partial<StoredAgeKey> | undefined;
  if (stored?.v !== 1 || typeof stored.identityFile !== 'string' || typeof stored.recipient !== 'string')
    return null;
  return { v: 1, identityFile: stored.identityFile, recipient: stored.recipient };
}

/** Keeps the key in the vault, encrypted like every record, replacing an earlier one. */
export async function saveVaultKey(
  vault: VaultClient,
  key: { identityFile: string; recipient: string },
): Promise<void> {
  await vault.putRecord(SLOT.store, SLOT.id, {
    v: 1,
    identityFile: key.identityFile,
    recipient: key.recipient,
  });
}

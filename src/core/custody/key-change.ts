import { utf8 } from '../canonical';
import { loadSodium, type Sodium } from '../crypto/sodium';
import { appendEntry, type CustodyEntry, type CustodySigner, entryHashWith, GENESIS_HASH } from './entry';

/**
 * What the new key signs when the vault's signing key is replaced: the change's position in the log,
 * the entry before it, and both keys. The context line keeps this signature from meaning anything else.
 */
export const KEY_CHANGE_CONTEXT = 'bukti-key-change-v1\n';

const HEX_KEY = /^[0-9a-f]{64}$/;
const HEX_SIGNATURE = /^[0-9a-f]{128}$/;

/** The exact bytes the new key signs for a key change at `seq` after `prevHash`. */
export function keyChangeBytes(seq: number, prevHash: string, oldKey: string, newKey: string): Uint8Array {
  return utf8(`${KEY_CHANGE_CONTEXT}${seq}\n${prevHash}\n${oldKey}\n${newKey}\n`);
}

/**
 * The 'keyChanged' entry after `prev`: signed, like every entry, by the key it replaces (`oldSigner`),
 * and carrying in its details the new key and the new key's own signature of the change. So a log (or
 * a bundle) signed before and after verifies as one chain, and whoever pinned the old key can see that
 * its holder handed over to the new one.
 */
export async function keyChangeEntry(
  prev: CustodyEntry | null,
  oldSigner: CustodySigner,
  newSigner: CustodySigner,
  now: Date = new Date(),
): Promise<CustodyEntry> {
  const sodium = await loadSodium();
  const seq = prev === null ? 0 : prev.seq + 1;
  const prevHash = prev === null ? GENESIS_HASH : entryHashWith(sodium, prev);
  const oldKey = sodium.to_hex(oldSigner.publicKey);
  const newKey = sodium.to_hex(newSigner.publicKey);
  const newKeySignature = await newSigner.sign(keyChangeBytes(seq, prevHash, oldKey, newKey));
  return appendEntry(
    prev,
    {
      event: 'keyChanged',
      details: { newPublicKey: newKey, newKeySignature: sodium.to_hex(newKeySignature) },
    },
    oldSigner,
    now,
  );
}

/**
 * The new key a 'keyChanged' entry hands over to (lowercase hex), or undefined when its details are
 * malformed or the new key's signature does not verify. The entry's own signature is checked elsewhere.
 */
export function keyChangeTarget(sodium: Sodium, entry: CustodyEntry): string | undefined {
  const newKey = entry.details?.newPublicKey;
  const signature = entry.details?.newKeySignature;
  if (typeof newKey !== 'string' || !HEX_KEY.test(newKey)) return undefined;
  if (typeof signature !== 'string' || !HEX_SIGNATURE.test(signature)) return undefined;
  const message = keyChangeBytes(entry.seq, entry.prevHash, entry.publicKey, newKey);
  const valid = sodium.crypto_sign_verify_detached(
    sodium.from_hex(signature),
    message,
    sodium.from_hex(newKey),
  );
  return valid ? newKey : undefined;
}

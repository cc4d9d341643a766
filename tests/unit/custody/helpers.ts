import { loadSodium } from '../../../src/core/crypto/sodium';
import {
  appendEntry,
  type CustodyEntry,
  type CustodySigner,
  type EntryFields,
} from '../../../src/core/custody/entry';

/** A real Ed25519 signer; a fixed seed gives the same key every run. */
export async function makeSigner(seedByte = 1): Promise<CustodySigner> {
  const sodium = await loadSodium();
  const pair = sodium.crypto_sign_seed_keypair(new Uint8Array(32).fill(seedByte));
  return { publicKey: pair.publicKey, sign: (bytes) => sodium.crypto_sign_detached(bytes, pair.privateKey) };
}

export const ITEM = '6f1c2a9e-4b7d-4c2e-9a51-3d8e7f0b1c2d';
export const OTHER_ITEM = '0b9e8d7c-6a5f-4e3d-8c2b-1a0f9e8d7c6b';
export const CASE = 'c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f';

/** A realistic day of capture and export, one event per list entry. */
export const STORY: EntryFields[] = [
  { event: 'created', itemId: ITEM, caseId: CASE, fileHashes: ['a'.repeat(64)] },
  { event: 'created', itemId: OTHER_ITEM, caseId: CASE, fileHashes: ['b'.repeat(64)] },
  { event: 'edited', itemId: ITEM, caseId: CASE },
  { event: 'fileAdded', itemId: ITEM, caseId: CASE, fileHashes: ['c'.repeat(64)] },
  {
    event: 'exported',
    caseId: CASE,
    fileHashes: ['a'.repeat(64), 'c'.repeat(64)],
    details: { bundleId: 'b-42', items: 1 },
  },
];

/** A chain of `fields`, one minute apart from 2025-04-10T06:00Z. */
export async function buildChain(
  fields: readonly EntryFields[],
  signer: CustodySigner,
): Promise<CustodyEntry[]> {
  const chain: CustodyEntry[] = [];
  for (const [index, entry] of fields.entries()) {
    const time = new Date(Date.UTC(2025, 3, 10, 6, index));
    chain.push(await appendEntry(chain.at(-1) ?? null, entry, signer, time));
  }
  return chain;
}

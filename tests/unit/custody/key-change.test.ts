import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadSodium } from '../../../src/core/crypto/sodium';
import { appendEntry, type CustodyEntry, type CustodySigner } from '../../../src/core/custody/entry';
import { keyChangeEntry } from '../../../src/core/custody/key-change';
import { verifyChain, verifySubsequence } from '../../../src/core/custody/verify';
import { buildChain, makeSigner, STORY } from './helpers';

const LATER = new Date(Date.UTC(2025, 3, 11));

/** STORY under `old`, a key change to `next`, then two more entries under `next`. */
async function rotatedChain(old: CustodySigner, next: CustodySigner, changer: CustodySigner = next) {
  const chain = await buildChain(STORY, old);
  chain.push(await keyChangeEntry(chain.at(-1) ?? null, old, changer, LATER));
  for (const event of ['verified', 'exported'] as const)
    chain.push(await appendEntry(chain.at(-1) as CustodyEntry, { event }, next, LATER));
  return chain;
}

describe('a change of signing key in the custody log', () => {
  it('verifies as one chain, against the new key, and names the link', async () => {
    const sodium = await loadSodium();
    const [old, next] = [await makeSigner(1), await makeSigner(2)];
    const chain = await rotatedChain(old, next);
    const report = await verifyChain(chain, { trustedKey: next.publicKey });
    expect(report.ok).toBe(true);
    expect(report.keyChanges).toEqual([
      { index: STORY.length, from: sodium.to_hex(old.publicKey), to: sodium.to_hex(next.publicKey) },
    ]);
    expect(report.publicKey).toBe(sodium.to_hex(old.publicKey));
    expect(report.lastKey).toBe(sodium.to_hex(next.publicKey));
    // Without a trusted key it is not a "key changed" problem either.
    expect((await verifyChain(chain)).ok).toBe(true);
    // What was sealed before the change still verifies against the old key alone.
    expect((await verifyChain(chain.slice(0, STORY.length), { trustedKey: old.publicKey })).ok).toBe(true);
  });

  it('is not accepted when the new key did not sign it: later entries are not vouched for', async () => {
    const [old, next, intruder] = [await makeSigner(1), await makeSigner(2), await makeSigner(3)];
    // The change names `next` but carries a signature of another key.
    const forged = await rotatedChain(old, next, {
      publicKey: next.publicKey,
      sign: intruder.sign,
    });
    const report = await verifyChain(forged, { trustedKey: next.publicKey });
    expect(report.ok).toBe(false);
    // The change itself is reported; the old key stays in force, so the new key's entries are signed
    // by the wrong key, and since the trusted key is never reached, the old key's entries are too.
    const found = report.problems.map((p) => `${p.index}:${p.code}`).sort();
    const n = STORY.length;
    expect(found).toEqual(
      [`${n}:badKeyChange`, ...[0, 1, 2, 3, 4, 5, 6, 7].map((index) => `${index}:wrongKey`)].sort(),
    );
  });

  it('an entry signed by a key nobody handed over to is caught after a real change too', async () => {
    const [old, next, intruder] = [await makeSigner(1), await makeSigner(2), await makeSigner(3)];
    const chain = await rotatedChain(old, next);
    chain.push(await appendEntry(chain.at(-1) as CustodyEntry, { event: 'verified' }, intruder, LATER));
    const report = await verifyChain(chain);
    expect(report.problems.map((p) => `${p.index}:${p.code}`)).toEqual([`${chain.length - 1}:keyChanged`]);
  });

  it('flipping any byte of the change entry is caught', async () => {
    const [old, next] = [await makeSigner(1), await makeSigner(2)];
    const chain = await rotatedChain(old, next);
    const at = STORY.length;
    const line = JSON.stringify(chain[at]);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: line.length - 1 }), async (position) => {
        const flipped =
          line.slice(0, position) + (line[position] === 'a' ? 'b' : 'a') + line.slice(position + 1);
        let record: unknown;
        try {
          record = JSON.parse(flipped);
        } catch {
          return;
        }
        if (JSON.stringify(record) === line) return;
        const copy: unknown[] = [...chain];
        copy[at] = record;
        expect((await verifySubsequence(copy, { trustedKey: next.publicKey })).ok).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});

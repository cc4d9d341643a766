import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../src/core/canonical';
import { loadSodium } from '../../../src/core/crypto/sodium';
import {
  appendEntry,
  type CustodyEntry,
  type CustodySigner,
  entryHash,
  GENESIS_HASH,
  signingBytes,
} from '../../../src/core/custody/entry';
import { formatCustodyLog, parseCustodyLog } from '../../../src/core/custody/log';
import { type ChainReport, verifyChain } from '../../../src/core/custody/verify';
import { buildChain, CASE, ITEM, makeSigner, STORY } from './helpers';

let signer: CustodySigner;
let intruder: CustodySigner;
let chain: CustodyEntry[];
beforeAll(async () => {
  signer = await makeSigner(1);
  intruder = await makeSigner(2);
  chain = await buildChain(STORY, signer);
});

const codes = (report: ChainReport) => report.problems.map((problem) => `${problem.index}:${problem.code}`);

/** Signs `entry` again after a change, as someone holding `key` would. */
async function resign(entry: CustodyEntry, key: CustodySigner): Promise<CustodyEntry> {
  const sodium = await loadSodium();
  const unsigned = { ...entry, publicKey: sodium.to_hex(key.publicKey) };
  const signature = await key.sign(signingBytes(unsigned));
  return { ...unsigned, signature: sodium.to_hex(signature) };
}

describe('appendEntry', () => {
  it('numbers, links, signs and times entries', async () => {
    expect(chain.map((entry) => entry.seq)).toEqual([0, 1, 2, 3, 4]);
    expect(chain[0]?.prevHash).toBe(GENESIS_HASH);
    expect(chain[1]?.prevHash).toBe(await entryHash(chain[0] as CustodyEntry));
    expect(chain[0]).toMatchObject({
      v: 1,
      time: '2025-04-10T06:00:00.000Z',
      event: 'created',
      itemId: ITEM,
      caseId: CASE,
    });
    expect(chain[4]?.details).toEqual({ bundleId: 'b-42', items: 1 });
  });

  it('makes prevHash the sha256sum of the previous log line', async () => {
    const lines = formatCustodyLog(chain).split('\n');
    const line = lines[2] as string;
    expect(chain[3]?.prevHash).toBe(createHash('sha256').update(line, 'utf8').digest('hex'));
    expect(line).toBe(canonicalJson(chain[2]));
  });

  it('signs exactly the log line without its signature, after the context line (the documented sed recipe)', async () => {
    const line = formatCustodyLog(chain).split('\n')[4] as string;
    const unsignedLine = line.replace(/,"signature":"[0-9a-f]*"/, '');
    const expected = new TextEncoder().encode(`bukti-custody-v1\n${unsignedLine}`);
    expect(signingBytes(chain[4] as CustodyEntry)).toEqual(expected);
  });

  it('refuses bad fields before signing anything', async () => {
    let signed = 0;
    const counting: CustodySigner = {
      publicKey: signer.publicKey,
      sign: (bytes) => {
        signed += 1;
        return signer.sign(bytes);
      },
    };
    const attempts = [
      { event: 'printed' },
      { event: 'created', itemId: 'item-1' },
      { event: 'created', fileHashes: ['not-a-hash'] },
      { event: 'exported', details: { note: 'x'.repeat(201) } },
      { event: 'exported', details: { nested: { a: 1 } } },
    ];
    for (const fields of attempts) {
      await expect(appendEntry(null, fields as never, counting)).rejects.toMatchObject({
        code: 'custody.invalidEntry',
      });
    }
    expect(signed).toBe(0);
  });

  it('refuses a signer whose signature does not verify', async () => {
    const broken: CustodySigner = { publicKey: signer.publicKey, sign: () => new Uint8Array(64) };
    await expect(appendEntry(null, { event: 'created' }, broken)).rejects.toMatchObject({
      code: 'custody.invalidEntry',
      params: { field: 'signature' },
    });
  });
});

describe('verifyChain', () => {
  it('accepts an untouched chain, with and without the trusted key', async () => {
    const sodium = await loadSodium();
    const report = await verifyChain(chain, { trustedKey: signer.publicKey });
    expect(report).toMatchObject({
      ok: true,
      count: 5,
      redacted: 0,
      problems: [],
      publicKey: sodium.to_hex(signer.publicKey),
    });
    expect(report.headHash).toBe(await entryHash(chain[4] as CustodyEntry));
    expect((await verifyChain(chain)).ok).toBe(true);
    expect((await verifyChain(chain, { expectedHead: report.headHash })).ok).toBe(true);
  });

  it('survives a round trip through custody-log.jsonl', async () => {
    const { records, unreadable } = parseCustodyLog(formatCustodyLog(chain));
    expect(unreadable).toEqual([]);
    expect((await verifyChain(records, { trustedKey: signer.publicKey })).ok).toBe(true);
  });

  it('locates a changed entry: its signature fails and the next link breaks', async () => {
    const tampered = structuredClone(chain);
    (tampered[2] as CustodyEntry).time = '2025-04-10T05:00:00.000Z';
    expect(codes(await verifyChain(tampered))).toEqual(['2:badSignature', '2:timeReversed', '3:brokenLink']);
  });

  it('locates a flipped byte in a log line', async () => {
    const text = formatCustodyLog(chain);
    const at = text.indexOf('"fileHashes":["c') + 16;
    const flipped = `${text.slice(0, at)}d${text.slice(at + 1)}`;
    const report = await verifyChain(parseCustodyLog(flipped).records);
    expect(codes(report)).toEqual(['3:badSignature', '4:brokenLink']);
  });

  it('locates a removed entry', async () => {
    const removed = chain.filter((_, index) => index !== 2);
    expect(codes(await verifyChain(removed))).toEqual(['2:seqGap', '2:brokenLink']);
  });

  it('locates removed entries at the start and at the end (with the head)', async () => {
    expect(codes(await verifyChain(chain.slice(1)))).toEqual(['0:seqGap', '0:badStart']);
    const head = await entryHash(chain[4] as CustodyEntry);
    expect(codes(await verifyChain(chain.slice(0, 4), { expectedHead: head }))).toEqual(['3:headMismatch']);
  });

  it('locates two swapped entries', async () => {
    const swapped = [chain[0], chain[2], chain[1], chain[3], chain[4]];
    expect(codes(await verifyChain(swapped))).toEqual([
      '1:seqGap',
      '1:brokenLink',
      '2:seqOutOfOrder',
      '2:brokenLink',
      '2:timeReversed',
      '3:seqGap',
      '3:brokenLink',
    ]);
  });

  it('locates an entry re-signed by another key', async () => {
    const forged = structuredClone(chain);
    forged[1] = await resign({ ...(forged[1] as CustodyEntry), fileHashes: ['f'.repeat(64)] }, intruder);
    expect(codes(await verifyChain(forged, { trustedKey: signer.publicKey }))).toEqual([
      '1:wrongKey',
      '2:brokenLink',
    ]);
    expect(codes(await verifyChain(forged))).toEqual(['1:keyChanged', '2:brokenLink']);
  });

  it('catches a whole log rewritten with another key only through the trusted key', async () => {
    const rewritten = await buildChain(STORY, intruder);
    expect((await verifyChain(rewritten)).ok).toBe(true);
    const report = await verifyChain(rewritten, { trustedKey: signer.publicKey });
    expect(report.ok).toBe(false);
    expect(report.problems.every((problem) => problem.code === 'wrongKey')).toBe(true);
    expect(report.problems).toHaveLength(5);
  });

  it('reports malformed lines, unknown versions and stray fields', async () => {
    const broken: unknown[] = structuredClone(chain);
    broken[1] = 'not an entry';
    (broken[2] as Record<string, unknown>).v = 3;
    (broken[3] as Record<string, unknown>).note = 'added later';
    const report = await verifyChain(broken);
    expect(
      report.problems.map((problem) => `${problem.index}:${problem.code}:${problem.field ?? ''}`),
    ).toEqual(['1:malformed:entry', '2:unsupportedVersion:', '3:malformed:note', '4:brokenLink:']);
  });

  it('accepts an empty log and gives the genesis hash as its head', async () => {
    expect(await verifyChain([])).toMatchObject({ ok: true, count: 0, headHash: GENESIS_HASH });
  });
});

describe('verifyChain properties', () => {
  const events = fc.constantFrom(
    'created',
    'edited',
    'fileAdded',
    'exported',
    'verified',
    'deleted',
    'restored',
    'imported',
  );
  const fieldsArb = fc.record({
    event: events,
    itemId: fc.option(fc.uuid({ version: 4 }), { nil: undefined }),
    fileHashes: fc.array(fc.stringMatching(/^[0-9a-f]{64}$/), { maxLength: 3 }),
  });

  it('accepts every honest chain and locates any single mutation', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fieldsArb, { minLength: 2, maxLength: 8 }),
        fc.nat(),
        fc.constantFrom('change', 'remove', 'swap', 'resign', 'flipSignature'),
        async (fields, pick, mutation) => {
          const honest = await buildChain(fields as never, signer);
          expect((await verifyChain(honest, { trustedKey: signer.publicKey })).ok).toBe(true);
          const target = pick % honest.length;
          const mutated: CustodyEntry[] = structuredClone(honest);
          if (mutation === 'change') (mutated[target] as CustodyEntry).fileHashes = ['e'.repeat(64)];
          if (mutation === 'remove') mutated.splice(target, 1);
          if (mutation === 'swap') {
            const other = (target + 1) % honest.length;
            [mutated[target], mutated[other]] = [
              mutated[other] as CustodyEntry,
              mutated[target] as CustodyEntry,
            ];
          }
          if (mutation === 'resign')
            mutated[target] = await resign(mutated[target] as CustodyEntry, intruder);
          if (mutation === 'flipSignature') {
            const entry = mutated[target] as CustodyEntry;
            entry.signature = (entry.signature[0] === '0' ? '1' : '0') + entry.signature.slice(1);
          }
          const head = await entryHash(honest.at(-1) as CustodyEntry);
          const report = await verifyChain(mutated, { trustedKey: signer.publicKey, expectedHead: head });
          expect(report.ok).toBe(false);
          const located = report.problems.map((problem) => problem.index);
          const near = mutation === 'remove' ? [target, target - 1] : [target, (target + 1) % honest.length];
          expect(located.some((index) => near.includes(index))).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });
});

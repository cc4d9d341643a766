import { beforeAll, describe, expect, it } from 'vitest';
import { type CustodyEntry, type CustodySigner, entryHash } from '../../../src/core/custody/entry';
import {
  type CustodyRecord,
  formatCustodyLog,
  isRedacted,
  parseCustodyLog,
  redactLog,
} from '../../../src/core/custody/log';
import {
  type ChainReport,
  chainProblemMessage,
  verifyChain,
  verifySubsequence,
} from '../../../src/core/custody/verify';
import { translate } from '../../../src/core/i18n';
import { buildChain, ITEM, makeSigner, OTHER_ITEM, STORY } from './helpers';

let signer: CustodySigner;
let chain: CustodyEntry[];
let exported: CustodyRecord[];
beforeAll(async () => {
  signer = await makeSigner(1);
  chain = await buildChain(STORY, signer);
  // Export only ITEM: the entry about OTHER_ITEM is hidden.
  exported = await redactLog(chain, (entry) => entry.itemId !== OTHER_ITEM);
});

const codes = (report: ChainReport) => report.problems.map((problem) => `${problem.index}:${problem.code}`);

describe('redactLog', () => {
  it('hides other items behind their hash and keeps every position', async () => {
    expect(exported.map((record) => isRedacted(record))).toEqual([false, true, false, false, false]);
    expect(exported[1]).toEqual({
      v: 1,
      seq: 1,
      redacted: true,
      hash: await entryHash(chain[1] as CustodyEntry),
    });
    expect(JSON.stringify(exported[1])).not.toContain(OTHER_ITEM);
  });
});

describe('verifySubsequence', () => {
  it('accepts an honest redacted export and counts what is hidden', async () => {
    const report = await verifySubsequence(exported, { trustedKey: signer.publicKey });
    expect(report).toMatchObject({ ok: true, count: 5, redacted: 1, problems: [] });
    expect(report.headHash).toBe(await entryHash(chain[4] as CustodyEntry));
  });

  it('survives custody-log.jsonl', async () => {
    const { records } = parseCustodyLog(formatCustodyLog(exported));
    expect((await verifySubsequence(records, { trustedKey: signer.publicKey })).ok).toBe(true);
  });

  it('refuses redacted entries where a complete log is required', async () => {
    expect(codes(await verifyChain(exported))).toEqual(['1:malformed']);
  });

  it('detects a stand-in whose hash was changed', async () => {
    const forged = structuredClone(exported);
    (forged[1] as { hash: string }).hash = 'f'.repeat(64);
    expect(codes(await verifySubsequence(forged))).toEqual(['2:brokenLink']);
  });

  it('detects an entry about the exported item dropped and replaced by nothing', async () => {
    const dropped = exported.filter((_, index) => index !== 2);
    expect(codes(await verifySubsequence(dropped))).toEqual(['2:seqGap', '2:brokenLink']);
  });

  it('detects a changed full entry next to a stand-in', async () => {
    const changed = structuredClone(exported);
    (changed[2] as CustodyEntry).event = 'deleted';
    expect(codes(await verifySubsequence(changed))).toEqual(['2:badSignature', '3:brokenLink']);
  });

  it('asks for the head when the log ends in a stand-in', async () => {
    const tail = await redactLog(chain, (entry) => entry.seq !== 4);
    expect(codes(await verifySubsequence(tail))).toEqual(['4:redactedHead']);
    const head = await entryHash(chain[4] as CustodyEntry);
    expect((await verifySubsequence(tail, { expectedHead: head })).ok).toBe(true);
    expect(codes(await verifySubsequence(tail, { expectedHead: 'a'.repeat(64) }))).toEqual([
      '4:headMismatch',
    ]);
  });

  it('refuses a stand-in that carries anything beyond position and hash', async () => {
    const leaky = structuredClone(exported) as unknown as Record<string, unknown>[];
    (leaky[1] as Record<string, unknown>).itemId = ITEM;
    expect(codes(await verifySubsequence(leaky))).toEqual(['1:malformed']);
  });

  it('describes every problem in English and Malay', async () => {
    const dropped = exported.filter((_, index) => index !== 2);
    for (const problem of (await verifySubsequence(dropped)).problems) {
      const { key, params } = chainProblemMessage(problem);
      for (const locale of ['en', 'ms'] as const) {
        const text = translate(locale, key, params);
        expect(text).toContain('3');
        expect(text).not.toMatch(/\{\w+\}/);
      }
    }
  });
});

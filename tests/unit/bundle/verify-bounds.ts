import { loadSodium } from '../../../src/core/crypto/sodium';
import { appendEntry, type CustodyEntry } from '../../../src/core/custody/entry';
import { newId } from '../../../src/core/evidence/model';
import { caseBase } from './differential/cases';
import { pseudoRandomBytes } from './fixtures';
import { type CraftEntry, craftZip } from './zip-craft';

/** The most a hostile file of this size may cost: judged within 2 s and 256 MiB by the CLI. */
export const HOSTILE_SIZE = 2 * 10 ** 6;

const encoder = new TextEncoder();
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

/**
 * Hostile files of at most 2 MB, each aimed at one part of the verifier's work: the entry count, the
 * problem lists, inflation, and the parsers of the manifest, SHA256SUMS and the custody log.
 */
export async function hostileInputs(): Promise<Record<string, Uint8Array>> {
  const base = await caseBase();
  const sodium = await loadSodium();
  const entries = base.entries;
  const replace = (name: string, data: Uint8Array, extra: Partial<CraftEntry> = {}) =>
    entries.map((entry) => (entry.name === name ? { ...entry, data, ...extra } : entry));
  const tiny = Array.from({ length: 15_000 }, (_, index) => ({
    name: `evidence/${String(index).padStart(6, '0')}.bin`,
    data: Uint8Array.of(index & 255),
  }));
  const zeros = Array.from({ length: 60 }, (_, index) => ({
    name: `evidence/zero-${index}.bin`,
    data: new Uint8Array(2 ** 20 - 1),
    method: 8,
  }));
  // A manifest that deflates 7× (just inside the limit for parsed text): 14 MiB of JSON.
  const items = Array.from({ length: 40_000 }, (_, index) => ({
    id: hex(pseudoRandomBytes(8, index + 1)),
    note: 'Posted an edited picture of me with my name. '.repeat(7),
  }));
  const manifest = encoder.encode(JSON.stringify({ format: 'bukti-bundle', version: 1, items }, null, 2));
  const sums = encoder.encode(
    Array.from(
      { length: 20_000 },
      (_, i) => `${hex(pseudoRandomBytes(32, i + 9))}  evidence/${i}.png\n`,
    ).join(''),
  );
  const log: CustodyEntry[] = [];
  const signer = base.sample.signer;
  for (let seq = 0; seq < 3000; seq++) {
    log.push(
      await appendEntry(
        log[seq - 1] ?? null,
        { event: 'created', caseId: newId(), fileHashes: [hex(sodium.randombytes_buf(32))] },
        signer,
      ),
    );
  }
  const custody = encoder.encode(log.map((entry) => JSON.stringify(entry)).join('\n'));
  const bits = encoder.encode('{}\n'.repeat(240_000));
  return {
    'many tiny entries': craftZip([...entries, ...tiny]),
    'inflating to the total limit': craftZip([...entries, ...zeros]),
    'a manifest deflating 7 times': craftZip(replace('manifest.json', manifest, { method: 8 })),
    'SHA256SUMS of 20,000 missing files': craftZip(replace('SHA256SUMS', sums)),
    'a custody log of 3,000 validly signed entries': craftZip(replace('custody-log.jsonl', custody)),
    'a custody log of 240,000 empty records': craftZip(replace('custody-log.jsonl', bits)),
    'random bytes': pseudoRandomBytes(HOSTILE_SIZE, 5),
  };
}

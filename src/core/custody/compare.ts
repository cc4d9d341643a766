import { canonicalBytes } from '../canonical';
import { loadSodium, type Sodium } from '../crypto/sodium';
import type { MessageKey, MessageParams } from '../i18n';

/**
 * How two custody logs of one vault relate (each already verified on its own, e.g. from two bundles):
 * - `same`: record for record the same;
 * - `extends`: one is the other with entries added after it;
 * - `fork`: they part at `seq`, and there at least one of them restored a backup: one vault continued
 *   on two devices (the backup's device went on, and so did the one that restored it);
 * - `conflict`: they part without a restore: not one vault's history on one device;
 * - `unrelated`: not even their first entries agree.
 * `common` is how many records both share from the start.
 */
export type LogRelation =
  | { kind: 'same'; common: number }
  | { kind: 'extends'; common: number; longer: 'first' | 'second' }
  | { kind: 'fork'; common: number; seq: number; restoredIn: Array<'first' | 'second'> }
  | { kind: 'conflict'; common: number; seq: number }
  | { kind: 'unrelated'; common: 0 };

/** A record's identity: the hash a redacted stand-in states, or the entry's own hash. */
function identity(sodium: Sodium, record: unknown): string | undefined {
  const fields = record as { redacted?: unknown; hash?: unknown } | null;
  if (fields?.redacted === true) return typeof fields.hash === 'string' ? fields.hash : undefined;
  try {
    return sodium.to_hex(sodium.crypto_hash_sha256(canonicalBytes(record)));
  } catch {
    return undefined;
  }
}

function isRestore(record: unknown): boolean {
  return (record as { event?: unknown } | null)?.event === 'restored';
}

/**
 * Places two logs side by side. Redacted stand-ins count by their hash, so bundles that hide different
 * entries still line up; a restore is always shown in full in bundles, so a fork is recognised there.
 */
export async function compareLogs(
  first: readonly unknown[],
  second: readonly unknown[],
): Promise<LogRelation> {
  const sodium = await loadSodium();
  const shorter = Math.min(first.length, second.length);
  let common = 0;
  while (common < shorter) {
    const a = identity(sodium, first[common]);
    if (a === undefined || a !== identity(sodium, second[common])) break;
    common += 1;
  }
  if (common === first.length && common === second.length) return { kind: 'same', common };
  if (common === shorter)
    return { kind: 'extends', common, longer: first.length > common ? 'first' : 'second' };
  if (common === 0) return { kind: 'unrelated', common };
  const restoredIn = (['first', 'second'] as const).filter((which) =>
    isRestore((which === 'first' ? first : second)[common]),
  );
  return restoredIn.length > 0
    ? { kind: 'fork', common, seq: common, restoredIn }
    : { kind: 'conflict', common, seq: common };
}

/** The catalogue message for a relation, with entry positions counted from 1 for people. */
export function relationMessage(relation: LogRelation): { key: MessageKey; params: MessageParams } {
  const params: MessageParams = { common: relation.common };
  if (relation.kind === 'fork' || relation.kind === 'conflict') params.position = relation.seq + 1;
  return { key: `custody.compare.${relation.kind}`, params };
}

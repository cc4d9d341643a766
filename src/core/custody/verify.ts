import { canonicalBytes } from '../canonical';
import { loadSodium, type Sodium } from '../crypto/sodium';
import { isSha256Hex } from '../evidence/hash';
import type { MessageKey, MessageParams } from '../i18n';
import {
  CUSTODY_VERSIONS,
  type CustodyEntry,
  entryHashWith,
  entryShapeProblem,
  GENESIS_HASH,
  signingBytes,
} from './entry';
import { keyChangeTarget } from './key-change';
import { REDACTED_VERSION } from './log';

/** Everything the verifier can find wrong, each with its message `custody.problem.<code>`. */
export const CHAIN_PROBLEMS = [
  'malformed',
  'unsupportedVersion',
  'badSignature',
  'wrongKey',
  'keyChanged',
  'brokenLink',
  'badStart',
  'seqGap',
  'seqOutOfOrder',
  'timeReversed',
  'redactedHead',
  'headMismatch',
  'deviceChanged',
  'badKeyChange',
] as const;
export type ChainProblemCode = (typeof CHAIN_PROBLEMS)[number];

/** One problem, located by its index in the list given to the verifier (from 0). */
export interface ChainProblem {
  index: number;
  code: ChainProblemCode;
  /** Warnings (a clock set back, a device change without a restore) do not make the log untrustworthy. */
  severity: 'error' | 'warning';
  field?: string;
  expected?: number;
  found?: number;
}

/**
 * Where the vault moved to another device: a signed `restored` entry. The entries before it were
 * written where the backup was made; from it on, on the device that restored it. The device that made
 * the backup may have gone on too: two bundles of one vault may then part here (see `compareLogs`).
 */
export interface DeviceMove {
  index: number;
  seq: number;
  /** The hash of the backup's last entry: the restore's `prevHash`. */
  fromHead: string;
  /** The device of the last full entry before the restore, where the log names one. */
  fromDevice?: string;
  /** The restoring device (version 2 entries). */
  toDevice?: string;
  /** When the restored backup was made, as the restore entry says. */
  backupMadeAt?: string;
}

/** The verifier's answer: `ok` when there is no error; every problem is listed, not just the first. */
export interface ChainReport {
  ok: boolean;
  /** Records checked, full and redacted. */
  count: number;
  redacted: number;
  /** Hash of the last record (computed for a full entry, as stated for a redacted one). */
  headHash?: string;
  /** Key of the first full entry, lowercase hex. */
  publicKey?: string;
  /** Every restore in the log, in order: where the vault moved to another device. */
  moves: DeviceMove[];
  /** The key in force after the last full entry: the first key, or the last one a key change handed over to. */
  lastKey?: string;
  /** Every verified change of signing key ('keyChanged' entries), in order, keys in lowercase hex. */
  keyChanges: KeyChange[];
  problems: ChainProblem[];
}

/** A change of signing key the log records, signed by both keys (see custody/key-change.ts). */
export interface KeyChange {
  /** Index of the 'keyChanged' entry in the list given to the verifier. */
  index: number;
  from: string;
  to: string;
}

export interface VerifyOptions {
  /**
   * The key the log must be signed with (raw 32 bytes or hex), e.g. from the bundle's public-key.pem.
   * Entries before a verified key change may be signed by the keys it replaced: the key in force at the
   * end must be this one.
   */
  trustedKey?: Uint8Array | string;
  /** The head hash the log must end at, e.g. as signed in the bundle manifest. */
  expectedHead?: string;
  /** Stop walking after this many problems: a hostile log is then not worth a signature check per line. */
  maxProblems?: number;
}

/** Checks a complete log: every entry present, signed, numbered from 0 and linked by hash. */
export function verifyChain(records: readonly unknown[], options: VerifyOptions = {}): Promise<ChainReport> {
  return verifyRecords(records, options, false);
}

/**
 * Checks an exported log in which some entries are redacted stand-ins (see `redactLog`): every full
 * entry is signed and linked, every position from 0 is accounted for, and the log ends in a signed
 * entry or at `expectedHead`.
 */
export function verifySubsequence(
  records: readonly unknown[],
  options: VerifyOptions = {},
): Promise<ChainReport> {
  return verifyRecords(records, options, true);
}

/** The catalogue message for a problem, with `position` counted from 1 for people. */
export function chainProblemMessage(problem: ChainProblem): { key: MessageKey; params: MessageParams } {
  const params: MessageParams = { position: problem.index + 1 };
  if (problem.field !== undefined) params.field = problem.field;
  if (problem.expected !== undefined) params.expected = problem.expected;
  if (problem.found !== undefined) params.found = problem.found;
  return { key: `custody.problem.${problem.code}`, params };
}

interface Walk {
  sodium: Sodium;
  trustedKey?: string;
  problems: ChainProblem[];
  prevHash?: string;
  prevSeq?: number;
  prevTime?: string;
  firstKey?: string;
  device?: string;
  moves: DeviceMove[];
  /** The key entries must be signed with from here on. */
  currentKey?: string;
  keyChanges: KeyChange[];
  /** Index and key of every full entry, to name the untrusted ones if the keys never reach the trusted one. */
  signers: Array<[number, string]>;
}

function report(walk: Walk, index: number, code: ChainProblemCode, extra: Partial<ChainProblem> = {}): void {
  const warning = code === 'timeReversed' || code === 'deviceChanged';
  walk.problems.push({ index, code, severity: warning ? 'warning' : 'error', ...extra });
}

function checkSeq(walk: Walk, index: number, seq: number): void {
  const expected = walk.prevSeq === undefined ? index : walk.prevSeq + 1;
  if (seq > expected) report(walk, index, 'seqGap', { expected, found: seq });
  if (seq < expected) report(walk, index, 'seqOutOfOrder', { expected, found: seq });
  walk.prevSeq = seq;
}

function hashIfPossible(sodium: Sodium, record: unknown): string | undefined {
  try {
    return sodium.to_hex(sodium.crypto_hash_sha256(canonicalBytes(record)));
  } catch {
    // A record JSON cannot carry faithfully has no stable hash; the next link is then not checked.
    return undefined;
  }
}

function checkRedacted(walk: Walk, index: number, record: Record<string, unknown>, allowed: boolean): void {
  const keys = Object.keys(record).sort().join(',');
  const seq = record.seq;
  const wellFormed =
    keys === 'hash,redacted,seq,v' && typeof seq === 'number' && Number.isSafeInteger(seq) && seq >= 0;
  if (!allowed || !wellFormed || !isSha256Hex(record.hash)) {
    report(walk, index, 'malformed', { field: allowed ? 'redacted entry' : 'redacted' });
  }
  if (typeof seq === 'number') checkSeq(walk, index, seq);
  walk.prevHash = isSha256Hex(record.hash) ? record.hash : undefined;
}

function checkEntry(walk: Walk, index: number, entry: CustodyEntry): void {
  const { sodium } = walk;
  checkSeq(walk, index, entry.seq);
  if (index === 0) {
    if (entry.prevHash !== GENESIS_HASH) report(walk, index, 'badStart');
  } else if (walk.prevHash !== undefined && entry.prevHash !== walk.prevHash) {
    report(walk, index, 'brokenLink');
  }
  const signed = sodium.crypto_sign_verify_detached(
    sodium.from_hex(entry.signature),
    signingBytes(entry),
    sodium.from_hex(entry.publicKey),
  );
  if (!signed) report(walk, index, 'badSignature');
  walk.firstKey ??= entry.publicKey;
  walk.currentKey ??= entry.publicKey;
  walk.signers.push([index, entry.publicKey]);
  if (entry.publicKey !== walk.currentKey)
    report(walk, index, walk.trustedKey !== undefined ? 'wrongKey' : 'keyChanged');
  if (entry.event === 'keyChanged' && signed) followKeyChange(walk, index, entry);
  if (walk.prevTime !== undefined && entry.time < walk.prevTime) report(walk, index, 'timeReversed');
  walk.prevTime = entry.time;
  walk.prevHash = entryHashWith(sodium, entry);
  followDevice(walk, index, entry);
}

/** A restore moves the vault to the restoring device; any other change of device is worth a warning. */
function followDevice(walk: Walk, index: number, entry: CustodyEntry): void {
  if (entry.event === 'restored') {
    const madeAt = entry.details?.backupMadeAt;
    walk.moves.push({
      index,
      seq: entry.seq,
      fromHead: entry.prevHash,
      fromDevice: walk.device,
      toDevice: entry.device,
      backupMadeAt: typeof madeAt === 'string' ? madeAt : undefined,
    });
  } else if (entry.device !== undefined && walk.device !== undefined && entry.device !== walk.device) {
    report(walk, index, 'deviceChanged');
  }
  walk.device = entry.device ?? walk.device;
}

/** Hands the walk over to the new key of a signed 'keyChanged' entry, if the new key signed it too. */
function followKeyChange(walk: Walk, index: number, entry: CustodyEntry): void {
  const to = keyChangeTarget(walk.sodium, entry);
  if (to === undefined) {
    report(walk, index, 'badKeyChange');
    return;
  }
  walk.keyChanges.push({ index, from: entry.publicKey, to });
  walk.currentKey = to;
}

/** Checks one record against the walk so far; true when it is a redacted stand-in. */
function checkRecord(walk: Walk, index: number, record: unknown, allowRedacted: boolean): boolean {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    report(walk, index, 'malformed', { field: 'entry' });
    walk.prevHash = undefined;
    walk.prevSeq = (walk.prevSeq ?? index - 1) + 1;
    return false;
  }
  const fields = record as Record<string, unknown>;
  const known = fields.redacted === undefined ? (CUSTODY_VERSIONS as readonly unknown[]) : [REDACTED_VERSION];
  if (!known.includes(fields.v)) {
    report(walk, index, 'unsupportedVersion');
    walk.prevHash = undefined;
    walk.prevSeq = typeof fields.seq === 'number' ? fields.seq : (walk.prevSeq ?? index - 1) + 1;
    return false;
  }
  if (fields.redacted !== undefined) {
    checkRedacted(walk, index, fields, allowRedacted);
    return true;
  }
  const problem = entryShapeProblem(record);
  if (problem !== undefined) {
    report(walk, index, 'malformed', { field: problem });
    if (typeof fields.seq === 'number') checkSeq(walk, index, fields.seq);
    walk.prevHash = hashIfPossible(walk.sodium, record);
    return false;
  }
  checkEntry(walk, index, record as CustodyEntry);
  return false;
}

async function verifyRecords(
  records: readonly unknown[],
  options: VerifyOptions,
  allowRedacted: boolean,
): Promise<ChainReport> {
  const sodium = await loadSodium();
  const trustedKey =
    options.trustedKey === undefined
      ? undefined
      : typeof options.trustedKey === 'string'
        ? options.trustedKey.toLowerCase()
        : sodium.to_hex(options.trustedKey);
  const walk: Walk = { sodium, trustedKey, problems: [], moves: [], keyChanges: [], signers: [] };
  let redacted = 0;
  let lastRedacted = false;
  const limit = options.maxProblems ?? Number.POSITIVE_INFINITY;
  for (const [index, record] of records.entries()) {
    if (walk.problems.length >= limit) break;
    lastRedacted = checkRecord(walk, index, record, allowRedacted);
    if (lastRedacted) redacted += 1;
  }
  const last = records.length - 1;
  const head = records.length === 0 ? GENESIS_HASH : walk.prevHash;
  if (trustedKey !== undefined && walk.currentKey !== undefined && walk.currentKey !== trustedKey) {
    // No verified hand-over reaches the trusted key: no entry signed by another key is vouched for.
    const reported = new Set(walk.problems.filter((p) => p.code === 'wrongKey').map((p) => p.index));
    for (const [index, key] of walk.signers)
      if (key !== trustedKey && !reported.has(index)) report(walk, index, 'wrongKey');
  }
  if (options.expectedHead !== undefined && head !== options.expectedHead.toLowerCase()) {
    report(walk, Math.max(last, 0), 'headMismatch');
  } else if (options.expectedHead === undefined && lastRedacted) {
    report(walk, last, 'redactedHead');
  }
  return {
    ok: walk.problems.every((problem) => problem.severity !== 'error'),
    count: records.length,
    redacted,
    headHash: head,
    publicKey: walk.firstKey,
    moves: walk.moves,
    lastKey: walk.currentKey,
    keyChanges: walk.keyChanges,
    problems: walk.problems,
  };
}

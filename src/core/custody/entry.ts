import { canonicalBytes, utf8 } from '../canonical';
import { loadSodium, type Sodium } from '../crypto/sodium';
import { BuktiError } from '../errors';
import { isUtcIso, isUuid } from '../evidence/checker';
import { isSha256Hex } from '../evidence/hash';
import { utcIso } from '../evidence/time';

/**
 * Versions of the custody entry format this code reads (docs/custody-log.md). Version 2 adds `device`,
 * the id of the device that wrote the entry; a log may hold version 1 entries followed by version 2 ones.
 */
export const CUSTODY_VERSIONS = [1, 2] as const;
export type CustodyVersion = (typeof CUSTODY_VERSIONS)[number];

/** The version `appendEntry` writes for a signer that names its device. */
export const CUSTODY_LOG_VERSION = 2 as const;

/** What happened to the evidence. */
export const CUSTODY_EVENTS = [
  'created',
  'edited',
  'fileAdded',
  'exported',
  'verified',
  'deleted',
  'restored',
  'imported',
  /** The vault's keys were replaced; signed by the old key, with the new key's signature in `details`. */
  'keyChanged',
] as const;
export type CustodyEvent = (typeof CUSTODY_EVENTS)[number];

/** `prevHash` of the first entry of a log. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * Signed messages start with this line (`bukti-custody-v1`, `bukti-custody-v2`), so a custody signature
 * can never be replayed as a signature on anything else the same key signs (a bundle manifest, another
 * format version).
 */
export function signingContext(version: CustodyVersion): string {
  return `bukti-custody-v${version}\n`;
}

/** Small, non-sensitive facts about an event (bundle id, counts). Never names, links or descriptions. */
export type CustodyDetails = Record<string, string | number | boolean>;

/** One signed, hash-chained line of the custody log. */
export interface CustodyEntry {
  v: CustodyVersion;
  /** Position in the log, from 0, without gaps. */
  seq: number;
  /** UTC ISO time of the event, from the device clock. */
  time: string;
  event: CustodyEvent;
  itemId?: string;
  caseId?: string;
  /** SHA-256 (lowercase hex) of every file or text the event concerns. */
  fileHashes: string[];
  details?: CustodyDetails;
  /** `entryHash` of the previous entry; `GENESIS_HASH` for the first. */
  prevHash: string;
  /** Raw 32-byte Ed25519 public key, lowercase hex. */
  publicKey: string;
  /** Version 2: the random id (32 lowercase hex digits) of the device that wrote the entry. */
  device?: string;
  /** Ed25519 detached signature (lowercase hex) over `signingBytes(entry)`. */
  signature: string;
}

/** An entry without its signature: what gets signed. */
export type UnsignedEntry = Omit<CustodyEntry, 'signature'>;

/** Whoever holds the vault's Ed25519 key. `sign` returns a 64-byte detached signature. */
export interface CustodySigner {
  publicKey: Uint8Array;
  sign(bytes: Uint8Array): Promise<Uint8Array> | Uint8Array;
  /** This device's id: entries are then version 2 and carry it. */
  device?: string;
}

/** What the caller says about the event; everything else is filled in by `appendEntry`. */
export interface EntryFields {
  event: CustodyEvent;
  itemId?: string;
  caseId?: string;
  fileHashes?: readonly string[];
  details?: CustodyDetails;
}

const MAX_DETAIL_KEYS = 16;
const MAX_DETAIL_CHARS = 200;
const HEX_KEY = /^[0-9a-f]{64}$/;
const HEX_SIGNATURE = /^[0-9a-f]{128}$/;
const HEX_DEVICE = /^[0-9a-f]{32}$/;

/** The exact bytes an entry's signature covers: the context line, then the entry's canonical JSON without `signature`. */
export function signingBytes(entry: UnsignedEntry | CustodyEntry): Uint8Array {
  const { signature: _omitted, ...unsigned } = entry as CustodyEntry;
  const body = canonicalBytes(unsigned);
  const context = utf8(signingContext(entry.v));
  const out = new Uint8Array(context.length + body.length);
  out.set(context);
  out.set(body, context.length);
  return out;
}

/** SHA-256 (lowercase hex) of the entry's canonical JSON, signature included: the next entry's `prevHash`. */
export function entryHashWith(sodium: Sodium, entry: CustodyEntry): string {
  return sodium.to_hex(sodium.crypto_hash_sha256(canonicalBytes(entry)));
}

/** SHA-256 of the entry's canonical JSON line; equal to `sha256sum` of that line without its newline. */
export async function entryHash(entry: CustodyEntry): Promise<string> {
  return entryHashWith(await loadSodium(), entry);
}

function refuse(field: string): never {
  throw new BuktiError('custody.invalidEntry', { field });
}

function checkFields(fields: EntryFields): void {
  if (!(CUSTODY_EVENTS as readonly string[]).includes(fields.event)) refuse('event');
  if (fields.itemId !== undefined && !isUuid(fields.itemId)) refuse('itemId');
  if (fields.caseId !== undefined && !isUuid(fields.caseId)) refuse('caseId');
  if (!(fields.fileHashes ?? []).every(isSha256Hex)) refuse('fileHashes');
  const details = fields.details;
  if (details === undefined) return;
  const entries = Object.entries(details);
  if (entries.length > MAX_DETAIL_KEYS) refuse('details');
  for (const [key, value] of entries) {
    const ok =
      key.length <= 40 &&
      (typeof value === 'boolean' ||
        (typeof value === 'number' && Number.isFinite(value)) ||
        (typeof value === 'string' && value.length <= MAX_DETAIL_CHARS));
    if (!ok) refuse(`details.${key.slice(0, 40)}`);
  }
}

/**
 * Appends one event to a log whose last entry is `prev` (null for a new log): numbers it, links it to
 * `prev` by hash, signs it, and checks the signature before handing it back, so a faulty signer cannot
 * put an unverifiable entry into the log. Refuses malformed fields with `custody.invalidEntry`.
 */
export async function appendEntry(
  prev: CustodyEntry | null,
  fields: EntryFields,
  signer: CustodySigner,
  now: Date = new Date(),
): Promise<CustodyEntry> {
  checkFields(fields);
  const sodium = await loadSodium();
  if (signer.publicKey.length !== 32) refuse('publicKey');
  if (prev !== null && (!Number.isSafeInteger(prev.seq) || prev.seq < 0)) refuse('prev.seq');
  if (signer.device !== undefined && !HEX_DEVICE.test(signer.device)) refuse('device');
  const unsigned: UnsignedEntry = {
    v: signer.device === undefined ? 1 : CUSTODY_LOG_VERSION,
    seq: prev === null ? 0 : prev.seq + 1,
    time: utcIso(now),
    event: fields.event,
    itemId: fields.itemId,
    caseId: fields.caseId,
    fileHashes: [...(fields.fileHashes ?? [])],
    details: fields.details === undefined ? undefined : { ...fields.details },
    prevHash: prev === null ? GENESIS_HASH : entryHashWith(sodium, prev),
    publicKey: sodium.to_hex(signer.publicKey),
    device: signer.device,
  };
  const message = signingBytes(unsigned);
  const signature = await signer.sign(message);
  if (signature.length !== 64 || !sodium.crypto_sign_verify_detached(signature, message, signer.publicKey)) {
    refuse('signature');
  }
  const entry = JSON.parse(
    JSON.stringify({ ...unsigned, signature: sodium.to_hex(signature) }),
  ) as CustodyEntry;
  return entry;
}

/**
 * The first thing wrong with the shape of an untrusted entry (`field` name), or undefined when every
 * field has the form its version requires. Says nothing about signature or links.
 */
export function entryShapeProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'entry';
  const entry = value as Record<string, unknown>;
  const allowed = [
    'v',
    'seq',
    'time',
    'event',
    'itemId',
    'caseId',
    'fileHashes',
    'details',
    'prevHash',
    'publicKey',
    'device',
    'signature',
  ];
  const unknown = Object.keys(entry).find((key) => !allowed.includes(key));
  if (unknown !== undefined) return unknown;
  if (typeof entry.seq !== 'number' || !Number.isSafeInteger(entry.seq) || entry.seq < 0) return 'seq';
  if (!isUtcIso(entry.time)) return 'time';
  if (!Array.isArray(entry.fileHashes)) return 'fileHashes';
  const details = entry.details;
  if (details !== undefined && (typeof details !== 'object' || details === null || Array.isArray(details))) {
    return 'details';
  }
  try {
    checkFields({
      event: entry.event as CustodyEvent,
      itemId: entry.itemId as string | undefined,
      caseId: entry.caseId as string | undefined,
      fileHashes: entry.fileHashes as string[],
      details: details as CustodyDetails | undefined,
    });
  } catch (error) {
    return error instanceof BuktiError ? String(error.params.field) : 'entry';
  }
  if (!isSha256Hex(entry.prevHash)) return 'prevHash';
  if (typeof entry.publicKey !== 'string' || !HEX_KEY.test(entry.publicKey)) return 'publicKey';
  if (typeof entry.signature !== 'string' || !HEX_SIGNATURE.test(entry.signature)) return 'signature';
  const device = entry.device;
  if (entry.v === 1 ? device !== undefined : typeof device !== 'string' || !HEX_DEVICE.test(device)) {
    return 'device';
  }
  return undefined;
}

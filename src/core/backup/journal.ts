import { fromUtf8, utf8 } from '../canonical';
import { FORMAT_VERSION } from '../vault/format';

/** What a restore does: fill an empty device, or replace the vault that was there (erased first). */
export type RestoreMode = 'restore' | 'replace';

/**
 * The journal of a restore under way, at `meta/restoring` (docs/backup-format.md §5). It is written in
 * the transaction that empties the database, every batch the restore writes checks in its own
 * transaction that the journal is still its own, and the commit removes it with the header written.
 * So a restore that was abandoned (its page closed, or a vault created meanwhile) can neither finish
 * nor add anything to another vault, and one interrupted for good is found at the next start.
 */
export interface RestoreJournal {
  /** Random, one per restore: the generation its writes are tagged with. */
  id: string;
  mode: RestoreMode;
}

/** The journal as stored: the format version byte, then its JSON (no secret, nothing of the evidence). */
export function encodeJournal(journal: RestoreJournal): Uint8Array {
  const body = utf8(JSON.stringify({ id: journal.id, mode: journal.mode }));
  const bytes = new Uint8Array(1 + body.length);
  bytes[0] = FORMAT_VERSION;
  bytes.set(body, 1);
  return bytes;
}

/**
 * The journal in a stored value; undefined when there is none. One that cannot be read still means a
 * restore was under way: it comes back with an empty id (which no restore has) and mode `restore`.
 */
export function decodeJournal(value: unknown): RestoreJournal | undefined {
  if (value === undefined) return undefined;
  const unreadable: RestoreJournal = { id: '', mode: 'restore' };
  if (!(value instanceof ArrayBuffer) || value.byteLength < 2) return unreadable;
  const bytes = new Uint8Array(value);
  if (bytes[0] !== FORMAT_VERSION) return unreadable;
  try {
    const parsed = JSON.parse(fromUtf8(bytes.subarray(1))) as Partial<RestoreJournal>;
    const mode = parsed.mode === 'replace' ? 'replace' : 'restore';
    return typeof parsed.id === 'string' && parsed.id !== '' ? { id: parsed.id, mode } : unreadable;
  } catch {
    return unreadable;
  }
}

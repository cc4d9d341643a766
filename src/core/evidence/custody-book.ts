import { appendEntry, type CustodyEntry, type EntryFields, entryHash } from '../custody/entry';
import { keyChangeEntry } from '../custody/key-change';
import { BuktiError, isBuktiError } from '../errors';
import {
  type AnchorChange,
  newId as newRecordId,
  type PassphraseCheck,
  type RecordChange,
  type Vault,
} from '../vault';

/** The vault store custody entries are kept in. */
export const CUSTODY_STORE = 'custody';

/**
 * Kept in the vault's sealed ledger with every append, in the same transaction: how long the custody log
 * is and how it ends. Deleting the last entries, or putting an older copy back, no longer matches it.
 * Custody records have random ids, so the stored keys show neither the order nor the number of events.
 */
interface CustodyAnchor {
  count: number;
  lastHash: string;
  lastId: string;
}

const ANCHOR = 'custody';

/** What `checkCustodyLog` found when the log does not end where the ledger says it does. */
export interface CustodyCut {
  expected: number;
  found: number;
}

/**
 * The signed custody log of one vault: read, checked against the ledger's anchor, and appended to one
 * entry after another (appends are serialised, so the chain never forks). Every append is written in
 * the same transaction as the records it speaks of and the anchor.
 */
export class CustodyBook {
  readonly #vault: Vault;
  readonly #now: () => Date;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(vault: Vault, now: () => Date) {
    this.#vault = vault;
    this.#now = now;
  }

  /** The whole custody log, oldest first. */
  async custodyLog(): Promise<CustodyEntry[]> {
    const records = await this.#vault.listRecords(CUSTODY_STORE);
    return records.map((record) => record.value as CustodyEntry).sort((a, b) => a.seq - b.seq);
  }

  /**
   * The custody log, checked against the ledger's anchor: every entry from 0 to the recorded length,
   * ending in the recorded entry. A log cut short, extended or altered outside Bukti is `custody.cutShort`
   * (an export must not seal it).
   */
  async verifiedCustodyLog(): Promise<CustodyEntry[]> {
    const log = await this.#queued(() => this.custodyLog());
    const cut = await this.#cutOf(log);
    if (cut) throw new BuktiError('custody.cutShort', { expected: cut.expected, found: cut.found });
    return log;
  }

  /** Whether the custody log ends where the ledger says it does (checked at unlock); null when it does. */
  async checkCustodyLog(): Promise<CustodyCut | null> {
    try {
      return await this.#cutOf(await this.#queued(() => this.custodyLog()));
    } catch (error) {
      if (!isBuktiError(error, 'vault.rolledBack') && !isBuktiError(error, 'vault.integrity')) throw error;
      // Entries the ledger names are gone or not what was written: count the ones still readable.
      const anchor = (await this.#vault.anchor(ANCHOR)) as CustodyAnchor | undefined;
      const ids = await this.#vault.listRecordIds(CUSTODY_STORE);
      const readable = await Promise.all(
        ids.map((id) =>
          this.#vault.getRecord(CUSTODY_STORE, id).then(
            () => 1,
            () => 0,
          ),
        ),
      );
      return { expected: anchor?.count ?? ids.length, found: readable.reduce<number>((a, b) => a + b, 0) };
    }
  }

  async #cutOf(log: CustodyEntry[]): Promise<CustodyCut | null> {
    const anchor = (await this.#vault.anchor(ANCHOR)) as CustodyAnchor | undefined;
    const expected = anchor?.count ?? log.length;
    const last = log.at(-1);
    const whole =
      log.length === expected &&
      log.every((entry, index) => entry.seq === index) &&
      (last === undefined || anchor === undefined || (await entryHash(last)) === anchor.lastHash);
    return whole ? null : { expected, found: log.length };
  }

  #queued<T>(work: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(work);
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Appends one entry after the current head, written in the same transaction as `changes` (the record
   * the entry speaks of), so a record never exists without its entry or the other way round.
   */
  append(fields: EntryFields, changes: RecordChange[] = []): Promise<CustodyEntry> {
    return this.appendAll([{ fields, changes }]).then((entries) => entries[0] as CustodyEntry);
  }

  /**
   * Appends several entries, each after the one before, all in one transaction with their changes and
   * the ledger's anchor: a batch of captured files costs one read of the head and one commit.
   */
  appendAll(steps: ReadonlyArray<{ fields: EntryFields; changes: RecordChange[] }>): Promise<CustodyEntry[]> {
    return this.#queued(async () => {
      const { entry: start, anchor } = await this.#readHead();
      let head = start;
      const entries: CustodyEntry[] = [];
      const changes: RecordChange[] = [];
      let lastId = '';
      for (const step of steps) {
        head = await appendEntry(head, step.fields, this.#vault.custodySigner, this.#now());
        entries.push(head);
        lastId = newRecordId();
        changes.push(...step.changes, { store: CUSTODY_STORE, id: lastId, value: head });
      }
      await this.#vault.writeRecords(changes, { anchor: await this.#anchorAfter(anchor, head, lastId) });
      return entries;
    });
  }

  async #anchorAfter(from: CustodyAnchor | undefined, last: CustodyEntry | null, lastId: string) {
    const to: CustodyAnchor | undefined =
      last === null ? from : { count: last.seq + 1, lastHash: await entryHash(last), lastId };
    return { name: ANCHOR, from, to } satisfies AnchorChange;
  }

  /**
   * Stores an entry signed elsewhere (the export entry sealed into a bundle). It must follow the
   * current head exactly; otherwise something was logged meanwhile and the bundle's chain would not fit.
   */
  recordSignedEntry(entry: CustodyEntry): Promise<void> {
    return this.#queued(async () => {
      const { entry: head, anchor } = await this.#readHead();
      if (entry.seq !== (head === null ? 0 : head.seq + 1)) throw new BuktiError('export.logMoved');
      const id = newRecordId();
      await this.#vault.writeRecords([{ store: CUSTODY_STORE, id, value: entry }], {
        anchor: await this.#anchorAfter(anchor, entry, id),
      });
    });
  }

  /**
   * Replaces every key of the vault (`Vault.rotateKeys`); the custody log records it in a 'keyChanged'
   * entry signed by the old key and by the new one, stored in the same transaction as the new keys.
   */
  rotateKeys(current: string, next: string): Promise<PassphraseCheck> {
    return this.#queued(async () => {
      const { entry: head, anchor } = await this.#readHead();
      return this.#vault.rotateKeys(current, next, async (old, fresh) => {
        const entry = await keyChangeEntry(
          head,
          { ...old, device: this.#vault.deviceId },
          fresh,
          this.#now(),
        );
        const id = newRecordId();
        return {
          records: [{ store: CUSTODY_STORE, id, value: entry }],
          anchor: await this.#anchorAfter(anchor, entry, id),
        };
      });
    });
  }

  /**
   * The last entry, found through the ledger's anchor (custody ids are random, so key order says
   * nothing). A missing or different last entry is `custody.cutShort`.
   */
  async #readHead(): Promise<{ entry: CustodyEntry | null; anchor: CustodyAnchor | undefined }> {
    let anchor = (await this.#vault.anchor(ANCHOR)) as CustodyAnchor | undefined;
    if (anchor === undefined) anchor = await this.#adoptUnanchoredLog();
    if (anchor === undefined) return { entry: null, anchor };
    const entry = (await this.#vault.getRecord(CUSTODY_STORE, anchor.lastId)) as CustodyEntry | undefined;
    if (entry === undefined || entry.seq !== anchor.count - 1 || (await entryHash(entry)) !== anchor.lastHash)
      throw new BuktiError('custody.cutShort', { expected: anchor.count, found: entry ? entry.seq + 1 : 0 });
    return { entry, anchor };
  }

  /**
   * A log written before the ledger (vault format 1) has ids that sort in log order (`s` and the
   * sequence number) and no anchor: its entries move to random ids and the anchor is set, in one
   * transaction. The entries themselves are unchanged, so bundles made before still match them.
   */
  async #adoptUnanchoredLog(): Promise<CustodyAnchor | undefined> {
    const records = await this.#vault.listRecords(CUSTODY_STORE);
    if (records.length === 0) return undefined;
    const log = records.map((record) => record.value as CustodyEntry).sort((a, b) => a.seq - b.seq);
    const ids = log.map(() => newRecordId());
    const last = log.at(-1) as CustodyEntry;
    const anchor = await this.#anchorAfter(undefined, last, ids.at(-1) as string);
    await this.#vault.writeRecords(
      [
        ...records.map((record) => ({ store: CUSTODY_STORE, id: record.id, delete: true as const })),
        ...log.map((entry, i) => ({ store: CUSTODY_STORE, id: ids[i] as string, value: entry })),
      ],
      { anchor },
    );
    return anchor.to;
  }
}

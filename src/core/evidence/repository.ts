import type { CustodyEntry } from '../custody/entry';
import { appendEntry, type CustodySigner, type EntryFields, entryHash } from '../custody/entry';
import { keyChangeEntry } from '../custody/key-change';
import { BuktiError, isBuktiError } from '../errors';
import {
  type AnchorChange,
  type FileSource,
  newId as newRecordId,
  type PassphraseCheck,
  type RecordChange,
  type Vault,
} from '../vault';
import { type CasePatch, editCase } from './case-edit';
import { classifyFile, findDuplicate } from './classify';
import { type CaptureHashing, type IngestedFile, ingestFile } from './ingest';
import type { Case, EvidenceDetails, EvidenceFile, EvidenceItem } from './model';
import { newId } from './model';
import { editDetails, type NewCaseInput, type NewItemInput, newCase, newEvidenceItem } from './records';
import { utcIso } from './time';
import { parseCase, parseEvidenceItem } from './validate';

/** Logical vault stores the repository writes. */
export const STORES = { cases: 'cases', items: 'items', custody: 'custody' } as const;

/** What the page hands over for one file: its bytes (a File or Blob) and what the device says about it. */
export interface IncomingFile {
  blob: Blob;
  name: string;
  type: string;
  lastModified?: number;
  /** Measured by the browser for video and audio. */
  durationSeconds?: number;
}

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
 * Cases, evidence items, their original files and the signed custody log, kept in the vault. Every
 * change that matters to a court appends a custody entry; appends are serialised so the chain never forks.
 */
export class EvidenceRepository {
  readonly #vault: Vault;
  readonly #hashing: CaptureHashing | undefined;
  readonly #now: () => Date;
  #queue: Promise<unknown> = Promise.resolve();

  /**
   * `hashing` fingerprints captured files (the browser's hashes in workers); by default on this thread.
   * `now` is the clock custody entries are timed by.
   */
  constructor(vault: Vault, options: { hashing?: CaptureHashing; now?: () => Date } = {}) {
    this.#vault = vault;
    this.#hashing = options.hashing;
    this.#now = options.now ?? (() => new Date());
  }

  get #signer(): CustodySigner {
    return this.#vault.custodySigner;
  }

  /** The whole custody log, oldest first. */
  async custodyLog(): Promise<CustodyEntry[]> {
    const records = await this.#vault.listRecords(STORES.custody);
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
      const ids = await this.#vault.listRecordIds(STORES.custody);
      const readable = await Promise.all(
        ids.map((id) =>
          this.#vault.getRecord(STORES.custody, id).then(
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
  #append(fields: EntryFields, changes: RecordChange[] = []): Promise<CustodyEntry> {
    return this.#appendAll([{ fields, changes }]).then((entries) => entries[0] as CustodyEntry);
  }

  /**
   * Appends several entries, each after the one before, all in one transaction with their changes and
   * the ledger's anchor: a batch of captured files costs one read of the head and one commit.
   */
  #appendAll(
    steps: ReadonlyArray<{ fields: EntryFields; changes: RecordChange[] }>,
  ): Promise<CustodyEntry[]> {
    return this.#queued(async () => {
      const { entry: start, anchor } = await this.#readHead();
      let head = start;
      const entries: CustodyEntry[] = [];
      const changes: RecordChange[] = [];
      let lastId = '';
      for (const step of steps) {
        head = await appendEntry(head, step.fields, this.#signer, this.#now());
        entries.push(head);
        lastId = newRecordId();
        changes.push(...step.changes, { store: STORES.custody, id: lastId, value: head });
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
      await this.#vault.writeRecords([{ store: STORES.custody, id, value: entry }], {
        anchor: await this.#anchorAfter(anchor, entry, id),
      });
    });
  }

  /**
   * Appends an event that concerns no single record (e.g. the ZIP hash after an export), in one
   * transaction with `changes` (e.g. the settings a restore updates).
   */
  async recordEvent(fields: EntryFields, changes: RecordChange[] = []): Promise<CustodyEntry> {
    return this.#append(fields, changes);
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
          records: [{ store: STORES.custody, id, value: entry }],
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
    const entry = (await this.#vault.getRecord(STORES.custody, anchor.lastId)) as CustodyEntry | undefined;
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
    const records = await this.#vault.listRecords(STORES.custody);
    if (records.length === 0) return undefined;
    const log = records.map((record) => record.value as CustodyEntry).sort((a, b) => a.seq - b.seq);
    const ids = log.map(() => newRecordId());
    const last = log.at(-1) as CustodyEntry;
    const anchor = await this.#anchorAfter(undefined, last, ids.at(-1) as string);
    await this.#vault.writeRecords(
      [
        ...records.map((record) => ({ store: STORES.custody, id: record.id, delete: true as const })),
        ...log.map((entry, i) => ({ store: STORES.custody, id: ids[i] as string, value: entry })),
      ],
      { anchor },
    );
    return anchor.to;
  }

  async listCases(): Promise<Case[]> {
    const records = await this.#vault.listRecords(STORES.cases);
    return records.map((r) => parseCase(r.value)).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  }

  async getCase(id: string): Promise<Case | undefined> {
    const value = await this.#vault.getRecord(STORES.cases, id);
    return value === undefined ? undefined : parseCase(value);
  }

  async createCase(input: NewCaseInput): Promise<Case> {
    const record = newCase(input);
    await this.#append({ event: 'created', caseId: record.id }, [
      { store: STORES.cases, id: record.id, value: record },
    ]);
    return record;
  }

  /** Changes a case's name, story, accounts or complainant; the log records each change as an edit. */
  async updateCase(id: string, patch: CasePatch): Promise<Case> {
    const current = await this.getCase(id);
    if (!current) throw new BuktiError('capture.notFound');
    const next = editCase(current, patch);
    if (next === current) return current;
    await this.#append({ event: 'edited', caseId: id }, [{ store: STORES.cases, id, value: next }]);
    return next;
  }

  async listItems(caseId?: string): Promise<EvidenceItem[]> {
    const records = await this.#vault.listRecords(STORES.items);
    const items = records.map((r) => parseEvidenceItem(r.value));
    return caseId === undefined ? items : items.filter((item) => item.caseId === caseId);
  }

  async getItem(id: string): Promise<EvidenceItem | undefined> {
    const value = await this.#vault.getRecord(STORES.items, id);
    return value === undefined ? undefined : parseEvidenceItem(value);
  }

  /**
   * Stores one original byte for byte: the file is read once and its SHA-256 is computed over exactly
   * the bytes being encrypted, so what is hashed is what is kept. An empty file is refused with
   * `capture.emptyFile`; a file that cannot be read gives `capture.readFailed` and leaves nothing stored.
   */
  async importFile(incoming: IncomingFile): Promise<EvidenceFile> {
    classifyFile(incoming.name, incoming.type, incoming.blob.size);
    const fileId = newId();
    let stored = false;
    const store = async (source: FileSource) => {
      await this.#vault.writeFile(fileId, source);
      stored = true;
    };
    let read: IngestedFile;
    try {
      read = await ingestFile(
        incoming.blob,
        store,
        { durationSeconds: incoming.durationSeconds },
        this.#hashing,
      );
    } catch (error) {
      // A failed write leaves nothing behind; a failure elsewhere (reading facts) after it must not either.
      if (stored) await this.#vault.deleteFile(fileId).catch(() => undefined);
      if (error instanceof BuktiError) throw error;
      throw new BuktiError('capture.readFailed', {}, { cause: error });
    }
    return {
      id: fileId,
      sha256: read.sha256,
      size: read.size,
      mimeType: incoming.type || 'application/octet-stream',
      originalName: incoming.name,
      lastModified: incoming.lastModified === undefined ? undefined : utcIso(new Date(incoming.lastModified)),
      facts: read.facts,
    };
  }

  /** The id of an item in `caseId` that already holds a file with `sha256`, if any. */
  async findDuplicate(caseId: string, sha256: string): Promise<string | undefined> {
    return findDuplicate(await this.listItems(caseId), caseId, sha256);
  }

  /**
   * Adds an item whose files were imported with `importFile`. If the record cannot be written (a full
   * disk), the files are deleted again, so no half item is left behind.
   */
  async addItem(input: Omit<NewItemInput, 'files'>, files: EvidenceFile[]): Promise<EvidenceItem> {
    const [item] = await this.addItems([{ input, files }]);
    return item as EvidenceItem;
  }

  /**
   * Adds several items at once, in order, each with its `created` entry, in one transaction: all of
   * them or none. If they cannot be written, all their files are deleted again.
   */
  async addItems(
    additions: ReadonlyArray<{ input: Omit<NewItemInput, 'files'>; files: EvidenceFile[] }>,
  ): Promise<EvidenceItem[]> {
    try {
      const items = await Promise.all(
        additions.map(({ input, files }) => newEvidenceItem({ ...input, files })),
      );
      await this.#appendAll(
        items.map((item) => ({
          fields: {
            event: 'created',
            itemId: item.id,
            caseId: item.caseId,
            fileHashes: [...item.files.map((f) => f.sha256), ...(item.textSha256 ? [item.textSha256] : [])],
          },
          changes: [{ store: STORES.items, id: item.id, value: item }],
        })),
      );
      return items;
    } catch (error) {
      const files = additions.flatMap((addition) => addition.files);
      await Promise.all(files.map((f) => this.#vault.deleteFile(f.id).catch(() => undefined)));
      throw error;
    }
  }

  /** Drops files imported for an item that was then not added (cancelled, or a duplicate). */
  async discardFiles(files: EvidenceFile[]): Promise<void> {
    await Promise.all(files.map((f) => this.#vault.deleteFile(f.id)));
  }

  /** Changes an item's details; the earlier version stays in its history and the log records the edit. */
  async editItem(id: string, patch: Partial<EvidenceDetails>): Promise<EvidenceItem> {
    const current = await this.getItem(id);
    if (!current) throw new BuktiError('capture.notFound');
    const next = editDetails(current, patch);
    if (next === current) return current;
    await this.#append({ event: 'edited', itemId: id, caseId: next.caseId }, [
      { store: STORES.items, id, value: next },
    ]);
    return next;
  }

  /** Deletes an item and its files; the log keeps its hashes, so the deletion itself stays provable. */
  async deleteItem(id: string): Promise<void> {
    const item = await this.getItem(id);
    if (!item) return;
    const hashes = [...item.files.map((f) => f.sha256), ...(item.textSha256 ? [item.textSha256] : [])];
    await this.#append({ event: 'deleted', itemId: id, caseId: item.caseId, fileHashes: hashes }, [
      { store: STORES.items, id, delete: true },
    ]);
    await Promise.all(item.files.map((f) => this.#vault.deleteFile(f.id).catch(() => undefined)));
  }

  /** An original's bytes, decrypted chunk by chunk. */
  readFile(fileId: string): AsyncGenerator<Uint8Array> {
    return this.#vault.readFile(fileId);
  }

  /** An original's bytes in one array, for one that is used whole (an image for the report). */
  readFileBytes(fileId: string): Promise<Uint8Array> {
    return this.#vault.readFileBytes(fileId);
  }
}

import type { CustodyEntry } from '../custody/entry';
import { appendEntry, type CustodySigner, type EntryFields } from '../custody/entry';
import { BuktiError } from '../errors';
import type { FileSource, RecordChange, Vault } from '../vault';
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

/** Custody ids sort in log order: `s` and the sequence number, zero-padded. */
function custodyId(seq: number): string {
  return `s${String(seq).padStart(12, '0')}`;
}

/**
 * Cases, evidence items, their original files and the signed custody log, kept in the vault. Every
 * change that matters to a court appends a custody entry; appends are serialised so the chain never forks.
 */
export class EvidenceRepository {
  readonly #vault: Vault;
  readonly #hashing: CaptureHashing | undefined;
  #queue: Promise<unknown> = Promise.resolve();

  /** `hashing` fingerprints captured files (the browser's hashes in workers); by default on this thread. */
  constructor(vault: Vault, options: { hashing?: CaptureHashing } = {}) {
    this.#vault = vault;
    this.#hashing = options.hashing;
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
   * Appends one entry after the current head, written in the same transaction as `changes` (the record
   * the entry speaks of), so a record never exists without its entry or the other way round.
   */
  #append(fields: EntryFields, changes: RecordChange[] = []): Promise<CustodyEntry> {
    return this.#appendAll([{ fields, changes }]).then((entries) => entries[0] as CustodyEntry);
  }

  /**
   * Appends several entries, each after the one before, all in one transaction with their changes: a
   * batch of captured files costs one read of the head and one commit, not three round trips per item.
   */
  #appendAll(
    steps: ReadonlyArray<{ fields: EntryFields; changes: RecordChange[] }>,
  ): Promise<CustodyEntry[]> {
    const run = this.#queue.then(async () => {
      // The head is read from storage each time, so two repositories on one vault cannot fork the chain.
      let head = await this.#readHead();
      const entries: CustodyEntry[] = [];
      const changes: RecordChange[] = [];
      for (const step of steps) {
        head = await appendEntry(head, step.fields, this.#signer);
        entries.push(head);
        changes.push(...step.changes, { store: STORES.custody, id: custodyId(head.seq), value: head });
      }
      await this.#vault.writeRecords(changes);
      return entries;
    });
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Stores an entry signed elsewhere (the export entry sealed into a bundle). It must follow the
   * current head exactly; otherwise something was logged meanwhile and the bundle's chain would not fit.
   */
  recordSignedEntry(entry: CustodyEntry): Promise<void> {
    const run = this.#queue.then(async () => {
      const head = await this.#readHead();
      if (entry.seq !== (head === null ? 0 : head.seq + 1)) throw new BuktiError('export.logMoved');
      await this.#vault.writeRecords([{ store: STORES.custody, id: custodyId(entry.seq), value: entry }]);
    });
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /** Appends an event that concerns no single record (e.g. the ZIP hash after an export). */
  async recordEvent(fields: EntryFields): Promise<CustodyEntry> {
    return this.#append(fields);
  }

  /** Custody ids sort in log order, so the head is the last id in key order. */
  async #readHead(): Promise<CustodyEntry | null> {
    const lastId = await this.#vault.lastRecordId(STORES.custody);
    return lastId === undefined
      ? null
      : ((await this.#vault.getRecord(STORES.custody, lastId)) as CustodyEntry);
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

import type { CustodyEntry, EntryFields } from '../custody/entry';
import { BuktiError } from '../errors';
import type { FileSource, PassphraseCheck, RecordChange, Vault } from '../vault';
import { type CasePatch, editCase } from './case-edit';
import { classifyFile, findDuplicate } from './classify';
import { CUSTODY_STORE, CustodyBook, type CustodyCut } from './custody-book';
import { type CaptureHashing, type IngestedFile, ingestFile } from './ingest';
import type { Case, EvidenceDetails, EvidenceFile, EvidenceItem } from './model';
import { newId } from './model';
import { editDetails, type NewCaseInput, type NewItemInput, newCase, newEvidenceItem } from './records';
import { utcIso } from './time';
import { parseCase, parseEvidenceItem } from './validate';

export type { CustodyCut };

/** Logical vault stores the repository writes. */
export const STORES = { cases: 'cases', items: 'items', custody: CUSTODY_STORE } as const;

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
 * Cases, evidence items, their original files and the signed custody log, kept in the vault. Every
 * change that matters to a court appends a custody entry (custody-book.ts) with the records it speaks of.
 */
export class EvidenceRepository {
  readonly #vault: Vault;
  readonly #hashing: CaptureHashing | undefined;
  readonly #book: CustodyBook;

  /**
   * `hashing` fingerprints captured files (the browser's hashes in workers); by default on this thread.
   * `now` is the clock custody entries are timed by.
   */
  constructor(vault: Vault, options: { hashing?: CaptureHashing; now?: () => Date } = {}) {
    this.#vault = vault;
    this.#hashing = options.hashing;
    this.#book = new CustodyBook(vault, options.now ?? (() => new Date()));
  }

  /** The whole custody log, oldest first. */
  custodyLog(): Promise<CustodyEntry[]> {
    return this.#book.custodyLog();
  }

  /**
   * The custody log, checked against the ledger's anchor; a log cut short, extended or altered outside
   * Bukti is `custody.cutShort` (an export must not seal it).
   */
  verifiedCustodyLog(): Promise<CustodyEntry[]> {
    return this.#book.verifiedCustodyLog();
  }

  /** Whether the custody log ends where the ledger says it does (checked at unlock); null when it does. */
  checkCustodyLog(): Promise<CustodyCut | null> {
    return this.#book.checkCustodyLog();
  }

  /** Stores an entry signed elsewhere (the export entry sealed into a bundle), right after the head. */
  recordSignedEntry(entry: CustodyEntry): Promise<void> {
    return this.#book.recordSignedEntry(entry);
  }

  /**
   * Appends an event that concerns no single record (e.g. the ZIP hash after an export), in one
   * transaction with `changes` (e.g. the settings a restore updates).
   */
  recordEvent(fields: EntryFields, changes: RecordChange[] = []): Promise<CustodyEntry> {
    return this.#book.append(fields, changes);
  }

  /** Replaces every key of the vault; the log records it signed by the old key and the new one. */
  rotateKeys(current: string, next: string): Promise<PassphraseCheck> {
    return this.#book.rotateKeys(current, next);
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
    await this.#book.append({ event: 'created', caseId: record.id }, [
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
    await this.#book.append({ event: 'edited', caseId: id }, [{ store: STORES.cases, id, value: next }]);
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
      await this.#book.appendAll(
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
    await this.#book.append({ event: 'edited', itemId: id, caseId: next.caseId }, [
      { store: STORES.items, id, value: next },
    ]);
    return next;
  }

  /** Deletes an item and its files; the log keeps its hashes, so the deletion itself stays provable. */
  async deleteItem(id: string): Promise<void> {
    const item = await this.getItem(id);
    if (!item) return;
    const hashes = [...item.files.map((f) => f.sha256), ...(item.textSha256 ? [item.textSha256] : [])];
    await this.#book.append({ event: 'deleted', itemId: id, caseId: item.caseId, fileHashes: hashes }, [
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

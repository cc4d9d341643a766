import { classifyFile } from './classify';
import { WHOLE_READ_BYTES } from './ingest';
import type { EvidenceFile, EvidenceItem } from './model';
import type { DetailsInput } from './records';
import type { EvidenceRepository, IncomingFile } from './repository';

/** What capturing a batch of files did: the items added, and files whose bytes the case already held. */
export interface CaptureResult {
  added: EvidenceItem[];
  duplicates: Array<{ name: string; itemId: string }>;
}

/**
 * Files read and stored at once. Small files (read whole, ≤ 8 MiB) keep the vault thread busy while
 * others wait for their reads and commits; large ones are limited to two (see `readAhead`).
 */
const MAX_FILES_AHEAD = 4;

/** Items written in one transaction at most, so one commit never grows without bound. */
const MAX_ITEMS_PER_COMMIT = 50;

/**
 * Captures files into a case, one item per file, in the order given. A file whose bytes are already in
 * the case is not added twice; its existing item is reported. The next files are read and encrypted
 * while the current one is finished (a few small files in flight, or two large ones, each bounded).
 * Items are written in groups: while one group's records commit, the files imported meanwhile wait,
 * then go in the next commit, so a batch of screenshots costs a few transactions, not three round
 * trips each. If a file fails, the items before it are still added, those read ahead are discarded,
 * and the error is passed on.
 */
export async function captureFiles(
  repo: EvidenceRepository,
  caseId: string,
  files: readonly IncomingFile[],
  details: DetailsInput,
  /** Called once each item is stored (thumbnails start here); it must not throw. */
  afterAdded: (file: EvidenceFile, incoming: IncomingFile) => void = () => undefined,
): Promise<CaptureResult> {
  const added: EvidenceItem[] = [];
  const duplicates: CaptureResult['duplicates'] = [];
  // The case's fingerprints are read once per batch, not once per file; files waiting for their
  // commit count too, so the same bytes twice in one batch are caught.
  const known = new Set<string>();
  const existing = new Map<string, string>();
  for (const item of await repo.listItems(caseId))
    for (const f of item.files) {
      known.add(f.sha256);
      existing.set(f.sha256, item.id);
    }
  const commits = new GroupCommit(repo, caseId, details, (item, pending) => {
    added.push(item);
    existing.set(pending.file.sha256, item.id);
    afterAdded(pending.file, pending.incoming);
  });
  const importAt = (index: number) => {
    const imported = repo.importFile(files[index] as IncomingFile);
    // A file read ahead may fail before its turn; the failure is reported when its turn comes.
    imported.catch(() => undefined);
    return imported;
  };
  // Imports under way, in file order: the current file's first.
  const ahead: Array<Promise<EvidenceFile>> = [];
  let started = 0;
  const readAhead = (current: number) => {
    while (started < files.length && started - current < MAX_FILES_AHEAD) {
      // A large file is read in slices; it starts only as the current or the next file, so at most
      // two are ever in flight. Small ones (read whole) may go a few further.
      if (started > current + 1 && (files[started] as IncomingFile).blob.size > WHOLE_READ_BYTES) break;
      ahead.push(importAt(started));
      started++;
    }
  };
  for (let index = 0; index < files.length; index++) {
    readAhead(index);
    const current = ahead.shift() as Promise<EvidenceFile>;
    try {
      const incoming = files[index] as IncomingFile;
      const file = await current;
      if (known.has(file.sha256)) {
        await repo.discardFiles([file]);
        // The earlier copy may still be waiting for its commit: its item id is known once it is written.
        await commits.settled();
        commits.check();
        duplicates.push({ name: incoming.name, itemId: existing.get(file.sha256) ?? '' });
        continue;
      }
      known.add(file.sha256);
      commits.add({ file, incoming });
      commits.check();
    } catch (error) {
      for (const pending of ahead.splice(0)) await discardWhenDone(repo, pending);
      await commits.finish().catch(() => undefined);
      throw error;
    }
  }
  await commits.finish();
  return { added, duplicates };
}

interface PendingItem {
  file: EvidenceFile;
  incoming: IncomingFile;
}

/** Writes imported files' items in groups, one commit in flight at a time (see `captureFiles`). */
class GroupCommit {
  #waiting: PendingItem[] = [];
  #writing: Promise<void> | undefined;
  #failure: { error: unknown } | undefined;

  constructor(
    private readonly repo: EvidenceRepository,
    private readonly caseId: string,
    private readonly details: DetailsInput,
    private readonly onAdded: (item: EvidenceItem, pending: PendingItem) => void,
  ) {}

  /** Queues an item; it is written with the next commit, which starts now if none is under way. */
  add(pending: PendingItem): void {
    this.#waiting.push(pending);
    if (this.#writing === undefined || this.#waiting.length >= MAX_ITEMS_PER_COMMIT) this.#startNext();
  }

  /** Throws the failure of a commit so far (its files are already deleted), so capture stops at once. */
  check(): void {
    if (this.#failure) throw this.#failure.error;
  }

  /** Resolves once every queued item is written (or its commit failed). */
  async settled(): Promise<void> {
    while (this.#writing !== undefined) await this.#writing;
  }

  /** Writes what is still waiting and waits for it; throws the first failure. */
  async finish(): Promise<void> {
    await this.settled();
    if (this.#waiting.length > 0) this.#startNext();
    await this.settled();
    this.check();
  }

  #startNext(): void {
    const previous = this.#writing ?? Promise.resolve();
    const group = this.#waiting;
    this.#waiting = [];
    const writing = previous.then(() => this.#write(group));
    this.#writing = writing;
    void writing.then(() => {
      if (this.#writing !== writing) return;
      this.#writing = undefined;
      // Files imported while this group was being written go in the next commit.
      if (this.#waiting.length > 0) this.#startNext();
    });
  }

  async #write(group: PendingItem[]): Promise<void> {
    if (group.length === 0) return;
    if (this.#failure) {
      await this.repo.discardFiles(group.map((p) => p.file)).catch(() => undefined);
      return;
    }
    try {
      const items = await this.repo.addItems(
        group.map(({ file, incoming }) => ({
          input: {
            caseId: this.caseId,
            kind: classifyFile(incoming.name, incoming.type, incoming.blob.size),
            details: this.details,
          },
          files: [file],
        })),
      );
      items.forEach((item, i) => {
        this.onAdded(item, group[i] as PendingItem);
      });
    } catch (error) {
      // addItems has deleted this group's files; later groups are discarded by #write.
      this.#failure ??= { error };
    }
  }
}

/** Waits for an import that is no longer wanted and drops its file, so nothing is left half-done. */
async function discardWhenDone(repo: EvidenceRepository, pending: Promise<EvidenceFile> | undefined) {
  const file = await pending?.catch(() => undefined);
  if (file) await repo.discardFiles([file]).catch(() => undefined);
}

import { BuktiError } from '../errors';
import type { BackupAbout, BackupCounts, Frame } from './frames';

/** Where the stream is: each section may only follow the ones before it. */
const STAGE = { about: 0, meta: 1, records: 2, files: 3, deposits: 4, ended: 5 } as const;

const damaged = () => new BuktiError('backup.damaged');

/** Every stage allowed before `next`, so a section can be empty. */
function advance(stage: number, next: number, allowedFrom: readonly number[]): number {
  if (!allowedFrom.includes(stage)) throw damaged();
  return next;
}

/**
 * Checks the order of a backup's frames (docs/backup-format.md §3): about, the sealed keys, records,
 * files each followed by their chunks, deposits each followed by theirs, then the end frame, whose
 * counts must match. Keys must rise strictly, so nothing appears twice. The stream is already
 * authenticated: this catches a faulty writer, and says what the backup holds before anything is written.
 */
export class FrameChecker {
  #stage: number = STAGE.about;
  #about: BackupAbout | undefined;
  #lastRecord: [string, string] | undefined;
  #lastOwner: string | undefined;
  #lastIndex = -1;
  readonly #counts: BackupCounts = { records: 0, files: 0, deposits: 0, chunks: 0, valueBytes: 0 };

  /** True once the end frame has been accepted. */
  get ended(): boolean {
    return this.#stage === STAGE.ended;
  }

  /** What the about frame said; available after the first frame. */
  get about(): BackupAbout {
    if (this.#about === undefined) throw damaged();
    return this.#about;
  }

  /** The counts seen so far (after the end frame: the checked totals). */
  get counts(): BackupCounts {
    return { ...this.#counts };
  }

  /** Accepts the next frame or throws `backup.damaged`. */
  accept(frame: Frame): void {
    const { records, files, deposits } = STAGE;
    switch (frame.kind) {
      case 'about':
        this.#stage = advance(this.#stage, STAGE.meta, [STAGE.about]);
        this.#about = frame.about;
        return;
      case 'meta':
        this.#stage = advance(this.#stage, records, [STAGE.meta]);
        break;
      case 'record': {
        this.#stage = advance(this.#stage, records, [records]);
        const last = this.#lastRecord;
        if (last && (frame.tag < last[0] || (frame.tag === last[0] && frame.id <= last[1]))) throw damaged();
        this.#lastRecord = [frame.tag, frame.id];
        this.#counts.records++;
        break;
      }
      case 'file':
      case 'deposit': {
        const stage = frame.kind === 'file' ? files : deposits;
        const before = this.#stage;
        this.#stage = advance(
          before,
          stage,
          frame.kind === 'file' ? [records, files] : [records, files, deposits],
        );
        // Ids rise within a section; a new section starts afresh.
        if (before === stage && this.#lastOwner !== undefined && frame.id <= this.#lastOwner) throw damaged();
        this.#lastOwner = frame.id;
        this.#lastIndex = -1;
        this.#counts[frame.kind === 'file' ? 'files' : 'deposits']++;
        break;
      }
      case 'chunk':
        if ((this.#stage !== files && this.#stage !== deposits) || frame.index <= this.#lastIndex)
          throw damaged();
        this.#lastIndex = frame.index;
        this.#counts.chunks++;
        break;
      case 'end': {
        this.#stage = advance(this.#stage, STAGE.ended, [records, files, deposits]);
        const stated = frame.counts;
        const seen = this.#counts;
        const same = (Object.keys(seen) as (keyof BackupCounts)[]).every((key) => stated[key] === seen[key]);
        if (!same) throw damaged();
        return;
      }
    }
    if ('value' in frame) this.#counts.valueBytes += frame.value.length;
  }

  /** The id of the file or deposit a chunk frame belongs to. */
  get owner(): string {
    if (this.#lastOwner === undefined) throw damaged();
    return this.#lastOwner;
  }
}

import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bytesSource, verifyBundle } from '../../../src/core/bundle';
import { isBuktiError } from '../../../src/core/errors';
import type { ExportProgress } from '../../../src/core/service/export';
import { type PickedFile, RELEASE_WAITS_MS, removeIfEmpty } from '../../../src/core/service/export-handles';
import { exportedEntries, MiB, PASSPHRASE, vaultWithCase } from './helpers';

/**
 * A picked file as the File System Access API behaves: writes go to a temporary copy that replaces the
 * file's content only when the writable is closed; an aborted writable leaves the old content.
 */
class FakePickedFile implements PickedFile {
  readonly name = 'bukti.zip';
  content: Uint8Array | null;
  removed = false;
  /** Written so far into the open writable. */
  pending: Uint8Array[] = [];
  /** Fail each write once this many bytes are in (a full disk). */
  failAfter = Number.POSITIVE_INFINITY;
  /** Called after each write, to hold or cancel at a known point. */
  afterWrite: (written: number) => Promise<void> | void = () => undefined;
  aborted = false;

  constructor(content: Uint8Array | null = new Uint8Array(0)) {
    this.content = content;
  }

  async createWritable(): Promise<WritableStream<Uint8Array>> {
    this.pending = [];
    let written = 0;
    return new WritableStream<Uint8Array>({
      write: async (chunk) => {
        if (written + chunk.length > this.failAfter)
          throw new DOMException('No space left on the device.', 'QuotaExceededError');
        this.pending.push(chunk.slice());
        written += chunk.length;
        await this.afterWrite(written);
      },
      close: () => {
        this.content = Buffer.concat(this.pending);
      },
      abort: () => {
        this.aborted = true;
      },
    });
  }

  async getFile(): Promise<{ size: number }> {
    if (this.content === null || this.removed) throw new DOMException('gone', 'NotFoundError');
    return { size: this.content.length };
  }

  async remove(): Promise<void> {
    this.removed = true;
  }
}

describe('the vault worker writes the bundle into a picked file', () => {
  it('writes the whole ZIP, reports the bytes written, and the custody log records its hash once finished', async () => {
    const written: number[] = [];
    const shown: Array<Extract<ExportProgress, { stage: 'bundle' }>> = [];
    const { service, request } = await vaultWithCase();
    service.onEvent = (name, data) => {
      const event = data as { exportNumber: number; bytes: number; progress: ExportProgress };
      if (name === 'export-written' && event.exportNumber === 1) written.push(event.bytes);
      if (name === 'export-progress' && event.exportNumber === 1 && event.progress.stage === 'bundle')
        shown.push(event.progress);
    };
    const opened = await service.exportStart(1, request);
    const file = new FakePickedFile();
    await service.exportWrite(1, file);
    if (!file.content) throw new Error('the file was not put in place');
    expect(file.content.length).toBeLessThanOrEqual(opened.estimatedSize);
    expect(await exportedEntries(service)).toEqual([]);
    // Nothing more to pull: the worker has read it all.
    expect(await service.exportRead(1)).toBeNull();
    const summary = await service.exportFinish(1);
    expect(summary.zipSha256).toBe(createHash('sha256').update(file.content).digest('hex'));
    expect(summary.size).toBe(file.content.length);
    expect((await verifyBundle(bytesSource(file.content))).status).toBe('intact');
    expect(await exportedEntries(service)).toHaveLength(2);
    // One progress event per entry (the ZIP is written in many more pieces), each a new entry or count,
    // the last with every entry done.
    const names = shown.map((progress) => progress.entry);
    expect(names.slice(0, 3)).toEqual([
      'report.pdf',
      expect.stringMatching(/^evidence\//),
      expect.stringMatching(/^evidence\//),
    ]);
    expect(new Set(names.slice(0, -1)).size).toBe(names.length - 1);
    const total = shown[0]?.entriesTotal ?? 0;
    expect(shown).toHaveLength(total + 1);
    expect(shown.at(-1)).toMatchObject({
      entriesDone: total,
      entriesTotal: total,
      bytesWritten: file.content.length,
    });
    // About once per MiB, rising, and last the whole size.
    expect(written.length).toBeGreaterThanOrEqual(3);
    expect(written.at(-1)).toBe(file.content.length);
    expect(written.every((n, i) => i === 0 || n >= (written[i - 1] ?? 0))).toBe(true);
    await service.erase(PASSPHRASE);
  });

  it('a full disk aborts the file, removes the empty one the picker made, records nothing, and the next export works', async () => {
    const { service, request } = await vaultWithCase();
    await service.exportStart(1, request);
    const file = new FakePickedFile();
    file.failAfter = MiB;
    await expect(service.exportWrite(1, file)).rejects.toSatisfy((e) =>
      isBuktiError(e, 'export.writeFailed'),
    );
    expect(file.content).toEqual(new Uint8Array(0));
    expect(file.removed).toBe(true);
    await expect(service.exportFinish(1)).rejects.toSatisfy((e) => isBuktiError(e, 'bundle.seal.cancelled'));
    expect(await exportedEntries(service)).toEqual([]);

    await service.exportStart(2, { ...request, bundleId: crypto.randomUUID() });
    const next = new FakePickedFile();
    await service.exportWrite(2, next);
    await service.exportFinish(2);
    expect(await exportedEntries(service)).toHaveLength(2);
    await service.erase(PASSPHRASE);
  });

  it('cancelled mid-write: the file keeps its old content and nothing is recorded', async () => {
    const { service, request } = await vaultWithCase();
    await service.exportStart(1, request);
    const old = new TextEncoder().encode('what the chosen file held before');
    const file = new FakePickedFile(old);
    let cancelling: Promise<void> | null = null;
    file.afterWrite = (written) => {
      if (written > MiB && !cancelling) cancelling = service.cancelExport(1);
    };
    await expect(service.exportWrite(1, file)).rejects.toSatisfy((e) =>
      isBuktiError(e, 'bundle.seal.cancelled'),
    );
    await cancelling;
    expect(file.aborted).toBe(true);
    expect(file.content).toEqual(old);
    expect(file.removed).toBe(false);
    await expect(service.exportFinish(1)).rejects.toSatisfy((e) => isBuktiError(e, 'bundle.seal.cancelled'));
    expect(await exportedEntries(service)).toEqual([]);
    await service.erase(PASSPHRASE);
  });

  it('a file that cannot be opened for writing fails clearly; an export being written cannot also be pulled', async () => {
    const { service, request } = await vaultWithCase();
    await service.exportStart(1, request);
    const refusing = new FakePickedFile();
    refusing.createWritable = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
    await expect(service.exportWrite(1, refusing)).rejects.toSatisfy((e) =>
      isBuktiError(e, 'export.writeFailed'),
    );
    expect(await exportedEntries(service)).toEqual([]);

    await service.exportStart(2, { ...request, bundleId: crypto.randomUUID() });
    const held = new FakePickedFile();
    let release: () => void = () => undefined;
    let holding = false;
    held.afterWrite = () =>
      holding
        ? undefined
        : new Promise<void>((resolve) => {
            holding = true;
            release = resolve;
          });
    const writing = service.exportWrite(2, held);
    await expect.poll(() => holding, { timeout: 30_000 }).toBe(true);
    await expect(service.exportRead(2)).rejects.toSatisfy((e) => isBuktiError(e, 'error.unexpected'));
    await expect(service.exportWrite(2, new FakePickedFile())).rejects.toSatisfy((e) =>
      isBuktiError(e, 'error.unexpected'),
    );
    await expect(service.exportFinish(2)).rejects.toSatisfy((e) => isBuktiError(e, 'export.notFinished'));
    release();
    await writing;
    await service.exportFinish(2);
    expect(await exportedEntries(service)).toHaveLength(2);
    await service.erase(PASSPHRASE);
  });
});

describe('removing the empty file the save dialog made', () => {
  /** A picked file whose writer was ended: the browser refuses to delete it until `heldFor` tries have passed. */
  function heldFile(heldFor: number, size = 0) {
    const file = new FakePickedFile(new Uint8Array(size));
    let tries = 0;
    file.remove = async () => {
      tries += 1;
      if (tries <= heldFor)
        throw new DOMException('An attempt was made to modify an object…', 'NoModificationAllowedError');
      file.removed = true;
    };
    return { file, tries: () => tries };
  }

  it('waits for the ended writer to let go of the file, then deletes it', async () => {
    const waits: number[] = [];
    const { file, tries } = heldFile(4);
    await removeIfEmpty(file, async (ms) => {
      waits.push(ms);
    });
    expect(file.removed).toBe(true);
    expect(tries()).toBe(5);
    expect(waits).toEqual(RELEASE_WAITS_MS.slice(0, 4));
  });

  it('gives up quietly after the last wait, and never deletes a file with bytes in it or retries other errors', async () => {
    const held = heldFile(Number.POSITIVE_INFINITY);
    await removeIfEmpty(held.file, async () => undefined);
    expect(held.file.removed).toBe(false);
    expect(held.tries()).toBe(RELEASE_WAITS_MS.length + 1);

    const full = heldFile(0, 10);
    await removeIfEmpty(full.file, async () => undefined);
    expect(full.file.removed).toBe(false);
    expect(full.tries()).toBe(0);

    const gone = new FakePickedFile(null);
    let waited = 0;
    await removeIfEmpty(gone, async () => {
      waited += 1;
    });
    expect(waited).toBe(0);
  });
});

import type { ReportImageStore } from '../report/image-store';
import { decodeThumbnail } from '../thumbnails/format';
import { newId, type Vault } from '../vault';

/**
 * Vault record store listing the report images an export keeps as vault files until the report is
 * written. Each id is listed before its file is written, so a file left by an interrupted export (the
 * tab closed, the vault locked mid-export) is always listed and `sweepReportImages` finds it.
 */
const TEMPORARY = 'report-images';
/** Keys of report images made at capture, which stay where they are: `capture:<file id>`. */
const CAPTURED = 'capture:';

async function* once(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}

/**
 * The report's images of one export: those made at capture are read from where they are kept (`captured`);
 * any other (a blurred one) is an encrypted vault file of this export (like evidence: nothing readable at
 * rest), deleted as soon as the report has written it, and every one left deleted by `clear()` when the
 * export ends, fails or is cancelled.
 */
export class VaultReportImages implements ReportImageStore {
  readonly #vault: Vault;
  readonly #ids = new Set<string>();

  constructor(vault: Vault) {
    this.#vault = vault;
  }

  /** The key under which the report image made at capture of file `fileId` is taken. */
  captured(fileId: string): string {
    return `${CAPTURED}${fileId}`;
  }

  async put(bytes: Uint8Array): Promise<string> {
    const id = newId();
    this.#ids.add(id);
    await this.#vault.putRecord(TEMPORARY, id, {});
    await this.#vault.writeFile(id, once(bytes));
    return id;
  }

  async take(id: string): Promise<Uint8Array> {
    if (id.startsWith(CAPTURED)) {
      const payload = await this.#vault.readThumbnail(id.slice(CAPTURED.length), 'report');
      const stored = payload === undefined ? undefined : decodeThumbnail(payload);
      if (stored?.kind !== 'picture') throw new Error('A report image made at capture is gone.');
      return stored.bytes;
    }
    if (!this.#ids.has(id)) throw new Error('Not an image of this report.');
    const bytes = await this.#vault.readFileBytes(id);
    await this.#remove(id);
    return bytes;
  }

  /** Deletes every image not yet taken. A failure leaves them to the sweep at the next unlock. */
  async clear(): Promise<void> {
    for (const id of [...this.#ids]) await this.#remove(id);
  }

  async #remove(id: string): Promise<void> {
    await this.#vault.deleteFile(id);
    await this.#vault.deleteRecord(TEMPORARY, id);
    this.#ids.delete(id);
  }
}

/** Deletes report images left by exports that never ended (run at unlock, before any export starts). */
export async function sweepReportImages(vault: Vault): Promise<number> {
  const ids = await vault.listRecordIds(TEMPORARY);
  for (const id of ids) {
    await vault.deleteFile(id);
    await vault.deleteRecord(TEMPORARY, id);
  }
  return ids.length;
}

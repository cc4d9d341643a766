import { utf8 } from '../canonical';
import { loadSodium } from '../crypto/sodium';
import { BuktiError, isBuktiError } from '../errors';
import { parseUrl } from '../url/parse';
import type { Vault } from '../vault';
import { classifyFile } from './classify';
import { readFileFacts } from './facts';
import { sha256Hex } from './hash';
import {
  parseShareDetails,
  type ShareDetails,
  type SharedFileDetails,
  type SharedTextDetails,
  sharedLink,
  sharedLinkDescription,
  sharedMessage,
} from './inbox-details';
import { type EvidenceFile, type EvidenceItem, newId } from './model';
import type { DetailsInput } from './records';
import type { EvidenceRepository } from './repository';

/**
 * How much of a shared file is kept in memory for `readFileFacts` while it streams into the vault: all
 * of it up to 32 MiB (what capture reads whole for EXIF), else the first 512 KiB (every image header).
 */
const FACTS_WHOLE_BYTES = 32 * 1024 * 1024;
const FACTS_HEAD_BYTES = 512 * 1024;
/** Longest name shown for a text share (its first line). */
const TEXT_NAME_LENGTH = 80;

interface EntryBase {
  /** The deposit id: what `fileIntoCase` and `discard` take. */
  id: string;
  /** File name; the link for a link; the first line of a text. */
  name: string;
  type: string;
  size: number;
  /** When the share arrived (UTC ISO); absent for an unreadable deposit. */
  sharedAt?: string;
}

/** One thing waiting in the inbox, decrypted (so only while the vault is unlocked). */
export type InboxEntry =
  | (EntryBase & { kind: 'file' })
  | (EntryBase & { kind: 'link'; url: string; title?: string; text?: string })
  | (EntryBase & { kind: 'text'; text: string; title?: string })
  | (EntryBase & { kind: 'unreadable' });

/** The item an entry became, or the item that already held the same content (`duplicate`). */
export interface FiledEntry {
  item: EvidenceItem;
  duplicate: boolean;
}

/**
 * Files and links shared into Bukti from the OS share sheet, sealed to the vault while it was locked
 * (see sw/share-target.ts). After unlock the survivor reviews each one, then files it into a case as
 * evidence or discards it. Nothing becomes evidence without that choice: anyone who can run script in
 * Bukti's origin can make a deposit.
 */
export class Inbox {
  readonly #vault: Vault;
  readonly #repo: EvidenceRepository;

  constructor(vault: Vault, repo: EvidenceRepository) {
    this.#vault = vault;
    this.#repo = repo;
  }

  /** Everything waiting, newest first; deposits that cannot be opened are listed as `unreadable`. */
  async list(): Promise<InboxEntry[]> {
    const entries: InboxEntry[] = [];
    for (const id of await this.#vault.listDepositIds()) {
      const entry = await this.#entry(id);
      if (entry !== undefined) entries.push(entry);
    }
    return entries.sort((a, b) => (b.sharedAt ?? '').localeCompare(a.sharedAt ?? ''));
  }

  async #entry(id: string): Promise<InboxEntry | undefined> {
    let info: Awaited<ReturnType<Vault['depositInfo']>>;
    try {
      info = await this.#vault.depositInfo(id);
    } catch (error) {
      // Filed or discarded in another tab since the ids were listed.
      if (isBuktiError(error, 'vault.fileMissing')) return undefined;
      // Damaged, or sealed to another key: it can only be discarded.
      if (isBuktiError(error, 'vault.integrity'))
        return { id, kind: 'unreadable', name: '', type: '', size: 0 };
      throw error;
    }
    const share = parseShareDetails(info.details);
    if (share === undefined) return { id, kind: 'unreadable', name: '', type: '', size: info.size };
    return describe(id, share, info.size);
  }

  /**
   * Files one entry into a case as evidence and removes it from the inbox. A file is hashed (SHA-256)
   * over exactly the bytes written into the vault, in the same pass. Content the case already holds
   * (the same file or message, or the same link) is not added twice: the existing item is returned.
   */
  async fileIntoCase(depositId: string, caseId: string, details: DetailsInput): Promise<FiledEntry> {
    if ((await this.#repo.getCase(caseId)) === undefined) throw new BuktiError('capture.notFound');
    const info = await this.#vault.depositInfo(depositId);
    const share = parseShareDetails(info.details);
    if (share === undefined) throw new BuktiError('inbox.unreadable');
    const filed =
      share.kind === 'file'
        ? await this.#fileSharedFile(depositId, share, info.size, caseId, details)
        : await this.#fileSharedText(share, caseId, details);
    // The item is written first: if this delete fails, filing again finds the duplicate.
    await this.#vault.deleteDeposit(depositId);
    return filed;
  }

  /** Deletes an entry without keeping it. */
  async discard(depositId: string): Promise<void> {
    await this.#vault.deleteDeposit(depositId);
  }

  async #fileSharedFile(
    depositId: string,
    share: SharedFileDetails,
    size: number,
    caseId: string,
    details: DetailsInput,
  ): Promise<FiledEntry> {
    const kind = classifyFile(share.name, share.type, size);
    const file = await this.#importDeposit(depositId, share, size);
    const existing = await this.#repo.findDuplicate(caseId, file.sha256);
    if (existing !== undefined) {
      await this.#repo.discardFiles([file]);
      return this.#duplicateOf(existing);
    }
    return { item: await this.#repo.addItem({ caseId, kind, details }, [file]), duplicate: false };
  }

  async #fileSharedText(
    share: SharedTextDetails,
    caseId: string,
    details: DetailsInput,
  ): Promise<FiledEntry> {
    const link = sharedLink(share);
    if (link === undefined) {
      const text = sharedMessage(share);
      const existing = await this.#repo.findDuplicate(caseId, await sha256Hex(utf8(text)));
      if (existing !== undefined) return this.#duplicateOf(existing);
      const item = await this.#repo.addItem({ caseId, kind: 'messageText', text, details }, []);
      return { item, duplicate: false };
    }
    const contentUrl = details.contentUrl?.trim() || link;
    const items = await this.#repo.listItems(caseId);
    const existing = items.find(
      (item) => item.kind === 'webLink' && sameLink(item.details.contentUrl, contentUrl),
    );
    if (existing !== undefined) return { item: existing, duplicate: true };
    // Absent (not merely empty) means the caller left it to the share: its title and caption.
    const description = details.description ?? sharedLinkDescription(share, link);
    const item = await this.#repo.addItem(
      { caseId, kind: 'webLink', details: { ...details, contentUrl, description } },
      [],
    );
    return { item, duplicate: false };
  }

  async #duplicateOf(itemId: string): Promise<FiledEntry> {
    const item = await this.#repo.getItem(itemId);
    if (item === undefined) throw new BuktiError('capture.notFound');
    return { item, duplicate: true };
  }

  /**
   * Streams a deposit into a new vault file, hashing exactly the bytes written, like
   * `EvidenceRepository.importFile` does for a picked file, but never as a Blob: a large decrypted Blob
   * could be paged to disk in clear by the browser.
   */
  async #importDeposit(depositId: string, share: SharedFileDetails, size: number): Promise<EvidenceFile> {
    const sodium = await loadSodium();
    const state = sodium.crypto_hash_sha256_init();
    const kept = new Uint8Array(size <= FACTS_WHOLE_BYTES ? size : FACTS_HEAD_BYTES);
    let written = 0;
    const source = this.#vault.readDeposit(depositId);
    async function* hashed(): AsyncGenerator<Uint8Array> {
      for await (const chunk of source) {
        sodium.crypto_hash_sha256_update(state, chunk);
        if (written < kept.length) kept.set(chunk.subarray(0, kept.length - written), written);
        written += chunk.length;
        yield chunk;
      }
    }
    const fileId = newId();
    try {
      await this.#vault.writeFile(fileId, hashed());
    } catch (error) {
      // Finalising frees libsodium's state; the partial digest is thrown away.
      sodium.crypto_hash_sha256_final(state);
      if (error instanceof BuktiError) throw error;
      throw new BuktiError('capture.readFailed', {}, { cause: error });
    }
    return {
      id: fileId,
      sha256: sodium.to_hex(sodium.crypto_hash_sha256_final(state)),
      size: written,
      mimeType: share.type || 'application/octet-stream',
      originalName: share.name,
      // No lastModified: a shared file arrives in a multipart body, which carries no modification
      // time, so the browser's value is only the time of arrival and would mislead a court.
      facts: await readFileFacts(kept),
    };
  }
}

function describe(id: string, share: ShareDetails, size: number): InboxEntry {
  if (share.kind === 'file') {
    return { id, kind: 'file', name: share.name, type: share.type, size, sharedAt: share.sharedAt };
  }
  const { sharedAt, title } = share;
  const link = sharedLink(share);
  if (link !== undefined) {
    const base = { id, name: link, type: 'text/uri-list', size: utf8(link).length, sharedAt };
    return { ...base, kind: 'link', url: link, title, text: share.text };
  }
  const text = sharedMessage(share);
  // A share with only a title has the title as its message; it is not repeated as a title.
  const base = { id, name: firstLine(text), type: 'text/plain', size: utf8(text).length, sharedAt };
  return { ...base, kind: 'text', text, title: share.text === undefined ? undefined : title };
}

function firstLine(text: string): string {
  const line =
    text
      .split('\n')
      .find((part) => part.trim() !== '')
      ?.trim() ?? '';
  const chars = Array.from(line);
  return chars.length <= TEXT_NAME_LENGTH ? line : `${chars.slice(0, TEXT_NAME_LENGTH - 1).join('')}…`;
}

/** Two links to the same content: equal once tracking parameters are removed, or equal as typed. */
function sameLink(a: string | undefined, b: string): boolean {
  if (a === undefined) return false;
  const left = parseUrl(a);
  const right = parseUrl(b);
  return left.ok && right.ok ? left.normalizedUrl === right.normalizedUrl : a.trim() === b.trim();
}

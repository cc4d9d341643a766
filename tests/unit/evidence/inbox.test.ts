import { afterEach, describe, expect, it, vi } from 'vitest';
import { verifyChain } from '../../../src/core/custody/verify';
import { Inbox } from '../../../src/core/evidence/inbox';
import { sharedFileDetails } from '../../../src/core/evidence/inbox-details';
import { EvidenceRepository } from '../../../src/core/evidence/repository';
import { VaultService } from '../../../src/core/service/vault-service';
import {
  collectBytes,
  createVault,
  depositFile,
  deriveKeyInProcess,
  unlockVault,
  type VaultDb,
} from '../../../src/core/vault';
import { receiveShare } from '../../../sw/share-target';
import {
  buffer,
  expectBuktiError,
  expectSameBytes,
  flipped,
  freshDb,
  PASSPHRASE,
  pseudoRandomBytes,
  sodium,
  TEST_KDF,
} from '../vault/helpers';
import { buildJpeg, buildPng } from './images';

const MiB = 1024 * 1024;
const ENV = { indexedDB, IDBKeyRange };
const SHARED_AT = new Date('2025-05-03T13:14:15.678Z');
const LINK = 'https://x.com/pelaku_rahsia_4471/status/1790000000000000002';
const FILE_NAME = 'tangkapan-skrin-dikongsi-rahsia.png';

afterEach(() => {
  vi.restoreAllMocks();
});

/** A vault with one case, locked again: the state the service worker finds when a share arrives. */
async function lockedVaultWithCase(): Promise<{ db: VaultDb; caseId: string }> {
  const db = await freshDb();
  const vault = await createVault(db, PASSPHRASE, { kdfParams: TEST_KDF });
  const theCase = await new EvidenceRepository(vault).createCase({ title: 'Kumpulan Telegram, April' });
  vault.lock();
  return { db, caseId: theCase.id };
}

async function unlocked(db: VaultDb) {
  const result = await unlockVault(db, PASSPHRASE);
  if (result.kind !== 'ok') throw new Error('unlock failed');
  const repo = new EvidenceRepository(result.vault);
  return { vault: result.vault, repo, inbox: new Inbox(result.vault, repo) };
}

/** A file as the share sheet hands it over. */
function sharedFile(bytes: Uint8Array, name: string, options: FilePropertyBag = {}): File {
  return new File([bytes as BlobPart], name, options);
}

/** The share sheet's POST, as Chromium builds it from the manifest's share_target. */
function shareRequest(fields: { files?: File[]; title?: string; text?: string; url?: string }): Request {
  const form = new FormData();
  for (const file of fields.files ?? []) form.append('files', file);
  for (const name of ['title', 'text', 'url'] as const) {
    const value = fields[name];
    if (value !== undefined) form.append(name, value);
  }
  return new Request('http://127.0.0.1:4173/share-target', { method: 'POST', body: form });
}

async function share(db: VaultDb, fields: Parameters<typeof shareRequest>[0]): Promise<string | null> {
  const response = await receiveShare(shareRequest(fields), ENV, { dbName: db.name, now: () => SHARED_AT });
  expect(response.status).toBe(303);
  return response.headers.get('location');
}

/** Every byte IndexedDB holds for this vault, keys and values, as one Latin-1 string to search. */
async function everythingStored(db: VaultDb): Promise<string> {
  const parts: string[] = [];
  for (const store of ['meta', 'records', 'files', 'chunks', 'deposits'] as const) {
    parts.push(JSON.stringify(await db.idb.getAllKeys(store)));
    for (const value of await db.idb.getAll(store)) parts.push(Buffer.from(value).toString('latin1'));
  }
  return parts.join('\n');
}

/** A PNG whose pixels are padded to `size` bytes with a known, findable pattern. */
function pngOfSize(size: number, pattern: string): Uint8Array {
  const png = buildPng(640, 1136, { make: 'Pixel', gps: { latitude: 3.139, longitude: 101.6869 } });
  const bytes = new Uint8Array(size);
  bytes.set(png);
  const fill = new TextEncoder().encode(pattern);
  for (let at = png.length; at < size; at += fill.length) bytes.set(fill.subarray(0, size - at), at);
  return bytes;
}

describe('the inbox: sharing into a locked vault, then filing after unlock', () => {
  it('seals a file and a link with nothing in clear, then files them with the right SHA-256 and removes the deposits', async () => {
    const { db, caseId } = await lockedVaultWithCase();
    const png = pngOfSize(3 * MiB + 5, 'BUKTI-SHARED-PNG-PATTERN-');
    const file = sharedFile(png, FILE_NAME, { type: 'image/png' });
    const location = await share(db, { files: [file], title: 'Siaran oleh pelaku', url: LINK });
    expect(location).toBe('http://127.0.0.1:4173/#/inbox');

    const stored = await everythingStored(db);
    for (const secret of [FILE_NAME, LINK, 'pelaku_rahsia_4471', 'Siaran oleh pelaku', 'BUKTI-SHARED-PNG'])
      expect(stored, secret).not.toContain(secret);

    const { vault, repo, inbox } = await unlocked(db);
    const entries = await inbox.list();
    expect(entries).toHaveLength(2);
    const fileEntry = entries.find((e) => e.kind === 'file');
    const linkEntry = entries.find((e) => e.kind === 'link');
    expect(fileEntry).toMatchObject({ name: FILE_NAME, type: 'image/png', size: png.length });
    expect(fileEntry?.sharedAt).toBe(SHARED_AT.toISOString());
    expect(linkEntry).toMatchObject({ url: LINK, name: LINK, title: 'Siaran oleh pelaku' });

    const filedFile = await inbox.fileIntoCase(fileEntry?.id ?? '', caseId, { category: 'deepfake' });
    expect(filedFile.duplicate).toBe(false);
    const item = filedFile.item;
    expect(item).toMatchObject({ caseId, kind: 'screenshot' });
    expect(item.details.sensitive).toBe(true);
    const [stored1] = item.files;
    const s = await sodium();
    expect(stored1?.sha256).toBe(s.to_hex(s.crypto_hash_sha256(png)));
    expect(stored1).toMatchObject({ size: png.length, mimeType: 'image/png', originalName: FILE_NAME });
    expect(stored1?.lastModified).toBeUndefined();
    // Facts come from the streamed bytes themselves: the PNG header and its EXIF GPS tags.
    expect(stored1?.facts).toMatchObject({ width: 640, height: 1136, hasGps: true, make: 'Pixel' });
    expectSameBytes(await collectBytes(repo.readFile(stored1?.id ?? '')), png);

    const filedLink = await inbox.fileIntoCase(linkEntry?.id ?? '', caseId, { category: 'harassment' });
    expect(filedLink.item).toMatchObject({ kind: 'webLink', files: [] });
    expect(filedLink.item.details).toMatchObject({
      contentUrl: LINK,
      platform: 'x',
      description: 'Siaran oleh pelaku',
    });

    expect(await inbox.list()).toEqual([]);
    expect(await vault.listDepositIds()).toEqual([]);
    const chunkOwners = new Set((await db.idb.getAllKeys('chunks')).map(([owner]) => owner));
    expect([...chunkOwners]).toEqual([stored1?.id]);
    const log = await repo.custodyLog();
    expect(log.map((entry) => entry.fileHashes ?? [])).toContainEqual([stored1?.sha256]);
    expect((await verifyChain(log, { trustedKey: vault.publicSigningKey })).ok).toBe(true);
  });

  it('turns a text share into message text and never files the same content into a case twice', async () => {
    const { db, caseId } = await lockedVaultWithCase();
    const message = 'Kalau kau tak bayar, gambar ni aku sebar.\nJangan main-main.  ';
    const png = buildPng(10, 10);
    await share(db, { text: message });
    await share(db, { files: [sharedFile(png, 'a.png', { type: 'image/png' })] });
    await share(db, { files: [sharedFile(png, 'same-bytes-other-name.png', { type: 'image/png' })] });
    await share(db, { text: `Tengok ni ${LINK}.` });
    await share(db, { url: `${LINK}?s=20&t=abc` });
    const { vault, repo, inbox } = await unlocked(db);

    const entries = await inbox.list();
    const text = entries.find((e) => e.kind === 'text');
    expect(text).toMatchObject({ text: message, name: 'Kalau kau tak bayar, gambar ni aku sebar.' });
    const filedText = await inbox.fileIntoCase(text?.id ?? '', caseId, { category: 'sextortion' });
    const s = await sodium();
    expect(filedText.item).toMatchObject({ kind: 'messageText', text: message });
    expect(filedText.item.textSha256).toBe(s.to_hex(s.crypto_hash_sha256(new TextEncoder().encode(message))));

    const files = entries.filter((e) => e.kind === 'file');
    const first = await inbox.fileIntoCase(files[0]?.id ?? '', caseId, { category: 'threat' });
    const second = await inbox.fileIntoCase(files[1]?.id ?? '', caseId, { category: 'threat' });
    expect(second).toEqual({ item: first.item, duplicate: true });
    // The duplicate's copy was written, found to match, and deleted: one vault file, one item.
    expect(await vault.listFileIds()).toEqual([first.item.files[0]?.id]);

    // A link in running text is found without its trailing full stop; tracking parameters do not
    // make the same post a new item.
    const links = entries.filter((e) => e.kind === 'link');
    expect(links.map((e) => (e.kind === 'link' ? e.url : '')).sort()).toEqual([LINK, `${LINK}?s=20&t=abc`]);
    const firstLink = await inbox.fileIntoCase(links[0]?.id ?? '', caseId, { category: 'threat' });
    const secondLink = await inbox.fileIntoCase(links[1]?.id ?? '', caseId, { category: 'threat' });
    expect(secondLink).toEqual({ item: firstLink.item, duplicate: true });

    expect((await repo.listItems(caseId)).map((item) => item.kind).sort()).toEqual([
      'messageText',
      'screenshot',
      'webLink',
    ]);
    expect(await vault.listDepositIds()).toEqual([]);
  });

  it('keeps facts from the head of a file too large to hold whole, and hashes every byte', async () => {
    const { db, caseId } = await lockedVaultWithCase();
    const jpeg = buildJpeg(1200, 1600, {
      make: 'Apple',
      model: 'iPhone 13',
      dateTimeOriginal: '2025:04:10 21:14:03',
    });
    const bytes = pseudoRandomBytes(33 * MiB + 3, 11);
    bytes.set(jpeg);
    await share(db, { files: [sharedFile(bytes, 'IMG_0042.jpg', { type: 'image/jpeg' })] });
    const { inbox } = await unlocked(db);
    const [entry] = await inbox.list();
    const { item } = await inbox.fileIntoCase(entry?.id ?? '', caseId, { category: 'other' });
    const s = await sodium();
    expect(item.kind).toBe('photo');
    expect(item.files[0]?.sha256).toBe(s.to_hex(s.crypto_hash_sha256(bytes)));
    expect(item.files[0]?.facts).toMatchObject({
      make: 'Apple',
      model: 'iPhone 13',
      width: 1200,
      height: 1600,
    });
  });

  it('discards, and lists deposits it cannot read as unreadable: they can be discarded but never filed', async () => {
    const { db, caseId } = await lockedVaultWithCase();
    await share(db, { files: [sharedFile(buildPng(4, 4), 'keep.png', { type: 'image/png' })] });
    const foreign = await depositFile(db, new Uint8Array(3), { v: 1, kind: 'file', note: 'not a share' });
    const damaged = await depositFile(
      db,
      new Uint8Array(3),
      sharedFileDetails({ name: 'd', type: '', size: 3 }, SHARED_AT),
    );
    const sealed = new Uint8Array((await db.idb.get('deposits', damaged)) as ArrayBuffer);
    await db.idb.put('deposits', buffer(flipped(sealed, 40, 0x01)), damaged);
    const { vault, repo, inbox } = await unlocked(db);

    const entries = await inbox.list();
    expect(
      entries
        .filter((e) => e.kind === 'unreadable')
        .map((e) => e.id)
        .sort(),
    ).toEqual([damaged, foreign].sort());
    await expectBuktiError(
      () => inbox.fileIntoCase(foreign, caseId, { category: 'other' }),
      'inbox.unreadable',
    );
    await expectBuktiError(
      () => inbox.fileIntoCase(damaged, caseId, { category: 'other' }),
      'vault.integrity',
    );
    const good = entries.find((e) => e.kind === 'file');
    await expectBuktiError(
      () => inbox.fileIntoCase(good?.id ?? '', 'no-such-case', { category: 'other' }),
      'capture.notFound',
    );

    for (const entry of entries) await inbox.discard(entry.id);
    expect(await inbox.list()).toEqual([]);
    expect(await db.idb.count('chunks')).toBe(0);
    expect(await repo.listItems()).toEqual([]);
    expect(await vault.listFileIds()).toEqual([]);
  });

  it('refuses to file a shared file whose chunk was changed, and leaves no half item or file', async () => {
    const { db, caseId } = await lockedVaultWithCase();
    const bytes = pseudoRandomBytes(2 * MiB + 9, 4);
    await share(db, { files: [sharedFile(bytes, 'video.mp4', { type: 'video/mp4' })] });
    const keys = await db.idb.getAllKeys('chunks');
    expect(keys).toHaveLength(3);
    const [owner, index] = keys[1] as [string, number];
    const chunk = new Uint8Array((await db.idb.get('chunks', [owner, index])) as ArrayBuffer);
    await db.idb.put('chunks', buffer(flipped(chunk, 100, 0x80)), [owner, index]);
    const { vault, repo, inbox } = await unlocked(db);
    const [entry] = await inbox.list();
    await expectBuktiError(
      () => inbox.fileIntoCase(entry?.id ?? '', caseId, { category: 'other' }),
      'vault.integrity',
    );
    expect(await repo.listItems()).toEqual([]);
    expect(await vault.listFileIds()).toEqual([]);
    expect(await vault.listDepositIds()).toEqual([entry?.id]);
  });
});

describe('the share target (service worker)', () => {
  it('keeps nothing and says why: no vault, an empty share, a form from another website, a full disk', async () => {
    const empty = await freshDb();
    const noVault = await receiveShare(shareRequest({ url: LINK }), ENV, { dbName: empty.name });
    expect(noVault.headers.get('location')).toBe('http://127.0.0.1:4173/?shared=no-vault#/inbox');
    expect(await empty.idb.count('deposits')).toBe(0);

    const { db } = await lockedVaultWithCase();
    expect(await share(db, { title: '  ', files: [new File([], '')] })).toBe(
      'http://127.0.0.1:4173/?shared=nothing#/inbox',
    );
    const crossSite = new Request('http://127.0.0.1:4173/share-target', {
      method: 'POST',
      body: new FormData(),
      referrer: 'https://attacker.example/page',
    });
    const refused = await receiveShare(crossSite, ENV, { dbName: db.name });
    expect(refused.headers.get('location')).toBe('http://127.0.0.1:4173/?shared=refused#/inbox');

    // The second deposit of the share (its link) hits a full disk: the file sealed before it goes too.
    let writes = 0;
    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (this.name === 'deposits' && ++writes >= 2)
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    });
    const full = await share(db, { files: [sharedFile(buildPng(2, 2), 'x.png')], url: LINK });
    vi.restoreAllMocks();
    expect(full).toBe('http://127.0.0.1:4173/?shared=storage-full#/inbox');
    expect(await db.idb.count('deposits')).toBe(0);
    expect(await db.idb.count('chunks')).toBe(0);
  });
});

describe('VaultService (what the page calls through the vault worker)', () => {
  it('lists, files and discards shared entries, and only while unlocked', async () => {
    const derive = deriveKeyInProcess(await sodium());
    const service = new VaultService(ENV, (passphrase, salt) => derive(passphrase, salt, TEST_KDF));
    await service.create(PASSPHRASE);
    const theCase = await service.createCase({ title: 'Kes peti masuk' });
    await service.lock();
    // The service worker uses the default database, as the service does.
    await receiveShare(shareRequest({ url: LINK }), ENV);
    await receiveShare(shareRequest({ text: 'Mesej yang dikongsi' }), ENV);
    await expectBuktiError(() => service.inboxList(), 'vault.locked');

    expect(await service.unlock(PASSPHRASE)).toEqual({ kind: 'ok' });
    const entries = await service.inboxList();
    expect(entries.map((entry) => entry.kind).sort()).toEqual(['link', 'text']);
    const link = entries.find((entry) => entry.kind === 'link');
    const text = entries.find((entry) => entry.kind === 'text');
    const filed = await service.inboxFile(link?.id ?? '', theCase.id, { category: 'threat' });
    expect(filed.item.details.contentUrl).toBe(LINK);
    await service.inboxDiscard(text?.id ?? '');
    expect(await service.inboxList()).toEqual([]);
    expect((await service.listItems(theCase.id)).map((item) => item.id)).toEqual([filed.item.id]);
  });
});

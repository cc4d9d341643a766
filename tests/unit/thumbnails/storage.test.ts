import { describe, expect, it } from 'vitest';
import { Thumbnails } from '../../../src/core/thumbnails/thumbnails';
import { RECORD_VERSION, SUBKEY } from '../../../src/core/vault/format';
import { backupBytes, dumpStores, populatedVault, restoreInto } from '../backup/helpers';
import { expectBuktiError, newVault } from '../vault/helpers';
import { fakeMaker, fakeThumbnailBytes, png, rawRecordsWithId, storedFile } from './helpers';

async function blobBytes(blob: Blob | undefined): Promise<number[]> {
  if (!blob) throw new Error('no thumbnail');
  return [...new Uint8Array(await blob.arrayBuffer())];
}

function contains(haystack: Uint8Array, needle: Uint8Array): boolean {
  return Buffer.from(haystack).indexOf(Buffer.from(needle)) !== -1;
}

describe('thumbnails in the vault', () => {
  it('are sealed under the thumbnails subkey and bound to their file: never in clear, refused under another id', async () => {
    const { db, vault } = await newVault();
    const { maker, calls } = fakeMaker();
    const original = png(1);
    const { file } = await storedFile(vault, original, 'skrin.png', 'image/png');
    const { file: other } = await storedFile(vault, png(2), 'lain.png', 'image/png');
    const before = await dumpStores(db);

    const view = await new Thumbnails(vault, maker).view(file);
    expect(view).toMatchObject({ width: 640, height: 320 });
    expect(view?.blob.type).toBe('image/jpeg');
    expect(await blobBytes(view?.blob)).toEqual([...fakeThumbnailBytes(original.length)]);
    // The maker was given the decrypted original, nothing else.
    expect(calls.map((c) => [c.type, [...c.bytes]])).toEqual([['image/png', [...original]]]);

    // The thumbnail and the report image, both made from that one decoding.
    const added = [...(await dumpStores(db)).keys()].filter((key) => !before.has(key));
    expect(added).toHaveLength(2);
    const records = await rawRecordsWithId(db, file.id);
    expect(records).toHaveLength(2);
    for (const record of records)
      expect([record.value[0], record.value[1]]).toEqual([RECORD_VERSION, SUBKEY.thumbnails]);
    for (const value of (await dumpStores(db)).values()) {
      expect(
        contains(Buffer.from(value, 'base64'), fakeThumbnailBytes(original.length).subarray(0, 24)),
      ).toBe(false);
    }

    // A second look reads the stored thumbnail; nothing is drawn again.
    expect(await blobBytes((await new Thumbnails(vault, maker).view(file))?.blob)).toEqual(
      await blobBytes(view?.blob),
    );
    expect(calls).toHaveLength(1);

    // The sealed pictures copied over another file's fail to open, and are not silently redrawn.
    await new Thumbnails(vault, maker).view(other);
    await new Thumbnails(vault, maker).reportImage(other);
    const made = calls.length;
    for (const record of records)
      await db.idb.put('records', record.value.slice().buffer, [record.key[0], other.id]);
    await expectBuktiError(() => new Thumbnails(vault, maker).view(other), 'vault.integrity');
    await expectBuktiError(() => new Thumbnails(vault, maker).reportImage(other), 'vault.integrity');
    expect(calls).toHaveLength(made);
    // Nor does a report image put in the thumbnail's place of its own file (or the other way round).
    const [a, b] = records as [(typeof records)[0], (typeof records)[0]];
    await db.idb.put('records', b.value.slice().buffer, a.key);
    await db.idb.put('records', a.value.slice().buffer, b.key);
    await expectBuktiError(() => new Thumbnails(vault, maker).view(file), 'vault.integrity');
    await expectBuktiError(() => new Thumbnails(vault, maker).reportImage(file), 'vault.integrity');
  });

  it('go with their file: deleting the item or the file deletes the thumbnail, and none is kept for a deleted file', async () => {
    const { db, vault } = await newVault();
    const { maker } = fakeMaker();
    const thumbnails = new Thumbnails(vault, maker);
    const { repo, file, item } = await storedFile(vault, png(3), 'a.png', 'image/png');
    await thumbnails.view(file);
    expect(await rawRecordsWithId(db, file.id)).toHaveLength(2);
    await repo.deleteItem(item.id);
    expect(await rawRecordsWithId(db, file.id)).toEqual([]);

    const second = await storedFile(vault, png(4), 'b.png', 'image/png');
    await thumbnails.view(second.file);
    await vault.deleteFile(second.file.id);
    expect(await rawRecordsWithId(db, second.file.id)).toEqual([]);
    // A thumbnail finished after its file was deleted is refused, not left behind.
    await expectBuktiError(
      () => vault.putThumbnail(second.file.id, Uint8Array.of(1, 0)),
      'vault.fileMissing',
    );
    expect(await rawRecordsWithId(db, second.file.id)).toEqual([]);
  });

  it('are made the first time an older file is shown; "none" is stored for a picture that cannot be decoded; never for video or audio', async () => {
    const { db, vault } = await newVault();
    const { maker, calls } = fakeMaker();
    const { file: heic } = await storedFile(vault, new Uint8Array(3000).fill(7), 'foto.heic', 'image/heic');
    const { file: video } = await storedFile(vault, new Uint8Array(3000).fill(8), 'klip.mp4', 'video/mp4');
    const { file: audio } = await storedFile(vault, new Uint8Array(3000).fill(9), 'suara.m4a', 'audio/mp4');

    expect(await new Thumbnails(vault, maker).view(heic)).toBeNull();
    expect(await new Thumbnails(vault, maker).view(heic)).toBeNull();
    expect(calls.map((c) => c.type)).toEqual(['image/heic']);
    expect(await rawRecordsWithId(db, heic.id)).toHaveLength(2);
    expect(await new Thumbnails(vault, maker).reportImage(heic)).toBeNull();

    for (const file of [video, audio]) {
      expect(await new Thumbnails(vault, maker).view(file)).toBeNull();
      expect(await rawRecordsWithId(db, file.id)).toEqual([]);
    }
    expect(calls).toHaveLength(1);

    // Without a maker (a runtime with no canvas) nothing is made and nothing stored.
    const { file: picture } = await storedFile(vault, png(5), 'c.png', 'image/png');
    expect(await new Thumbnails(vault).view(picture)).toBeNull();
    expect(await rawRecordsWithId(db, picture.id)).toEqual([]);
  });

  it('are not stored when the maker fails unexpectedly, so the next look tries again', async () => {
    const { db, vault } = await newVault();
    const { file } = await storedFile(vault, png(6), 'd.png', 'image/png');
    const failing = new Thumbnails(vault, {
      make: () => Promise.reject(new Error('out of memory')),
    });
    await expect(failing.view(file)).rejects.toThrow('out of memory');
    expect(await rawRecordsWithId(db, file.id)).toEqual([]);
    const { maker } = fakeMaker();
    expect(await new Thumbnails(vault, maker).view(file)).not.toBeNull();
  });

  it('stop with the vault: once locked, nothing is read or made', async () => {
    const { vault } = await newVault();
    const { maker, calls } = fakeMaker();
    const { file } = await storedFile(vault, png(7), 'e.png', 'image/png');
    vault.lock();
    await expectBuktiError(() => new Thumbnails(vault, maker).view(file), 'vault.locked');
    expect(calls).toEqual([]);
  });

  it('travel in backups: restored byte for byte, readable without drawing again', async () => {
    const source = await populatedVault([4000, 2048]);
    const { maker, calls } = fakeMaker();
    const files = (await source.repo.listItems()).flatMap((item) => item.files);
    const views = [];
    for (const file of files)
      views.push(await blobBytes((await new Thumbnails(source.vault, maker).view(file))?.blob));
    expect(calls).toHaveLength(2);

    const restored = await restoreInto(await backupBytes(source.db));
    for (const [i, file] of files.entries()) {
      expect((await rawRecordsWithId(restored.db, file.id)).map((r) => [...r.value])).toEqual(
        (await rawRecordsWithId(source.db, file.id)).map((r) => [...r.value]),
      );
      expect(await blobBytes((await new Thumbnails(restored.vault, maker).view(file))?.blob)).toEqual(
        views[i],
      );
    }
    expect(calls).toHaveLength(2);
  });
});

describe('making thumbnails', () => {
  it('decodes one picture at a time, however many are asked for together', async () => {
    const { vault } = await newVault();
    const files = [];
    for (const seed of [21, 22, 23, 24])
      files.push((await storedFile(vault, png(seed), `${seed}.png`, 'image/png')).file);
    const { maker } = fakeMaker();
    const events: string[] = [];
    const thumbnails = new Thumbnails(vault, {
      async make(original, maxEdges) {
        events.push('start');
        // Gives the other requests every chance to start a decode of their own meanwhile.
        for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
        events.push('end');
        return maker.make(original, maxEdges);
      },
    });
    const views = await Promise.all(files.map((file) => thumbnails.view(file)));
    expect(views.every((view) => view !== null)).toBe(true);
    expect(events).toEqual(files.flatMap(() => ['start', 'end']));
  });
});

import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadSodium } from '../../../src/core/crypto/sodium';
import { verifyChain } from '../../../src/core/custody/verify';
import { isBuktiError } from '../../../src/core/errors';
import { WHOLE_READ_BYTES } from '../../../src/core/evidence/ingest';
import { EvidenceRepository } from '../../../src/core/evidence/repository';
import { createVault, openVaultDb } from '../../../src/core/vault';

async function freshRepository(name: string) {
  const db = await openVaultDb({ indexedDB, IDBKeyRange }, { name });
  const vault = await createVault(db, 'frasa laluan ujian repositori', {
    kdfParams: { opslimit: 1, memlimit: 8 * 1024 * 1024 },
  });
  return { vault, repo: new EvidenceRepository(vault) };
}

function pngBytes(seed: number, size = 3 * 1024 * 1024 + 17): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  for (let i = 8; i < size; i++) bytes[i] = (i * 31 + seed) & 0xff;
  return bytes;
}

async function collect(chunks: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

describe('EvidenceRepository', () => {
  it('keeps originals byte for byte with the SHA-256 of exactly those bytes, and a verifiable custody log', async () => {
    const { vault, repo } = await freshRepository('repo-roundtrip');
    const sodium = await loadSodium();
    const theCase = await repo.createCase({
      title: 'Gambar palsu di Telegram',
      narrative: 'Apa yang berlaku…',
    });
    const bytes = pngBytes(7);
    const file = await repo.importFile({ blob: new Blob([bytes]), name: 'skrin.png', type: 'image/png' });
    expect(file.sha256).toBe(sodium.to_hex(sodium.crypto_hash_sha256(bytes)));
    expect(file.size).toBe(bytes.length);
    const item = await repo.addItem(
      {
        caseId: theCase.id,
        kind: 'screenshot',
        details: { category: 'deepfake', contentUrl: 'https://t.me/kumpulan/123' },
      },
      [file],
    );
    expect(item.details.sensitive).toBe(true);
    expect(item.details.platform).toBe('telegram');
    // Compared as buffers: a deep equality over 3 MiB element by element takes most of a minute.
    expect(Buffer.from(await collect(repo.readFile(file.id))).equals(Buffer.from(bytes))).toBe(true);
    expect(await repo.findDuplicate(theCase.id, file.sha256)).toBe(item.id);

    const edited = await repo.editItem(item.id, { description: 'Disiarkan semula oleh akaun lain' });
    expect(edited.history).toHaveLength(1);
    await repo.deleteItem(item.id);
    expect(await repo.getItem(item.id)).toBeUndefined();
    expect(await vault.fileInfo(file.id)).toBeUndefined();

    const log = await repo.custodyLog();
    expect(log.map((e) => e.event)).toEqual(['created', 'created', 'edited', 'deleted']);
    // Deleting an item leaves its hashes in the log.
    expect(log[3]?.fileHashes).toEqual([file.sha256]);
    const report = await verifyChain(log, { trustedKey: vault.publicSigningKey });
    expect(report.ok).toBe(true);
  });

  it('keeps a file too large to read whole, slice by slice, with the SHA-256 of exactly its bytes', async () => {
    const { vault, repo } = await freshRepository('repo-large');
    const bytes = pngBytes(3, WHOLE_READ_BYTES + 2 * 1024 * 1024 + 5);
    const file = await repo.importFile({ blob: new Blob([bytes]), name: 'rakaman.png', type: 'image/png' });
    expect(file.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(file.size).toBe(bytes.length);
    expect(await vault.fileInfo(file.id)).toEqual({ size: bytes.length, chunks: 11 });
    expect(Buffer.from(await collect(repo.readFile(file.id))).equals(Buffer.from(bytes))).toBe(true);
  });

  it('refuses an empty file and leaves no half item when the record cannot be written', async () => {
    const { vault, repo } = await freshRepository('repo-failures');
    await expect(
      repo.importFile({ blob: new Blob([]), name: 'kosong.png', type: 'image/png' }),
    ).rejects.toSatisfy((e) => isBuktiError(e, 'capture.emptyFile'));
    const theCase = await repo.createCase({ title: 'Kes' });
    const file = await repo.importFile({
      blob: new Blob([pngBytes(1, 1000)]),
      name: 'a.png',
      type: 'image/png',
    });
    const filesBefore = await vault.listFileIds();
    expect(filesBefore).toContain(file.id);
    // A photo item with an invalid category is refused when the record is built: its file must go.
    await expect(
      repo.addItem({ caseId: theCase.id, kind: 'photo', details: { category: 'nonsense' as 'other' } }, [
        file,
      ]),
    ).rejects.toThrow();
    expect(await vault.listFileIds()).not.toContain(file.id);
    expect(await repo.listItems(theCase.id)).toEqual([]);
  });
});

import { describe, expect, it, vi } from 'vitest';
import { verifyChain } from '../../../src/core/custody/verify';
import { BuktiError, isBuktiError } from '../../../src/core/errors';
import { captureFiles } from '../../../src/core/evidence/capture-files';
import { EvidenceRepository, type IncomingFile } from '../../../src/core/evidence/repository';
import { createVault, openVaultDb } from '../../../src/core/vault';

async function freshRepository(name: string) {
  const db = await openVaultDb({ indexedDB, IDBKeyRange }, { name });
  const vault = await createVault(db, 'frasa laluan ujian tangkapan', {
    kdfParams: { opslimit: 1, memlimit: 8 * 1024 * 1024 },
  });
  return { vault, repo: new EvidenceRepository(vault) };
}

function screenshot(name: string, seed: number, size = 1024 * 1024 + 99): IncomingFile {
  const bytes = new Uint8Array(size);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  for (let i = 8; i < size; i++) bytes[i] = (i * 13 + seed) & 0xff;
  return { blob: new Blob([bytes]), name, type: 'image/png' };
}

/** A picked file that cannot be read (moved or changed on disk after it was picked). */
function unreadable(name: string): IncomingFile {
  const failing = {
    size: 2048,
    type: 'image/png',
    slice: () => failing,
    arrayBuffer: () => Promise.reject(new DOMException('The file changed on disk', 'NotReadableError')),
  };
  return { blob: failing as unknown as Blob, name, type: 'image/png' };
}

describe('captureFiles', () => {
  it('adds one item per file in the order given, once per distinct file, with a verifiable log', async () => {
    const { vault, repo } = await freshRepository('capture-order');
    const theCase = await repo.createCase({ title: 'Kes' });
    const earlier = await captureFiles(repo, theCase.id, [screenshot('lama.png', 9)], { category: 'threat' });
    const files = [
      screenshot('satu.png', 1),
      screenshot('dua.png', 2),
      screenshot('satu-lagi.png', 1),
      screenshot('lama-lagi.png', 9),
      screenshot('tiga.png', 3, 10),
    ];
    const result = await captureFiles(repo, theCase.id, files, { category: 'harassment' });

    expect(result.added.map((item) => item.files[0]?.originalName)).toEqual([
      'satu.png',
      'dua.png',
      'tiga.png',
    ]);
    expect(result.duplicates).toEqual([
      { name: 'satu-lagi.png', itemId: result.added[0]?.id },
      { name: 'lama-lagi.png', itemId: earlier.added[0]?.id },
    ]);
    // Duplicates leave no file behind.
    const kept = [...earlier.added, ...result.added].map((item) => item.files[0]?.id).sort();
    expect((await vault.listFileIds()).sort()).toEqual(kept);
    const log = await repo.custodyLog();
    expect(log.filter((e) => e.event === 'created' && e.itemId).map((e) => e.itemId)).toEqual(
      [...earlier.added, ...result.added].map((item) => item.id),
    );
    expect((await verifyChain(log, { trustedKey: vault.publicSigningKey })).ok).toBe(true);
  });

  it('stops at a file that cannot be read: earlier items stay, the file read ahead is not kept', async () => {
    const { vault, repo } = await freshRepository('capture-failure');
    const theCase = await repo.createCase({ title: 'Kes' });
    const files = [screenshot('satu.png', 1), unreadable('hilang.png'), screenshot('tiga.png', 3)];
    const error = await captureFiles(repo, theCase.id, files, { category: 'threat' }).catch(
      (e: unknown) => e,
    );

    expect(isBuktiError(error, 'capture.readFailed')).toBe(true);
    const items = await repo.listItems(theCase.id);
    expect(items.map((item) => item.files[0]?.originalName)).toEqual(['satu.png']);
    expect(await vault.listFileIds()).toEqual([items[0]?.files[0]?.id]);
  });

  it('writes the items of a batch in a few transactions, in order, with the log chained', async () => {
    const { vault, repo } = await freshRepository('capture-groups');
    const theCase = await repo.createCase({ title: 'Kes' });
    // The first commit is held until every file is stored, as a slow disk would hold it.
    const original = vault.writeRecords.bind(vault);
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let first = true;
    const writes = vi.spyOn(vault, 'writeRecords').mockImplementation(async (changes, options) => {
      if (first) {
        first = false;
        await held;
      }
      return original(changes, options);
    });
    const files = Array.from({ length: 12 }, (_, i) => screenshot(`skrin-${i}.png`, 40 + i, 300_000));
    const capturing = captureFiles(repo, theCase.id, files, { category: 'threat' });
    await expect.poll(async () => (await vault.listFileIds()).length, { timeout: 30_000 }).toBe(files.length);
    release();
    const result = await capturing;
    expect(result.added.map((item) => item.files[0]?.originalName)).toEqual(files.map((f) => f.name));
    // The files imported while the first commit ran all went in the next one.
    expect(writes.mock.calls.map(([changes]) => changes.filter((c) => c.store === 'items').length)).toEqual([
      1, 11,
    ]);
    const written = writes.mock.calls.flatMap(([changes]) => changes.filter((c) => c.store === 'items'));
    expect(written.map((c) => c.id)).toEqual(result.added.map((item) => item.id));
    const log = await repo.custodyLog();
    expect((await verifyChain(log, { trustedKey: vault.publicSigningKey })).ok).toBe(true);
    expect(log.filter((e) => e.event === 'created' && e.itemId).map((e) => e.itemId)).toEqual(
      result.added.map((item) => item.id),
    );
  });

  it('stops when a commit fails: earlier items stay, no file of that group or after it is left', async () => {
    const { vault, repo } = await freshRepository('capture-commit-failure');
    const theCase = await repo.createCase({ title: 'Kes' });
    const original = vault.writeRecords.bind(vault);
    let commits = 0;
    vi.spyOn(vault, 'writeRecords').mockImplementation(async (changes) => {
      if (changes.some((c) => c.store === 'items') && ++commits === 2)
        throw new BuktiError('vault.quotaExceeded');
      return original(changes);
    });
    const files = Array.from({ length: 8 }, (_, i) => screenshot(`penuh-${i}.png`, 70 + i, 200_000));
    const error = await captureFiles(repo, theCase.id, files, { category: 'threat' }).catch(
      (e: unknown) => e,
    );
    expect(isBuktiError(error, 'vault.quotaExceeded')).toBe(true);
    vi.restoreAllMocks();
    const items = await repo.listItems(theCase.id);
    expect(items.length).toBeGreaterThan(0);
    expect(items.length).toBeLessThan(files.length);
    // The first commit's items, in order, each with its file; nothing else is stored.
    expect(items.map((item) => item.files[0]?.originalName).sort()).toEqual(
      files
        .slice(0, items.length)
        .map((f) => f.name)
        .sort(),
    );
    expect((await vault.listFileIds()).sort()).toEqual(items.map((item) => item.files[0]?.id).sort());
  });
});

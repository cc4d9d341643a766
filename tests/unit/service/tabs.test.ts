import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { encodeJournal } from '../../../src/core/backup/journal';
import { restoreBackup } from '../../../src/core/backup/restore';
import { isBuktiError } from '../../../src/core/errors';
import { VaultService } from '../../../src/core/service/vault-service';
import { createVault, type IdbEnvironment, openVaultDb } from '../../../src/core/vault';
import { META } from '../../../src/core/vault/meta';
import { inProcessWriterLock } from '../../../src/core/vault/writer-lock';
import { cachedDerive, populatedVault } from '../backup/helpers';
import { PASSPHRASE, TEST_KDF } from '../vault/helpers';

const PASS = PASSPHRASE;
const derive = cachedDerive();
const rejectsWith = (code: string) => (error: unknown) => isBuktiError(error) && error.code === code;
const STORES = ['meta', 'records', 'files', 'chunks', 'deposits'] as const;

/**
 * Holds key derivations while closed, so an operation that took the lock stays inside it while the test
 * looks from another tab (a restore derives the backup's key after taking the lock).
 */
function derivationGate() {
  let release = () => {};
  let waiting: Promise<void> | null = null;
  return {
    close() {
      waiting = new Promise<void>((resolve) => {
        release = resolve;
      });
    },
    open() {
      release();
      waiting = null;
    },
    pass: () => waiting ?? Promise.resolve(),
  };
}
type DerivationGate = ReturnType<typeof derivationGate>;

/** One browser profile: every service on it is a tab (or worker) of the same origin. */
function profile(): { env: IdbEnvironment; tab: (gate?: DerivationGate) => VaultService } {
  const env = { indexedDB: new IDBFactory(), IDBKeyRange };
  return {
    env,
    tab: (gate) =>
      new VaultService(env, async (p, s) => {
        await gate?.pass();
        return derive(p, s, TEST_KDF);
      }),
  };
}

async function counts(env: IdbEnvironment): Promise<Record<string, number>> {
  const db = await openVaultDb(env);
  const out: Record<string, number> = {};
  for (const store of STORES) out[store] = await db.idb.count(store);
  db.close();
  return out;
}

async function backupOf(fileSizes: number[]): Promise<Blob> {
  const { startBackup } = await import('../../../src/core/backup/create');
  const { db } = await populatedVault(fileSizes);
  const started = await startBackup(db, PASS, { deriveKey: derive });
  if (started.kind !== 'ok') throw new Error(started.kind);
  const parts: Uint8Array[] = [];
  for await (const piece of started.pieces) parts.push(piece);
  return new Blob(parts as BlobPart[]);
}

describe('one writer at a time across tabs', () => {
  it('refuses to create a vault while another tab restores, and the restore finishes whole', async () => {
    const backup = await backupOf([3 * 1024 * 1024, 500]);
    const { env, tab } = profile();
    const gate = derivationGate();
    const restoring = tab(gate);
    const other = tab();
    gate.close();
    const restore = restoring.restoreBackup(backup, PASS);
    // The lock is taken before anything is read; the other tab sees what is happening.
    await expect.poll(() => other.writerHolder(), { timeout: 30_000 }).toBe('restore');
    await expect(other.create('frasa laluan tab lain')).rejects.toSatisfy(rejectsWith('vault.busy.restore'));
    await expect(other.cleanUpInterrupted()).resolves.toBeNull();
    gate.open();
    await restore;
    expect(await other.writerHolder()).toBeNull();
    expect(await other.status()).toBe('locked');
    expect((await other.unlock(PASS)).kind).toBe('ok');
    expect((await other.listItems()).length).toBeGreaterThan(0);
    expect((await counts(env)).meta).toBe(4);
  });

  it('waits for a starting tab tidying up, and refuses anything else at once', async () => {
    const lock = inProcessWriterLock({}, 'vault');
    let release: () => void = () => undefined;
    const tidying = lock.hold('cleanup', () => new Promise<void>((resolve) => (release = resolve)));
    const creating = lock.hold('create', async () => 'created');
    expect(await lock.holder()).toBe('cleanup');
    release();
    await tidying;
    expect(await creating).toBe('created');
    const restoring = lock.hold('restore', () => new Promise<void>((resolve) => (release = resolve)));
    await expect(lock.hold('create', async () => 'created')).rejects.toSatisfy(
      rejectsWith('vault.busy.restore'),
    );
    release();
    await restoring;
  });

  it('lets one passphrase change run and refuses the other clearly', async () => {
    const { tab } = profile();
    const first = tab();
    await first.create(PASS);
    const second = tab();
    expect((await second.unlock(PASS)).kind).toBe('ok');
    const results = await Promise.allSettled([
      first.changePassphrase(PASS, 'frasa baharu yang pertama'),
      second.changePassphrase(PASS, 'frasa baharu yang kedua'),
    ]);
    expect(results[0]).toEqual({ status: 'fulfilled', value: { kind: 'ok' } });
    expect(results[1].status).toBe('rejected');
    expect(rejectsWith('vault.busy.passphrase')((results[1] as PromiseRejectedResult).reason)).toBe(true);
    await second.lock();
    expect((await second.unlock('frasa baharu yang pertama')).kind).toBe('ok');
  });

  it('refuses to unlock or erase while another tab replaces the vault', async () => {
    const backup = await backupOf([2 * 1024 * 1024]);
    const { tab } = profile();
    const gate = derivationGate();
    const replacing = tab(gate);
    await replacing.create(PASS);
    const other = tab();
    gate.close();
    const replace = replacing.restoreBackup(backup, PASS, true);
    await expect.poll(() => other.writerHolder(), { timeout: 30_000 }).toBe('replace');
    await expect(other.unlock(PASS)).rejects.toSatisfy(rejectsWith('vault.busy.replace'));
    await expect(other.erase(null)).rejects.toSatisfy(rejectsWith('vault.busy.replace'));
    gate.open();
    await replace;
    expect((await other.unlock(PASS)).kind).toBe('ok');
  });
});

describe('a restore that was abandoned', () => {
  it('cannot add anything to a vault created after it lost the device', async () => {
    const backup = await backupOf([3 * 1024 * 1024, 3 * 1024 * 1024, 700]);
    const env = { indexedDB: new IDBFactory(), IDBKeyRange };
    const db = await openVaultDb(env);
    const other = await openVaultDb(env);
    let created: Promise<unknown> | undefined;
    // The restore's tab lost its lock (say, a browser without Web Locks): another creates a vault
    // while the restore is writing. Its next batch, or its commit, must find the journal gone.
    const restore = restoreBackup(backup, PASS, {
      deriveKey: derive,
      checkFirst: false,
      openTarget: async () => db,
      onProgress: (progress) => {
        if (progress.phase === 'writing' && progress.bytesRead > 0)
          created ??= createVault(other, 'frasa laluan vault baharu', { kdfParams: TEST_KDF });
      },
    });
    await expect(restore).rejects.toSatisfy(rejectsWith('backup.superseded'));
    await created;
    // The new vault holds only what creating it wrote (its ledger): no record, file or chunk of the restore.
    expect(await counts(env)).toEqual({ meta: 4, records: 1, files: 0, chunks: 0, deposits: 0 });
  });

  it('is found at the next start, removed, and named by its mode', async () => {
    for (const mode of ['restore', 'replace'] as const) {
      const { env, tab } = profile();
      const db = await openVaultDb(env);
      // What a page closed mid-restore leaves: the journal, and values without a header.
      await db.idb.put('meta', encodeJournal({ id: 'a1', mode }).buffer as ArrayBuffer, META.restoring);
      await db.idb.put('records', new Uint8Array([1, 2]).buffer, ['0'.repeat(32), 'left']);
      await db.idb.put('chunks', new Uint8Array([4]).buffer, ['left-file', 0]);
      db.close();
      const service = tab();
      expect(await service.status()).toBe('absent');
      expect(await service.cleanUpInterrupted()).toBe(mode);
      expect(await counts(env)).toEqual({ meta: 0, records: 0, files: 0, chunks: 0, deposits: 0 });
      expect(await service.cleanUpInterrupted()).toBeNull();
    }
  });

  it('leaves a vault alone, and a device without leftovers says nothing', async () => {
    const { env, tab } = profile();
    const service = tab();
    expect(await service.cleanUpInterrupted()).toBeNull();
    await service.create(PASS);
    await service.createCase({ title: 'Kes' });
    const before = await counts(env);
    expect(await service.cleanUpInterrupted()).toBeNull();
    expect(await counts(env)).toEqual(before);
  });
});

/**
 * Simulates the page closing at a chosen point: once `budget` more write transactions (or database
 * deletions) have been started, every later one throws, as nothing runs after a tab is gone.
 */
function cutAfterWrites() {
  const database = IDBDatabase.prototype as unknown as { transaction: (...args: unknown[]) => unknown };
  const factory = IDBFactory.prototype as unknown as { deleteDatabase: (...args: unknown[]) => unknown };
  const transaction = database.transaction;
  const deleteDatabase = factory.deleteDatabase;
  const state = { budget: Number.POSITIVE_INFINITY, steps: 0 };
  const step = () => {
    if (state.budget <= 0) throw new DOMException('The page was closed.', 'InvalidStateError');
    state.budget--;
    state.steps++;
  };
  database.transaction = function (this: unknown, ...args: unknown[]) {
    if (args[1] === 'readwrite') step();
    return transaction.apply(this, args);
  };
  factory.deleteDatabase = function (this: unknown, ...args: unknown[]) {
    step();
    return deleteDatabase.apply(this, args);
  };
  return {
    state,
    restore() {
      database.transaction = transaction;
      factory.deleteDatabase = deleteDatabase;
    },
  };
}

/**
 * Runs `operation` on a fresh vault (one case, "Kes lama") once per point it can be cut off at: after
 * each write transaction in turn, and finally not at all. After each run a new tab of that profile is
 * handed to `check`, which names the outcome; the names seen are returned.
 */
async function cutAtEveryStep(
  operation: (service: VaultService) => Promise<boolean>,
  check: (after: VaultService, env: IdbEnvironment, finished: boolean) => Promise<string>,
): Promise<string[]> {
  const cut = cutAfterWrites();
  const outcomes = new Set<string>();
  try {
    for (let budget = 0; ; budget++) {
      const { env, tab } = profile();
      const before = tab();
      await before.create(PASS);
      await before.createCase({ title: 'Kes lama' });
      cut.state.budget = budget;
      const finished = await operation(before).catch(() => false);
      cut.state.budget = Number.POSITIVE_INFINITY;
      outcomes.add(await check(tab(), env, finished));
      if (finished) break;
      expect(budget).toBeLessThan(200);
    }
  } finally {
    cut.restore();
  }
  return [...outcomes].sort();
}

const EMPTY_DEVICE = { meta: 0, records: 0, files: 0, chunks: 0, deposits: 0 };

describe('a replace or an erase cut off at any point', () => {
  it('a replace leaves the old vault whole, the backup’s vault whole, or an empty device that says a replace was interrupted', async () => {
    const backup = await backupOf([1500, 700]);
    const outcomes = await cutAtEveryStep(
      (service) => service.restoreBackup(backup, PASS, true).then(() => true),
      async (after, env, finished) => {
        if ((await after.status()) === 'locked') {
          expect((await after.unlock(PASS)).kind).toBe('ok');
          const titles = (await after.listCases()).map((c) => c.title);
          if (!finished) expect(titles).toContain('Kes lama');
          return titles.includes('Kes lama') ? 'old vault' : 'backup’s vault';
        }
        expect(await after.status()).toBe('absent');
        // Never an empty device that says nothing: the person is told what happened and what to do.
        expect(await after.cleanUpInterrupted()).toBe('replace');
        expect(await counts(env)).toEqual(EMPTY_DEVICE);
        return 'interrupted';
      },
    );
    expect(outcomes).toEqual(['backup’s vault', 'interrupted', 'old vault']);
  });

  it('an erase leaves the vault whole or an empty device ready for a new one', async () => {
    const outcomes = await cutAtEveryStep(
      (service) => service.erase(PASS).then((result) => result.kind === 'ok'),
      async (after, env, finished) => {
        if ((await after.status()) === 'locked') {
          expect(finished).toBe(false);
          expect((await after.unlock(PASS)).kind).toBe('ok');
          expect((await after.listCases()).map((c) => c.title)).toEqual(['Kes lama']);
          return 'vault whole';
        }
        expect(await after.status()).toBe('absent');
        // What the person asked for: nothing to explain, and a new vault can be made at once.
        expect(await after.cleanUpInterrupted()).toBeNull();
        expect(await counts(env)).toEqual(EMPTY_DEVICE);
        await after.create('frasa laluan untuk vault baharu');
        expect(await after.listCases()).toEqual([]);
        return 'empty';
      },
    );
    expect(outcomes).toEqual(['empty', 'vault whole']);
  });

  it('never empties a vault whose header is whole, even with a journal beside it', async () => {
    const { env, tab } = profile();
    const service = tab();
    await service.create(PASS);
    await service.createCase({ title: 'Kes' });
    const db = await openVaultDb(env);
    await db.idb.put(
      'meta',
      encodeJournal({ id: 'b2', mode: 'replace' }).buffer as ArrayBuffer,
      META.restoring,
    );
    db.close();
    const next = tab();
    expect(await next.status()).toBe('locked');
    expect(await next.cleanUpInterrupted()).toBeNull();
    expect(await next.status()).toBe('locked');
    expect((await next.unlock(PASS)).kind).toBe('ok');
    expect((await next.listCases()).map((c) => c.title)).toEqual(['Kes']);
  });
});

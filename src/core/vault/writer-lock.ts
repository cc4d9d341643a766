import { BuktiError } from '../errors';
import type { MessageKey } from '../i18n';

/**
 * Operations that change what the vault *is* (its keys, its header, whether it exists). Only one runs
 * at a time on a device, across tabs and workers; ordinary writes (captures, edits) need no lock.
 */
export const STRUCTURAL_OPERATIONS = [
  'create',
  'restore',
  'replace',
  'erase',
  'passphrase',
  'rekey',
  'cleanup',
] as const;
export type StructuralOperation = (typeof STRUCTURAL_OPERATIONS)[number];

/** Who holds the lock: a named operation, `other` when it is held but not (yet) named, or nobody. */
export type LockHolder = StructuralOperation | 'other' | null;

/**
 * The one-writer-at-a-time lock of one vault database. In the browser it is a Web Lock (shared by every
 * tab and worker of the origin, released when its holder's page or worker ends); in Node an in-process
 * lock. Passed in through `IdbEnvironment.writerLock`, so the core never reaches for `navigator`.
 */
export interface WriterLock {
  /**
   * Runs `work` holding the lock exclusively. When another operation holds it, nothing runs and the
   * call fails at once with `vault.busy.<operation>`, which says what is happening and what to do;
   * only a `cleanup` (a few transactions, run when a tab starts) is waited for.
   */
  hold<T>(operation: StructuralOperation, work: () => Promise<T>): Promise<T>;
  /** The operation holding the lock right now, anywhere on this device. */
  holder(): Promise<LockHolder>;
}

export type WriterLockFactory = (dbName: string) => WriterLock;

/** The message for "another window is doing `holder`": what is happening and what to do. */
export function busyMessage(holder: Exclude<LockHolder, null>): MessageKey {
  return `vault.busy.${holder === 'cleanup' ? 'other' : holder}`;
}

/** The typed refusal of an operation that found the lock taken. */
export function busyError(holder: LockHolder): BuktiError {
  return new BuktiError(busyMessage(holder ?? 'other'));
}

/** Operations running, per IndexedDB factory (one browser profile) and database name. */
const held = new WeakMap<object, Map<string, StructuralOperation>>();

/**
 * The lock for one process (Node: the CLI, tests). Every service of the process that opens database
 * `dbName` of the same IndexedDB factory shares it, as tabs of one profile share a Web Lock.
 */
export function inProcessWriterLock(factory: object, dbName: string): WriterLock {
  let running = held.get(factory);
  if (running === undefined) {
    running = new Map();
    held.set(factory, running);
  }
  const map = running;
  const done = new Map<string, Promise<unknown>>();
  return {
    async hold(operation, work) {
      while (map.get(dbName) === 'cleanup') await done.get(dbName)?.catch(() => undefined);
      const current = map.get(dbName);
      if (current !== undefined) throw busyError(current);
      map.set(dbName, operation);
      const run = work();
      done.set(dbName, run);
      try {
        return await run;
      } finally {
        map.delete(dbName);
      }
    },
    async holder() {
      return map.get(dbName) ?? null;
    },
  };
}

import {
  busyError,
  inProcessWriterLock,
  STRUCTURAL_OPERATIONS,
  type WriterLock,
} from '../../core/vault/writer-lock';

/**
 * The vault's writer lock as a Web Lock, shared by every tab and worker of the origin and released by
 * the browser when its holder's page or worker ends (so a closed tab never leaves it taken). Two
 * locks: `<db>-writer` is the exclusive one; `<db>-writer-<operation>`, held inside it, lets
 * `navigator.locks.query()` say what is happening. Names follow the database's neutral name.
 */
export function webWriterLock(dbName: string): WriterLock {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  // Browsers without Web Locks (Safari before 15.4): one worker's lock; the restore journal still
  // keeps writes of two restores apart.
  if (!locks) return inProcessWriterLock(globalThis, dbName);
  const base = `${dbName}-writer`;
  const holder: WriterLock['holder'] = async () => {
    const { held = [] } = await locks.query();
    if (!held.some((lock) => lock.name === base)) return null;
    const named = held.find((lock) => lock.name?.startsWith(`${base}-`));
    const operation = STRUCTURAL_OPERATIONS.find((op) => named?.name === `${base}-${op}`);
    return operation ?? 'other';
  };
  return {
    holder,
    async hold(operation, work) {
      const run = () => locks.request(`${base}-${operation}`, work);
      const outcome = await locks.request(base, { ifAvailable: true }, async (lock) => {
        if (lock === null) return { taken: true as const };
        return { taken: false as const, value: await run() };
      });
      if (!outcome.taken) return outcome.value;
      const current = await holder();
      if (current !== 'cleanup') throw busyError(current);
      // A tab tidying up at its start: a few transactions, worth waiting for.
      return locks.request(base, run);
    },
  };
}

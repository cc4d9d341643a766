import type { Page } from 'playwright-core';

// What the two-tab tests look at in a page: the vault's stores, and every state the page draws.

/** How many values each object store of the vault database holds; {} when there is no database. */
export function storeCounts(page: Page): Promise<Record<string, number>> {
  return page.evaluate(async () => {
    // Opening a database that does not exist would create it: look first.
    if (!(await indexedDB.databases()).some((info) => info.name === 'vault')) return {};
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('vault');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const counts: Record<string, number> = {};
    for (const name of Array.from(db.objectStoreNames)) {
      counts[name] = await new Promise<number>((resolve) => {
        const request = db.transaction(name).objectStore(name).count();
        request.onsuccess = () => resolve(request.result);
      });
    }
    db.close();
    return counts;
  });
}

export const EMPTY = { meta: 0, records: 0, files: 0, chunks: 0, deposits: 0 };

/**
 * Has the page report, as it happens, every state it shows: the text of its main part and whether
 * "Create vault" is there and enabled. A state that lasts less than one look from the test is kept,
 * and so is what the page showed just before it was left.
 */
export async function recordStates(page: Page): Promise<string[]> {
  const seen: string[] = [];
  await page.exposeFunction('reportState', (shown: string) => {
    if (seen.at(-1) !== shown) seen.push(shown);
  });
  await page.evaluate(() => {
    const report = (window as unknown as { reportState(shown: string): void }).reportState;
    const look = () => {
      const create = [...document.querySelectorAll('button')].find(
        (button) => button.textContent?.trim() === 'Create vault',
      );
      const state = create === undefined ? 'absent' : create.disabled ? 'disabled' : 'enabled';
      report(`${document.querySelector('main')?.textContent ?? ''} [create: ${state}]`);
    };
    const options = { subtree: true, childList: true, characterData: true, attributes: true };
    new MutationObserver(look).observe(document.body, options);
    look();
  });
  return seen;
}

/**
 * Leaves the app, as closing its tab would, the moment it shows a status matching `pattern`: the page
 * itself acts as it draws the status, so a restore is cut at that point however short the status lasts.
 */
export async function leaveWhenShown(page: Page, pattern: RegExp): Promise<void> {
  await page.evaluate((source) => {
    const wanted = new RegExp(source);
    const observer = new MutationObserver(() => {
      for (const status of document.querySelectorAll('[role="status"]'))
        if (wanted.test(status.textContent ?? '')) {
          observer.disconnect();
          location.replace('about:blank');
          return;
        }
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  }, pattern.source);
}

/** Names in the origin-private file system (where the fake save dialog puts picked files). */
export function privateFiles(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const root = await navigator.storage.getDirectory();
    const names: string[] = [];
    for await (const name of (root as unknown as { keys(): AsyncIterable<string> }).keys()) names.push(name);
    return names;
  });
}

import type { Browser, Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVaultThroughUi, heading, inApp, launchChromium, unlockThroughUi } from './harness';
import { storeCounts } from './tabs-helpers';

const PASSPHRASE = 'nasi lemak sambal sotong';
const CHANGED = 'teh tarik kurang manis';
const OTHER = 'roti canai telur bawang';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

interface KdfGate {
  armed: boolean;
  held: number;
  waiting: Array<() => void>;
}

/**
 * In every worker of the page (the vault worker among them): once armed, the answer of each Argon2id
 * derivation it asks a KDF worker for is held back until `openKdfGate`. A passphrase change is then
 * caught in the middle, holding the vault's writer lock, for as long as the test needs.
 */
async function gateDerivations(page: Page): Promise<Worker[]> {
  const workers = page.workers();
  if (workers.length === 0) throw new Error('no worker is running (the vault worker should be)');
  for (const worker of workers)
    await worker.evaluate(() => {
      const gate: KdfGate = { armed: true, held: 0, waiting: [] };
      const scope = self as unknown as { kdfGate: KdfGate; Worker: typeof Worker };
      scope.kdfGate = gate;
      const Real = scope.Worker;
      scope.Worker = class extends Real {
        #derives = false;
        override postMessage(message: unknown, transfer?: Transferable[] | StructuredSerializeOptions) {
          if ((message as { kind?: string } | null)?.kind === 'derive' && gate.armed) this.#derives = true;
          super.postMessage(message, transfer as Transferable[]);
        }
        override set onmessage(handler: ((event: MessageEvent) => void) | null) {
          super.onmessage = (event: MessageEvent) => {
            if (!this.#derives) return handler?.call(this, event);
            gate.held += 1;
            gate.waiting.push(() => handler?.call(this, event));
          };
        }
      };
    });
  return workers;
}

async function derivationsHeld(workers: Worker[]): Promise<number> {
  let held = 0;
  for (const worker of workers)
    held += await worker.evaluate(() => (self as unknown as { kdfGate: KdfGate }).kdfGate.held);
  return held;
}

async function openKdfGate(workers: Worker[]): Promise<void> {
  for (const worker of workers)
    await worker.evaluate(() => {
      const gate = (self as unknown as { kdfGate: KdfGate }).kdfGate;
      gate.armed = false;
      for (const release of gate.waiting.splice(0)) release();
    });
}

async function changePassphrase(page: Page, current: string, next: string): Promise<void> {
  await page.getByLabel('Current passphrase').fill(current);
  await page.getByLabel('New passphrase', { exact: true }).fill(next);
  await page.getByLabel('New passphrase again').fill(next);
  await page.getByRole('button', { name: 'Change passphrase' }).click();
}

describe('a passphrase change in one tab, with the vault open in another', () => {
  it('refuses a second change while the first runs, tells the other tab, and the new passphrase opens both', async () => {
    await inApp(browser, async ({ page: first, origin, context }) => {
      await first.goto(`${origin}/#/`);
      await createVaultThroughUi(first, PASSPHRASE);
      await first.getByLabel('Case name').fill('Kes frasa laluan');
      await first.getByRole('button', { name: 'Create case' }).click();
      await heading(first, 'Kes frasa laluan');
      const second = await context.newPage();
      await second.goto(`${origin}/#/settings`);
      await unlockThroughUi(second, PASSPHRASE);
      await heading(second, 'Settings');

      // The first tab's change is caught while it holds the writer lock (its Argon2id answer held back).
      await first.goto(`${origin}/#/settings`);
      await heading(first, 'Settings');
      const workers = await gateDerivations(first);
      const before = await storeCounts(first);
      await changePassphrase(first, PASSPHRASE, CHANGED);
      await expect.poll(() => derivationsHeld(workers), { timeout: 60_000 }).toBeGreaterThan(0);

      // Meanwhile the second tab tries a change of its own: refused, saying why and what to do.
      await changePassphrase(second, PASSPHRASE, OTHER);
      await second
        .getByText(
          'Bukti is changing the passphrase in another window or tab. Nothing was changed here. Wait a moment, then try again.',
        )
        .waitFor({ timeout: 60_000 });
      expect(await storeCounts(second)).toEqual(before);

      // The first change goes on and finishes; the second tab is told, and stays open and usable.
      await openKdfGate(workers);
      await first.getByText('Passphrase changed.').waitFor({ timeout: 60_000 });
      await second
        .getByText(
          'The passphrase was changed in another window or tab. Use the new passphrase the next time you unlock.',
        )
        .waitFor({ timeout: 60_000 });
      await second.goto(`${origin}/#/`);
      await heading(second, 'Cases');
      await second.getByLabel('Case name').fill('Kes tab kedua');
      await second.getByRole('button', { name: 'Create case' }).click();
      await heading(second, 'Kes tab kedua');
      await first.goto(`${origin}/#/`);
      await first.getByRole('link', { name: 'Kes tab kedua' }).waitFor({ timeout: 60_000 });

      // Locking in one locks both; only the passphrase of the first change opens the vault.
      await second.getByRole('button', { name: 'Lock', exact: true }).click();
      await heading(second, 'Unlock');
      await heading(first, 'Unlock');
      await unlockThroughUi(first, OTHER);
      await first.getByText('That passphrase did not open the vault.').waitFor();
      await unlockThroughUi(first, PASSPHRASE);
      await first.getByText('That passphrase did not open the vault.').waitFor();
      await unlockThroughUi(first, CHANGED);
      await heading(first, 'Cases');
      await first.getByRole('link', { name: 'Kes frasa laluan' }).waitFor();
      await first.getByRole('link', { name: 'Kes tab kedua' }).waitFor();
    });
  }, 300_000);
});

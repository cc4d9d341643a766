import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { compareLogs } from '../../src/core/custody/compare';
import { parseCustodyLog } from '../../src/core/custody/log';
import { addEvidence } from './capture-flow';
import {
  exportScreenWithVideo,
  fakeSaveDialog,
  gateFileWrites,
  png,
  setWriteGate,
  writeHeld,
} from './export-helpers';
import {
  createVaultThroughUi,
  heading,
  inApp,
  launchChromium,
  openForDownloads,
  recordedContext,
  skipIntroduction,
  startServer,
  stopServer,
  unlockThroughUi,
} from './harness';
import { EMPTY, leaveWhenShown, privateFiles, recordStates, storeCounts } from './tabs-helpers';

const PASSPHRASE = 'nasi lemak sambal sotong';
const dir = mkdtempSync(join(tmpdir(), 'bukti-tabs-'));

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Bytes that do not compress: a "video" big enough that restoring it takes a while. */
function videoBytes(size: number, seed = 1): Buffer {
  const bytes = Buffer.allocUnsafe(size);
  let x = 2463534242 ^ seed;
  for (let i = 0; i < size; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    bytes[i] = x & 0xff;
  }
  return bytes;
}

/** A case with one image and `videoCount` videos of 20 MiB, then a backup saved as a download. */
async function vaultWithBackup(page: Page, videoCount: number): Promise<string> {
  await createVaultThroughUi(page, PASSPHRASE);
  // Captures of many MiB take longer than the default minute without activity before the vault locks.
  await page.goto(`${new URL(page.url()).origin}/#/settings`);
  await heading(page, 'Settings');
  // The longest choice, by value: selectOption waits for the list, which is drawn once the settings are read.
  await page.getByLabel('Lock after no activity for').selectOption(String(30 * 60_000));
  await page.goto(`${new URL(page.url()).origin}/#/`);
  await heading(page, 'Cases');
  await page.getByLabel('Case name').fill('Kes dua tab');
  await page.getByRole('button', { name: 'Create case' }).click();
  await heading(page, 'Kes dua tab');
  await addEvidence(page, { files: [{ name: 'skrin-1.png', mimeType: 'image/png', buffer: png(3) }] });
  // Videos one at a time: one transfer of tens of MiB into the page is more than it carries.
  for (let i = 0; i < videoCount; i++) {
    const buffer = videoBytes(20 * 1024 * 1024, i + 1);
    await addEvidence(page, { files: [{ name: `rakaman-${i}.mp4`, mimeType: 'video/mp4', buffer }] });
  }
  await expect.poll(() => page.locator('.item-card').count(), { timeout: 60_000 }).toBe(videoCount + 1);
  await page.goto(`${new URL(page.url()).origin}/#/settings`);
  await heading(page, 'Settings');
  await page.getByLabel('Your passphrase, to make the backup').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Make a backup' }).click();
  await page.getByRole('button', { name: 'Download', exact: true }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 120_000 }),
    page.getByRole('link', { name: /^Save the backup file/ }).click(),
  ]);
  const path = join(dir, `backup-${Date.now()}.bukti`);
  await download.saveAs(path);
  await page.getByText(/is in your downloads/).waitFor();
  return path;
}

async function eraseThroughUi(page: Page): Promise<void> {
  await page.goto(`${new URL(page.url()).origin}/#/settings`);
  await heading(page, 'Settings');
  const section = page.getByRole('region', { name: 'Erase the vault' });
  await section.getByLabel('Type ERASE to confirm').fill('ERASE');
  await section.getByLabel('Your passphrase, to confirm').fill(PASSPHRASE);
  await section.getByRole('button', { name: 'Erase everything' }).click();
}

async function fillRestore(page: Page, backup: string): Promise<void> {
  await page.getByLabel('Backup file').setInputFiles(backup);
  await page.getByLabel('Passphrase of the backup').fill(PASSPHRASE);
}

/** Two pages of one profile (two tabs) on the app; the body gets both. */
async function twoTabs(body: (first: Page, second: Page, context: BrowserContext) => Promise<void>) {
  await inApp(browser, async ({ page, origin, context }) => {
    await page.goto(`${origin}/`);
    const second = await context.newPage();
    await body(page, second, context).catch(async (error) => {
      for (const open of context.pages())
        console.log(
          'PAGE:',
          await open
            .locator('main')
            .textContent({ timeout: 2000 })
            .catch(() => ''),
        );
      throw error;
    });
  });
}

let backupPath = '';

describe('two tabs on one vault in Chromium', () => {
  it('locks every tab together, shows changes and an erase across tabs, and offers no Create in a tab while another restores', async () => {
    await twoTabs(async (first, second) => {
      const origin = new URL(first.url()).origin;
      // Big enough that restoring it takes long enough to be interrupted on purpose.
      backupPath = await vaultWithBackup(first, 3);
      await second.goto(`${origin}/#/`);
      await unlockThroughUi(second, PASSPHRASE);
      await heading(second, 'Cases');
      await second.getByRole('link', { name: 'Kes dua tab' }).waitFor();

      // A case made in the first tab appears in the second without reloading it.
      await first.goto(`${origin}/#/`);
      await first.getByLabel('Case name').fill('Kes dari tab pertama');
      await first.getByRole('button', { name: 'Create case' }).click();
      await heading(first, 'Kes dari tab pertama');
      await second.getByRole('link', { name: 'Kes dari tab pertama' }).waitFor();

      // Lock in one tab locks both, and the other says why.
      await first.getByRole('button', { name: 'Lock', exact: true }).click();
      await heading(first, 'Unlock');
      await heading(second, 'Unlock');
      await second
        .getByText('Bukti was locked in another window or tab, so it is locked here too.')
        .waitFor();

      // Erased in one tab: the other is told, and offered to start again.
      await unlockThroughUi(first, PASSPHRASE);
      await heading(first, 'Kes dari tab pertama');
      await eraseThroughUi(first);
      await heading(first, 'Create your vault');
      await heading(second, 'Create your vault');
      await second.getByText(/The vault was erased in another window or tab/).waitFor();
      expect(await storeCounts(first)).toEqual(EMPTY);

      // Restoring in the first tab: neither tab can create a vault meanwhile. The restore's progress
      // can last well under a second, so each page records every state it shows, as it shows it.
      const firstStates = await recordStates(first);
      const secondStates = await recordStates(second);
      await fillRestore(first, backupPath);
      await first.getByRole('button', { name: 'Restore', exact: true }).click();
      await heading(second, 'Unlock');
      await heading(first, 'Settings');
      const restoring = firstStates.filter((state) =>
        state.includes('Restoring: each part of the backup is checked as it is written'),
      );
      expect(restoring.length).toBeGreaterThan(0);
      for (const state of restoring) {
        if (state.includes('cannot be created now')) expect(state).toMatch(/\[create: disabled\]$/);
      }
      expect(
        restoring.some((state) =>
          state.includes('A backup is being restored, so a new vault cannot be created now'),
        ),
      ).toBe(true);
      const elsewhere = secondStates.filter((state) =>
        state.includes('Bukti is restoring a backup in another window or tab'),
      );
      expect(elsewhere.length).toBeGreaterThan(0);
      for (const state of elsewhere) expect(state).toMatch(/\[create: absent\]$/);
    });
  }, 300_000);

  it('cleans up after a restore whose tab was closed, and explains an interrupted replace', async () => {
    expect(backupPath).not.toBe('');
    await twoTabs(async (first, second) => {
      const origin = new URL(first.url()).origin;
      await skipIntroduction(first);
      await heading(first, 'Create your vault');
      await second.goto(`${origin}/#/`);
      await heading(second, 'Create your vault');
      await fillRestore(first, backupPath);
      await leaveWhenShown(first, /Restoring: each part of the backup is checked as it is written/);
      await first.getByRole('button', { name: 'Restore', exact: true }).click();
      await first.waitForURL('about:blank', { timeout: 120_000 });
      await first.close({ runBeforeUnload: false });
      await second
        .getByText(/A restore on this device did not finish, and what it had written has been removed/)
        .waitFor({ timeout: 60_000 });
      await heading(second, 'Create your vault');
      expect(await storeCounts(second)).toEqual(EMPTY);

      // A replace interrupted once the old vault was erased: the device is empty, and it says why.
      await createVaultThroughUi(second, PASSPHRASE);
      await second.goto(`${origin}/#/settings`);
      await heading(second, 'Settings');
      await fillRestore(second, backupPath);
      await second.getByLabel('Type REPLACE to erase this vault and restore the backup').fill('REPLACE');
      const replaceStates = await recordStates(second);
      await leaveWhenShown(
        second,
        /The whole backup checked out. Replacing the vault on this device with it/,
      );
      await second.getByRole('button', { name: 'Erase this vault and restore' }).click();
      // Checking 60 MiB takes well over the default 30 s on a busy machine.
      await second.waitForURL('about:blank', { timeout: 120_000 });
      const checked = replaceStates.filter((state) =>
        state.includes('Checking the whole backup before changing anything'),
      );
      expect(checked.length).toBeGreaterThan(0);
      await second.close({ runBeforeUnload: false });
      const third = await first.context().newPage();
      await third.goto(`${origin}/#/`);
      await third
        .getByText(/A restore that was replacing your vault did not finish, so this device is empty/)
        .waitFor({ timeout: 60_000 });
      await heading(third, 'Create your vault');
      expect(await storeCounts(third)).toEqual(EMPTY);
    });
  }, 240_000);
});

/** Makes a bundle of the open case through the export screen and saves it; returns its path. */
async function exportBundle(page: Page, name: string): Promise<string> {
  await page.getByRole('link', { name: 'Export', exact: true }).click();
  await heading(page, 'Export a sealed bundle');
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 120_000 }),
    page.getByRole('button', { name: 'Make the bundle' }).click(),
  ]);
  const path = join(dir, name);
  await download.saveAs(path);
  await page.getByText('The bundle is ready.').waitFor({ timeout: 120_000 });
  return path;
}

function custodyOf(zip: string): unknown[] {
  const out = join(dir, `${zip.split('/').at(-1)}-x`);
  execFileSync('unzip', ['-q', '-o', zip, '-d', out]);
  return parseCustodyLog(readFileSync(join(out, 'custody-log.jsonl'), 'utf8')).records;
}

describe('an erase or a replace in one tab while the other exports', () => {
  for (const stop of ['erase', 'replace'] as const)
    it(`stops the export when another tab does ${stop === 'erase' ? 'an erase' : 'a replace'}, with a clear message, no error and nothing left behind`, async () => {
      await twoTabs(async (first, second) => {
        const origin = new URL(first.url()).origin;
        const problems: string[] = [];
        first.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
        first.on('console', (message) => {
          if (message.type() === 'error') problems.push(`console: ${message.text()}`);
        });
        await first.addInitScript(fakeSaveDialog);
        await first.goto(`${origin}/`);
        const backup = stop === 'replace' ? await vaultWithBackup(first, 0) : '';
        if (stop === 'erase') await createVaultThroughUi(first, PASSPHRASE);
        await first.goto(`${origin}/#/`);
        await heading(first, 'Cases');
        await exportScreenWithVideo(first);
        // The export holds once 1 MiB reached the picked file: the change comes mid-export, never by a guessed delay.
        const workers = await gateFileWrites(first);
        await setWriteGate(workers, { hold: true });
        await first.getByRole('button', { name: 'Make the bundle' }).click();
        await expect.poll(() => writeHeld(workers), { timeout: 120_000 }).toBe(true);
        expect((await privateFiles(first)).filter((name) => name.endsWith('.zip'))).toHaveLength(1);

        await second.goto(`${origin}/#/`);
        await unlockThroughUi(second, PASSPHRASE);
        await heading(second, 'Cases');
        if (stop === 'erase') {
          await eraseThroughUi(second);
          await heading(second, 'Create your vault');
          await heading(first, 'Create your vault');
          await first
            .getByText(/^The export stopped because the vault was erased in another window or tab\./)
            .waitFor({ timeout: 60_000 });
          await expect.poll(() => storeCounts(first), { timeout: 60_000 }).toEqual(EMPTY);
        } else {
          await second.goto(`${origin}/#/settings`);
          await heading(second, 'Settings');
          await fillRestore(second, backup);
          await second.getByLabel('Type REPLACE to erase this vault and restore the backup').fill('REPLACE');
          await second.getByRole('button', { name: 'Erase this vault and restore' }).click();
          await heading(first, 'Unlock');
          await first
            .getByText(
              'The export stopped because the vault was replaced from a backup in another window or tab. No bundle was saved. Unlock with the passphrase of that backup, then make the bundle again.',
            )
            .waitFor({ timeout: 120_000 });
          // The backup's vault, as it was: the case exported meanwhile is not in it.
          await unlockThroughUi(first, PASSPHRASE);
          await heading(first, 'Export a sealed bundle');
          await first.goto(`${origin}/#/`);
          await heading(first, 'Cases');
          await first.getByRole('link', { name: 'Kes dua tab' }).waitFor();
          expect(await first.getByRole('link', { name: 'Akaun penyamar' }).count()).toBe(0);
        }
        await expect.poll(() => privateFiles(first), { timeout: 60_000 }).toEqual([]);
        // Unhandled rejections surface as page errors and console errors: there must be none.
        expect(problems).toEqual([]);
      });
    }, 300_000);
});

describe('one vault on two devices', () => {
  it('restored on a second device: both bundles verify, and side by side they part at the restore', async () => {
    const { server, origin } = await startServer(inject('buildA'));
    const phone = await recordedContext(browser);
    const laptop = await recordedContext(browser);
    try {
      const onPhone = await phone.context.newPage();
      await openForDownloads(onPhone, origin);
      const backup = await vaultWithBackup(onPhone, 0);
      const onLaptop = await laptop.context.newPage();
      await openForDownloads(onLaptop, origin);
      await skipIntroduction(onLaptop);
      await heading(onLaptop, 'Create your vault');
      await fillRestore(onLaptop, backup);
      await onLaptop.getByRole('button', { name: 'Restore', exact: true }).click();
      await heading(onLaptop, 'Cases');

      const bundles: string[] = [];
      for (const [page, name] of [
        [onPhone, 'phone'],
        [onLaptop, 'laptop'],
      ] as const) {
        await page.goto(`${origin}/#/`);
        await page.getByRole('link', { name: 'Kes dua tab' }).click();
        await heading(page, 'Kes dua tab');
        await addEvidence(page, {
          files: [{ name: `${name}.png`, mimeType: 'image/png', buffer: png(name.length) }],
        });
        await expect.poll(() => page.locator('.item-card').count(), { timeout: 60_000 }).toBe(2);
        bundles.push(await exportBundle(page, `${name}.zip`));
      }

      const [phoneZip, laptopZip] = bundles as [string, string];
      const reports = bundles.map((zip) => {
        const run = spawnSync('node', ['bin/bukti.mjs', 'verify', zip], { encoding: 'utf8' });
        expect(run.status, run.stdout + run.stderr).toBe(0);
        return run.stdout;
      });
      // The laptop's bundle says where the vault came from; the phone's has no restore.
      expect(reports[1]).toMatch(/records a restore: the vault was brought to device [0-9a-f]{8}/);
      expect(reports[0]).not.toMatch(/records a restore/);
      const phoneLog = custodyOf(phoneZip);
      const laptopLog = custodyOf(laptopZip);
      const restore = laptopLog.find((record) => (record as { event?: string }).event === 'restored');
      expect(restore).toMatchObject({ v: 2, details: { fromHead: expect.stringMatching(/^[0-9a-f]{64}$/) } });
      expect(await compareLogs(phoneLog, laptopLog)).toMatchObject({ kind: 'fork', restoredIn: ['second'] });
      expect(phone.recorder.errors).toEqual([]);
      expect(laptop.recorder.errors).toEqual([]);
    } finally {
      await phone.context.close();
      await laptop.context.close();
      await stopServer(server);
    }
  });
});

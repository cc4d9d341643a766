import type { Browser } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { heading, inApp, launchChromium, openForDownloads, tabTo } from './harness';

const PASSPHRASE = 'cendol gula melaka sejuk';

function png(): Buffer {
  const image = new PNG({ width: 40, height: 30 });
  image.data.fill(120);
  return PNG.sync.write(image);
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('keyboard only', () => {
  it('creates a vault, adds an item and exports a bundle without a mouse; discreet mode names the bundle neutrally', async () => {
    await inApp(browser, async ({ page, origin }) => {
      await openForDownloads(page, origin);
      await page.locator('[data-screen="first-run"]').waitFor();
      await tabTo(page, 'Skip introduction');
      await page.keyboard.press('Enter');
      await heading(page, 'Create your vault');
      await tabTo(page, 'Passphrase');
      await page.keyboard.type(PASSPHRASE);
      await tabTo(page, 'Type the passphrase again');
      await page.keyboard.type(PASSPHRASE);
      await tabTo(page, 'I understand that the passphrase cannot be recovered.');
      await page.keyboard.press('Space');
      await tabTo(page, 'Create vault');
      await page.keyboard.press('Enter');
      await heading(page, 'Cases');

      await tabTo(page, 'Case name');
      await page.keyboard.type('Mesej ugutan');
      await tabTo(page, 'Create case');
      await page.keyboard.press('Enter');
      await heading(page, 'Mesej ugutan');

      // The chooser is awaited before tabbing: Playwright intercepts file choosers only once asked, and
      // asking takes a moment; a Space pressed before that opens nothing the test can see.
      await tabTo(page, 'Add evidence');
      await page.keyboard.press('Enter');
      await heading(page, 'Add evidence');
      const chooser = page.waitForEvent('filechooser');
      await tabTo(page, /^Screenshot or file/);
      await page.keyboard.press('Space');
      await (await chooser).setFiles([{ name: 'ugutan.png', mimeType: 'image/png', buffer: png() }]);
      await tabTo(page, 'Save this item');
      await page.keyboard.press('Enter');
      await page.getByText('1 item(s) added.').waitFor();

      // Discreet mode, set from Settings with the keyboard, names the download neutrally.
      await page.goto(`${origin}/#/settings`);
      await heading(page, 'Settings');
      await tabTo(page, 'Look');
      await page.keyboard.press('ArrowDown');
      await tabTo(page, 'Opening code (4 to 12 digits)');
      await page.keyboard.type('4815');
      await tabTo(page, 'Save look');
      await page.keyboard.press('Enter');
      await page.getByText('Saved. The app now opens with this look').waitFor();

      await tabTo(page, 'Export');
      await page.keyboard.press('Enter');
      await heading(page, 'Export a sealed bundle');
      await tabTo(page, 'Make the bundle');
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 120_000 }),
        page.keyboard.press('Enter'),
      ]);
      await page.getByText('The bundle is ready.').waitFor({ timeout: 120_000 });
      expect(download.suggestedFilename()).toMatch(/^document-\d{8}-[0-9a-f]+\.zip$/);
    });
  });
});

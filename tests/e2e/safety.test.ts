import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createVaultThroughUi,
  heading,
  inApp,
  launchChromium,
  skipIntroduction,
  unlockThroughUi,
} from './harness';

const PASSPHRASE = 'roti canai pagi jumaat';
const CASE_TITLE = 'Akaun palsu di Instagram';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('survivor safety in Chromium', () => {
  it('quick exit by button and by Escape twice: neutral page, vault locked, Back shows no evidence', async () => {
    await inApp(browser, async ({ page, origin }) => {
      await page.goto(`${origin}/`);
      await createVaultThroughUi(page, PASSPHRASE);
      await page.getByLabel('Case name').fill(CASE_TITLE);
      await page.getByRole('button', { name: 'Create case' }).click();
      await heading(page, CASE_TITLE);

      await page.getByRole('button', { name: 'Quick exit' }).click();
      await heading(page, 'Nasi Lemak Sederhana');
      expect(new URL(page.url()).pathname).toBe('/neutral/index.html');
      await page.goBack();
      await heading(page, 'Unlock');
      expect(await page.content()).not.toContain(CASE_TITLE);

      await unlockThroughUi(page, PASSPHRASE);
      await page.goto(`${origin}/#/cases`);
      await page.getByRole('link', { name: CASE_TITLE }).waitFor();
      await page.keyboard.press('Escape');
      await page.keyboard.press('Escape');
      await heading(page, 'Nasi Lemak Sederhana');
      await page.goBack();
      await heading(page, 'Unlock');
      expect(await page.content()).not.toContain(CASE_TITLE);
    });
  });

  it('discreet mode gives the locked tab and the home-screen install a neutral name and icon', async () => {
    await inApp(browser, async ({ page, origin }) => {
      await page.goto(`${origin}/`);
      await skipIntroduction(page);
      expect(await page.title()).toBe('Bukti');
      await createVaultThroughUi(page, PASSPHRASE);
      await page.goto(`${origin}/#/settings`);
      await page.getByLabel('Look').selectOption({ label: 'Notes' });
      await page.getByRole('button', { name: 'Lock', exact: true }).click();
      await heading(page, 'Unlock');
      await expect.poll(() => page.title()).toBe('Notes');
      const links = await page.evaluate(() => ({
        icon: document.querySelector('link[rel="icon"]')?.getAttribute('href'),
        manifest: document.querySelector('link[rel="manifest"]')?.getAttribute('href'),
      }));
      expect(links).toEqual({ icon: '/icons/notes-32.png', manifest: '/manifest-notes.webmanifest' });
      const manifest = await page.evaluate(
        async (href) => (await fetch(href)).json(),
        links.manifest as string,
      );
      expect(manifest).toMatchObject({
        name: 'Notes',
        short_name: 'Notes',
        start_url: '/',
        display: 'standalone',
      });
      expect(JSON.stringify(manifest)).not.toContain('Bukti');
      // Still neutral after a reload while locked.
      await page.reload();
      await heading(page, 'Unlock');
      await expect.poll(() => page.title()).toBe('Notes');
    });
  });
});

import type { Browser } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addEvidence } from './capture-flow';
import {
  createVaultThroughUi,
  heading,
  inApp,
  launchChromium,
  overflowing,
  seriousAxeViolations,
} from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('accessibility of every unlocked screen', () => {
  it('has no serious or critical axe violation in English and Malay, and fits 320 px at 200% text', async () => {
    await inApp(browser, async ({ page, origin }) => {
      await page.goto(`${origin}/`);
      await createVaultThroughUi(page, 'laksa penang asam pedas');
      await page.getByLabel('Case name').fill('Kes ujian');
      await page.getByRole('button', { name: 'Create case' }).click();
      await heading(page, 'Kes ujian');
      const caseUrl = page.url();
      const image = new PNG({ width: 30, height: 30 });
      image.data.fill(90);
      await addEvidence(page, {
        files: [{ name: 'a.png', mimeType: 'image/png', buffer: PNG.sync.write(image) }],
        details: () =>
          page
            .getByLabel('What kind of abuse is this?')
            .selectOption('intimateImage')
            .then(() => undefined),
      });
      await page.locator('.item-card').waitFor();
      await page.setViewportSize({ width: 320, height: 640 });
      // Text at 200% the way a person's browser setting does it (CSSOM, which the CSP allows).
      const bigText = () =>
        page.evaluate(() => document.documentElement.style.setProperty('font-size', '200%'));
      const screens = [
        caseUrl,
        `${origin}/#/cases`,
        `${origin}/#/capture`,
        `${origin}/#/inbox`,
        `${origin}/#/export`,
        `${origin}/#/settings`,
      ];
      for (const language of ['English', 'Bahasa Malaysia']) {
        await page.getByRole('combobox', { name: /^(Language|Bahasa)$/ }).selectOption({ label: language });
        for (const url of screens) {
          await page.goto(url);
          await page.locator('[data-screen]').first().waitFor();
          await bigText();
          await page.waitForTimeout(200);
          expect(await seriousAxeViolations(page), `${url} in ${language}`).toEqual([]);
          expect(await overflowing(page), `${url} in ${language} at 320 px`).toEqual([]);
        }
      }
    });
  });
});

import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildJpeg } from '../unit/evidence/images';
import { addEvidence, openAddEvidence, saveItem } from './capture-flow';
import {
  createVaultThroughUi,
  focusedName,
  heading,
  inApp,
  launchChromium,
  overflowing,
  seriousAxeViolations,
  tabTo,
} from './harness';
import { png } from './images';
import { plaintextAtRest } from './plaintext-scan';

const PASSPHRASE = 'roti canai telur bawang';
const POST = 'https://x.com/pembuli2291/status/1911111111111111111';
const SECRETS = {
  caseTitle: 'Kes akaun pembuli',
  description: 'Dia siarkan gambar saya dengan kapsyen menghina',
  displayName: 'Pembuli Kelas Empat',
  edited: 'Siaran pertama, kemudian dikongsi dalam kumpulan',
};

/** A JPEG whose EXIF names a phone, a time and a GPS position: what a survivor's camera writes. */
const photo = Buffer.from(
  buildJpeg(640, 480, {
    make: 'Apple',
    model: 'iPhone 12',
    dateTimeOriginal: '2025:04:09 21:10:05',
    offsetTimeOriginal: '+08:00',
    gps: { latitude: 1.6611, longitude: 103.6003 },
  }),
);

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** The ids of the cards on the timeline, in order. */
function cardIds(page: Page): Promise<string[]> {
  return page
    .locator('.item-card')
    .evaluateAll((cards) => cards.map((c) => c.getAttribute('data-item-id') ?? ''));
}

async function axeInBothLanguages(page: Page): Promise<void> {
  const language = page.getByRole('combobox', { name: /^(Language|Bahasa)$/ });
  expect(await seriousAxeViolations(page), 'English').toEqual([]);
  await language.selectOption({ label: 'Bahasa Malaysia' });
  await page.getByRole('button', { name: 'Sunting butiran' }).first().waitFor();
  expect(await seriousAxeViolations(page), 'Malay').toEqual([]);
  await language.selectOption({ label: 'English' });
  await page.getByRole('button', { name: 'Edit details' }).first().waitFor();
}

describe('item details in Chromium', () => {
  it('captures with every detail, shows file facts, links a duplicate, edits by keyboard and shows the history', async () => {
    await inApp(browser, async ({ page, origin }) => {
      await page.goto(`${origin}/`);
      await createVaultThroughUi(page, PASSPHRASE);
      await page.getByLabel('Case name').fill(SECRETS.caseTitle);
      await page.getByRole('button', { name: 'Create case' }).click();
      await heading(page, SECRETS.caseTitle);

      // Capture with details: the link fills in platform, handle and profile; the rest is typed.
      await openAddEvidence(page);
      await page
        .getByTestId('file-input')
        .setInputFiles([{ name: 'IMG_20250409_211005.jpg', mimeType: 'image/jpeg', buffer: photo }]);
      const form = page.locator('.details-step');
      await form.getByLabel('What kind of abuse is this?').selectOption('harassment');
      await form.getByLabel('What this shows (optional)').fill(SECRETS.description);
      await form.getByLabel('Link to the post or message (optional)').fill(POST);
      await expect
        .poll(() => form.getByLabel('Account name or @handle (optional)').inputValue())
        .toBe('pembuli2291');
      await form.getByLabel('When it was posted, as shown (optional)').fill('Semalam 21:14');
      await form.getByRole('button', { name: 'More details' }).click();
      await expect.poll(() => form.getByLabel('App or website').inputValue()).toBe('x');
      expect(await form.getByLabel('Link to the account’s profile (optional)').inputValue()).toBe(
        'https://x.com/pembuli2291',
      );
      await form.getByLabel('Display name shown on the account (optional)').fill(SECRETS.displayName);
      await form.getByLabel('Date it was posted, if you know it').fill('2025-04-09');
      await form.getByLabel('Time it was posted (optional)').fill('21:14');
      await form.getByLabel('Reference number of your report to the platform (optional)').fill('X-77821');
      await form.getByLabel('Date you reported it to the platform (optional)').fill('2025-04-10');
      await form.getByLabel('Tags, separated by commas (optional)').fill('sekolah, kelas 4B');
      await saveItem(page);
      await page.getByText('1 item(s) added.').waitFor();
      await page.getByRole('button', { name: 'See the timeline' }).click();
      await page.locator('.item-card').waitFor();
      const [photoId] = await cardIds(page);
      const photoCard = page.locator(`[data-item-id="${photoId}"]`);
      for (const shown of [
        'X (Twitter) · pembuli2291',
        SECRETS.displayName,
        'X-77821 · 10 Apr 2025',
        'sekolah, kelas 4B',
      ])
        await photoCard.getByText(shown).waitFor();
      await photoCard.getByText('Posted (date given)').waitFor();
      expect(await photoCard.locator('.item-details').textContent()).toContain('1911111111111111111');

      // File facts, read from the JPEG's own EXIF; the GPS position is pointed out, never copied.
      await photoCard.getByRole('button', { name: /^File facts/ }).click();
      const facts = photoCard.locator('.file-facts');
      for (const fact of ['Apple iPhone 12', '9 Apr 2025, 21:10 +08:00', '640 × 480 pixels', 'image/jpeg'])
        expect(await facts.textContent()).toContain(fact);
      expect(await facts.textContent()).toContain('The exported original will carry it.');

      // The same photo again with a new screenshot: the photo is not stored twice; it can be linked.
      await openAddEvidence(page);
      await page.getByTestId('file-input').setInputFiles([
        { name: 'profil.png', mimeType: 'image/png', buffer: png(7) },
        { name: 'again.jpg', mimeType: 'image/jpeg', buffer: photo },
      ]);
      await form.getByLabel('What this shows (optional)').fill('Tangkapan skrin profil');
      await saveItem(page);
      const duplicate = page.locator('.duplicate-notice');
      await duplicate.getByText('"again.jpg" is already in this case, in "IMG_20250409_211005.jpg').waitFor();
      await page.getByText('1 item(s) added.').waitFor();
      await duplicate.getByRole('button', { name: 'Link it to the item(s) just added' }).click();
      await duplicate.getByText('Linked.').waitFor();
      await duplicate.getByRole('button', { name: 'Go to that item' }).click();
      await expect.poll(() => page.locator('.item-card').count()).toBe(2);
      const profileId = (await cardIds(page)).find((id) => id !== photoId);
      const profileCard = page.locator(`[data-item-id="${profileId}"]`);
      await profileCard.getByRole('button', { name: /^IMG_20250409_211005\.jpg · / }).waitFor();
      // The photo's card shows the link back.
      await photoCard.getByRole('button', { name: /^profil\.png · / }).waitFor();
      expect(
        await page.evaluate(() =>
          document.activeElement?.closest('.item-card')?.getAttribute('data-item-id'),
        ),
      ).toBe(photoId);

      // Edit by keyboard; a half-typed date is pointed out and nothing typed is lost.
      await photoCard.getByRole('button', { name: 'Edit details' }).focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => focusedName(page)).toBe('What kind of abuse is this?');
      const editor = photoCard.locator('form.edit-details');
      expect(await editor.getByLabel('Display name shown on the account (optional)').inputValue()).toBe(
        SECRETS.displayName,
      );
      await tabTo(page, 'What this shows (optional)');
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.type(SECRETS.edited);
      await tabTo(page, 'Account name or @handle (optional)');
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.type('@pembuli_asal');
      await tabTo(page, 'Date you reported it to the platform (optional)');
      // Clearing the month leaves the date half-typed: the browser then reads it as empty.
      await page.keyboard.press('Delete');
      await tabTo(page, 'Save changes');
      await page.keyboard.press('Enter');
      await editor.getByText('Some details need a look before they can be saved.').waitFor();
      await editor.getByText('The report date could not be read.').waitFor();
      await expect.poll(() => focusedName(page)).toBe('Date you reported it to the platform (optional)');
      expect(await editor.getByLabel('What this shows (optional)').inputValue()).toBe(SECRETS.edited);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await editor.getByLabel('Date you reported it to the platform (optional)').fill('2025-04-11');
      await editor.getByRole('button', { name: 'Save changes' }).press('Enter');
      await photoCard.getByText('Details saved. The earlier version is kept in the history.').waitFor();
      await expect.poll(() => focusedName(page)).toBe('Edit details');
      await photoCard.getByText('X (Twitter) · @pembuli_asal').waitFor();

      // History, on request: when each version was replaced and what differed.
      const history = photoCard.getByRole('button', { name: 'Earlier versions (1)' });
      await history.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => history.getAttribute('aria-expanded')).toBe('true');
      const versions = photoCard.locator('.history-list');
      await versions.getByRole('heading', { name: /^Replaced / }).waitFor();
      const change = await versions.textContent();
      for (const text of [
        `Before: ${SECRETS.description}`,
        `After: ${SECRETS.edited}`,
        'Before: pembuli2291',
        'After: @pembuli_asal',
        'Before: X-77821 · 2025-04-10',
        'After: X-77821 · 2025-04-11',
      ])
        expect(change).toContain(text);
      expect(change).not.toContain('sekolah');

      // Everything open at once is still accessible, in English and in Malay.
      await photoCard.getByRole('button', { name: 'Edit details' }).click();
      await axeInBothLanguages(page);
      // ...and fits a 320 px phone with text at 200%.
      await page.setViewportSize({ width: 320, height: 640 });
      await page.evaluate(() => document.documentElement.style.setProperty('font-size', '200%'));
      expect(await overflowing(page)).toEqual([]);
      await photoCard.getByRole('button', { name: 'Cancel' }).click();

      const found = await plaintextAtRest(page, [...Object.values(SECRETS), 'pembuli2291', 'X-77821']);
      expect(found).toEqual([]);
    });
  });

  it('keeps a link that is not a web address as typed, and opens an item from the capture screen', async () => {
    await inApp(browser, async ({ page, origin }) => {
      await page.goto(`${origin}/`);
      await createVaultThroughUi(page, PASSPHRASE);
      await page.getByLabel('Case name').fill('Kes kedua');
      await page.getByRole('button', { name: 'Create case' }).click();
      await heading(page, 'Kes kedua');
      await addEvidence(page, { files: [{ name: 'satu.png', mimeType: 'image/png', buffer: png(3) }] });
      const card: Locator = page.locator('.item-card');

      await card.getByRole('button', { name: 'Edit details' }).click();
      await card.getByLabel('Link to the post or message (optional)').fill('dalam kumpulan WhatsApp kelas');
      await expect.poll(() => card.getByLabel('App or website').inputValue()).toBe('other');
      await card.getByRole('button', { name: 'Save changes' }).click();
      await card.getByText('could not be read as a web address. It is kept exactly as entered.').waitFor();
      await card.getByText('dalam kumpulan WhatsApp kelas').first().waitFor();

      await page.goto(`${origin}/#/capture`);
      await heading(page, 'Capture evidence');
      await page
        .getByTestId('file-input')
        .setInputFiles([{ name: 'lagi.png', mimeType: 'image/png', buffer: png(3) }]);
      await saveItem(page);
      await page.getByRole('button', { name: 'Go to that item' }).click();
      await heading(page, 'Kes kedua');
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.closest('.item-card') !== null))
        .toBe(true);
      expect(await page.locator('.item-card').count()).toBe(1);
    });
  });
});

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addEvidence, chooseWhat, openAddEvidence, saveItem } from './capture-flow';
import { createVaultThroughUi, heading, inApp, launchChromium, seriousAxeViolations } from './harness';
import { png } from './images';
import { blobControl, plaintextAtRest } from './plaintext-scan';

const PASSPHRASE = 'nasi lemak dan teh tarik';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Drops or pastes files built from base64 into the page, as a person's browser would deliver them. */
async function deliver(page: Page, how: 'drop' | 'paste', files: Array<{ name: string; base64: string }>) {
  await page.evaluate(
    ({ how, files }) => {
      const transfer = new DataTransfer();
      for (const f of files) {
        const bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0));
        transfer.items.add(new File([bytes], f.name, { type: 'image/png' }));
      }
      if (how === 'drop') {
        const zone = document.querySelector('[data-testid="drop-zone"]');
        zone?.dispatchEvent(
          new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }),
        );
      } else {
        document.body.dispatchEvent(
          new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }),
        );
      }
    },
    { how, files },
  );
}

describe('capturing evidence in Chromium', () => {
  it('adds screenshots by picker, drop and paste, links and text one at a time; blurs sensitive items; keeps nothing readable at rest', async () => {
    const secrets = {
      url: 'https://x.com/Pembuli_2291/status/1911111111111111111',
      note: 'Dia hantar gambar itu kepada kumpulan kelas pada waktu malam',
      fileName: 'bukti-rahsia-kumpulan-kelas.png',
      caseTitle: 'Kes kumpulan kelas 4B',
    };
    await inApp(browser, async ({ page, origin }) => {
      await page.goto(`${origin}/`);
      await createVaultThroughUi(page, PASSPHRASE);
      await page.getByText('No cases yet.').waitFor();

      await page.getByLabel('Case name').fill(secrets.caseTitle);
      await page.getByRole('button', { name: 'Create case' }).click();
      await heading(page, secrets.caseTitle);

      // Picker: two files at once, with details.
      await addEvidence(page, {
        files: [
          { name: secrets.fileName, mimeType: 'image/png', buffer: png(1) },
          { name: 'second.png', mimeType: 'image/png', buffer: png(2) },
        ],
        details: async () => {
          await page.getByLabel('What this shows (optional)').fill(secrets.note);
          await page.getByLabel('Link to the post or message (optional)').fill(secrets.url);
          await page.getByRole('button', { name: 'Save 2 files, one item each' }).waitFor();
        },
      });
      await expect.poll(() => page.locator('.item-card').count()).toBe(2);
      expect(await page.locator('.item-card').first().textContent()).toContain('X (Twitter)');

      // The same bytes again: pointed out, not added twice.
      await openAddEvidence(page);
      await chooseWhat(page, { files: [{ name: 'again.png', mimeType: 'image/png', buffer: png(1) }] });
      await saveItem(page);
      await page.getByText('"again.png" is already in this case').waitFor();
      // An empty file is refused with a message, on the step where it was chosen.
      await page.getByRole('button', { name: 'Add another item' }).click();
      await chooseWhat(page, {
        files: [{ name: 'empty.png', mimeType: 'image/png', buffer: Buffer.alloc(0) }],
      });
      await saveItem(page);
      await page.locator('.details-step [role="alert"]').waitFor();
      await page.getByRole('button', { name: 'Cancel' }).click();

      // Drop and paste, on the first step of the flow; the details start empty.
      await openAddEvidence(page);
      await deliver(page, 'drop', [{ name: 'dropped.png', base64: png(3).toString('base64') }]);
      await page.getByRole('heading', { name: 'Details of this item' }).waitFor();
      expect(await page.getByLabel('What this shows (optional)').inputValue()).toBe('');
      expect(await page.getByLabel('Link to the post or message (optional)').inputValue()).toBe('');
      await saveItem(page);
      await page.getByRole('button', { name: 'Add another item' }).click();
      await page.getByRole('heading', { name: 'What do you want to keep?' }).waitFor();
      await deliver(page, 'paste', [{ name: 'pasted.png', base64: png(4).toString('base64') }]);
      await saveItem(page);
      await page.getByRole('button', { name: 'See the timeline' }).click();
      await expect.poll(() => page.locator('.item-card').count()).toBe(4);

      // A link that is not a web address is not saved as a link: she is told, and may keep it as text.
      await openAddEvidence(page);
      await chooseWhat(page, { link: 'not a web address at all' });
      await page.getByText('This does not look like a web address').waitFor();
      await saveItem(page);
      await page.getByText('This is not a web link (one that starts with http:// or https://)').waitFor();
      await page.getByRole('button', { name: 'Keep it as message text' }).click();
      expect(await page.getByLabel('The message, copied exactly').inputValue()).toBe(
        'not a web address at all',
      );
      await saveItem(page);
      await page.getByRole('button', { name: 'See the timeline' }).click();
      await addEvidence(page, { message: 'Kalau kau tak bayar, aku sebar gambar ni.' });
      await expect.poll(() => page.locator('.item-card').count()).toBe(6);

      // Sensitive: a deepfake is hidden by default and not even decrypted until "Show".
      await addEvidence(page, {
        files: [{ name: 'deepfake.png', mimeType: 'image/png', buffer: png(5) }],
        details: async () => {
          await page.getByLabel('What kind of abuse is this?').selectOption('deepfake');
          expect(await page.getByLabel('Hide the picture until I choose to see it').isChecked()).toBe(true);
        },
      });
      await expect.poll(() => page.locator('.item-card').count()).toBe(7);
      const sensitiveCard = page.locator('.item-card', { hasText: 'deepfake.png' });
      await sensitiveCard.getByText('Sensitive picture, hidden').waitFor();
      expect(await sensitiveCard.locator('img').count()).toBe(0);
      await sensitiveCard.getByRole('button', { name: 'Show picture' }).click();
      await sensitiveCard.locator('img').waitFor();
      // Non-sensitive pictures show at once.
      await page.locator('.item-card', { hasText: secrets.fileName }).locator('img').waitFor();

      // Timeline order: capture order when no posted time is given.
      const names = await page.locator('.item-card .item-file p.wrap-anywhere').allTextContents();
      expect(names.slice(0, 2)).toEqual([secrets.fileName, 'second.png']);
      expect(await seriousAxeViolations(page)).toEqual([]);

      // Filter by platform: the two files picked together share the X link.
      await page.getByLabel('Platform').selectOption({ label: 'X (Twitter)' });
      await expect.poll(() => page.locator('.item-card').count()).toBe(2);
      await page.getByLabel('Platform').selectOption({ label: 'All' });
      await expect.poll(() => page.locator('.item-card').count()).toBe(7);
      // And by account: the handle read from that link (X handles are at most 15 characters).
      await page.locator('.filters').getByLabel('Account').selectOption({ label: 'pembuli_2291' });
      await expect.poll(() => page.locator('.item-card').count()).toBe(2);
      await page.locator('.filters').getByLabel('Account').selectOption({ label: 'All' });

      // The scan reads Blob values too (none of the app's, today): a control kept in one is found.
      const removeControl = await blobControl(page, 'CONTROL-IN-A-BLOB');
      const found = await plaintextAtRest(page, [
        ...Object.values(secrets),
        'Kalau kau tak bayar',
        'CONTROL-IN-A-BLOB',
      ]);
      expect(found).toEqual(['CONTROL-IN-A-BLOB']);
      await removeControl();
    });
  });
});

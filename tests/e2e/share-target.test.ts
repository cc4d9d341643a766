import { createHash } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  createVaultThroughUi,
  foreignRequests,
  heading,
  inApp,
  launchChromium,
  recordedContext,
  seriousAxeViolations,
  skipIntroduction,
  startServer,
  stopServer,
  unlockThroughUi,
  waitForServiceWorkerControl,
} from './harness';
import { plaintextAtRest } from './plaintext-scan';

const PASSPHRASE = 'roti canai dua kuah kari';
const SECRETS = {
  fileName: 'tangkapan-skrin-kongsi-rahsia-0503.png',
  url: 'https://x.com/pelaku_rahsia_4471/status/1790000000000000002',
  title: 'Siaran pelaku rahsia tentang saya',
  pattern: 'BUKTI-SHARED-FILE-PATTERN-0123456789',
};
const CASE_TITLE = 'Kes dikongsi dari aplikasi lain';

/** A real PNG, with a findable pattern after its end (viewers ignore it; a plaintext scan would not). */
function sharedPng(): Buffer {
  const image = new PNG({ width: 32, height: 24 });
  for (let i = 0; i < image.data.length; i++) image.data[i] = (i * 7) & 0xff;
  return Buffer.concat([PNG.sync.write(image), Buffer.from(SECRETS.pattern.repeat(64))]);
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** How many deposits wait in the vault database, read straight from IndexedDB. */
function depositCount(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('vault');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const count = db.transaction('deposits').objectStore('deposits').count();
          count.onsuccess = () => {
            db.close();
            resolve(count.result);
          };
          count.onerror = () => reject(count.error);
        };
      }),
  );
}

describe('sharing into Bukti from another app (Web Share Target)', () => {
  it('seals a shared screenshot and link while locked and offline, keeps nothing in clear, and files them after unlock', async () => {
    const { server, origin } = await startServer(inject('buildA'));
    let serverRunning = true;
    const { context, recorder } = await recordedContext(browser);
    const page = await context.newPage();
    const png = sharedPng();
    try {
      await page.goto(`${origin}/`);
      await createVaultThroughUi(page, PASSPHRASE);
      await waitForServiceWorkerControl(page);
      await page.getByRole('button', { name: 'Lock', exact: true }).click();
      await heading(page, 'Unlock');
      // Offline from here on: the share, the inbox and filing need nothing from the server.
      await stopServer(server);
      serverRunning = false;

      // What the OS share sheet sends: a multipart POST to the manifest's share_target action.
      const answer = await page.evaluate(
        async ({ bytes, fileName, url, title }) => {
          const form = new FormData();
          form.append('files', new File([new Uint8Array(bytes)], fileName, { type: 'image/png' }));
          form.append('title', title);
          form.append('url', url);
          // 'manual' shows the answer itself: a page can see that it was a redirect, not where to.
          const response = await fetch('/share-target', { method: 'POST', body: form, redirect: 'manual' });
          return response.type;
        },
        { bytes: [...png], fileName: SECRETS.fileName, url: SECRETS.url, title: SECRETS.title },
      );
      // The service worker answered with a redirect (the server is stopped) and sealed two deposits:
      // the file, and the title with the link.
      expect(answer).toBe('opaqueredirect');
      expect(await depositCount(page)).toBe(2);

      await page.evaluate(() => localStorage.setItem('scan-control', 'CONTROL-PLAINTEXT-VISIBLE'));
      const found = await plaintextAtRest(page, [...Object.values(SECRETS), 'CONTROL-PLAINTEXT-VISIBLE']);
      expect(found).toEqual(['CONTROL-PLAINTEXT-VISIBLE']);
      await page.evaluate(() => localStorage.removeItem('scan-control'));

      await page.goto(`${origin}/#/inbox`);
      await heading(page, 'Unlock');
      await unlockThroughUi(page, PASSPHRASE);
      await heading(page, 'Inbox');
      const fileCard = page.locator('li', { has: page.getByRole('heading', { name: SECRETS.fileName }) });
      const linkCard = page.locator('li', { has: page.getByRole('heading', { name: SECRETS.url }) });
      await fileCard.waitFor();
      await linkCard.getByText(`Page title: ${SECRETS.title}`).waitFor();
      expect(await fileCard.locator('img').count()).toBe(0);
      expect(await seriousAxeViolations(page)).toEqual([]);

      // No case yet: the first filing names a new one. Keyboard only.
      await fileCard.getByRole('button', { name: 'File into a case' }).focus();
      await page.keyboard.press('Enter');
      await page.getByLabel('Name of the new case').fill(CASE_TITLE);
      await fileCard.getByLabel('What kind of abuse is this?').selectOption('harassment');
      expect(await seriousAxeViolations(page)).toEqual([]);
      await fileCard.getByRole('button', { name: 'File it' }).press('Enter');
      await page.getByText(`"${SECRETS.fileName}" was filed into "${CASE_TITLE}".`).waitFor();

      await linkCard.getByRole('button', { name: 'File into a case' }).click();
      expect(await linkCard.getByLabel('Case', { exact: true }).inputValue()).not.toBe('');
      expect(await linkCard.getByLabel('Link to the post or message (optional)').inputValue()).toBe(
        SECRETS.url,
      );
      await linkCard.getByRole('button', { name: 'File it' }).click();
      await page.getByText(`"${SECRETS.url}" was filed into "${CASE_TITLE}".`).waitFor();
      await page.getByText('Nothing is waiting.').waitFor();
      expect(await depositCount(page)).toBe(0);

      // In the case: the screenshot with the SHA-256 of exactly the shared bytes, and the link.
      await page.goto(`${origin}/#/cases`);
      await page.getByRole('link', { name: CASE_TITLE }).click();
      await heading(page, CASE_TITLE);
      const item = page.locator('.item-card', { hasText: SECRETS.fileName });
      expect(await item.locator('code.hash').textContent()).toBe(
        createHash('sha256').update(png).digest('hex'),
      );
      await page.locator('.item-card', { hasText: SECRETS.url }).waitFor();

      expect(await plaintextAtRest(page, Object.values(SECRETS))).toEqual([]);
      expect(foreignRequests(recorder, origin)).toEqual([]);
      expect(recorder.errors).toEqual([]);
    } finally {
      await context.close();
      if (serverRunning) await stopServer(server);
    }
  });

  it('keeps nothing when there is no vault yet, and says so in both languages', async () => {
    await inApp(browser, async ({ page, origin }) => {
      await page.goto(`${origin}/`);
      await skipIntroduction(page);
      await heading(page, 'Create your vault');
      await waitForServiceWorkerControl(page);

      // A real form navigation, as the share sheet makes it (not a fetch).
      await page.evaluate(
        ({ fileName, url }) => {
          const form = document.createElement('form');
          form.method = 'post';
          form.enctype = 'multipart/form-data';
          form.action = '/share-target';
          const files = document.createElement('input');
          files.type = 'file';
          files.name = 'files';
          const transfer = new DataTransfer();
          transfer.items.add(new File([new Uint8Array([1, 2, 3])], fileName, { type: 'image/png' }));
          files.files = transfer.files;
          const link = document.createElement('input');
          link.name = 'url';
          link.value = url;
          form.append(files, link);
          document.body.append(form);
          form.submit();
        },
        { fileName: SECRETS.fileName, url: SECRETS.url },
      );
      const notice = page.getByTestId('share-notice');
      await notice.getByText('there is no vault on this device yet, so nothing was kept').waitFor();
      // The flag is dropped from the address, so a reload does not repeat the message.
      await expect.poll(() => page.url()).toBe(`${origin}/#/inbox`);
      await heading(page, 'Create your vault');
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.getByRole('combobox', { name: 'Language' }).selectOption('ms');
      await notice.getByText('belum ada peti besi pada peranti ini').waitFor();
      await notice.getByRole('button', { name: 'Tutup mesej ini' }).click();
      await expect.poll(() => notice.count()).toBe(0);

      expect(await depositCount(page)).toBe(0);
      expect(await plaintextAtRest(page, [SECRETS.fileName, SECRETS.url])).toEqual([]);
    });
  });
});

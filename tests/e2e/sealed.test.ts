import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import encodeQR from 'qr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../src/core/i18n';
import { sampleBundle, tempDir } from '../unit/bundle/fixtures';
import { fakeSaveDialog, longestPause, PASSPHRASE, pickedFile, startTicker } from './export-helpers';
import {
  createVaultThroughUi,
  inApp,
  launchChromium,
  overflowing,
  seriousAxeViolations,
  unlockThroughUi,
} from './harness';

let browser: Browser;
const temp = tempDir();
const path = (name: string) => join(temp.dir, name);
let zip: Uint8Array;

beforeAll(async () => {
  browser = await launchChromium();
  zip = (await sampleBundle()).zip;
  writeFileSync(path('case.zip'), zip);
});
afterAll(async () => {
  await browser?.close();
  temp.remove();
});

const en = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) =>
  translate('en', key, params);

/** Deletes a file from the fake save dialog's folder (the origin-private file system). */
async function forget(page: Page, name: string): Promise<void> {
  await page.evaluate(async (fileName) => {
    const root = await navigator.storage.getDirectory();
    await root.removeEntry(fileName).catch(() => undefined);
  }, name);
}

describe('sending a bundle safely', () => {
  it('the survivor seals a bundle for a key read from a photo of its QR code; age -d opens it byte for byte', async () => {
    execFileSync('age-keygen', ['-o', path('lawyer.txt')], { stdio: 'pipe' });
    const recipient = execFileSync('age-keygen', ['-y', path('lawyer.txt')], { encoding: 'utf8' }).trim();
    writeFileSync(path('qr.gif'), encodeQR(recipient, 'gif', { scale: 6, border: 4 }));
    await inApp(browser, async ({ page, origin }) => {
      await page.addInitScript(fakeSaveDialog);
      await page.goto(`${origin}/#/sealed`);
      await page.getByRole('heading', { level: 1, name: en('screen.sealed.title') }).waitFor();
      await page.getByTestId('seal-zip').setInputFiles(path('case.zip'));
      // A key typed wrong is named, and nothing is saved.
      await page.getByTestId('seal-recipients').fill('age1typo');
      await page.getByRole('button', { name: en('sealUi.seal.start') }).click();
      await page.getByText(en('seal.recipient.invalid', { recipient: 'age1typo' })).waitFor();
      await page.getByTestId('seal-recipients').fill('');
      await page.getByRole('button', { name: en('sealUi.scan.open') }).click();
      await page.getByTestId('qr-photo').setInputFiles(path('qr.gif'));
      await expect.poll(() => page.getByTestId('seal-recipients').inputValue()).toBe(recipient);
      await page.getByRole('button', { name: en('sealUi.seal.start') }).click();
      await page.getByTestId('seal-saved').waitFor({ timeout: 60_000 });
      expect(await seriousAxeViolations(page)).toEqual([]);
      const sealed = await pickedFile(page, 'case.zip.age');
      expect(sealed).not.toBeNull();
      writeFileSync(path('case.zip.age'), sealed as Buffer);
      const opened = execFileSync('age', ['-d', '-i', path('lawyer.txt'), path('case.zip.age')]);
      expect(opened.equals(Buffer.from(zip))).toBe(true);
    });
  });

  it('a passphrase seal and open run beside the page: it keeps answering while scrypt works', async () => {
    await inApp(browser, async ({ page, origin }) => {
      await page.addInitScript(fakeSaveDialog);
      await page.goto(`${origin}/#/sealed`);
      await page.getByRole('heading', { level: 1, name: en('screen.sealed.title') }).waitFor();
      await page.getByTestId('seal-zip').setInputFiles(path('case.zip'));
      await page.getByRole('radio', { name: en('sealUi.seal.modePassphrase') }).check();
      await page.getByTestId('seal-passphrase').fill('told another way');
      // scrypt (2^18) on the main thread would stop the page's ticker for most of the seal.
      await startTicker(page);
      const started = Date.now();
      await page.getByRole('button', { name: en('sealUi.seal.start') }).click();
      await page.getByTestId('seal-saved').waitFor({ timeout: 120_000 });
      const took = Date.now() - started;
      expect(await longestPause(page)).toBeLessThan(took / 2);
      const sealed = await pickedFile(page, 'case.zip.age');
      expect(sealed?.subarray(0, 21).toString()).toBe('age-encryption.org/v1');
      writeFileSync(path('by-passphrase.zip.age'), sealed as Buffer);
      await forget(page, 'case.zip.age');

      await page.getByTestId('open-age').setInputFiles(path('by-passphrase.zip.age'));
      await page.getByTestId('open-passphrase').fill('told another way');
      await page.getByRole('button', { name: en('sealUi.open.start') }).click();
      await page.getByText(en('verifyUi.status.intact')).first().waitFor({ timeout: 120_000 });
      expect((await pickedFile(page, 'by-passphrase.zip'))?.equals(Buffer.from(zip))).toBe(true);
    });
  });

  it('the recipient, with no vault, makes a key, shows it, opens what age sealed for it and sees it verified', async () => {
    await inApp(browser, async ({ page, origin }) => {
      await page.addInitScript(fakeSaveDialog);
      await page.goto(`${origin}/`);
      await page.getByRole('link', { name: en('sealUi.link.received') }).click();
      await page.getByRole('heading', { level: 1, name: en('screen.sealed.title') }).waitFor();
      await page.getByRole('button', { name: en('sealUi.key.make') }).click();
      const recipient = (await page.getByTestId('key-recipient').textContent()) ?? '';
      expect(recipient).toMatch(/^age1[a-z0-9]{58}$/);
      await page.getByRole('img', { name: en('sealUi.key.qr', { recipient }) }).waitFor();
      // The key file downloads as age-keygen writes it; age itself reads it.
      const download = page.waitForEvent('download');
      await page.getByTestId('key-download').click();
      await (await download).saveAs(path('recipient-key.txt'));
      expect(execFileSync('age-keygen', ['-y', path('recipient-key.txt')], { encoding: 'utf8' }).trim()).toBe(
        recipient,
      );
      execFileSync('age', ['-e', '-r', recipient, '-o', path('for-recipient.zip.age'), path('case.zip')]);

      await page.getByTestId('open-age').setInputFiles(path('for-recipient.zip.age'));
      await page.getByRole('button', { name: en('sealUi.open.start') }).click();
      await page.getByText(en('verifyUi.status.intact')).first().waitFor({ timeout: 60_000 });
      expect((await pickedFile(page, 'for-recipient.zip'))?.equals(Buffer.from(zip))).toBe(true);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await forget(page, 'for-recipient.zip');

      // Cut short on the way: a clear message, and no file left behind.
      const sealed = readFileSync(path('for-recipient.zip.age'));
      writeFileSync(path('cut.zip.age'), sealed.subarray(0, sealed.length - 50));
      await page.getByTestId('open-age').setInputFiles(path('cut.zip.age'));
      await page.getByRole('button', { name: en('sealUi.open.start') }).click();
      await expect
        .poll(() => page.getByTestId('open-error').textContent(), { timeout: 60_000 })
        .toBe(en('seal.open.damaged'));
      expect(await pickedFile(page, 'cut.zip')).toBeNull();

      // Sealed for someone else: a clear message, and no file.
      await page.getByRole('button', { name: en('sealUi.key.make') }).click();
      await page.getByTestId('open-age').setInputFiles(path('for-recipient.zip.age'));
      await page.getByRole('button', { name: en('sealUi.open.start') }).click();
      await expect
        .poll(() => page.getByTestId('open-error').textContent(), { timeout: 60_000 })
        .toBe(en('seal.open.wrongKey'));
      expect(await pickedFile(page, 'for-recipient.zip')).toBeNull();
      await page.screenshot({ path: path('sealed-screen.png'), fullPage: true });
      writeFileSync('/tmp/bukti-sealed-screen.png', readFileSync(path('sealed-screen.png')));
    });
  });

  it('a recipient with a vault keeps the key in it, encrypted: gone when locked, back when unlocked', async () => {
    await inApp(browser, async ({ page, origin }) => {
      await page.goto(`${origin}/`);
      await createVaultThroughUi(page, PASSPHRASE);
      await page.goto(`${origin}/#/sealed`);
      await page.getByRole('button', { name: en('sealUi.key.make') }).click();
      const recipient = (await page.getByTestId('key-recipient').textContent()) ?? '';
      await page.getByRole('button', { name: en('sealUi.key.keepInVault') }).click();
      await page.getByTestId('key-in-vault').waitFor();
      await page.getByRole('button', { name: en('vaultUi.lock') }).click();
      await expect.poll(() => page.getByTestId('key-recipient').count()).toBe(0);
      await page.goto(`${origin}/#/cases`);
      await unlockThroughUi(page, PASSPHRASE);
      await page.goto(`${origin}/#/sealed`);
      await expect.poll(() => page.getByTestId('key-recipient').textContent()).toBe(recipient);
      await page.getByTestId('key-in-vault').waitFor();
      // A phone's width: the long key wraps instead of pushing the page sideways.
      await page.setViewportSize({ width: 320, height: 800 });
      expect(await overflowing(page)).toEqual([]);
    });
  });
});

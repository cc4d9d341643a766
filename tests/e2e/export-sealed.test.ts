import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bytesSource, verifyBundle } from '../../src/core/bundle';
import { translate } from '../../src/core/i18n';
import { generateAgeIdentity, openStream } from '../../src/core/seal';
import { tempDir } from '../unit/bundle/fixtures';
import {
  custodyLines,
  exportScreenWithVideo,
  fakeSaveDialog,
  gateFileWrites,
  longestPause,
  makeCaseWithTwoImages,
  PASSPHRASE,
  pickedFile,
  releaseWrites,
  savedAs,
  setWriteGate,
  startTicker,
  writeHeld,
} from './export-helpers';
import {
  createVaultThroughUi,
  heading,
  inApp,
  launchChromium,
  openForDownloads,
  seriousAxeViolations,
} from './harness';

let browser: Browser;
const temp = tempDir();
const path = (name: string) => join(temp.dir, name);
/** Screenshots of the sealed export, kept for a person to look at. */
const SCREENS = resolve('.tmp', 'screens');

beforeAll(async () => {
  browser = await launchChromium();
  mkdirSync(SCREENS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  temp.remove();
});

const en = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) =>
  translate('en', key, params);
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const ZIP_HEADER = Buffer.from('PK\x03\x04', 'latin1');

/** From the case: the export screen with "Seal it for…" switched on from the keyboard. */
async function exportScreenSealing(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Export', exact: true }).click();
  await heading(page, 'Export a sealed bundle');
  const toggle = page.getByRole('checkbox', { name: en('exportSeal.toggle') });
  await toggle.focus();
  await page.keyboard.press('Space');
  expect(await toggle.isChecked()).toBe(true);
}

/** The files in the fake save dialog's folder (the origin-private file system). */
function filesSaved(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const found: string[] = [];
    const root = await navigator.storage.getDirectory();
    for await (const name of (root as unknown as { keys(): AsyncIterable<string> }).keys()) found.push(name);
    return found;
  });
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENS, `export-sealed-${name}.png`), fullPage: true });
}

describe('exporting a bundle sealed for its recipient', () => {
  it('saves <name>.zip.age with nothing of the ZIP readable; age -d opens it to a bundle bukti verify accepts', async () => {
    execFileSync('age-keygen', ['-o', path('lawyer.txt')], { stdio: 'pipe' });
    const recipient = execFileSync('age-keygen', ['-y', path('lawyer.txt')], { encoding: 'utf8' }).trim();
    await inApp(browser, async ({ page, origin }) => {
      await page.addInitScript(fakeSaveDialog);
      await page.goto(`${origin}/`);
      await createVaultThroughUi(page, PASSPHRASE);
      await makeCaseWithTwoImages(page);
      await exportScreenSealing(page);

      // A key mistyped is named before any file is asked for or made.
      await page.getByTestId('seal-recipients').fill('age1typo');
      await page.getByRole('button', { name: 'Make the bundle' }).click();
      await page
        .getByRole('alert')
        .getByText(en('seal.recipient.invalid', { recipient: 'age1typo' }))
        .waitFor();
      await shot(page, 'typo');
      await page
        .getByRole('combobox', { name: 'Language', exact: true })
        .selectOption({ label: 'Bahasa Malaysia' });
      await page.getByText(translate('ms', 'seal.recipient.invalid', { recipient: 'age1typo' })).waitFor();
      await page.getByRole('combobox', { name: 'Bahasa', exact: true }).selectOption({ label: 'English' });
      expect(await filesSaved(page)).toEqual([]);

      await page.getByTestId('seal-recipients').fill(recipient);
      await page.getByRole('button', { name: 'Make the bundle' }).click();
      const name = await savedAs(page);
      expect(name).toMatch(/^document-\d{8}-[0-9a-f]{8}\.zip\.age$/);
      await page.getByText(en('exportSeal.done')).waitFor();
      await shot(page, 'done');
      expect(await seriousAxeViolations(page)).toEqual([]);
      const sealed = await pickedFile(page, name);
      if (!sealed) throw new Error('the sealed file is missing');
      expect(sealed.includes(ZIP_HEADER)).toBe(false);
      // The hash shown for the sealed file is that of the bytes saved; the bundle's is of what they open to.
      expect((await page.getByTestId('sealed-sha256').textContent())?.trim()).toBe(sha256(sealed));
      await page.getByText(en('exportSeal.sealedHash', { name })).waitFor();
      await page.getByText(en('exportSeal.next', { name })).waitFor();
      await page.getByTestId('bundle-key-fingerprint').waitFor();

      writeFileSync(path(name), sealed);
      execFileSync('age', ['-d', '-i', path('lawyer.txt'), '-o', path('opened.zip'), path(name)]);
      const zip = readFileSync(path('opened.zip'));
      expect((await page.getByTestId('zip-sha256').textContent())?.trim()).toBe(sha256(zip));
      const cli = spawnSync('node', ['bin/bukti.mjs', 'verify', path('opened.zip')], { encoding: 'utf8' });
      expect(cli.status, cli.stdout + cli.stderr).toBe(0);
      // A different key opens nothing.
      execFileSync('age-keygen', ['-o', path('stranger.txt')], { stdio: 'pipe' });
      const stranger = spawnSync('age', ['-d', '-i', path('stranger.txt'), path(name)]);
      expect(stranger.status).not.toBe(0);
      expect(stranger.stdout.length).toBe(0);

      // The next bundle's custody log names this export with both hashes, each of the file it is of.
      await page.getByRole('checkbox', { name: en('exportSeal.toggle') }).uncheck();
      await page.getByRole('button', { name: 'Make the bundle' }).click();
      const next = await pickedFile(page, await savedAs(page, name));
      if (!next) throw new Error('the second bundle is missing');
      const logged = custodyLines(temp.dir, next, 'next.zip').filter((entry) => entry.event === 'exported');
      expect(logged[1]?.details).toMatchObject({
        zipSha256: sha256(zip),
        size: zip.length,
        sealedSha256: sha256(sealed),
        sealedSize: sealed.length,
        sealedFor: 'recipients',
        sealedRecipients: 1,
      });
    });
  });

  it('sealed for a passphrase into the downloads: Bukti’s opener with that passphrase gives a bundle that verifies', async () => {
    const told = 'lima kata dari telefon';
    await inApp(browser, async ({ page, origin }) => {
      await openForDownloads(page, origin);
      await createVaultThroughUi(page, PASSPHRASE);
      await makeCaseWithTwoImages(page);
      await exportScreenSealing(page);
      await page.getByRole('radio', { name: en('sealUi.seal.modePassphrase') }).check();
      await page.getByTestId('seal-passphrase').fill(told);
      // scrypt (2^18) holding the page's thread would stop its ticker for seconds.
      await startTicker(page);
      const started = Date.now();
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 120_000 }),
        page.getByRole('button', { name: 'Make the bundle' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^document-\d{8}-[0-9a-f]{8}\.zip\.age$/);
      await download.saveAs(path('by-passphrase.zip.age'));
      await page.getByText(en('exportSeal.done')).waitFor({ timeout: 120_000 });
      await page.getByText(en('exportSeal.forPassphrase')).waitFor();
      await page.getByText(en('exportSeal.nextPassphrase', { name: download.suggestedFilename() })).waitFor();
      const took = Date.now() - started;
      expect(await longestPause(page)).toBeLessThan(took / 2);
      await shot(page, 'passphrase');
      const sealed = readFileSync(path('by-passphrase.zip.age'));
      expect(sealed.includes(ZIP_HEADER)).toBe(false);
      expect((await page.getByTestId('sealed-sha256').textContent())?.trim()).toBe(sha256(sealed));
      const plain = await openStream(new Blob([sealed]).stream(), { passphrase: told });
      const zip = new Uint8Array(await new Response(plain).arrayBuffer());
      expect((await page.getByTestId('zip-sha256').textContent())?.trim()).toBe(sha256(zip));
      expect((await verifyBundle(bytesSource(zip))).status).toBe('intact');
    });
  });

  it('a sealed export cancelled mid-file leaves no file and no custody entry; the next one is the only export recorded', async () => {
    const { recipient } = await generateAgeIdentity();
    await inApp(browser, async ({ page, origin }) => {
      await page.addInitScript(fakeSaveDialog);
      await page.goto(`${origin}/`);
      await createVaultThroughUi(page, PASSPHRASE);
      await exportScreenWithVideo(page);
      const toggle = page.getByRole('checkbox', { name: en('exportSeal.toggle') });
      await toggle.check();
      await page.getByTestId('seal-recipients').fill(recipient);
      const workers = await gateFileWrites(page);
      await setWriteGate(workers, { hold: true });
      await page.getByRole('button', { name: 'Make the bundle' }).click();
      await expect.poll(() => writeHeld(workers), { timeout: 120_000 }).toBe(true);
      await page.getByRole('button', { name: 'Cancel' }).click();
      await releaseWrites(workers);
      await page.getByText(en('export.cancelled')).waitFor({ timeout: 60_000 });
      expect(await filesSaved(page)).toEqual([]);

      // Sealed again, to the end: the only export the log holds is this one.
      await page.getByRole('button', { name: 'Make the bundle' }).click();
      const name = await savedAs(page);
      expect(name.endsWith('.zip.age')).toBe(true);
      await toggle.uncheck();
      await page.getByRole('button', { name: 'Make the bundle' }).click();
      const next = await pickedFile(page, await savedAs(page, name));
      if (!next) throw new Error('the plain bundle is missing');
      const logged = custodyLines(temp.dir, next, 'after-cancel.zip').filter((e) => e.event === 'exported');
      // The sealed export (signed entry and hash entry), then this bundle's own entry.
      expect(logged).toHaveLength(3);
      expect(logged[1]?.details).toMatchObject({ sealedFor: 'recipients' });
    });
  });
});

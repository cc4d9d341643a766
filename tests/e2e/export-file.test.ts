import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  custodyLines,
  exportScreenWithVideo,
  fakeSaveDialog,
  gateFileWrites,
  makeCaseWithTwoImages,
  PASSPHRASE,
  pickedFile,
  releaseWrites,
  savedAs,
  setWriteGate,
  writeHeld,
} from './export-helpers';
import { createVaultThroughUi, heading, inApp, launchChromium, seriousAxeViolations } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('saving a bundle into a file the person picks', () => {
  it('streams into the file; a cancelled save leaves no file and no custody entry; the saved one is logged with its hash', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bukti-export-file-'));
    await inApp(browser, async ({ page, origin }) => {
      await page.addInitScript(fakeSaveDialog);
      await page.goto(`${origin}/`);
      await createVaultThroughUi(page, PASSPHRASE);
      await exportScreenWithVideo(page);

      // Cancel once 1 MiB has reached the file.
      const workers = await gateFileWrites(page);
      await setWriteGate(workers, { hold: true });
      await page.getByRole('button', { name: 'Make the bundle' }).click();
      await expect.poll(() => writeHeld(workers), { timeout: 120_000 }).toBe(true);
      const cancelledName = await page.evaluate(async () => {
        const root = await navigator.storage.getDirectory();
        const names: string[] = [];
        for await (const name of (root as unknown as { keys(): AsyncIterable<string> }).keys())
          names.push(name);
        return names.find((name) => name.endsWith('.zip')) ?? '';
      });
      expect(cancelledName).toMatch(/^document-\d{8}-[0-9a-f]{8}\.zip$/);
      // The bytes written so far show beside the bar, as the worker reports them.
      await page.getByText(/^1(\.\d)? MB written of about /).waitFor();
      await page.getByRole('button', { name: 'Cancel' }).click();
      await releaseWrites(workers);
      await page.getByText('Export cancelled. Nothing was saved or recorded as exported.').waitFor();
      expect(await pickedFile(page, cancelledName)).toBeNull();

      await page.getByRole('button', { name: 'Make the bundle' }).click();
      const savedName = await savedAs(page);
      expect(savedName).not.toBe(cancelledName);
      const saved = await pickedFile(page, savedName);
      if (!saved) throw new Error('the picked file is missing');
      const shown = (await page.getByTestId('zip-sha256').textContent())?.trim();
      const savedSha256 = createHash('sha256').update(saved).digest('hex');
      expect(savedSha256).toBe(shown);
      const zip = join(dir, savedName);
      writeFileSync(zip, saved);
      const cli = spawnSync('node', ['bin/bukti.mjs', 'verify', zip], { encoding: 'utf8' });
      expect(cli.status, cli.stdout + cli.stderr).toBe(0);
      // The cancelled export left nothing in the log: this bundle's own entry is the only export.
      expect(
        custodyLines(dir, saved, 'first.zip').filter((entry) => entry.event === 'exported'),
      ).toHaveLength(1);

      // The next bundle carries the log as it now stands: the saved export with the SHA-256 of its file.
      await page.getByRole('button', { name: 'Make the bundle' }).click();
      const nextName = await savedAs(page, savedName);
      const next = await pickedFile(page, nextName);
      if (!next) throw new Error('the second picked file is missing');
      const logged = custodyLines(dir, next, 'second.zip').filter((entry) => entry.event === 'exported');
      expect(logged).toHaveLength(3);
      expect(logged[1]?.details).toMatchObject({ zipSha256: savedSha256, size: saved.length });
      expect(await seriousAxeViolations(page)).toEqual([]);
    });
  });

  it('a closed save dialog or a full disk says what to do, in English and Malay, and records nothing', async () => {
    await inApp(browser, async ({ page, origin }) => {
      await page.addInitScript(fakeSaveDialog);
      await page.goto(`${origin}/`);
      await createVaultThroughUi(page, PASSPHRASE);
      await makeCaseWithTwoImages(page);
      await page.getByRole('link', { name: 'Export', exact: true }).click();
      await heading(page, 'Export a sealed bundle');
      const workers = await gateFileWrites(page);
      const dismiss = (dismissSave: boolean) =>
        page.evaluate((d) => {
          (window as unknown as { dismissSave: boolean }).dismissSave = d;
        }, dismissSave);

      await dismiss(true);
      await page.getByRole('button', { name: 'Make the bundle' }).click();
      await page.getByText('No file was chosen, so nothing was saved.').waitFor();
      await dismiss(false);
      await setWriteGate(workers, { full: true });
      await page.getByRole('button', { name: 'Make the bundle' }).click();
      await page
        .getByText('The bundle could not be written to that file (the disk may be full).')
        .waitFor({ timeout: 120_000 });
      await page
        .getByRole('combobox', { name: 'Language', exact: true })
        .selectOption({ label: 'Bahasa Malaysia' });
      await page.getByText('Berkas tidak dapat ditulis ke fail itu (cakera mungkin penuh).').waitFor();
      expect(await seriousAxeViolations(page)).toEqual([]);

      // Nothing of either attempt is in the log: the next bundle's only export is its own.
      await page.getByRole('combobox', { name: 'Bahasa', exact: true }).selectOption({ label: 'English' });
      await setWriteGate(workers, { full: false });
      await page.getByRole('button', { name: 'Make the bundle' }).click();
      const saved = await pickedFile(page, await savedAs(page));
      if (!saved) throw new Error('the picked file is missing');
      const dir = mkdtempSync(join(tmpdir(), 'bukti-export-full-'));
      expect(
        custodyLines(dir, saved, 'after.zip').filter((entry) => entry.event === 'exported'),
      ).toHaveLength(1);
    });
  });
});

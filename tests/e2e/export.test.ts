import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  custodyLines,
  exportScreenWithVideo,
  makeCaseWithTwoImages,
  PASSPHRASE,
  png,
  pullGate,
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
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('exporting a sealed bundle in Chromium', () => {
  it('streams the bundle into a download through the service worker; it checks with sha256sum, openssl and the bukti CLI', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bukti-export-'));
    await inApp(browser, async ({ page, origin }) => {
      await openForDownloads(page, origin);
      await createVaultThroughUi(page, PASSPHRASE);
      await makeCaseWithTwoImages(page);
      await page.getByRole('link', { name: 'Export', exact: true }).click();
      await heading(page, 'Export a sealed bundle');
      await page.getByLabel(/Who it is for/).fill('Balai Polis Kulai');
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 120_000 }),
        page.getByRole('button', { name: 'Make the bundle' }).click(),
      ]);
      expect(new URL(download.url()).pathname).toMatch(/^\/download\/[0-9a-f-]{36}$/);
      expect(download.suggestedFilename()).toMatch(/^document-\d{8}-[0-9a-f]{8}\.zip$/);
      const zip = join(dir, download.suggestedFilename());
      await download.saveAs(zip);
      await page.getByText('The bundle is ready.').waitFor({ timeout: 120_000 });
      await page.getByText(`Saved to your downloads as ${download.suggestedFilename()}.`).waitFor();
      const shown = (await page.getByTestId('zip-sha256').textContent())?.trim();
      expect(await seriousAxeViolations(page)).toEqual([]);
      expect(createHash('sha256').update(readFileSync(zip)).digest('hex')).toBe(shown);

      const out = join(dir, 'unzipped');
      execFileSync('unzip', ['-q', zip, '-d', out]);
      expect(
        execFileSync('sha256sum', ['-c', '--strict', 'SHA256SUMS'], { cwd: out, encoding: 'utf8' }),
      ).toMatch(/evidence\/001-.*: OK/);
      const verified = spawnSync(
        'openssl',
        [
          'pkeyutl',
          '-verify',
          '-pubin',
          '-inkey',
          'public-key.pem',
          '-rawin',
          '-in',
          'SHA256SUMS',
          '-sigfile',
          'SHA256SUMS.sig',
        ],
        { cwd: out, encoding: 'utf8' },
      );
      expect(verified.status).toBe(0);
      expect(verified.stdout).toContain('Signature Verified Successfully');
      const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
      expect(manifest.items).toHaveLength(2);
      expect(manifest.export.recipientNote).toBe('Balai Polis Kulai');
      const text = execFileSync('pdftotext', [join(out, 'report.pdf'), '-'], { encoding: 'utf8' });
      expect(text.replace(/\s+/g, '')).toContain('https://www.instagram.com/p/C0ffee123/');

      const cli = spawnSync('node', ['bin/bukti.mjs', 'verify', zip], { encoding: 'utf8' });
      expect(cli.status, cli.stdout + cli.stderr).toBe(0);
      // One changed byte inside the first original: the CLI says so and names that file.
      const bytes = readFileSync(zip);
      const at = bytes.indexOf(png(1).subarray(100, 132));
      expect(at).toBeGreaterThan(0);
      bytes[at] = (bytes[at] ?? 0) ^ 0xff;
      const tampered = join(dir, 'tampered.zip');
      writeFileSync(tampered, bytes);
      const bad = spawnSync('node', ['bin/bukti.mjs', 'verify', tampered], { encoding: 'utf8' });
      expect(bad.status).toBe(1);
      expect(bad.stdout).toContain('evidence/001-');

      // The export is in the custody log (the in-bundle entry, then the ZIP's own hash).
      expect(readFileSync(join(out, 'custody-log.jsonl'), 'utf8')).toContain('"event":"exported"');
    });
  });
});

describe('cancelling a streamed download', () => {
  it('fails the download, says so, and records nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bukti-export-cancel-'));
    await inApp(browser, async ({ page, origin }) => {
      await openForDownloads(page, origin, pullGate);
      await createVaultThroughUi(page, PASSPHRASE);
      await exportScreenWithVideo(page);

      await page.evaluate(() => {
        (window as unknown as { pullGate: { holdAfter: number } }).pullGate.holdAfter = 2;
      });
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 120_000 }),
        page.getByRole('button', { name: 'Make the bundle' }).click(),
      ]);
      await page.waitForFunction(
        () => (window as unknown as { pullGate: { release: unknown } }).pullGate.release !== null,
      );
      await page.getByRole('button', { name: 'Cancel' }).click();
      await page.evaluate(() => {
        const gate = (window as unknown as { pullGate: { holdAfter: number; release: (() => void) | null } })
          .pullGate;
        gate.holdAfter = Number.POSITIVE_INFINITY;
        gate.release?.();
      });
      await page.getByText('Export cancelled. Nothing was saved or recorded as exported.').waitFor();
      // The browser marks the download failed: no file under the bundle's name claims to be complete.
      expect(await download.failure()).not.toBeNull();

      const [complete] = await Promise.all([
        page.waitForEvent('download', { timeout: 120_000 }),
        page.getByRole('button', { name: 'Make the bundle' }).click(),
      ]);
      const zip = join(dir, complete.suggestedFilename());
      await complete.saveAs(zip);
      await page.getByText('The bundle is ready.').waitFor({ timeout: 120_000 });
      const exported = custodyLines(dir, readFileSync(zip), 'check.zip').filter(
        (entry) => entry.event === 'exported',
      );
      expect(exported).toHaveLength(1);
    });
  });
});

import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVaultThroughUi, heading, inApp, launchChromium } from './harness';

const PASSPHRASE = 'mee goreng mamak pedas';

function png(seed: number): Buffer {
  const image = new PNG({ width: 320, height: 200 });
  for (let i = 0; i < 320 * 200; i++) {
    const x = i % 320;
    const y = Math.floor(i / 320);
    const on = (Math.floor(x / 20) + Math.floor(y / 20)) % 2 === 0;
    image.data.set(on ? [seed & 0xff, 30, 200, 255] : [250, 250, 250, 255], i * 4);
  }
  return PNG.sync.write(image);
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('exporting a sealed bundle in Chromium', () => {
  it('exports, downloads, and the bundle checks with sha256sum, openssl and the bukti CLI', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bukti-export-'));
    await inApp(browser, async ({ page, origin }) => {
      await page.goto(`${origin}/`);
      await createVaultThroughUi(page, PASSPHRASE);
      await page.getByLabel('Case name').fill('Akaun penyamar');
      await page
        .getByLabel(/What happened, in your own words/)
        .fill('Seseorang membuat akaun palsu menggunakan gambar saya.');
      await page.getByRole('button', { name: 'Create case' }).click();
      await heading(page, 'Akaun penyamar');
      await page
        .getByLabel('Link to the post or message (optional)')
        .fill('https://www.instagram.com/p/C0ffee123/');
      await page
        .getByTestId('file-input')
        .setInputFiles([{ name: 'profil-palsu.png', mimeType: 'image/png', buffer: png(1) }]);
      await page.getByText('1 item(s) added.').waitFor();
      await page.getByLabel('What kind of abuse is this?').selectOption('deepfake');
      await page
        .getByTestId('file-input')
        .setInputFiles([{ name: 'gambar-palsu.png', mimeType: 'image/png', buffer: png(2) }]);
      await expect.poll(() => page.locator('.item-card').count()).toBe(2);

      await page.getByRole('link', { name: 'Export', exact: true }).click();
      await heading(page, 'Export a sealed bundle');
      await page.getByLabel(/Who it is for/).fill('Balai Polis Kulai');
      await page.getByRole('button', { name: 'Make the bundle' }).click();
      await page.getByText('The bundle is ready.').waitFor({ timeout: 120_000 });
      const shown = (await page.getByTestId('zip-sha256').textContent())?.trim();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Save the bundle' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^bukti-akaun-penyamar-\d{8}-\d{4}-[0-9a-f]+\.zip$/);
      const zip = join(dir, download.suggestedFilename());
      await download.saveAs(zip);
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

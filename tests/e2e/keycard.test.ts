import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import decodeQR from 'qr/decode.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addEvidence } from './capture-flow';
import { exportToFile } from './export-helpers';
import {
  heading,
  inApp,
  launchChromium,
  openForDownloads,
  seriousAxeViolations,
  skipIntroduction,
} from './harness';
import { png } from './images';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const REFUSED =
  'This passphrase could be guessed too quickly. Add more words, or use a generated passphrase.';

/** Asks for a generated passphrase and returns it as the field shows it (in clear once suggested). */
async function suggested(page: Page, field: string): Promise<string> {
  await page.getByRole('button', { name: 'Suggest a passphrase of five random words' }).click();
  const input = page.getByLabel(field, { exact: true });
  await expect.poll(() => input.getAttribute('type')).toBe('text');
  return input.inputValue();
}

/** The text of a PDF and the QR code found on its first page, as a reader of the printed card gets them. */
function readPdf(path: string): { text: string; qr: string | undefined } {
  const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
  execFileSync('pdftoppm', ['-png', '-r', '150', '-singlefile', path, `${path}-page`]);
  const image = PNG.sync.read(readFileSync(`${path}-page.png`));
  return {
    text,
    qr: decodeQR({ width: image.width, height: image.height, data: image.data }, { format: 'RGBA' }),
  };
}

describe('passphrases and the key card in Chromium', () => {
  it('refuses a guessable passphrase, creates the vault with a generated one, hands out the key card and shows the key on the bundle', {
    timeout: 300_000,
  }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bukti-keycard-'));
    try {
      await inApp(browser, async ({ page, origin }) => {
        await openForDownloads(page, origin);
        await skipIntroduction(page);
        await heading(page, 'Create your vault');

        // A Malay phrase and a year: refused, with advice; nothing is created.
        await page.getByLabel('Passphrase', { exact: true }).fill('akusayangkamu1990');
        await page
          .getByText('Leave out dates and years, such as a birthday: they are guessed quickly.')
          .waitFor();
        await page.getByLabel('Type the passphrase again').fill('akusayangkamu1990');
        await page.getByLabel('I understand that the passphrase cannot be recovered.').check();
        await page.getByRole('button', { name: 'Create vault' }).click();
        await page.getByText(REFUSED).waitFor();

        // A generated one: five words of the list, shown in clear, in both fields.
        const passphrase = await suggested(page, 'Passphrase');
        expect(passphrase).toMatch(/^[a-z]{4,8}( [a-z]{4,8}){4}$/);
        expect(await page.getByLabel('Type the passphrase again').inputValue()).toBe(passphrase);
        await page.getByRole('button', { name: 'Create vault' }).click();
        await heading(page, 'Cases');

        // Settings: the fingerprint, and the key card with it in groups and as a QR code.
        await page.goto(`${origin}/#/settings`);
        const shown = (await page.getByTestId('key-fingerprint').textContent())?.trim() ?? '';
        expect(shown).toMatch(/^([0-9a-f]{4} ){15}[0-9a-f]{4}$/);
        const fingerprint = shown.replaceAll(' ', '');
        const [card] = await Promise.all([
          page.waitForEvent('download', { timeout: 120_000 }),
          page.getByRole('button', { name: 'Make a key card (PDF)' }).click(),
        ]);
        expect(card.suggestedFilename()).toMatch(
          new RegExp(`^document-\\d{8}-${fingerprint.slice(0, 8)}\\.pdf$`),
        );
        const cardPath = join(dir, 'card.pdf');
        await card.saveAs(cardPath);
        const printed = readPdf(cardPath);
        expect(printed.qr).toBe(fingerprint);
        expect(printed.text.replace(/\s+/g, ' ')).toContain(shown.replace(/ /g, ' '));
        for (const phrase of ['Bukti key card', 'Kad kunci Bukti', 'Key made on', 'Kunci dibuat pada'])
          expect(printed.text).toContain(phrase);
        expect(await seriousAxeViolations(page)).toEqual([]);

        // Changing the passphrase: a guessable one is refused too; a generated one is taken.
        await page.getByLabel('Current passphrase').fill(passphrase);
        await page.getByLabel('New passphrase', { exact: true }).fill('Password2024!');
        await page.getByLabel('New passphrase again').fill('Password2024!');
        await page.getByRole('button', { name: 'Change passphrase' }).click();
        await page.getByText(REFUSED).waitFor();
        await suggested(page, 'New passphrase');
        await page.getByLabel('Current passphrase').fill(passphrase);
        await page.getByRole('button', { name: 'Change passphrase' }).click();
        await page.getByText('Passphrase changed.').waitFor();

        // The export screen names the key the bundle was signed with: the one on the card.
        await page.goto(`${origin}/#/cases`);
        await page.getByLabel('Case name').fill('Kes kad kunci');
        await page.getByRole('button', { name: 'Create case' }).click();
        await heading(page, 'Kes kad kunci');
        await addEvidence(page, { files: [{ name: 'a.png', mimeType: 'image/png', buffer: png(3) }] });
        const zip = join(dir, 'bundle.zip');
        await exportToFile(page, zip);
        expect((await page.getByTestId('bundle-key-fingerprint').textContent())?.trim()).toBe(shown);
        const pem = execFileSync('unzip', ['-p', zip, '*public-key.pem'], { encoding: 'utf8' });
        const der = Buffer.from(pem.split('\n')[1] ?? '', 'base64');
        expect(createHash('sha256').update(der.subarray(-32)).digest('hex')).toBe(fingerprint);
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

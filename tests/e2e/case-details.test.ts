import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addEvidence } from './capture-flow';
import { exportAndUnzip } from './export-helpers';
import {
  createVaultThroughUi,
  heading,
  inApp,
  launchChromium,
  openForDownloads,
  seriousAxeViolations,
  unlockThroughUi,
} from './harness';
import { plaintextAtRest } from './plaintext-scan';

const PASSPHRASE = 'roti canai banjir kari';
const TITLE = 'Kes akaun palsu';
const PERSON = {
  name: 'Nur Aisyah binti Ahmad',
  idNumber: '850315-10-6644',
  phone: '012-987 6543',
  email: 'nur.aisyah@example.com',
};

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** The name attribute of the focused element, to follow where the keyboard is. */
function focusedField(page: Page): Promise<string | null> {
  return page.evaluate(() => document.activeElement?.getAttribute('name') ?? null);
}

/** The text of the focused element (a button's words). */
function focusedText(page: Page): Promise<string | null | undefined> {
  return page.evaluate(() => document.activeElement?.textContent);
}

const accountsOf = (page: Page) => page.getByRole('region', { name: 'Accounts involved' });
const complainantOf = (page: Page) =>
  page.getByRole('region', { name: 'Your details for the police report (optional)' });
const input = (scope: Locator, label: string) => scope.getByLabel(label, { exact: true });

/** The accounts and complainant as the case screen lists them. */
async function listedDetails(page: Page): Promise<string> {
  const accounts = await accountsOf(page).locator('.account-list').textContent();
  const person = await complainantOf(page).textContent();
  return `${accounts}\n${person}`;
}

/** What was saved, as any view of the case (screen, report) must show it; the removed account never. */
const SAVED = [
  'kulai.anon',
  'Anon Kulai',
  'kulai.anon@example.com',
  'Posted the edited photos first',
  'Penjual gambar',
  '+60 13-777 2468',
  ...Object.values(PERSON),
];

function expectSaved(text: string): void {
  for (const expected of SAVED) expect(text).toContain(expected);
  expect(text).not.toContain('salah_akaun');
}

async function expectKept(page: Page): Promise<void> {
  await heading(page, TITLE);
  const listed = await listedDetails(page);
  expectSaved(listed);
  expect(listed).toContain('Instagram: kulai.anon');
  expect(listed).toContain('WhatsApp: Penjual gambar');
}

describe('case details in Chromium', () => {
  // One long flow (a person's whole session, then an export), so it gets more than the default time.
  it('renames a case, adds, changes and removes accounts, fills the complainant, keeps them and exports them', {
    timeout: 300_000,
  }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bukti-case-details-'));
    await inApp(browser, async ({ page, origin }) => {
      await openForDownloads(page, origin);
      await createVaultThroughUi(page, PASSPHRASE);
      await page.getByLabel('Case name').fill('Akaun palsu');
      await page.getByRole('button', { name: 'Create case' }).click();
      await heading(page, 'Akaun palsu');
      // One item, so the case can be exported at the end.
      await addEvidence(page, {
        files: [
          { name: 'catatan.txt', mimeType: 'text/plain', buffer: Buffer.from('Mesej daripada akaun palsu') },
        ],
      });
      // A text file shows its words on the timeline.
      await page.getByTestId('text-preview').getByText('Mesej daripada akaun palsu').waitFor();

      // Rename: an empty name is refused with a message, then the new name is saved.
      await page.getByRole('button', { name: 'Rename this case' }).click();
      await expect.poll(() => focusedField(page)).toBe('case-rename');
      await page.getByLabel('New name for this case').fill('   ');
      await page.getByRole('button', { name: 'Save name' }).click();
      await page.getByText('Give the case a name so you can find it again.').waitFor();
      await page.getByLabel('New name for this case').fill(TITLE);
      await page.getByRole('button', { name: 'Save name' }).click();
      await heading(page, TITLE);
      await page.getByText('Name saved.').waitFor();

      // First account, from a pasted profile link; a contact that is no address is refused, nothing lost.
      const accounts = accountsOf(page);
      await accounts.getByRole('button', { name: 'Add an account' }).click();
      await expect.poll(() => focusedField(page)).toBe('account-profileUrl');
      await page.keyboard.insertText('https://www.instagram.com/kulai.anon/?igshid=abc123');
      await accounts.getByText('Filled in from the link: Instagram, kulai.anon.').waitFor();
      expect(await input(accounts, 'Platform or app').inputValue()).toBe('instagram');
      expect(await input(accounts, 'Handle or username (optional)').inputValue()).toBe('kulai.anon');
      await input(accounts, 'Display name (optional)').fill('Anon Kulai');
      await input(accounts, 'Phone number or e-mail (optional)').fill('kulai.anon@');
      await accounts.getByRole('button', { name: 'Save account' }).click();
      await accounts.getByText('Enter a phone number (e.g. +60 12-345 6789) or an e-mail address').waitFor();
      await expect.poll(() => focusedField(page)).toBe('account-contact');
      expect(await input(accounts, 'Display name (optional)').inputValue()).toBe('Anon Kulai');
      expect(await input(accounts, 'Link to the profile (optional)').inputValue()).toContain('igshid=abc123');
      await page.keyboard.press('End');
      await page.keyboard.insertText('example.com');
      await accounts.getByRole('button', { name: 'Save account' }).click();
      await accounts.getByText('Account saved.').waitFor();
      await accounts.getByRole('heading', { name: 'Instagram: kulai.anon' }).waitFor();

      // Second account with the keyboard alone; an empty one is refused first.
      await accounts.getByRole('button', { name: 'Add an account' }).focus();
      await page.keyboard.press('Enter');
      await accounts.getByRole('button', { name: 'Save account' }).click();
      await accounts.getByText('Fill in at least one of:').waitFor();
      await input(accounts, 'Link to the profile (optional)').focus();
      await page.keyboard.press('Tab');
      await expect.poll(() => focusedField(page)).toBe('account-platform');
      await page.keyboard.press('w');
      expect(await input(accounts, 'Platform or app').inputValue()).toBe('whatsapp');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await expect.poll(() => focusedField(page)).toBe('account-displayName');
      await page.keyboard.type('Penjual gambar');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await page.keyboard.type('+60 13-777 2468');
      await page.keyboard.press('Enter');
      await accounts.getByRole('heading', { name: 'WhatsApp: Penjual gambar' }).waitFor();
      await expect.poll(() => focusedField(page)).toBeNull();
      await expect.poll(() => focusedText(page)).toBe('Add an account');

      // Change the first account: its fields come back as saved.
      await accounts.getByRole('button', { name: 'Change kulai.anon' }).click();
      expect(await input(accounts, 'Display name (optional)').inputValue()).toBe('Anon Kulai');
      await input(accounts, 'Notes (optional)').fill('Posted the edited photos first');
      await accounts.getByRole('button', { name: 'Save account' }).click();
      await accounts.getByText('Posted the edited photos first').waitFor();
      await expect.poll(() => focusedText(page)).toBe('Change kulai.anon');

      // A third account, removed after the question; "keep it" first leaves it alone.
      await accounts.getByRole('button', { name: 'Add an account' }).click();
      await input(accounts, 'Link to the profile (optional)').fill('t.me/salah_akaun');
      await accounts.getByRole('button', { name: 'Save account' }).click();
      await accounts.getByRole('heading', { name: 'Telegram: salah_akaun' }).waitFor();
      await accounts.getByRole('button', { name: 'Remove salah_akaun' }).click();
      await accounts.getByText('Remove "salah_akaun" from this case?').waitFor();
      await expect.poll(() => focusedText(page)).toBe('No, keep it');
      await page.keyboard.press('Enter');
      await accounts.getByRole('button', { name: 'Remove salah_akaun' }).click();
      await accounts.getByRole('button', { name: 'Yes, remove it' }).click();
      await accounts.getByText('Account removed.').waitFor();
      expect(await accounts.getByRole('heading', { level: 3 }).allTextContents()).toEqual([
        'Instagram: kulai.anon',
        'WhatsApp: Penjual gambar',
      ]);

      // Complainant: wrong IC and e-mail are pointed out, everything typed stays; then saved.
      const person = complainantOf(page);
      await person.getByText('Not filled in.').waitFor();
      await person.getByRole('button', { name: 'Fill in or change your details' }).click();
      await expect.poll(() => focusedField(page)).toBe('complainant-name');
      await input(person, 'Your full name').fill(PERSON.name);
      await input(person, 'MyKad (IC) or passport number').fill('850315-10-664');
      await input(person, 'Your phone number').fill(PERSON.phone);
      await input(person, 'Your e-mail address').fill('nur.aisyah@');
      await person.getByRole('button', { name: 'Save my details' }).click();
      await person.getByText('Enter a MyKad number as 12 digits').waitFor();
      await person.getByText('This is not an e-mail address.').waitFor();
      await expect.poll(() => focusedField(page)).toBe('complainant-idNumber');
      expect(await input(person, 'Your full name').inputValue()).toBe(PERSON.name);
      expect(await input(person, 'Your phone number').inputValue()).toBe(PERSON.phone);
      expect(await seriousAxeViolations(page), 'complainant form with problems').toEqual([]);
      await page.keyboard.press('End');
      await page.keyboard.type('4');
      await expect.poll(() => person.getByText('Enter a MyKad number as 12 digits').count()).toBe(0);
      await input(person, 'Your e-mail address').fill(PERSON.email);
      await person.getByRole('button', { name: 'Save my details' }).click();
      await person.getByText('Your details are saved.').waitFor();

      await expectKept(page);
      expect(
        await plaintextAtRest(page, [
          PERSON.idNumber,
          PERSON.name,
          'kulai.anon@example.com',
          '+60 13-777 2468',
        ]),
      ).toEqual([]);

      // Kept through a reload (the vault locks) and through lock and unlock.
      await page.reload();
      await heading(page, 'Unlock');
      await unlockThroughUi(page, PASSPHRASE);
      await expectKept(page);
      await page.getByRole('button', { name: 'Lock', exact: true }).click();
      await heading(page, 'Unlock');
      await unlockThroughUi(page, PASSPHRASE);
      await expectKept(page);

      // Accessible in English and Malay, with the account form open and showing a problem.
      for (const language of ['English', 'Bahasa Malaysia']) {
        await page.getByRole('combobox', { name: /^(Language|Bahasa)$/ }).selectOption({ label: language });
        await page.locator('[data-action="add"]').click();
        await page.locator('[name="account-contact"]').fill('bukan@');
        await page.locator('.account-form button[type="submit"]').click();
        await page.locator('.account-form [role="alert"]').waitFor();
        expect(await seriousAxeViolations(page), `case screen in ${language}`).toEqual([]);
        await page.locator('.account-form button[type="button"]').click();
      }
      await page.getByRole('combobox', { name: 'Bahasa' }).selectOption({ label: 'English' });

      // The sealed bundle carries them: the report prints them, the manifest holds the case record.
      const out = await exportAndUnzip(page, dir);
      const report = execFileSync('pdftotext', [join(out, 'report.pdf'), '-'], { encoding: 'utf8' });
      expectSaved(report);
      const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
      expect(manifest.case.title).toBe(TITLE);
      expect(manifest.case.complainant).toEqual(PERSON);
      expect(manifest.case.accounts).toEqual([
        expect.objectContaining({
          platform: 'instagram',
          handle: 'kulai.anon',
          contact: 'kulai.anon@example.com',
        }),
        expect.objectContaining({ platform: 'whatsapp', displayName: 'Penjual gambar' }),
      ]);
    });
  });
});

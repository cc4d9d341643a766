import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHARED_LINKS } from '../unit/url/shared-links';
import { addEvidence } from './capture-flow';
import { exportAndUnzip, png } from './export-helpers';
import {
  createVaultThroughUi,
  heading,
  inApp,
  launchChromium,
  openForDownloads,
  seriousAxeViolations,
  tabTo,
} from './harness';

const PASSPHRASE = 'roti canai telur bawang';
const SCREENS = resolve('.tmp', 'screens');
/** A date as the app prints it, day first: `5 Dec 2026`, `12 Mei 2026`. */
const DAY_FIRST = /\b\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}\b/;
const HANDLE = '@pembuli_2291';
const INSTAGRAM = SHARED_LINKS.find((shared) => shared.platform === 'instagram');

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
  mkdirSync(SCREENS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

/** How the person moves: by touch on a phone, or with the keyboard alone on a laptop. */
interface Hands {
  name: 'phone' | 'laptop';
  /** Presses the control with this accessible name. */
  press(page: Page, name: RegExp): Promise<void>;
  /** Types into the field with this label. */
  type(page: Page, label: string, text: string): Promise<void>;
  /** Picks files through the chooser the control with this name opens. */
  choose(page: Page, name: RegExp, files: Parameters<Locator['setInputFiles']>[0]): Promise<void>;
}

const byTouch: Hands = {
  name: 'phone',
  press: (page, name) => page.getByRole('button', { name }).or(page.getByRole('link', { name })).tap(),
  type: (page, label, text) => page.getByLabel(label, { exact: true }).fill(text),
  async choose(page, name, files) {
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByText(name).tap()]);
    await chooser.setFiles(files);
  },
};

const byKeyboard: Hands = {
  name: 'laptop',
  async press(page, name) {
    await tabTo(page, name);
    await page.keyboard.press('Enter');
  },
  async type(page, label, text) {
    await tabTo(page, label);
    await page.keyboard.type(text);
  },
  async choose(page, name, files) {
    const chooser = page.waitForEvent('filechooser');
    await tabTo(page, name);
    await page.keyboard.press('Space');
    await (await chooser).setFiles(files);
  },
};

let shot = 0;
async function screenshot(page: Page, hands: Hands, step: string): Promise<void> {
  shot++;
  await page.screenshot({
    path: join(SCREENS, `${hands.name}-${String(shot).padStart(2, '0')}-${step}.png`),
  });
}

/** The details step shows nothing of the item before. */
async function expectEmptyDetails(page: Page): Promise<void> {
  expect(await page.getByLabel('What kind of abuse is this?').inputValue()).toBe('other');
  expect(await page.getByLabel('What this shows (optional)').inputValue()).toBe('');
  expect(await page.getByLabel('Account name or @handle (optional)').inputValue()).toBe('');
  expect(await page.getByLabel('When it was posted, as shown (optional)').inputValue()).toBe('');
  expect(await page.getByLabel('Hide the picture until I choose to see it').isChecked()).toBe(false);
}

/** The saved step's heading is on screen, at the top, where the eye is. */
async function expectSavedInView(page: Page, viewportHeight: number): Promise<void> {
  const saved = page.getByRole('heading', { name: 'Saved to the case' });
  await saved.waitFor({ timeout: 60_000 });
  const box = await saved.boundingBox();
  expect(box && box.y >= 0 && box.y + box.height <= viewportHeight / 2).toBe(true);
  await page.getByText('1 item(s) added.').waitFor();
}

/** One whole pass: a case, then a screenshot, a photo, a link, a message (and the screen on a laptop). */
async function wholeFlow(page: Page, hands: Hands, height: number): Promise<void> {
  await createVaultThroughUi(page, PASSPHRASE);
  await page.getByLabel('Case name').fill('Kes kumpulan kelas');
  await page.getByRole('button', { name: 'Create case' }).click();
  await heading(page, 'Kes kumpulan kelas');
  await screenshot(page, hands, 'case-empty');

  // 1. A screenshot with everything she knows.
  await hands.press(page, /^Add evidence$/);
  await heading(page, 'Add evidence');
  await screenshot(page, hands, 'what');
  await hands.choose(page, /^Screenshot or file/, [
    { name: 'ugutan.png', mimeType: 'image/png', buffer: png(1) },
  ]);
  await page.getByRole('heading', { name: 'Details of this item' }).waitFor();
  await expectEmptyDetails(page);
  if (hands.name === 'phone') {
    await page.getByLabel('What kind of abuse is this?').selectOption('sextortion');
    await page.getByLabel('Date it was posted, if you know it').fill('2026-12-05');
    await page.getByLabel('Time it was posted (optional)').fill('21:14');
    // The browser's date field may show 12/05/2026; the app says back what it will save, day first.
    await page.getByTestId('posted-read-as').getByText('Saved as: 5 Dec 2026, 21:14').waitFor();
  } else {
    await tabTo(page, 'What kind of abuse is this?');
    await page.keyboard.type('S');
  }
  await hands.type(page, 'What this shows (optional)', 'He says he will share the photo');
  await hands.type(page, 'When it was posted, as shown (optional)', 'Yesterday at 21:14');
  await hands.type(page, 'Account name or @handle (optional)', HANDLE);
  await screenshot(page, hands, 'details');
  await hands.press(page, /^Save this item$/);
  await expectSavedInView(page, height);
  await screenshot(page, hands, 'saved');

  // 2. A photo: nothing carried over, the account one tap away.
  await hands.press(page, /^Add another item$/);
  await hands.choose(page, /^Take a photo or video/, [
    { name: 'foto.png', mimeType: 'image/png', buffer: png(2) },
  ]);
  await page.getByRole('heading', { name: 'Details of this item' }).waitFor();
  await expectEmptyDetails(page);
  await hands.press(page, new RegExp(`^Same account as the last item \\(${HANDLE}`));
  expect(await page.getByLabel('Account name or @handle (optional)').inputValue()).toBe(HANDLE);
  await screenshot(page, hands, 'same-account');
  await hands.press(page, /^Save this item$/);
  await expectSavedInView(page, height);

  // 3. A link only: read before saving, with its copy without tracking.
  await hands.press(page, /^Add another item$/);
  await hands.press(page, /^A link/);
  await expectEmptyDetails(page);
  await hands.type(page, 'Link (web address)', INSTAGRAM?.link ?? '');
  await page
    .getByTestId('link-feedback')
    .getByText('Read from the link: Instagram · post C0ffee123')
    .waitFor();
  await page.getByText(`Without tracking: ${INSTAGRAM?.clean}`).waitFor();
  await screenshot(page, hands, 'link');
  await hands.press(page, /^Save this item$/);
  await expectSavedInView(page, height);

  // 4. A link that is not a web link: told before saving, kept as message text when she chooses so.
  await hands.press(page, /^Add another item$/);
  await hands.press(page, /^A link/);
  await hands.type(page, 'Link (web address)', 'javascript:alert(1)');
  await page.getByText('This is not a web link. Only links that start with http:// or https://').waitFor();
  await screenshot(page, hands, 'not-a-link');
  await hands.press(page, /^Keep it as message text$/);
  expect(await page.getByLabel('The message, copied exactly').inputValue()).toBe('javascript:alert(1)');
  await hands.press(page, /^Save this item$/);
  await expectSavedInView(page, height);

  // 5. A message.
  await hands.press(page, /^Add another item$/);
  await hands.press(page, /^A message/);
  await expectEmptyDetails(page);
  await hands.type(page, 'The message, copied exactly', 'Kalau kau tak bayar, aku sebar gambar ni.');
  await hands.press(page, /^Save this item$/);
  await expectSavedInView(page, height);

  // 6. On a laptop, the screen (the browser's picker answered by a canvas stream).
  if (hands.name === 'laptop') {
    await hands.press(page, /^Add another item$/);
    await hands.press(page, /^Capture the screen$/);
    await page.getByRole('heading', { name: 'Details of this item' }).waitFor();
    await expectEmptyDetails(page);
    await hands.press(page, /^Save this item$/);
    await expectSavedInView(page, height);
  }

  await hands.press(page, /^See the timeline$/);
  await page.locator('[data-screen="case"]').waitFor();
  const cards = page.locator('.item-card');
  await expect.poll(() => cards.count()).toBe(hands.name === 'laptop' ? 6 : 5);
  await screenshot(page, hands, 'timeline');
  const first = page.locator('.item-card', { hasText: 'ugutan.png' });
  expect(await first.textContent()).toContain('Sextortion');
  const photo = page.locator('.item-card', { hasText: 'foto.png' });
  expect(await photo.textContent()).not.toContain('Sextortion');
  expect(await photo.textContent()).toContain(HANDLE);
  const link = page.locator('.item-card', { hasText: 'Web link' });
  expect(await link.textContent()).toContain('Instagram');
  for (const text of await cards.allTextContents()) expect(text).toMatch(DAY_FIRST);
  if (hands.name === 'phone') expect(await first.textContent()).toContain('5 Dec 2026, 21:14');
  expect(await seriousAxeViolations(page)).toEqual([]);
}

/** A screen the browser's picker hands over: a canvas with something drawn on it. */
function fakeScreenPicker(): void {
  navigator.mediaDevices.getDisplayMedia = async () => {
    const canvas = document.createElement('canvas');
    canvas.width = 640;
    canvas.height = 360;
    const context = canvas.getContext('2d');
    if (context) {
      context.fillStyle = '#124e5c';
      context.fillRect(0, 0, 640, 360);
    }
    const stream = canvas.captureStream(5);
    const draw = setInterval(() => context?.fillRect(0, 0, 1, 1), 100);
    stream.getVideoTracks()[0]?.addEventListener('ended', () => clearInterval(draw));
    return stream;
  };
}

describe('the capture flow, one item at a time', () => {
  it('on a 390×844 phone by touch: compact header, bottom navigation, every kind of item, nothing carried over', async () => {
    shot = 0;
    const viewport = { width: 390, height: 844 };
    await inApp(
      browser,
      async ({ page, origin }) => {
        await page.goto(`${origin}/`);
        await wholeFlow(page, byTouch, viewport.height);
        const bar = await page.locator('.app-bar').boundingBox();
        expect(bar && bar.height <= 64).toBe(true);
        const nav = await page.getByRole('navigation', { name: 'Main' }).boundingBox();
        expect(nav && Math.round(nav.y + nav.height)).toBe(viewport.height);
      },
      { context: { viewport, hasTouch: true, isMobile: true } },
    );
  });

  it('on a 1280×800 laptop with the keyboard alone: every kind of item, the screen included', async () => {
    shot = 0;
    await inApp(
      browser,
      async ({ page, origin }) => {
        await page.addInitScript(fakeScreenPicker);
        await page.goto(`${origin}/`);
        await wholeFlow(page, byKeyboard, 800);
      },
      { context: { viewport: { width: 1280, height: 800 } } },
    );
  });

  it('reads the platform of a link-only item from each of the 12 platforms; the report prints the clean links, day first', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bukti-links-'));
    await inApp(browser, async ({ page, origin }) => {
      await openForDownloads(page, origin);
      await createVaultThroughUi(page, PASSPHRASE);
      await page.getByLabel('Case name').fill('Pautan sahaja');
      await page.getByRole('button', { name: 'Create case' }).click();
      await heading(page, 'Pautan sahaja');
      for (const shared of SHARED_LINKS) {
        await addEvidence(page, {
          link: shared.link,
          details: () => page.getByText(`Read from the link: ${shared.label}`).waitFor(),
        });
        const card = page.locator('.item-card', { hasText: shared.link });
        expect(await card.textContent()).toContain(shared.label);
      }
      const out = await exportAndUnzip(page, dir);
      const report = execFileSync('pdftotext', [join(out, 'report.pdf'), '-'], { encoding: 'utf8' });
      // pdftotext drops a hyphen where a long link wraps at one; compare without hyphens.
      const text = report.replace(/\s+/g, '');
      for (const shared of SHARED_LINKS)
        expect(text.replace(/-/g, '')).toContain(shared.clean.replace(/-/g, ''));
      expect(text).toMatch(/Periodcovered.*\d{1,2}(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\d{4}/);
      expect(text).not.toMatch(/\d{1,2}\/\d{1,2}\/\d{4}/);
    });
  });
});

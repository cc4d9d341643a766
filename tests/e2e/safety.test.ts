import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { addEvidence } from './capture-flow';
import {
  createVaultThroughUi,
  foreignRequests,
  heading,
  inApp,
  launchChromium,
  openForDownloads,
  recordedContext,
  seriousAxeViolations,
  skipIntroduction,
  startServer,
  stopServer,
  unlockThroughUi,
  waitForServiceWorkerControl,
} from './harness';
import { png } from './images';

const PASSPHRASE = 'roti canai pagi jumaat';
const CASE_TITLE = 'Akaun palsu di Instagram';
const CODE = '4815';
/** What must not show while locked in discreet mode, nor in stored names: the app's name, its purpose, in EN and BM. */
const TELLING = ['bukti', 'evidence', 'passphrase', 'frasa laluan', 'kata laluan'];
/** Stored names must not reveal a vault either. */
const TELLING_IN_STORAGE = [...TELLING, 'vault', 'peti besi'];
/** A page of another site, opened before the app, so Back has somewhere to go. */
const BEFORE = 'data:text/html,<title>Before</title><h1>Before</h1>';

function telling(text: string, words = TELLING): string[] {
  const lower = text.toLowerCase();
  return words.filter((word) => lower.includes(word));
}

/** Everything a person could read on the page: title, visible text, labels and all markup. */
function pageText(page: Page): Promise<string> {
  return page.evaluate(() => `${document.title}\n${document.documentElement.outerHTML}`);
}

/** Names (and small values) in localStorage, sessionStorage, cookies and the Cache API. */
async function storedNames(page: Page, context: BrowserContext): Promise<string[]> {
  const inPage = await page.evaluate(async () => {
    const out: string[] = [];
    for (const storage of [localStorage, sessionStorage]) {
      for (let i = 0; i < storage.length; i++) {
        const key = storage.key(i) ?? '';
        out.push(key, storage.getItem(key) ?? '');
      }
    }
    out.push(document.cookie);
    for (const name of await caches.keys()) {
      out.push(name);
      for (const request of await (await caches.open(name)).keys()) out.push(new URL(request.url).pathname);
    }
    return out;
  });
  return [...inPage, ...(await context.cookies()).map((cookie) => cookie.name)];
}

/** The tab's back/forward list as the browser keeps it (CDP), with the titles it recorded. */
async function navigationEntries(page: Page): Promise<{ url: string; title: string }[]> {
  const cdp = await page.context().newCDPSession(page);
  const { entries } = (await cdp.send('Page.getNavigationHistory')) as {
    entries: { url: string; title: string }[];
  };
  await cdp.detach();
  return entries.map(({ url, title }) => ({ url, title }));
}

const isAppPage = (origin: string, url: string) =>
  url.startsWith(`${origin}/`) && !url.startsWith(`${origin}/resepi/`);

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('quick exit', () => {
  it('by button and by Escape twice: the vault locks, and Back never shows a page of the app', async () => {
    await inApp(browser, async ({ page, origin }) => {
      await page.goto(BEFORE);
      await page.goto(`${origin}/`);
      await createVaultThroughUi(page, PASSPHRASE);
      const length = await page.evaluate(() => history.length);
      await page.getByLabel('Case name').fill(CASE_TITLE);
      await page.getByRole('button', { name: 'Create case' }).click();
      await heading(page, CASE_TITLE);
      // Moving around the app adds no history entry: it keeps one of its own.
      for (const screen of ['Settings', 'Help', 'Cases']) {
        await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: screen }).click();
        await heading(page, screen);
      }
      expect(await page.evaluate(() => history.length)).toBe(length);
      expect((await navigationEntries(page)).filter((entry) => isAppPage(origin, entry.url))).toHaveLength(1);

      await page.getByRole('button', { name: 'Quick exit' }).click();
      await heading(page, 'Nasi Lemak Sederhana');
      expect(new URL(page.url()).pathname).toBe('/resepi/nasi-lemak.html');
      expect((await navigationEntries(page)).map((entry) => entry.url).slice(-2)).toEqual([
        BEFORE,
        `${origin}/resepi/nasi-lemak.html`,
      ]);
      await page.goBack();
      expect(page.url()).toBe(BEFORE);
      await page.goForward();
      await heading(page, 'Nasi Lemak Sederhana');

      // Opened again from the recipe page: locked. Escape twice leaves, and Back shows the recipe, not the app.
      await page.goto(`${origin}/`);
      await heading(page, 'Unlock');
      await unlockThroughUi(page, PASSPHRASE);
      await page.getByRole('link', { name: CASE_TITLE }).click();
      await heading(page, CASE_TITLE);
      await page.keyboard.press('Escape');
      await page.keyboard.press('Escape');
      await heading(page, 'Nasi Lemak Sederhana');
      const entries = await navigationEntries(page);
      expect(entries.filter((entry) => isAppPage(origin, entry.url))).toEqual([]);
      await page.goBack();
      await heading(page, 'Nasi Lemak Sederhana');
      expect(isAppPage(origin, page.url())).toBe(false);
      expect(await page.content()).not.toContain(CASE_TITLE);
    });
  });

  it('goes to the well-known site the survivor chose', async () => {
    const { server, origin } = await startServer(inject('buildA'));
    const { context, recorder } = await recordedContext(browser);
    try {
      const page = await context.newPage();
      // The test stays offline: the chosen site is answered here, not fetched.
      await context.route('https://www.wikipedia.org/**', (route) =>
        route.fulfill({ contentType: 'text/html', body: '<title>Wikipedia</title><h1>Wikipedia</h1>' }),
      );
      await page.goto(`${origin}/`);
      await createVaultThroughUi(page, PASSPHRASE);
      await page.getByRole('link', { name: 'Settings' }).click();
      await page.getByLabel('Quick exit goes to').selectOption({ label: 'Wikipedia' });
      await page.getByText('Saved. Quick exit now goes there.').waitFor();
      await page.getByRole('button', { name: 'Quick exit' }).click();
      await heading(page, 'Wikipedia');
      expect(page.url()).toBe('https://www.wikipedia.org/');
      const foreign = foreignRequests(recorder, origin);
      expect(foreign).toContain('https://www.wikipedia.org/');
      expect(foreign.filter((url) => !url.startsWith('https://www.wikipedia.org/'))).toEqual([]);
      expect(recorder.errors).toEqual([]);
    } finally {
      await context.close();
      await stopServer(server);
    }
  });
});

/** Turns discreet mode on from the first-use screen, before the vault exists (and before installing). */
async function chooseDiscreetAtFirstUse(page: Page, look: string): Promise<void> {
  await skipIntroduction(page);
  await heading(page, 'Create your vault');
  await page.getByRole('button', { name: 'Hide this app on this phone (discreet mode)' }).click();
  await page.getByLabel('Look').selectOption({ label: look });
  await page.getByLabel('Opening code (4 to 12 digits)').fill('12');
  await page.getByRole('button', { name: 'Save look' }).click();
  await page.getByText('The opening code must be 4 to 12 digits').waitFor();
  await page.getByLabel('Opening code (4 to 12 digits)').fill(CODE);
  await page.getByRole('button', { name: 'Save look' }).click();
  await page.getByText('Saved. The app now opens with this look until you unlock it.').waitFor();
}

async function pressKeys(page: Page, keys: string[]): Promise<void> {
  for (const key of keys) await page.getByRole('button', { name: key, exact: true }).click();
}

describe('discreet mode in Chromium', () => {
  it('locked, shows only a working calculator; title, history, storage and saved files say nothing', async () => {
    const { server, origin } = await startServer(inject('buildA'));
    const profile = mkdtempSync(join(tmpdir(), 'discreet-profile-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: inject('chromiumPath'),
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-dev-shm-usage'],
    });
    const errors: string[] = [];
    context.on('weberror', (error) => errors.push(String(error.error())));
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto(BEFORE);
      await openForDownloads(page, origin);
      await chooseDiscreetAtFirstUse(page, 'Calculator');
      await expect.poll(() => page.title()).toBe('Calculator');
      await createVaultThroughUi(page, PASSPHRASE);
      await page.getByLabel('Case name').fill(CASE_TITLE);
      await page.getByRole('button', { name: 'Create case' }).click();
      await heading(page, CASE_TITLE);
      await addEvidence(page, { files: [{ name: 'tangkapan.png', mimeType: 'image/png', buffer: png(3) }] });
      // Unlocked, the title stays neutral and the address names no screen: history keeps both.
      expect(await page.title()).toBe('Calculator');
      expect(page.url()).toBe(`${origin}/`);

      // A bundle saved in discreet mode (and by default) has a plain name, never the case title.
      await page.getByRole('link', { name: 'Export' }).click();
      await heading(page, 'Export a sealed bundle');
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 120_000 }),
        page.getByRole('button', { name: 'Make the bundle' }).click(),
      ]);
      await page.getByText('The bundle is ready.').waitFor({ timeout: 120_000 });
      expect(download.suggestedFilename()).toMatch(/^document-\d{8}-[0-9a-f]{8}\.zip$/);
      expect(page.url()).toBe(`${origin}/`);

      await page.getByRole('button', { name: 'Lock', exact: true }).click();
      await page.locator('[data-screen="cover"]').waitFor();
      expect(telling(await pageText(page))).toEqual([]);
      expect(await page.getByRole('navigation').count()).toBe(0);
      expect(await page.title()).toBe('Calculator');
      expect(
        await page.evaluate(() => document.querySelector('link[rel="icon"]')?.getAttribute('href')),
      ).toBe('/icons/calculator-32.png');
      expect(await seriousAxeViolations(page)).toEqual([]);

      // It is a calculator that works; a wrong code is just a number.
      await pressKeys(page, ['7', 'Times', '6', 'Equals']);
      await expect.poll(() => page.locator('output').textContent()).toBe('42');
      await pressKeys(page, ['Clear', '1', '2', '3', '4', 'Equals']);
      await expect.poll(() => page.locator('output').textContent()).toBe('1234');
      expect(await page.locator('[data-screen="unlock"]').count()).toBe(0);

      // The same in Malay, after a reload.
      await page.evaluate(() => {
        const prefs = JSON.parse(localStorage.getItem('prefs') ?? '{}');
        localStorage.setItem('prefs', JSON.stringify({ ...prefs, lang: 'ms' }));
      });
      await page.reload();
      await page.locator('[data-screen="cover"]').waitFor();
      await expect.poll(() => page.title()).toBe('Kalkulator');
      expect(telling(await pageText(page))).toEqual([]);
      await page.evaluate(() => {
        const prefs = JSON.parse(localStorage.getItem('prefs') ?? '{}');
        localStorage.setItem('prefs', JSON.stringify({ ...prefs, lang: 'en' }));
      });
      await page.reload();
      await page.locator('[data-screen="cover"]').waitFor();

      // The survivor's code, typed on the keyboard, leads to a neutral unlock form.
      await page.keyboard.type(`${CODE}=`);
      await heading(page, 'Welcome back');
      expect(telling(await pageText(page))).toEqual([]);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.getByLabel('Key').fill(PASSPHRASE);
      await page.getByRole('button', { name: 'Open', exact: true }).click();
      await heading(page, 'Cases');

      const stored = await storedNames(page, context);
      expect(stored.length).toBeGreaterThan(0);
      expect(stored.flatMap((name) => telling(name, TELLING_IN_STORAGE))).toEqual([]);

      // Moving around unlocked adds no history entry and keeps the address bare; then the browser is closed
      // while unlocked (the History database keeps the last title each address had).
      for (const screen of ['Settings', 'Help', 'Cases']) {
        await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: screen }).click();
        await heading(page, screen);
      }
      expect(page.url()).toBe(`${origin}/`);
      const entries = await navigationEntries(page);
      expect(entries.filter((entry) => isAppPage(origin, entry.url))).toHaveLength(1);
      expect(entries.flatMap((entry) => telling(entry.title))).toEqual([]);
    } finally {
      await context.close();
      await stopServer(server);
    }
    // What the browser's own history (History in the profile) recorded: plain titles, no screen in the address.
    const rows = execFileSync(
      'sqlite3',
      [join(profile, 'Default', 'History'), 'SELECT url, title FROM urls'],
      {
        encoding: 'utf8',
      },
    );
    rmSync(profile, { recursive: true, force: true });
    const appRows = rows.split('\n').filter((row) => row.startsWith(`${origin}/`));
    expect(appRows.length).toBeGreaterThan(0);
    expect(appRows.flatMap((row) => telling(row))).toEqual([]);
    expect(appRows.filter((row) => row.includes('#'))).toEqual([]);
    expect(appRows).toContain(`${origin}/|Calculator`);
    expect(errors).toEqual([]);
  });

  it('the notes cover keeps notes, opens with the code in its search box, and is axe-clean', async () => {
    await inApp(browser, async ({ page, origin }) => {
      await page.goto(`${origin}/`);
      await chooseDiscreetAtFirstUse(page, 'Notes');
      await createVaultThroughUi(page, PASSPHRASE);
      await page.getByRole('button', { name: 'Lock', exact: true }).click();
      await heading(page, 'Notes');
      expect(telling(await pageText(page))).toEqual([]);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.getByLabel('My notes').fill('Beli susu\nBayar bil air');
      await page.getByLabel('Search').fill('susu');
      await page.getByLabel('Search').press('Enter');
      await page.getByRole('listitem').filter({ hasText: 'Beli susu' }).waitFor();
      await page.reload();
      await heading(page, 'Notes');
      expect(await page.getByLabel('My notes').inputValue()).toBe('Beli susu\nBayar bil air');
      await page.getByLabel('Search').fill(CODE);
      await page.getByLabel('Search').press('Enter');
      await heading(page, 'Welcome back');
      await page.getByLabel('Key').fill('not the right one');
      await page.getByRole('button', { name: 'Open', exact: true }).click();
      await page.getByText('That did not match. Check it and try again.').waitFor();
      expect(telling(await pageText(page))).toEqual([]);
      await page.getByRole('button', { name: 'Close' }).click();
      await heading(page, 'Notes');
      await page.getByLabel('Search').fill(CODE);
      await page.getByLabel('Search').press('Enter');
      await page.getByLabel('Key').fill(PASSPHRASE);
      await page.getByRole('button', { name: 'Open', exact: true }).click();
      await heading(page, 'Cases');
      // Quick exit while unlocked in discreet mode: Back leads out of the app, never into it.
      await page.keyboard.press('Escape');
      await page.keyboard.press('Escape');
      await heading(page, 'Nasi Lemak Sederhana');
      expect((await navigationEntries(page)).filter((entry) => isAppPage(origin, entry.url))).toEqual([]);
      await page.goBack();
      expect(isAppPage(origin, page.url())).toBe(false);
      await page.goto(`${origin}/`);
      await heading(page, 'Notes');
      await page.getByLabel('Search').fill(CODE);
      await page.getByLabel('Search').press('Enter');
      await page.getByLabel('Key').fill(PASSPHRASE);
      await page.getByRole('button', { name: 'Open', exact: true }).click();
      await heading(page, 'Cases');
      // Turned off, the app shows its name again.
      await page.getByRole('link', { name: 'Settings' }).click();
      await page.getByLabel('Look').selectOption({ label: 'Off (show Bukti)' });
      await page.getByRole('button', { name: 'Save look' }).click();
      await page.getByText('Saved. Discreet mode is off.').waitFor();
      await expect.poll(() => page.title()).toBe('Bukti');
      expect(await seriousAxeViolations(page)).toEqual([]);
    });
  });

  it('an earlier version’s bukti.* keys are moved on first start, and nothing names the app afterwards', async () => {
    await inApp(browser, async ({ page, origin, context }) => {
      await page.goto(`${origin}/`);
      await createVaultThroughUi(page, PASSPHRASE);
      await waitForServiceWorkerControl(page);
      // What an earlier version left in storage.
      await page.evaluate(() => {
        localStorage.clear();
        localStorage.setItem('bukti.locale', 'ms');
        localStorage.setItem('bukti.introSeen', '1');
        localStorage.setItem('pref.look', 'recipes');
      });
      await page.reload();
      // Discreet mode from before, without an opening code yet: the neutral form shows at once, in Malay.
      await heading(page, 'Selamat kembali');
      await expect.poll(() => page.title()).toBe('Resepi');
      expect(telling(await pageText(page))).toEqual([]);
      const stored = await storedNames(page, context);
      expect(stored).toContain('prefs');
      expect(stored.flatMap((name) => telling(name, TELLING_IN_STORAGE))).toEqual([]);
    });
  });
});

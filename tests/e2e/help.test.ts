import type { Browser, Page } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { catalogues, type Locale, type MessageKey, translate } from '../../src/core/i18n';
import { help } from '../../src/core/i18n/areas/help';
import {
  foreignRequests,
  launchChromium,
  type Recorder,
  recordedContext,
  seriousAxeViolations,
  startServer,
  stopServer,
} from './harness';

const LANGUAGES: ReadonlyArray<{ locale: Locale; label: string }> = [
  { locale: 'en', label: 'English' },
  { locale: 'ms', label: 'Bahasa Malaysia' },
];

const SECTION_TITLES: readonly MessageKey[] = [
  'help.helplines.title',
  'help.capture.title',
  'help.report.title',
  'help.send.title',
  'help.intimate.title',
  'help.about.title',
];

/** Every number a survivor may need to tap, in page order, as dialled and as shown. */
const PHONE_LINKS = [
  ['tel:+60189888058', '018-988 8058'],
  ['tel:+60162374221', '016-237 4221'],
  ['tel:+60162284221', '016-228 4221'],
  ['tel:999', '999'],
  ['tel:999', '999'],
];

const EXTERNAL_HOSTS = [
  'kryss.network',
  'aduan.skmm.gov.my',
  'help.x.com',
  'www.facebook.com',
  'help.instagram.com',
  'support.tiktok.com',
  'telegram.org',
  'faq.whatsapp.com',
  'support.google.com',
  'stopncii.org',
  'takeitdown.ncmec.org',
];

const STEP_TITLES: readonly MessageKey[] = [
  'firstRun.what.title',
  'firstRun.local.title',
  'firstRun.passphrase.title',
];

/** Messages that are only read out (link labels), never shown as page text. */
const LABEL_ONLY = new Set(['help.call', 'help.toc.label']);

let browser: Browser;
let server: PreviewServer;
let origin: string;
beforeAll(async () => {
  browser = await launchChromium();
  ({ server, origin } = await startServer(inject('buildA')));
});
afterAll(async () => {
  await browser?.close();
  if (server) await stopServer(server);
});

async function withPage(run: (page: Page, recorder: Recorder) => Promise<void>): Promise<void> {
  const { context, recorder } = await recordedContext(browser);
  try {
    await run(await context.newPage(), recorder);
    expect(foreignRequests(recorder, origin)).toEqual([]);
    expect(recorder.errors).toEqual([]);
  } finally {
    await context.close();
  }
}

async function openHelp(page: Page, label: string): Promise<void> {
  await page.goto(`${origin}/#/help`);
  await page.getByRole('combobox', { name: /Language|Bahasa/ }).selectOption({ label });
  await page.locator('[data-screen="help"] h1').waitFor();
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Presses Tab (and nothing else) until a button or link with this accessible text has focus. */
async function tabTo(page: Page, text: string): Promise<void> {
  for (let presses = 0; presses < 150; presses++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      return {
        text: (element?.getAttribute('aria-label') ?? element?.textContent ?? '').trim(),
        outline: element ? getComputedStyle(element).outlineStyle : 'none',
      };
    });
    if (focused.text === text) {
      expect(focused.outline, `focus on "${text}" is visible`).not.toBe('none');
      return;
    }
  }
  throw new Error(`Tab never reached "${text}"`);
}

async function focusedHeading(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement;
    return element && /^H[1-6]$/.test(element.tagName) ? (element.textContent ?? '') : '';
  });
}

describe('the Help screen', () => {
  it('shows every section, every helpline as a tel: link and every address safely, in English and Malay', async () => {
    await withPage(async (page) => {
      for (const { locale, label } of LANGUAGES) {
        const t = (key: MessageKey, params?: Record<string, string>) => translate(locale, key, params);
        await openHelp(page, label);
        const screen = page.locator('[data-screen="help"]');
        expect(await page.evaluate(() => document.documentElement.lang)).toBe(locale);
        expect(await screen.locator('h1').textContent()).toBe(t('screen.help.title'));
        expect(await screen.locator('h2').allTextContents()).toEqual(SECTION_TITLES.map((key) => t(key)));
        const contents = page.getByRole('navigation', { name: t('help.toc.label') });
        expect(await contents.getByRole('link').allTextContents()).toEqual(
          SECTION_TITLES.map((key) => t(key)),
        );

        // Every word of the help area, in this language, is on the page (placeholders are links).
        const text = squash((await screen.textContent()) ?? '');
        for (const key of Object.keys(help.en) as MessageKey[]) {
          if (!key.startsWith('help.') || LABEL_ONLY.has(key)) continue;
          for (const piece of catalogues[locale][key].split(/\{\w+\}/)) {
            expect(text, `${key} in ${locale}`).toContain(squash(piece));
          }
        }

        const phones = await screen
          .locator('a[href^="tel:"]')
          .evaluateAll((links) => links.map((a) => [a.getAttribute('href'), a.textContent]));
        expect(phones).toEqual(PHONE_LINKS);
        await screen
          .getByRole('link', {
            name: t('help.call', { name: t('help.helplines.wao.name'), number: '018-988 8058' }),
          })
          .waitFor();

        const external = await screen.locator('a[href^="http"]').evaluateAll((links) =>
          links.map((a) => ({
            href: a.getAttribute('href') ?? '',
            text: a.textContent ?? '',
            target: a.getAttribute('target'),
            rel: (a.getAttribute('rel') ?? '').split(/\s+/).sort(),
            description: a.getAttribute('aria-describedby'),
          })),
        );
        expect(new Set(external.map((link) => new URL(link.href).host))).toEqual(new Set(EXTERNAL_HOSTS));
        const note = await page.locator('#help-new-tab-note').textContent();
        expect(note).toBe(t('help.newTab'));
        for (const link of external) {
          expect(link.href.startsWith('https://'), link.href).toBe(true);
          expect(link.href.replace(/^https:\/\/(www\.)?/, '')).toBe(link.text);
          expect(link.target).toBe('_blank');
          expect(link.rel).toEqual(['noopener', 'noreferrer']);
          expect(link.description).toBe('help-new-tab-note');
        }
      }
    });
  });

  it('opens at a linked section and fits a 320 px screen with text at 200%', async () => {
    await withPage(async (page) => {
      await page.setViewportSize({ width: 320, height: 640 });
      await openHelp(page, 'English');
      // From another screen's link (a hash change), then as a fresh start at that address.
      await page.goto(`${origin}/#/help/report`);
      await expect.poll(() => focusedHeading(page)).toBe(translate('en', 'help.report.title'));
      await page.reload();
      await expect.poll(() => focusedHeading(page)).toBe(translate('en', 'help.report.title'));
      await page
        .getByRole('navigation', { name: 'On this page' })
        .getByRole('link', { name: 'Intimate images' })
        .click();
      await expect.poll(() => focusedHeading(page)).toBe('Intimate images');
      expect(page.url()).toMatch(/#\/help\/intimate-images$/);

      await page.evaluate(() => {
        document.documentElement.style.fontSize = '200%';
        for (const details of document.querySelectorAll('details')) details.open = true;
      });
      const overflowing = await page.locator('[data-screen="help"] *').evaluateAll((elements) => {
        const width = document.documentElement.clientWidth;
        return elements
          .filter((element) => element.getBoundingClientRect().right > width + 0.5)
          .map((element) => `${element.tagName} ${element.textContent?.slice(0, 40)}`);
      });
      expect(overflowing).toEqual([]);
    });
  });
});

describe('the introduction', () => {
  it('reopens from Help, is stepped through with Tab and Enter only, and can be skipped', async () => {
    await withPage(async (page) => {
      const t = (key: MessageKey) => translate('en', key);
      const stepHeading = (step: number) =>
        `${translate('en', 'firstRun.step', { current: step, total: 3 })}: ${t(STEP_TITLES[step - 1] ?? 'firstRun.what.title')}`;
      await openHelp(page, 'English');
      const seen = () => page.evaluate(() => JSON.parse(localStorage.getItem('prefs') ?? '{}').seen ?? null);
      expect(await seen()).toBeNull();

      await tabTo(page, t('help.about.showIntro'));
      await page.keyboard.press('Enter');
      await expect.poll(() => focusedHeading(page)).toBe(stepHeading(1));
      expect(await page.getByRole('button', { name: t('firstRun.back') }).count()).toBe(0);
      await tabTo(page, t('firstRun.next'));
      await page.keyboard.press('Enter');
      await expect.poll(() => focusedHeading(page)).toBe(stepHeading(2));
      await tabTo(page, t('firstRun.back'));
      await page.keyboard.press('Enter');
      await expect.poll(() => focusedHeading(page)).toBe(stepHeading(1));
      for (const step of [2, 3]) {
        await tabTo(page, t('firstRun.next'));
        await page.keyboard.press('Enter');
        await expect.poll(() => focusedHeading(page)).toBe(stepHeading(step));
      }
      expect(await page.getByRole('button', { name: t('firstRun.next') }).count()).toBe(0);
      await tabTo(page, t('firstRun.done'));
      await page.keyboard.press('Enter');

      const reopen = page.getByRole('button', { name: t('help.about.showIntro') });
      await expect.poll(() => reopen.evaluate((button) => button === document.activeElement)).toBe(true);
      expect(await page.locator('[data-screen="help"] h1').textContent()).toBe(t('screen.help.title'));
      expect(await seen()).toBe(true);

      await page.keyboard.press('Enter');
      await expect.poll(() => focusedHeading(page)).toBe(stepHeading(1));
      await tabTo(page, t('firstRun.next'));
      await page.keyboard.press('Enter');
      await expect.poll(() => focusedHeading(page)).toBe(stepHeading(2));
      await tabTo(page, t('firstRun.skip'));
      await page.keyboard.press('Enter');
      await expect.poll(() => reopen.evaluate((button) => button === document.activeElement)).toBe(true);
      expect(await page.locator('[data-first-run-step]').count()).toBe(0);
    });
  });
});

describe('accessibility', () => {
  it('axe finds nothing serious on Help or on any introduction step, in English and Malay', async () => {
    await withPage(async (page) => {
      for (const { locale, label } of LANGUAGES) {
        const t = (key: MessageKey) => translate(locale, key);
        await openHelp(page, label);
        await page.evaluate(() => {
          for (const details of document.querySelectorAll('details')) details.open = true;
        });
        expect(await seriousAxeViolations(page), `help in ${locale}`).toEqual([]);

        await page.getByRole('button', { name: t('help.about.showIntro') }).click();
        for (const step of [1, 2, 3]) {
          const heading = page.getByRole('heading', { level: 1 });
          expect(await heading.textContent()).toBe(
            `${translate(locale, 'firstRun.step', { current: step, total: 3 })}: ${t(STEP_TITLES[step - 1] ?? 'firstRun.what.title')}`,
          );
          expect(await seriousAxeViolations(page), `introduction step ${step} in ${locale}`).toEqual([]);
          if (step < 3) await page.getByRole('button', { name: t('firstRun.next') }).click();
        }
        await page.getByRole('button', { name: t('firstRun.skip') }).click();
        await page.getByRole('button', { name: t('help.about.showIntro') }).waitFor();
      }
    });
  });
});

import type { Browser, Page } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { formatFingerprint } from '../../src/core/bundle/key';
import { type Locale, type MessageKey, type MessageParams, translate } from '../../src/core/i18n';
import { tempDir } from '../unit/bundle/fixtures';
import {
  foreignRequests,
  launchChromium,
  type Recorder,
  recordedContext,
  seriousAxeViolations,
  startServer,
  stopServer,
} from './harness';
import { LARGE_REPORT_BYTES, type TestBundles, writeTestBundles } from './verify-bundles';

/** Green, red and amber: the verdict's border, beside its words and icon. */
const VERDICT_COLOURS = {
  intact: 'rgb(29, 107, 53)',
  tampered: 'rgb(160, 25, 43)',
  invalid: 'rgb(176, 109, 0)',
};

let browser: Browser;
let server: PreviewServer;
let origin: string;
let temp: { dir: string; remove: () => void };
let bundles: TestBundles;

beforeAll(async () => {
  browser = await launchChromium();
  ({ server, origin } = await startServer(inject('buildA')));
  temp = tempDir();
  bundles = await writeTestBundles(temp.dir);
});

afterAll(async () => {
  await browser?.close();
  if (server) await stopServer(server);
  temp?.remove();
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

async function openVerify(page: Page): Promise<void> {
  await page.goto(`${origin}/#/verify`);
  await page.getByRole('heading', { level: 1, name: 'Verify a bundle' }).waitFor();
}

async function setLanguage(page: Page, locale: Locale): Promise<void> {
  const label = locale === 'en' ? 'English' : 'Bahasa Malaysia';
  await page.getByRole('combobox', { name: /Language|Bahasa/ }).selectOption({ label });
}

const squash = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

/** A poll of the focused element's `type`: focus moves in an effect, just after the screen renders. */
const focusedType = (page: Page) => () =>
  page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type);

/** The details list as label → value. */
async function detailRows(page: Page): Promise<Record<string, string>> {
  const rows = await page
    .locator('.verify-details .detail-row')
    .evaluateAll((elements) =>
      elements.map((row) => [
        row.querySelector('dt')?.textContent ?? '',
        row.querySelector('dd')?.textContent ?? '',
      ]),
    );
  return Object.fromEntries(rows.map(([label, value]) => [squash(label ?? ''), squash(value ?? '')]));
}

/** Picks `path` in the file input and waits for the verdict; returns its status. */
async function check(page: Page, path: string): Promise<string | null> {
  await page.locator('input[type="file"]').setInputFiles(path);
  const verdict = page.getByTestId('verify-status').locator('[data-status]');
  await verdict.waitFor({ timeout: 60_000 });
  return verdict.getAttribute('data-status');
}

/** The verdict and every finding are in `locale`'s words, and axe finds nothing serious on the page. */
async function expectOutcome(
  page: Page,
  locale: Locale,
  status: 'intact' | 'tampered' | 'invalid',
  findings: Array<[MessageKey, MessageParams]>,
): Promise<void> {
  const t = (key: MessageKey, params?: MessageParams) => translate(locale, key, params);
  const verdict = page.getByTestId('verify-status');
  expect(squash(await verdict.locator('h2').textContent())).toBe(t(`verifyUi.status.${status}`));
  const border = await verdict.locator('[data-status]').evaluate((el) => getComputedStyle(el).borderTopColor);
  expect(border).toBe(VERDICT_COLOURS[status]);
  expect(squash(await verdict.textContent())).toContain(t(`bundle.status.${status}`));
  const shown = (await page.locator('.verify-findings li').allTextContents()).map(squash);
  expect(shown).toEqual(findings.map(([key, params]) => t(key, params)));
  const limits = page.getByRole('heading', { name: t('verifyUi.limits.title') });
  expect(await limits.count()).toBe(status === 'intact' ? 1 : 0);
  expect(await seriousAxeViolations(page), `${status} in ${locale}`).toEqual([]);
}

describe('the Verify screen', () => {
  it('opens without a vault and without the first-run introduction', async () => {
    await withPage(async (page) => {
      await openVerify(page);
      expect(await page.locator('[data-screen="first-run"]').count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Skip introduction' }).count()).toBe(0);
      expect(await page.getByRole('heading', { name: 'Create your vault' }).count()).toBe(0);
      expect(await seriousAxeViolations(page)).toEqual([]);
    });
  });

  it('shows an intact bundle with its id, time, app, full key fingerprint and every file, in English and Malay', async () => {
    await withPage(async (page) => {
      await openVerify(page);
      expect(await check(page, bundles.paths.intact)).toBe('intact');
      // Focus moves to the verdict, so keyboard and screen-reader users land on the outcome.
      await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Intact');
      const details = await detailRows(page);
      const { manifest } = bundles.sample.result;
      expect(details).toEqual({
        'File checked': `bukti-sample.zip (${(bundles.sample.zip.length / 1000).toLocaleString('en', { maximumFractionDigits: 1 })} kB)`,
        'Bundle ID': bundles.sample.result.bundleId,
        'Sealed at': `${manifest.createdAt.utc} (UTC), ${manifest.createdAt.local} (local time of the device, Asia/Kuala_Lumpur)`,
        'Made with': 'Bukti 0.1.0',
        'Signing key fingerprint': formatFingerprint(manifest.signer.fingerprint),
        Signature: '✓ Valid',
        'Chain of custody': '✓ Unbroken (7 entries)',
        'manifest.json and SHA256SUMS': '✓ They agree',
      });
      const fingerprintFont = await page
        .getByTestId('key-fingerprint')
        .evaluate((element) => getComputedStyle(element).fontFamily);
      expect(fingerprintFont).toMatch(/monospace/);
      const statuses = await page
        .locator('.file-check')
        .evaluateAll((items) => items.map((item) => item.getAttribute('data-status')));
      expect(statuses).toEqual(Array(10).fill('ok'));
      const reportHash = manifest.report.sha256;
      const hashes = page.locator('.file-check').first().locator('code');
      expect(await hashes.allTextContents()).toEqual([
        `${reportHash.slice(0, 8)}…${reportHash.slice(-8)}`,
        `${reportHash.slice(0, 8)}…${reportHash.slice(-8)}`,
      ]);
      await page.getByRole('button', { name: 'Show full SHA-256 values' }).click();
      expect(await hashes.first().textContent()).toBe(formatFingerprint(reportHash));
      const fingerprint = formatFingerprint(manifest.signer.fingerprint);
      // No expected key was given: the screen says what to compare, and where the survivor shows it.
      expect(squash(await page.locator('.verify-limits').textContent())).toContain(
        translate('en', 'bundle.status.keyNotConfirmed', { fingerprint }),
      );
      await expectOutcome(page, 'en', 'intact', []);
      await setLanguage(page, 'ms');
      await expectOutcome(page, 'ms', 'intact', []);
      expect(squash(await page.locator('.verify-limits').textContent())).toContain(
        translate('ms', 'bundle.status.limits'),
      );
    });
  });

  it('names exactly the changed file when one byte of its data is flipped, and fits 320 px', async () => {
    await withPage(async (page) => {
      await page.setViewportSize({ width: 320, height: 640 });
      await openVerify(page);
      expect(await check(page, bundles.paths.tampered)).toBe('tampered');
      const flagged = page.locator('.file-check:not([data-status="ok"])');
      expect(await flagged.count()).toBe(1);
      expect(await flagged.getAttribute('data-status')).toBe('changed');
      expect(await flagged.locator('.file-path').textContent()).toBe(bundles.tamperedFile);
      const findings = await page
        .locator('.verify-findings li')
        .evaluateAll((items) => items.map((item) => item.getAttribute('data-code')));
      expect(findings).toEqual(['bundle.zip.crcMismatch', 'bundle.verify.hashMismatch']);
      const expected: Array<[MessageKey, MessageParams]> = [
        ['bundle.zip.crcMismatch', { path: bundles.tamperedFile }],
        ['bundle.verify.hashMismatch', { path: bundles.tamperedFile }],
      ];
      await expectOutcome(page, 'en', 'tampered', expected);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
      await setLanguage(page, 'ms');
      await expectOutcome(page, 'ms', 'tampered', expected);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    });
  });

  it('shows hostile entry names as inert, escaped, wrapped text', async () => {
    await withPage(async (page) => {
      await page.setViewportSize({ width: 320, height: 640 });
      await openVerify(page);
      const title = await page.title();
      expect(await check(page, bundles.paths.hostile)).toBe('tampered');
      const screen = page.locator('[data-screen="verify"]');
      expect(await screen.locator('img').count()).toBe(0);
      expect(await page.title()).toBe(title);
      const text = (await screen.textContent()) ?? '';
      expect(text).not.toContain('\u202E');
      expect(text).toContain('<img src=x onerror="document.title=\'pwned\'">\\u{202e}gpj.exe');
      expect(await page.locator('.file-check[data-status="extra"]').count()).toBe(1);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    });
  });

  it('says plainly that a file that is not a ZIP is not a bundle, picked with the keyboard or dropped', async () => {
    await withPage(async (page) => {
      await openVerify(page);
      // Keyboard only: Tab reaches the picker and Enter opens the file chooser. The chooser is awaited
      // from the start: Playwright intercepts it only once asked, and that takes a moment.
      const chooser = page.waitForEvent('filechooser');
      let reached = false;
      for (let presses = 0; presses < 40 && !reached; presses++) {
        await page.keyboard.press('Tab');
        reached = await page.evaluate(
          () => (document.activeElement as HTMLInputElement | null)?.type === 'file',
        );
      }
      expect(reached).toBe(true);
      await page.keyboard.press('Enter');
      await (await chooser).setFiles(bundles.paths.notZip);
      await page.getByTestId('verify-status').locator('[data-status="invalid"]').waitFor();
      await expectOutcome(page, 'en', 'invalid', [['bundle.zip.notZip', {}]]);
      await setLanguage(page, 'ms');
      await expectOutcome(page, 'ms', 'invalid', [['bundle.zip.notZip', {}]]);
      expect(await page.locator('.file-check').count()).toBe(0);

      await page.getByRole('button', { name: 'Sahkan berkas lain' }).click();
      await expect.poll(focusedType(page)).toBe('file');
      const dropped = await page.evaluateHandle(() => {
        const transfer = new DataTransfer();
        transfer.items.add(new File(['PK\u0003\u0004 not really'], 'fake.zip', { type: 'application/zip' }));
        return transfer;
      });
      await page.locator('.drop-zone').dispatchEvent('drop', { dataTransfer: dropped });
      await page.getByTestId('verify-status').locator('[data-status="invalid"]').waitFor();
      expect(await page.locator('.verify-findings li').count()).toBeGreaterThan(0);
    });
  });

  it('checks a 256 MiB bundle in a worker, and Cancel stops it', async () => {
    await withPage(async (page) => {
      await openVerify(page);
      // Built asset names are opaque hashes, so the check's workers are those started once the file is picked.
      // The app starts its vault worker on load; on a busy machine Playwright may report it only later, where
      // it would pass for the check's. So it is waited for first.
      await expect.poll(() => page.workers().length, { timeout: 30_000 }).toBeGreaterThanOrEqual(1);
      const workers: Array<{ url: string; closed: boolean }> = [];
      let picked = false;
      page.on('worker', (worker) => {
        if (!picked) return;
        const seen = { url: worker.url(), closed: false };
        workers.push(seen);
        worker.on('close', () => {
          seen.closed = true;
        });
      });
      picked = true;
      await page.locator('input[type="file"]').setInputFiles(bundles.paths.large);
      const progress = page.locator('.verify-progress progress');
      await page.locator('.verify-progress-text').waitFor();
      // The check runs in a worker of its own, so the page's thread stays free.
      expect(workers.filter((worker) => !worker.closed)).toHaveLength(1);
      const total = Number(await progress.getAttribute('max'));
      expect(total).toBeGreaterThan(LARGE_REPORT_BYTES);
      await page.getByRole('button', { name: 'Cancel the check' }).click();
      const clicked = Date.now();
      const status = page.getByTestId('verify-status');
      await expect
        .poll(async () => squash(await status.textContent()), { interval: 50 })
        .toBe(translate('en', 'bundle.verify.cancelled'));
      // The verifier itself stopped at its next chunk, well before the bridge's 1 s fallback ends the worker.
      expect(Date.now() - clicked).toBeLessThan(900);
      expect(await status.locator('[data-status]').count()).toBe(0);
      expect(await page.locator('.verify-progress').count()).toBe(0);
      await expect.poll(focusedType(page)).toBe('file');
      expect(await seriousAxeViolations(page)).toEqual([]);
      // The worker was stopped, not left reading in the background. (Only the check's own workers: the
      // app may start others meanwhile, such as the vault's, which rightly stay.)
      expect(workers.length).toBeGreaterThan(0);
      await expect
        .poll(() => workers.every((worker) => worker.closed), { message: JSON.stringify(workers) })
        .toBe(true);

      // The same file checks as intact afterwards: cancelling left nothing behind.
      expect(await check(page, bundles.paths.large)).toBe('intact');
    });
  });
});

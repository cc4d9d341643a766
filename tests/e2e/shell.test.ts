import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, relative } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  foreignRequests,
  launchChromium,
  recordedContext,
  seriousAxeViolations,
  skipIntroduction,
  startServer,
  stopServer,
  waitForServiceWorkerControl,
} from './harness';

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port')),
      );
    });
  });
}

function filesUnder(root: string, dir = root): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(root, path) : [relative(root, path)];
  });
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('the production build', () => {
  it('precaches every build asset, libsodium included, and has no inline script', () => {
    const dist = inject('buildA');
    const sw = readFileSync(join(dist, 'sw.js'), 'utf8');
    const assets = filesUnder(dist).filter((file) => file !== 'sw.js');
    expect(
      assets.some(
        (file) => /\.js$/.test(file) && readFileSync(join(dist, file), 'utf8').includes('crypto_pwhash'),
      ),
    ).toBe(true);
    const missing = assets.filter((file) => !sw.includes(`"${file}"`) && !sw.includes(`'${file}'`));
    expect(missing).toEqual([]);
    const html = readFileSync(join(dist, 'index.html'), 'utf8');
    expect(html).toContain('http-equiv="Content-Security-Policy"');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });
});

describe('the app shell in Chromium', () => {
  it('loads, sends the security headers, activates the service worker and works with the server stopped', async () => {
    const port = await freePort();
    let { server, origin } = await startServer(inject('buildA'), port);
    const { context, recorder } = await recordedContext(browser);
    const page = await context.newPage();
    try {
      const response = await page.goto(`${origin}/`);
      const csp = response?.headers()['content-security-policy'] ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
      expect(csp).toContain("object-src 'none'");
      expect(response?.headers()['referrer-policy']).toBe('no-referrer');
      await skipIntroduction(page);
      await page.getByRole('heading', { level: 1, name: 'Create your vault' }).waitFor();
      await waitForServiceWorkerControl(page);

      await stopServer(server);
      const offline = await fetch(`${origin}/`).then(
        () => 'reachable',
        () => 'unreachable',
      );
      expect(offline).toBe('unreachable');

      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Create your vault' }).waitFor();
      await page.getByRole('link', { name: 'Help', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Help' }).waitFor();
      await page.goto(`${origin}/a/deep/link#/verify`);
      await page.getByRole('heading', { level: 1, name: 'Verify a bundle' }).waitFor();

      expect(foreignRequests(recorder, origin)).toEqual([]);
      expect(recorder.requests.length).toBeGreaterThan(3);
      ({ server, origin } = await startServer(inject('buildA'), port));
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Verify a bundle' }).waitFor();
      expect(
        recorder.errors.filter((e) => !/Failed to fetch|ERR_CONNECTION_REFUSED|fetching the script/.test(e)),
      ).toEqual([]);
    } finally {
      await context.close();
      await stopServer(server);
    }
  });

  it('shows a non-blocking update prompt when a new version is deployed, and reloading applies it', async () => {
    const port = await freePort();
    let { server, origin } = await startServer(inject('buildA'), port);
    const { context, recorder } = await recordedContext(browser);
    const page = await context.newPage();
    try {
      await page.goto(`${origin}/#/help`);
      await page.getByTestId('app-version').waitFor();
      expect(await page.getByTestId('app-version').textContent()).toContain('e2e-a');
      await waitForServiceWorkerControl(page);

      await stopServer(server);
      ({ server, origin } = await startServer(inject('buildB'), port));
      await page.reload();
      const prompt = page.getByRole('status').filter({ hasText: 'A new version of Bukti is ready.' });
      await prompt.waitFor({ timeout: 60_000 });
      // Non-blocking: the app underneath still works while the prompt is shown.
      await page.getByRole('link', { name: 'Help', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Help' }).waitFor();
      await prompt.getByRole('button', { name: 'Reload to update' }).click();
      await page.waitForFunction(() => document.querySelector('[data-screen]') !== null);
      await page.goto(`${origin}/#/help`);
      await expect
        .poll(() => page.getByTestId('app-version').textContent(), { timeout: 30_000 })
        .toContain('e2e-b');
      expect(foreignRequests(recorder, origin)).toEqual([]);
      expect(recorder.errors).toEqual([]);
    } finally {
      await context.close();
      await stopServer(server);
    }
  });

  it('has no serious or critical accessibility violation on any screen, in English and Malay', async () => {
    const { server, origin } = await startServer(inject('buildA'));
    const { context, recorder } = await recordedContext(browser);
    const page = await context.newPage();
    try {
      for (const language of ['English', 'Bahasa Malaysia']) {
        await page.goto(`${origin}/#/cases`);
        await page.getByRole('combobox', { name: /Language|Bahasa/ }).selectOption({ label: language });
        for (const screen of [
          'cases',
          'capture',
          'inbox',
          'export',
          'verify',
          'settings',
          'help',
          'nowhere',
        ]) {
          await page.goto(`${origin}/#/${screen}`);
          await page.locator('[data-screen]').waitFor();
          expect(await seriousAxeViolations(page), `${screen} in ${language}`).toEqual([]);
        }
        expect(await page.evaluate(() => document.documentElement.lang)).toBe(
          language === 'English' ? 'en' : 'ms',
        );
      }
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Halaman tidak dijumpai');
      expect(foreignRequests(recorder, origin)).toEqual([]);
      expect(recorder.errors).toEqual([]);
    } finally {
      await context.close();
      await stopServer(server);
    }
  });
});

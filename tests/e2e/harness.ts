import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
  type Page,
} from 'playwright-core';
import { type PreviewServer, preview } from 'vite';
import { expect, inject } from 'vitest';

// Service-worker network events are reported to the context only with this flag in some Playwright versions.
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';

/** The production preview server (the one `npm start` runs) serving `outDir` on 127.0.0.1:`port`. */
export async function startServer(
  outDir: string,
  port = 0,
  configFile = 'vite.config.ts',
): Promise<{ server: PreviewServer; origin: string }> {
  const server = await preview({
    configFile,
    logLevel: 'silent',
    build: { outDir },
    preview: { host: '127.0.0.1', port, strictPort: port !== 0 },
  });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview server has no port');
  return { server, origin: `http://127.0.0.1:${address.port}` };
}

/** Stops the server and waits until its port is closed, so the browser really is offline. */
export async function stopServer(server: PreviewServer): Promise<void> {
  (server.httpServer as { closeAllConnections?: () => void }).closeAllConnections?.();
  await server.close();
}

/** Chromium's flags for every test: headless on a small machine, and nothing that calls out. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: inject('chromiumPath'), headless: true, args: CHROMIUM_ARGS });
}

/** Everything a test wants to assert about a browsing session besides the page itself. */
export interface Recorder {
  /** Every URL requested by a page or the service worker. */
  requests: string[];
  /** Console errors, uncaught exceptions and CSP violations. */
  errors: string[];
}

/** A fresh profile that records every request (pages and service worker) and every console error. */
export async function recordedContext(
  browser: Browser,
  options: BrowserContextOptions = {},
): Promise<{ context: BrowserContext; recorder: Recorder }> {
  const context = await browser.newContext(options);
  const recorder: Recorder = { requests: [], errors: [] };
  context.on('request', (request) => recorder.requests.push(request.url()));
  context.on('console', (message) => {
    if (message.type() === 'error') recorder.errors.push(message.text());
  });
  context.on('weberror', (error) => recorder.errors.push(String(error.error())));
  context.on('serviceworker', (worker) => {
    worker.on('console', (message) => {
      if (message.type() === 'error') recorder.errors.push(`[sw] ${message.text()}`);
    });
  });
  return { context, recorder };
}

/** Requests that went anywhere but the app's own origin on loopback. */
export function foreignRequests(recorder: Recorder, origin: string): string[] {
  return recorder.requests.filter(
    (url) => !url.startsWith(`${origin}/`) && !url.startsWith('blob:') && !url.startsWith('data:'),
  );
}

/** Waits until a service worker controls the page (the app is then available offline). */
export async function waitForServiceWorkerControl(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker?.controller?.state === 'activated', undefined, {
    timeout: 60_000,
  });
}

/**
 * Opens the app as a phone browser would save a bundle: without a save dialog (File System Access is
 * removed; headless Chromium cannot show one), so exports stream into a download through the service
 * worker, which controls the page before this returns. `before` runs in the page ahead of the app.
 */
export async function openForDownloads(page: Page, origin: string, before?: () => void): Promise<void> {
  await page.addInitScript(() => {
    delete (window as { showSaveFilePicker?: unknown }).showSaveFilePicker;
  });
  if (before) await page.addInitScript(before);
  await page.goto(`${origin}/`);
  await waitForServiceWorkerControl(page);
}

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe-core in the page; returns the serious and critical violations, summarised. */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (context: Document) => Promise<{
            violations: Array<{ id: string; impact: string | null; nodes: Array<{ target: unknown }> }>;
          }>;
        };
      }
    ).axe;
    const result = await axe.run(document);
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      targets: v.nodes.map((n) => JSON.stringify(n.target)),
    }));
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.targets.join(', ')}`);
}

/** Elements wider than the viewport: at 320 px nothing may force sideways scrolling. */
export function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    return Array.from(document.querySelectorAll<HTMLElement>('main *'))
      .filter((el) => el.getBoundingClientRect().right > width + 1)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
  });
}

/** What a screen reader would call the focused element: its label, or its own text. */
export function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const active = document.activeElement as HTMLElement | null;
    if (!active) return '';
    const labelled = (active as HTMLInputElement).labels?.[0]?.textContent;
    return (labelled ?? active.getAttribute('aria-label') ?? active.textContent ?? '').trim();
  });
}

/** Presses Tab until the focused element's name matches, failing if it is not reachable by keyboard. */
export async function tabTo(page: Page, name: string | RegExp, limit = 80): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const current = await focusedName(page);
    if (typeof name === 'string' ? current === name : name.test(current)) return;
  }
  throw new Error(`"${name}" was not reached with the Tab key`);
}

/** Skips the first-run introduction if it is showing (a fresh profile sees it once). */
export async function skipIntroduction(page: Page): Promise<void> {
  const skip = page.getByRole('button', { name: 'Skip introduction' });
  await page.locator('[data-screen]:not([data-screen="checking"])').first().waitFor();
  if (await skip.isVisible()) await skip.click();
}

/** Waits for the screen whose heading (h1) is `name`. */
export async function heading(page: Page, name: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name }).waitFor({ timeout: 60_000 });
}

/** Creates a vault through the first-use screens, as a person would, and waits for `landing`. */
export async function createVaultThroughUi(page: Page, passphrase: string, landing = 'Cases'): Promise<void> {
  await skipIntroduction(page);
  await heading(page, 'Create your vault');
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await page.getByLabel('Type the passphrase again').fill(passphrase);
  await page.getByLabel('I understand that the passphrase cannot be recovered.').check();
  await page.getByRole('button', { name: 'Create vault' }).click();
  await heading(page, landing);
}

/** Types the passphrase on the lock screen and presses Unlock. */
export async function unlockThroughUi(page: Page, passphrase: string): Promise<void> {
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await page.getByRole('button', { name: 'Unlock' }).click();
}

/**
 * Serves a production build, opens a fresh recorded profile and runs `body`; afterwards asserts that no
 * request left the app's origin and that nothing was logged as an error, then cleans up.
 */
export async function inApp(
  browser: Browser,
  body: (session: {
    page: Page;
    origin: string;
    recorder: Recorder;
    context: BrowserContext;
  }) => Promise<void>,
  options: { outDir?: string; configFile?: string; context?: BrowserContextOptions } = {},
): Promise<void> {
  const { server, origin } = await startServer(options.outDir ?? inject('buildA'), 0, options.configFile);
  const { context, recorder } = await recordedContext(browser, options.context);
  const page = await context.newPage();
  try {
    await body({ page, origin, recorder, context });
    expect(foreignRequests(recorder, origin)).toEqual([]);
    expect(recorder.errors).toEqual([]);
  } finally {
    await context.close();
    await stopServer(server);
  }
}

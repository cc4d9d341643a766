import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { formatFingerprint } from '../../src/core/bundle/key';
import { translate } from '../../src/core/i18n';
import {
  type CaseBase,
  caseBase,
  type StructuralCase,
  structuralCases,
} from '../unit/bundle/differential/cases';
import { tempDir } from '../unit/bundle/fixtures';
import { verify } from '../unit/bundle/verify-helpers';
import {
  foreignRequests,
  launchChromium,
  recordedContext,
  seriousAxeViolations,
  startServer,
  stopServer,
} from './harness';

let browser: Browser;
let server: PreviewServer;
let origin: string;
let temp: { dir: string; remove: () => void };
let base: CaseBase;
let cases: StructuralCase[];

beforeAll(async () => {
  browser = await launchChromium();
  ({ server, origin } = await startServer(inject('buildA')));
  temp = tempDir();
  base = await caseBase();
  cases = await structuralCases(base);
});

afterAll(async () => {
  await browser?.close();
  if (server) await stopServer(server);
  temp?.remove();
});

/** Picks `path` on the Verify screen, waits for the verdict, and reads it and the re-packed note. */
async function verdictInApp(page: Page, path: string): Promise<{ status: string | null; repacked: boolean }> {
  await page.locator('input[type="file"]').setInputFiles(path);
  const verdict = page.getByTestId('verify-status').locator('[data-status]');
  await verdict.waitFor({ timeout: 60_000 });
  const status = await verdict.getAttribute('data-status');
  const repacked = (await page.getByTestId('repacked').count()) > 0;
  await page.getByRole('button', { name: 'Verify another bundle' }).click();
  return { status, repacked };
}

async function openVerify(page: Page): Promise<void> {
  await page.goto(`${origin}/#/verify`);
  await page.getByRole('heading', { level: 1, name: 'Verify a bundle' }).waitFor();
}

describe('the in-app verifier and the CLI core give one verdict', () => {
  it('on every hand-made structural case', async () => {
    const { context, recorder } = await recordedContext(browser);
    try {
      const page = await context.newPage();
      await openVerify(page);
      const inApp: Record<string, { status: string | null; repacked: boolean }> = {};
      const inNode: Record<string, { status: string | null; repacked: boolean }> = {};
      for (const [index, one] of cases.entries()) {
        const path = join(temp.dir, `case-${index}.zip`);
        writeFileSync(path, one.zip);
        const report = await verify(one.zip);
        inNode[one.name] = { status: report.status, repacked: report.repacked };
        inApp[one.name] = await verdictInApp(page, path);
      }
      expect(inApp).toEqual(inNode);
      expect(Object.values(inApp).filter((verdict) => verdict.status === 'intact').length).toBeGreaterThan(5);
      expect(foreignRequests(recorder, origin)).toEqual([]);
      expect(recorder.errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 600_000);
});

describe('a key the reader can pin', () => {
  it('says signed by the expected key, by another key, or not confirmed, and refuses a malformed fingerprint', async () => {
    const { context, recorder } = await recordedContext(browser);
    try {
      const page = await context.newPage();
      await openVerify(page);
      const path = join(temp.dir, 'genuine.zip');
      writeFileSync(path, base.sample.zip);
      const fingerprint = base.sample.result.manifest.signer.fingerprint;
      const grouped = formatFingerprint(fingerprint);
      const field = page.getByLabel(translate('en', 'verifyUi.key.label'));

      /** Checks the genuine bundle with `typed` as the expected fingerprint; the verdict and the key section. */
      const checkWith = async (typed: string) => {
        await field.fill(typed);
        await page.locator('input[type="file"]').setInputFiles(path);
        const verdict = page.getByTestId('verify-status').locator('[data-status]');
        await verdict.waitFor();
        const shown = {
          status: await verdict.getAttribute('data-status'),
          key: (await page.getByTestId('key-check').textContent()) ?? '',
        };
        if (process.env.BUKTI_SCREENSHOTS)
          await page.screenshot({
            path: join(process.env.BUKTI_SCREENSHOTS, `key-${shown.status}-${typed.length}.png`),
            fullPage: true,
          });
        expect(await seriousAxeViolations(page)).toEqual([]);
        await page.getByRole('button', { name: 'Verify another bundle' }).click();
        return shown;
      };
      const none = await checkWith('');
      expect(none.status).toBe('intact');
      expect(none.key).toContain(translate('en', 'bundle.status.keyNotConfirmed', { fingerprint: grouped }));
      const same = await checkWith(grouped.toUpperCase());
      expect(same.status).toBe('intact');
      expect(same.key).toContain(translate('en', 'bundle.status.keyConfirmed', { fingerprint: grouped }));
      const other = await checkWith('ab'.repeat(32));
      expect(other.status).toBe('unexpectedKey');
      expect(other.key).toContain(
        translate('en', 'bundle.verify.keyNotExpected', {
          expected: formatFingerprint('ab'.repeat(32)),
          actual: grouped,
        }),
      );

      await field.fill('not a fingerprint');
      await page.locator('input[type="file"]').setInputFiles(path);
      await page
        .getByRole('alert')
        .filter({ hasText: translate('en', 'verifyUi.key.invalid') })
        .waitFor();
      expect(await field.getAttribute('aria-invalid')).toBe('true');
      expect(await page.getByTestId('verify-status').locator('[data-status]').count()).toBe(0);
      expect(foreignRequests(recorder, origin)).toEqual([]);
      expect(recorder.errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

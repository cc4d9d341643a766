import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main';
import { translate } from '../../src/core/i18n';
import { sampleBundle, tempDir } from '../unit/bundle/fixtures';
import { flipInEntry } from '../unit/bundle/verify-helpers';
import { type LocalTsa, startLocalTsa } from '../unit/timestamp/local-tsa';
import { inApp, launchChromium, seriousAxeViolations } from './harness';

let browser: Browser;
let tsa: LocalTsa;
const temp = tempDir();
const path = (name: string) => join(temp.dir, name);

beforeAll(async () => {
  browser = await launchChromium();
  tsa = await startLocalTsa();
  const { zip } = await sampleBundle();
  writeFileSync(path('case.zip'), zip);
  writeFileSync(path('altered.zip'), await flipInEntry(zip, 'SHA256SUMS'));
  const quiet = { stdout: () => undefined, stderr: () => undefined };
  expect(await run(['timestamp', path('case.zip'), '--tsa', tsa.url], quiet)).toBe(0);
});
afterAll(async () => {
  await browser?.close();
  await tsa?.close();
  temp.remove();
});

async function checkStamp(page: Page, bundle: string): Promise<string> {
  await page.locator('.verify-picker input[type=file]').setInputFiles(path(bundle));
  await page.getByTestId('tsr-file').setInputFiles(path('case.tsr'));
  await page.getByTestId('tsa-cert').setInputFiles(tsa.caFile);
  await page.getByRole('button', { name: translate('en', 'verifyUi.timestamp.check') }).click();
  await expect.poll(() => page.getByTestId('timestamp-result').textContent()).not.toBe('');
  return (await page.getByTestId('timestamp-result').textContent()) ?? '';
}

describe('the in-app verifier and a time stamp picked with the bundle', () => {
  it('shows the trusted time for the stamped bundle, and refuses the stamp for an altered one', async () => {
    await inApp(browser, async ({ page, origin }) => {
      await page.goto(`${origin}/#/verify`);
      const trusted = await checkStamp(page, 'case.zip');
      expect(trusted).toMatch(/^Trusted time stamp: SHA256SUMS existed at \d{4}-.*Bukti Test TSA/);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.getByRole('button', { name: translate('en', 'verifyUi.another') }).click();
      const refused = await checkStamp(page, 'altered.zip');
      expect(refused).toContain(translate('en', 'timestamp.imprintMismatch'));
    });
  });
});

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  createVaultThroughUi,
  foreignRequests,
  heading,
  launchChromium,
  recordedContext,
  seriousAxeViolations,
  skipIntroduction,
  startServer,
  stopServer,
  unlockThroughUi,
} from './harness';
import { plaintextAtRest } from './plaintext-scan';

const PASSPHRASE = 'kopi susu pagi hujan lebat';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('the vault in Chromium', () => {
  it('creates a vault, survives a reload, refuses a wrong passphrase, unlocks, locks and auto-locks', async () => {
    const { server, origin } = await startServer(inject('buildA'));
    const { context, recorder } = await recordedContext(browser);
    const page = await context.newPage();
    try {
      await page.goto(`${origin}/`);
      await skipIntroduction(page);
      await heading(page, 'Create your vault');
      expect(await seriousAxeViolations(page)).toEqual([]);

      // Bad input is refused with a message that says what to do, and nothing is created.
      await page.getByLabel('Passphrase', { exact: true }).fill('short');
      await page.getByLabel('Type the passphrase again').fill('short');
      await page.getByRole('button', { name: 'Create vault' }).click();
      await page.getByText('The passphrase needs at least 8 characters.').waitFor();
      await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
      await page.getByLabel('Type the passphrase again').fill(`${PASSPHRASE}x`);
      await page.getByRole('button', { name: 'Create vault' }).click();
      await page.getByText('The two passphrases are different.').waitFor();
      await page.reload();
      await createVaultThroughUi(page, PASSPHRASE);

      await page.reload();
      await heading(page, 'Unlock');
      expect(await seriousAxeViolations(page)).toEqual([]);
      await unlockThroughUi(page, 'not the passphrase');
      await page.getByText('That passphrase did not open the vault.').waitFor();
      await heading(page, 'Unlock');
      await unlockThroughUi(page, PASSPHRASE);
      await heading(page, 'Cases');

      await page.getByRole('button', { name: 'Lock', exact: true }).click();
      await heading(page, 'Unlock');
      await unlockThroughUi(page, PASSPHRASE);
      await heading(page, 'Cases');

      // Auto-lock after 5 minutes without input (the default), on a fast-forwarded clock.
      await page.clock.install();
      await page.keyboard.press('Shift');
      await page.clock.fastForward('04:00');
      await heading(page, 'Cases');
      await page.clock.fastForward('01:30');
      await heading(page, 'Unlock');

      expect(foreignRequests(recorder, origin)).toEqual([]);
      expect(recorder.errors).toEqual([]);
    } finally {
      await context.close();
      await stopServer(server);
    }
  });

  it('changes auto-lock and the passphrase in Settings, and erases the vault after typed confirmation', async () => {
    const { server, origin } = await startServer(inject('buildA'));
    const { context, recorder } = await recordedContext(browser);
    const page = await context.newPage();
    try {
      await page.goto(`${origin}/#/settings`);
      await createVaultThroughUi(page, PASSPHRASE, 'Settings');
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.getByLabel('Lock after no activity for').selectOption({ label: '1 minute' });
      await page.getByText('Saved.').waitFor();
      await expect
        .poll(() => page.getByTestId('storage-usage').textContent())
        .toMatch(/Used: .+ Still available/);

      await page.getByLabel('Current passphrase').fill(PASSPHRASE);
      await page.getByLabel('New passphrase', { exact: true }).fill('teh tarik kurang manis');
      await page.getByLabel('New passphrase again').fill('teh tarik kurang manis');
      await page.getByRole('button', { name: 'Change passphrase' }).click();
      await page.getByText('Passphrase changed.').waitFor();
      await page.reload();
      await heading(page, 'Unlock');
      await unlockThroughUi(page, PASSPHRASE);
      await page.getByText('That passphrase did not open the vault.').waitFor();
      await unlockThroughUi(page, 'teh tarik kurang manis');
      await heading(page, 'Settings');
      // The auto-lock choice was stored in the vault and survives the reload.
      expect(await page.getByLabel('Lock after no activity for').inputValue()).toBe('60000');

      await page
        .getByRole('region', { name: 'Erase the vault' })
        .getByLabel('Your passphrase, to confirm')
        .fill('teh tarik kurang manis');
      await page.getByLabel('Type ERASE to confirm').fill('erase me');
      await page.getByRole('button', { name: 'Erase everything' }).click();
      await page.getByText('Type ERASE exactly to confirm').waitFor();
      await page.getByLabel('Type ERASE to confirm').fill('ERASE');
      await page.getByRole('button', { name: 'Erase everything' }).click();
      await heading(page, 'Create your vault');
      await page.reload();
      await heading(page, 'Create your vault');
      expect(foreignRequests(recorder, origin)).toEqual([]);
      expect(recorder.errors).toEqual([]);
    } finally {
      await context.close();
      await stopServer(server);
    }
  });

  it('keeps no plaintext at rest: a known URL, note, file name and byte pattern are nowhere in storage', async () => {
    const { server, origin } = await startServer(inject('corePage'), 0, 'tests/e2e/pages/vite.config.ts');
    const { context } = await recordedContext(browser);
    const page = await context.newPage();
    try {
      await page.goto(`${origin}/`);
      await page.waitForSelector('body[data-ready="true"]', { state: 'attached' });
      const secrets = {
        url: 'https://x.com/perpetrator_handle_7731/status/1790000000000000001',
        note: 'Catatan rahsia: dia hantar gambar palsu pada 3 Mei',
        fileName: 'tangkapan-skrin-rahsia-2025-05-03.png',
        pattern: 'BUKTI-KNOWN-PATTERN-0123456789-abcdefghij',
      };
      const readBack = await page.evaluate(async (s) => {
        type Core = {
          vault: typeof import('../../src/core/vault');
          workerChunkWriter: typeof import('../../src/ui/workers/chunk-writer-bridge').workerChunkWriter;
        };
        const { vault, workerChunkWriter } = (window as unknown as { bukti_core: Core }).bukti_core;
        // As in the app: the middle chunks of the 16 MiB file are stored by the chunk-writer worker.
        const db = await vault.openVaultDb({ indexedDB, IDBKeyRange, chunkWriter: workerChunkWriter });
        const v = await vault.createVault(db, 'correct horse battery staple', {
          kdfParams: { opslimit: 1, memlimit: 8 * 1024 * 1024 },
        });
        await v.putRecord('items', vault.newId(), { url: s.url, note: s.note, originalName: s.fileName });
        const pattern = new TextEncoder().encode(s.pattern.repeat(400_000));
        const fileId = vault.newId();
        await v.writeFile(
          fileId,
          (async function* () {
            yield pattern;
          })(),
        );
        const back = await vault.collectBytes(v.readFile(fileId));
        const same = back.length === pattern.length && back.every((byte, i) => byte === pattern[i]);
        v.lock();
        // A control value kept in clear proves the scan can see what is stored.
        localStorage.setItem('control', 'CONTROL-PLAINTEXT-VISIBLE');
        return { same, size: back.length };
      }, secrets);
      expect(readBack).toEqual({ same: true, size: secrets.pattern.length * 400_000 });
      const found = await plaintextAtRest(page, [...Object.values(secrets), 'CONTROL-PLAINTEXT-VISIBLE']);
      expect(found).toEqual(['CONTROL-PLAINTEXT-VISIBLE']);
    } finally {
      await context.close();
      await stopServer(server);
    }
  });
});

import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { addEvidence } from './capture-flow';
import {
  createVaultThroughUi,
  heading,
  inApp,
  launchChromium,
  recordedContext,
  seriousAxeViolations,
  startServer,
  stopServer,
} from './harness';

const PASSPHRASE = 'roti canai dengan kuah dal';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

function png(seed: number, width = 48, height = 32): Buffer {
  const image = new PNG({ width, height });
  for (let i = 0; i < width * height; i++) {
    image.data.set([(i * seed) & 0xff, (i >> 2) & 0xff, seed & 0xff, 255], i * 4);
  }
  return PNG.sync.write(image);
}

describe('backup and restore in Chromium', () => {
  it('backs up the core vault, erases it and restores every item, file hash and custody entry', async () => {
    // The core test page is not the app (it has no icon, so no `inApp` check for console errors).
    const { server, origin } = await startServer(inject('corePage'), 0, 'tests/e2e/pages/vite.config.ts');
    const { context } = await recordedContext(browser);
    const page = await context.newPage();
    try {
      await page.goto(`${origin}/`);
      await page.waitForSelector('body[data-ready="true"]', { state: 'attached' });
      const result = await page.evaluate(async (passphrase) => {
        type Core = {
          vault: typeof import('../../src/core/vault');
          backup: typeof import('../../src/core/backup');
          EvidenceRepository: typeof import('../../src/core/evidence/repository').EvidenceRepository;
        };
        const {
          vault: V,
          backup: B,
          EvidenceRepository,
        } = (window as unknown as { bukti_core: Core }).bukti_core;
        const env = { indexedDB, IDBKeyRange };
        const hex = (buffer: ArrayBuffer) =>
          Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('');
        const pattern = (size: number, seed: number) =>
          Uint8Array.from({ length: size }, (_, i) => (i * seed) >> 3);

        let db = await V.openVaultDb(env);
        const original = await V.createVault(db, passphrase, {
          kdfParams: { opslimit: 1, memlimit: 8 << 20 },
        });
        const repo = new EvidenceRepository(original);
        const theCase = await repo.createCase({ title: 'Kes dalam Chromium' });
        for (const [i, size] of [3 * 1024 * 1024 + 5, 700].entries()) {
          const file = await repo.importFile({
            blob: new Blob([pattern(size, i + 3)]),
            name: `f${i}.png`,
            type: 'image/png',
          });
          await repo.addItem(
            { caseId: theCase.id, kind: 'screenshot', details: { category: 'harassment' } },
            [file],
          );
        }
        await repo.addItem(
          { caseId: theCase.id, kind: 'messageText', text: 'Mesej', details: { category: 'threat' } },
          [],
        );
        await V.depositFile(db, pattern(2000, 9), { name: 'kongsi.png' });

        const snapshot = async (vault: InstanceType<typeof V.Vault>) => {
          const r = new EvidenceRepository(vault);
          const items = await r.listItems();
          const files: Array<{ recorded: string; actual: string }> = [];
          for (const file of items.flatMap((item) => item.files)) {
            const parts: Uint8Array[] = [];
            for await (const chunk of r.readFile(file.id)) parts.push(chunk);
            const bytes = await new Blob(parts as BlobPart[]).arrayBuffer();
            files.push({
              recorded: file.sha256,
              actual: hex(await crypto.subtle.digest('SHA-256', bytes)),
            });
          }
          return {
            items,
            files,
            log: await r.custodyLog(),
            deposits: (await vault.listDepositIds()).length,
          };
        };
        const before = await snapshot(original);

        const started = await B.startBackup(db, passphrase);
        if (started.kind !== 'ok') throw new Error(started.kind);
        const pieces: Uint8Array[] = [];
        for await (const piece of started.pieces) pieces.push(piece);
        const file = new Blob(pieces as BlobPart[]);

        // A changed byte is refused before anything is touched.
        const changed = new Uint8Array(await file.arrayBuffer());
        const middle = changed.length >> 1;
        changed[middle] = (changed[middle] as number) ^ 1;
        let refused = '';
        await B.restoreBackup(new Blob([changed]), passphrase, {
          openTarget: () => Promise.reject(new Error('the target must not be opened')),
        }).catch((error: { code?: string }) => {
          refused = error.code ?? String(error);
        });

        await original.erase();
        db = await V.openVaultDb(env);
        const erased = !(await V.vaultExists(db));
        const { vault: restored } = await B.restoreBackup(file, passphrase, { openTarget: async () => db });
        return { before, after: await snapshot(restored), refused, erased, size: file.size };
      }, PASSPHRASE);

      expect(result.refused).toBe('backup.damaged');
      expect(result.erased).toBe(true);
      expect(result.size).toBeGreaterThan(3 * 1024 * 1024);
      expect(result.after.items).toEqual(result.before.items);
      expect(result.after.files).toEqual(result.before.files);
      for (const file of result.after.files) expect(file.actual).toBe(file.recorded);
      expect(result.after.deposits).toBe(1);
      expect(result.after.log.slice(0, -1)).toEqual(result.before.log);
      expect(result.after.log.at(-1)).toMatchObject({ event: 'restored', seq: result.before.log.length });
    } finally {
      await context.close();
      await stopServer(server);
    }
  });

  it('makes a backup in Settings, erases the vault, restores it on the create screen, and replaces a vault', async () => {
    await inApp(browser, async ({ page, origin }) => {
      await page.goto(`${origin}/`);
      await createVaultThroughUi(page, PASSPHRASE);
      await page.getByLabel('Case name').fill('Kes sandaran');
      await page.getByRole('button', { name: 'Create case' }).click();
      await heading(page, 'Kes sandaran');
      await addEvidence(page, { files: [{ name: 'bukti-1.png', mimeType: 'image/png', buffer: png(7) }] });
      await page.locator('.item-card').waitFor();

      await page.goto(`${origin}/#/settings`);
      await heading(page, 'Settings');
      await page.getByText('No backup has been made yet.').waitFor();
      expect(await seriousAxeViolations(page)).toEqual([]);
      const backupPassphrase = page.getByLabel('Your passphrase, to make the backup');
      await backupPassphrase.fill('bukan frasa laluan ini');
      await page.getByRole('button', { name: 'Make a backup' }).click();
      await page.getByText('That passphrase did not open the vault.').waitFor();
      await backupPassphrase.fill(PASSPHRASE);
      await page.getByRole('button', { name: 'Make a backup' }).click();
      await page.getByRole('button', { name: 'Download', exact: true }).click();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: /^Save the backup file/ }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^document-\d{8}-[0-9a-f]{8}\.bin$/);
      const backupPath = await download.path();
      expect(readFileSync(backupPath).subarray(0, 8).toString('latin1')).toBe('BUKTIBAK');
      await page.getByText(/is in your downloads/).waitFor();
      await page
        .getByTestId('last-backup')
        .getByText(/^Last backup made:/)
        .waitFor();

      await page
        .getByRole('region', { name: 'Erase the vault' })
        .getByLabel('Your passphrase, to confirm')
        .fill(PASSPHRASE);
      await page.getByLabel('Type ERASE to confirm').fill('ERASE');
      await page.getByRole('button', { name: 'Erase everything' }).click();
      await heading(page, 'Create your vault');
      await page.goto(`${origin}/#/`);
      await heading(page, 'Create your vault');
      expect(await seriousAxeViolations(page)).toEqual([]);

      const restoreForm = async (passphrase: string) => {
        await page.getByLabel('Backup file').setInputFiles(backupPath);
        await page.getByLabel('Passphrase of the backup').fill(passphrase);
      };
      await restoreForm('salah sama sekali');
      await page.getByRole('button', { name: 'Restore', exact: true }).click();
      await page.getByText('That passphrase does not open this backup.').waitFor();
      await heading(page, 'Create your vault');
      await restoreForm(PASSPHRASE);
      await page.getByRole('button', { name: 'Restore', exact: true }).click();
      await heading(page, 'Cases');
      await page.getByRole('link', { name: 'Kes sandaran' }).click();
      await heading(page, 'Kes sandaran');
      await page.locator('.item-card', { hasText: 'bukti-1.png' }).waitFor();

      // Replacing the vault from Settings: asks for the typed word, then brings the backup back.
      await page.goto(`${origin}/#/`);
      await page.getByLabel('Case name').fill('Kes selepas sandaran');
      await page.getByRole('button', { name: 'Create case' }).click();
      await heading(page, 'Kes selepas sandaran');
      await page.goto(`${origin}/#/settings`);
      await restoreForm(PASSPHRASE);
      await page.getByLabel('Type REPLACE to erase this vault and restore the backup').fill('replace me');
      await page.getByRole('button', { name: 'Erase this vault and restore' }).click();
      await page.getByText('Type REPLACE exactly').waitFor();
      const confirmation = page.getByLabel('Type REPLACE to erase this vault and restore the backup');
      await confirmation.fill('REPLACE');
      // Progress messages can last less than a look from the test: the page records every one it shows.
      await page.evaluate(() => {
        const seen = window as unknown as { statusesSeen: string[] };
        seen.statusesSeen = [];
        new MutationObserver(() => {
          for (const status of document.querySelectorAll('[role="status"]')) {
            const text = status.textContent ?? '';
            if (text && !seen.statusesSeen.includes(text)) seen.statusesSeen.push(text);
          }
        }).observe(document.body, { subtree: true, childList: true, characterData: true });
      });
      await page.getByRole('button', { name: 'Erase this vault and restore' }).click();
      // The restored vault is opened afresh: Settings comes back with an empty form.
      await expect.poll(() => confirmation.inputValue(), { timeout: 60_000 }).toBe('');
      await heading(page, 'Settings');
      const statuses = await page.evaluate(
        () => (window as unknown as { statusesSeen: string[] }).statusesSeen,
      );
      // Every step of a replace is shown as it comes, and it never speaks as if the device were empty.
      expect(statuses).toContain('Opening the backup with its passphrase…');
      expect(
        statuses.some((text) => text.startsWith('Checking the whole backup before changing anything')),
      ).toBe(true);
      expect(
        statuses.some((text) => text.startsWith('The whole backup checked out. Replacing the vault')),
      ).toBe(true);
      expect(statuses.filter((text) => text.startsWith('Restoring: each part'))).toEqual([]);
      await page.goto(`${origin}/#/`);
      await heading(page, 'Cases');
      await page.getByRole('link', { name: 'Kes sandaran' }).waitFor();
      expect(await page.getByRole('link', { name: 'Kes selepas sandaran' }).count()).toBe(0);
    });
  });
});

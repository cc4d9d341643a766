import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, recordedContext, startServer, stopServer } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

type Core = {
  vault: typeof import('../../src/core/vault');
  workerChunkWriter: typeof import('../../src/ui/workers/chunk-writer-bridge').workerChunkWriter;
  workerChunkReader: typeof import('../../src/ui/workers/chunk-reader-bridge').workerChunkReader;
};

describe('file chunks read by workers in Chromium', () => {
  it('reads a file back whole through reader workers replaced as they go', async () => {
    const { server, origin } = await startServer(inject('corePage'), 0, 'tests/e2e/pages/vite.config.ts');
    const { context } = await recordedContext(browser);
    const page = await context.newPage();
    try {
      await page.goto(`${origin}/`);
      await page.waitForSelector('body[data-ready="true"]', { state: 'attached' });
      const result = await page.evaluate(async () => {
        const { vault, workerChunkWriter, workerChunkReader } = (window as unknown as { bukti_core: Core })
          .bukti_core;
        // Counts the reader workers the bridge starts.
        let readers = 0;
        const Original = Worker;
        window.Worker = class extends Original {
          constructor(url: string | URL, options?: WorkerOptions) {
            super(url, options);
            if (String(url).includes('chunk-reader')) readers++;
          }
        };
        const MiB = 1024 * 1024;
        const db = await vault.openVaultDb({
          indexedDB,
          IDBKeyRange,
          chunkWriter: workerChunkWriter,
          // Replaced every 4 MiB here (32 MiB in the app), so a 21 MiB file needs six.
          chunkReader: (name) => workerChunkReader(name, { recycleBytes: 4 * MiB }),
        });
        const v = await vault.createVault(db, 'correct horse battery staple', {
          kdfParams: { opslimit: 1, memlimit: 8 * 1024 * 1024 },
        });
        const bytes = new Uint8Array(21 * MiB + 5);
        for (let i = 0; i < bytes.length; i += 65536)
          crypto.getRandomValues(bytes.subarray(i, Math.min(i + 65536, bytes.length)));
        const fileId = vault.newId();
        await v.writeFile(fileId, bytes);
        const same = (back: Uint8Array) =>
          back.length === bytes.length && back.every((b, i) => b === bytes[i]);
        const streamed = same(await vault.collectBytes(v.readFile(fileId)));
        const readersAfterStream = readers;
        const whole = same(await v.readFileBytes(fileId));
        const readersAfterWhole = readers;
        // A reader never creates a database, not even one that was just erased elsewhere.
        const absent = `absent-${vault.newId()}`;
        const refused = await workerChunkReader(absent)
          ?.read(fileId, 0)
          .then(
            () => 'read',
            (error: { code?: string }) => error.code,
          );
        const names = (await indexedDB.databases()).map((d) => d.name);
        window.Worker = Original;
        v.lock();
        return {
          streamed,
          whole,
          readersAfterStream,
          readersAfterWhole,
          refused,
          absentCreated: names.includes(absent),
        };
      });
      const { readersAfterStream, readersAfterWhole, ...rest } = result;
      expect(rest).toEqual({
        streamed: true,
        whole: true,
        refused: 'vault.closed',
        absentCreated: false,
      });
      // 22 chunks of 1 MiB, a worker retired once it has read four: three to six for each reading (with
      // four reads in flight, up to three asked before the fourth was answered go to the retiring worker).
      expect(readersAfterStream).toBeGreaterThanOrEqual(3);
      expect(readersAfterStream).toBeLessThanOrEqual(6);
      expect(readersAfterWhole - readersAfterStream).toBeGreaterThanOrEqual(3);
      expect(readersAfterWhole - readersAfterStream).toBeLessThanOrEqual(6);
    } finally {
      await context.close();
      await stopServer(server);
    }
  });
});

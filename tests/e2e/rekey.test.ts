import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addEvidence, type FileToAdd } from './capture-flow';
import { custodyLines, exportToFile, png } from './export-helpers';
import {
  createVaultThroughUi,
  heading,
  inApp,
  launchChromium,
  openForDownloads,
  unlockThroughUi,
} from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const OLD = 'nasi lemak sambal bilis pedas';
const NEW = 'roti canai telur bawang kuah dal';
const MiB = 1024 * 1024;

/** `mib` MiB of varied bytes that differ per `seed`, so a mixed-up chunk would not read back equal. */
function video(mib: number, seed: number): Buffer {
  const bytes = Buffer.allocUnsafe(mib * MiB);
  for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 131 + (i >>> 11) + seed * 17) & 0xff;
  return bytes;
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** The switches `gateReencryption` installs in the page's workers. */
interface ReencryptionGate {
  /** Re-encrypted chunk batches still let through before the gate holds them. */
  allow: number;
  /** Batches held back (not yet handed to the chunk writer). */
  held: Array<() => void>;
}

/**
 * Holds a key rotation's chunk writes in the page's workers. The vault worker hands every batch of
 * chunks to its chunk writer (a worker of its own) as `{ fileId, chunks: [{ index, value }] }`; a file
 * re-encrypted for key epoch 1 writes into lane 2^31 (src/core/vault/format.ts `chunkLane`), which no
 * capture ever does. After `allow` such batches, the rest wait until `releaseReencryption`. Built worker
 * names are opaque hashes, so every worker running gets the gate; only the vault worker posts chunks.
 */
async function gateReencryption(page: Page, allow: number): Promise<Worker[]> {
  const gated: Worker[] = [];
  for (const worker of page.workers()) {
    const installed = await worker
      .evaluate((allowed) => {
        if (typeof Worker === 'undefined') return false;
        const gate: ReencryptionGate = { allow: allowed, held: [] };
        (self as unknown as { rekeyGate: ReencryptionGate }).rekeyGate = gate;
        const post = Worker.prototype.postMessage as (...args: unknown[]) => void;
        Worker.prototype.postMessage = function (this: Worker, message: unknown, ...rest: unknown[]) {
          const write = message as { fileId?: unknown; chunks?: Array<{ index?: number }> } | null;
          const reencrypted =
            typeof write?.fileId === 'string' && write.chunks?.some((chunk) => (chunk.index ?? 0) >= 2 ** 31);
          if (reencrypted && gate.allow <= 0) {
            gate.held.push(() => post.call(this, message, ...rest));
            return;
          }
          if (reencrypted) gate.allow -= 1;
          post.call(this, message, ...rest);
        } as typeof Worker.prototype.postMessage;
        return true;
      }, allow)
      // A short-lived worker (a key derivation's) may end while the gate goes in: it posts no chunks.
      .catch(() => false);
    if (installed) gated.push(worker);
  }
  if (gated.length === 0) throw new Error('no worker is running (the vault worker should be)');
  return gated;
}

/** How many re-encrypted batches the gate holds back, over every gated worker. */
async function heldBatches(workers: Worker[]): Promise<number> {
  let held = 0;
  for (const worker of workers)
    held += await worker
      .evaluate(() => (self as unknown as { rekeyGate: ReencryptionGate }).rekeyGate.held.length)
      .catch(() => 0);
  return held;
}

/** Lets the held batches go on, and every later one. */
async function releaseReencryption(workers: Worker[]): Promise<void> {
  for (const worker of workers)
    await worker.evaluate(() => {
      const gate = (self as unknown as { rekeyGate: ReencryptionGate }).rekeyGate;
      gate.allow = Number.POSITIVE_INFINITY;
      for (const post of gate.held.splice(0)) post();
    });
}

/** The vault's stored chunk keys, split by lane: read from the page through IndexedDB itself. */
function chunkLanes(page: Page): Promise<{ lane0: number; lane1: number }> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('vault');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    try {
      const keys = await new Promise<IDBValidKey[]>((resolve, reject) => {
        const request = db.transaction('chunks').objectStore('chunks').getAllKeys();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const upper = keys.filter((key) => ((key as [string, number])[1] ?? 0) >= 2 ** 31).length;
      return { lane0: keys.length - upper, lane1: upper };
    } finally {
      db.close();
    }
  });
}

/** The rotation notice's "N of M done", or null while none shows. */
async function rotationShown(page: Page): Promise<{ done: number; total: number } | null> {
  const text = await page
    .locator('[data-notice="rotation"]')
    .textContent({ timeout: 1000 })
    .catch(() => null);
  const counts = text?.match(/Re-encrypting with the new keys: (\d+) of (\d+) done\./);
  return counts ? { done: Number(counts[1]), total: Number(counts[2]) } : null;
}

describe('replacing every key when someone knows the passphrase, in Chromium', () => {
  it('cuts the re-encryption by closing the page, refuses the old passphrase, resumes at unlock and exports a bundle that verifies and names the key change', {
    timeout: 900_000,
  }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bukti-rekey-'));
    const files: FileToAdd[] = [
      { name: 'tangkap-layar.png', mimeType: 'image/png', buffer: png(7) },
      { name: 'rakaman-1.mp4', mimeType: 'video/mp4', buffer: video(24, 1) },
      { name: 'rakaman-2.mp4', mimeType: 'video/mp4', buffer: video(24, 2) },
    ];
    const chunksStored = files.reduce((sum, file) => sum + Math.ceil(file.buffer.length / MiB), 0);
    try {
      await inApp(browser, async ({ page, origin, context }) => {
        await openForDownloads(page, origin);
        await createVaultThroughUi(page, OLD);
        await page.getByLabel('Case name').fill('Kes kunci baharu');
        await page.getByRole('button', { name: 'Create case' }).click();
        await heading(page, 'Kes kunci baharu');
        const caseUrl = page.url();
        for (const file of files) await addEvidence(page, { files: [file] });
        await addEvidence(page, { message: 'Aku tahu kata laluan kau.' });
        await expect.poll(() => page.locator('.item-card').count()).toBe(4);
        expect(await chunkLanes(page)).toEqual({ lane0: chunksStored, lane1: 0 });

        // Settings: the key in use, then the new passphrase with "someone knows my passphrase" ticked.
        await page.goto(`${origin}/#/settings`);
        const oldKey = (await page.getByTestId('key-fingerprint').textContent())?.trim() ?? '';
        expect(oldKey).toMatch(/^([0-9a-f]{4} ){15}[0-9a-f]{4}$/);
        const gate = await gateReencryption(page, 2);
        await page.getByLabel('Current passphrase').fill(OLD);
        await page.getByLabel('New passphrase', { exact: true }).fill(NEW);
        await page.getByLabel('New passphrase again').fill(NEW);
        await page.getByLabel('Someone knows my passphrase').check();
        await page.getByRole('button', { name: 'Replace all keys' }).click();

        // Closed in the middle of a file: two batches of re-encrypted chunks are stored (the screenshot's one
        // chunk and four of a video, or four and four), the next is held.
        await expect.poll(() => heldBatches(gate), { timeout: 120_000 }).toBeGreaterThan(0);
        await expect
          .poll(async () => (await chunkLanes(page)).lane1, { timeout: 60_000 })
          .toBeGreaterThanOrEqual(5);
        await expect.poll(() => rotationShown(page), { timeout: 60_000 }).not.toBeNull();
        const cut = await rotationShown(page);
        expect(cut?.done).toBeLessThan(cut?.total ?? 0);
        await page.close();

        const again = await context.newPage();
        await openForDownloads(again, origin);
        await heading(again, 'Unlock');
        await unlockThroughUi(again, OLD);
        await again.getByText('That passphrase did not open the vault.').waitFor({ timeout: 60_000 });
        // The resumed run is held at its first chunk batch, so its notice is seen however fast it would go.
        const resumeGate = await gateReencryption(again, 0);
        await unlockThroughUi(again, NEW);
        await heading(again, 'Cases');
        await expect.poll(() => heldBatches(resumeGate), { timeout: 120_000 }).toBeGreaterThan(0);
        await expect.poll(() => rotationShown(again), { timeout: 60_000 }).not.toBeNull();
        const resumed = await rotationShown(again);
        expect(resumed?.total).toBeGreaterThan(0);
        expect(resumed?.done).toBeLessThan(resumed?.total ?? 0);
        await releaseReencryption(resumeGate);

        const done = again.locator('[data-notice="rotation-done"]');
        await done.waitFor({ timeout: 600_000 });
        const newKey = (await done.textContent())?.match(
          /New signing key: ((?:[0-9a-f]{4} ){15}[0-9a-f]{4})/,
        )?.[1];
        expect(newKey).toBeDefined();
        expect(newKey).not.toBe(oldKey);
        await expect.poll(() => again.locator('[data-notice="rotation"]').count()).toBe(0);
        // Every file now lies in the new epoch's lane only: the old copies are gone.
        expect(await chunkLanes(again)).toEqual({ lane0: 0, lane1: chunksStored });

        await again.goto(caseUrl);
        await heading(again, 'Kes kunci baharu');
        await expect.poll(() => again.locator('.item-card').count()).toBe(4);
        const zip = join(dir, 'bundle.zip');
        await exportToFile(again, zip, undefined, 300_000);

        // Every file reads back byte for byte: the unpacked files, the manifest and SHA256SUMS agree with the originals.
        const originals = files.map((file) => sha256(file.buffer)).sort();
        const out = join(dir, 'unzipped');
        execFileSync('unzip', ['-q', zip, '-d', out]);
        const unpacked = readdirSync(join(out, 'evidence')).map((name) =>
          sha256(readFileSync(join(out, 'evidence', name))),
        );
        expect(unpacked.sort()).toEqual(originals);
        const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as {
          signer: { publicKey: string };
          items: Array<{ files: Array<{ path: string; sha256: string }> }>;
        };
        const listed = manifest.items.flatMap((item) => item.files);
        expect(listed.map((file) => file.sha256).sort()).toEqual(originals);
        const sums = new Map(
          readFileSync(join(out, 'SHA256SUMS'), 'utf8')
            .trim()
            .split('\n')
            .map((line) => [line.slice(66), line.slice(0, 64)] as const),
        );
        expect(listed.map((file) => sums.get(file.path)).sort()).toEqual(originals);
        const holding = execFileSync('grep', ['-rlF', 'Aku tahu kata laluan kau.', out], {
          encoding: 'utf8',
        });
        expect(holding.trim()).not.toBe('');
        expect(custodyLines(dir, readFileSync(zip), 'again.zip').map((entry) => entry.event)).toContain(
          'keyChanged',
        );

        // The verifier passes the bundle and names the change from the old key to the new one.
        const cli = spawnSync('node', ['bin/bukti.mjs', 'verify', zip], { encoding: 'utf8' });
        expect(cli.status, cli.stdout + cli.stderr).toBe(0);
        expect(cli.stdout).toMatch(
          new RegExp(`At entry \\d+ the signing key was replaced: ${oldKey} → ${newKey}\\.`),
        );
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

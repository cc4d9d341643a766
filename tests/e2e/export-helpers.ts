import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Download, Page, Worker } from 'playwright-core';
import { PNG } from 'pngjs';
import { expect } from 'vitest';
import { addEvidence } from './capture-flow';
import { heading } from './harness';

/** Shared by the export tests (export.test.ts, export-file.test.ts). */

export const PASSPHRASE = 'mee goreng mamak pedas';

export function png(seed: number): Buffer {
  const image = new PNG({ width: 320, height: 200 });
  for (let i = 0; i < 320 * 200; i++) {
    const x = i % 320;
    const y = Math.floor(i / 320);
    const on = (Math.floor(x / 20) + Math.floor(y / 20)) % 2 === 0;
    image.data.set(on ? [seed & 0xff, 30, 200, 255] : [250, 250, 250, 255], i * 4);
  }
  return PNG.sync.write(image);
}

/** A case "Akaun penyamar" with two screenshots, the second marked as a deepfake. */
export async function makeCaseWithTwoImages(page: Page): Promise<void> {
  await page.getByLabel('Case name').fill('Akaun penyamar');
  await page
    .getByLabel(/What happened, in your own words/)
    .fill('Seseorang membuat akaun palsu menggunakan gambar saya.');
  await page.getByRole('button', { name: 'Create case' }).click();
  await heading(page, 'Akaun penyamar');
  await addEvidence(page, {
    files: [{ name: 'profil-palsu.png', mimeType: 'image/png', buffer: png(1) }],
    details: () =>
      page
        .getByLabel('Link to the post or message (optional)')
        .fill('https://www.instagram.com/p/C0ffee123/'),
  });
  await addEvidence(page, {
    files: [{ name: 'gambar-palsu.png', mimeType: 'image/png', buffer: png(2) }],
    details: async () => {
      await page.getByLabel('What kind of abuse is this?').selectOption('deepfake');
    },
  });
  await expect.poll(() => page.locator('.item-card').count()).toBe(2);
}

/**
 * A 10 MiB "video" of varied bytes: 10 vault chunks, so its middle batch is stored by the chunk writer
 * (the vault worker's own worker) and the bundle's hash check proves those chunks read back intact.
 */
function videoBytes(): Buffer {
  const bytes = Buffer.allocUnsafe(10 * 1024 * 1024);
  for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 131 + (i >>> 11)) & 0xff;
  return bytes;
}

/** The same case with a 10 MiB video added (a bundle of several MiB), then the export screen. */
export async function exportScreenWithVideo(page: Page): Promise<void> {
  await makeCaseWithTwoImages(page);
  await addEvidence(page, { files: [{ name: 'rakaman.mp4', mimeType: 'video/mp4', buffer: videoBytes() }] });
  await expect.poll(() => page.locator('.item-card').count()).toBe(3);
  await page.getByRole('link', { name: 'Export', exact: true }).click();
  await heading(page, 'Export a sealed bundle');
}

/**
 * Headless Chromium has no save dialog: this one picks a real file handle in the origin-private file
 * system, which the page posts to the vault worker as it would the one a person picked. Setting
 * `window.dismissSave` makes it act as a closed dialog.
 */
export function fakeSaveDialog(): void {
  (window as unknown as { showSaveFilePicker: unknown }).showSaveFilePicker = async ({
    suggestedName,
  }: {
    suggestedName: string;
  }) => {
    if ((window as unknown as { dismissSave?: boolean }).dismissSave)
      throw new DOMException('The user aborted a request.', 'AbortError');
    const root = await navigator.storage.getDirectory();
    return root.getFileHandle(suggestedName, { create: true });
  };
}

/** The switches `gateFileWrites` installs in the vault worker. */
export interface WriteGate {
  written: number;
  /** Hold the next write once 1 MiB has reached the file, until `release` is called. */
  hold: boolean;
  release: (() => void) | null;
  /** The disk is full: every write after the first fails. */
  full: boolean;
}

/**
 * The vault worker writes the picked file itself: this wraps every writable opened in the page's workers
 * in a gate the test can close after 1 MiB (so "cancel mid-stream" happens at a known point, never after a
 * guessed delay) or make act as a full disk. Built worker names are opaque hashes, so every worker running
 * gets the gate; only the vault worker opens writables.
 */
export async function gateFileWrites(page: Page): Promise<Worker[]> {
  const workers = page.workers();
  if (workers.length === 0) throw new Error('no worker is running (the vault worker should be)');
  for (const worker of workers)
    await worker.evaluate(() => {
      const gate: WriteGate = { written: 0, hold: false, release: null, full: false };
      (self as unknown as { writeGate: WriteGate }).writeGate = gate;
      type Opener = (this: FileSystemFileHandle) => Promise<FileSystemWritableFileStream>;
      const proto = FileSystemFileHandle.prototype as unknown as { createWritable: Opener };
      const open = proto.createWritable;
      proto.createWritable = async function (this: FileSystemFileHandle) {
        const real = await open.call(this);
        gate.written = 0;
        return new WritableStream<Uint8Array>({
          async write(chunk) {
            if (gate.full && gate.written > 0) throw new DOMException('No space left.', 'QuotaExceededError');
            await real.write(chunk as Uint8Array<ArrayBuffer>);
            gate.written += chunk.length;
            if (gate.hold && gate.written > 1024 * 1024)
              await new Promise<void>((resolve) => {
                gate.release = resolve;
              });
          },
          close: () => real.close(),
          abort: (reason) => real.abort(reason),
        }) as unknown as FileSystemWritableFileStream;
      };
    });
  return workers;
}

/** Changes the write gate in every gated worker. */
export async function setWriteGate(workers: Worker[], change: Partial<WriteGate>): Promise<void> {
  for (const worker of workers)
    await worker.evaluate((c) => {
      Object.assign((self as unknown as { writeGate: WriteGate }).writeGate, c);
    }, change);
}

/** Whether a gated write is being held (the file has taken 1 MiB and waits). */
export async function writeHeld(workers: Worker[]): Promise<boolean> {
  for (const worker of workers)
    if (await worker.evaluate(() => (self as unknown as { writeGate: WriteGate }).writeGate.release !== null))
      return true;
  return false;
}

/** Opens the gate again and lets a held write go on. */
export async function releaseWrites(workers: Worker[]): Promise<void> {
  for (const worker of workers)
    await worker.evaluate(() => {
      const gate = (self as unknown as { writeGate: WriteGate }).writeGate;
      gate.hold = false;
      gate.release?.();
    });
}

/** The picked file's bytes, read back from the origin-private file system; null when there is none. */
export async function pickedFile(page: Page, name: string): Promise<Buffer | null> {
  const base64 = await page.evaluate(async (fileName) => {
    const root = await navigator.storage.getDirectory();
    try {
      const file = await (await root.getFileHandle(fileName)).getFile();
      const bytes = new Uint8Array(await file.arrayBuffer());
      let text = '';
      for (let i = 0; i < bytes.length; i += 0x8000)
        text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return btoa(text);
    } catch (error) {
      if ((error as DOMException).name === 'NotFoundError') return null;
      throw error;
    }
  }, name);
  return base64 === null ? null : Buffer.from(base64, 'base64');
}

/** The file name in "Saved as <name>." once it shows a name other than `previous`. */
export async function savedAs(page: Page, previous = ''): Promise<string> {
  let name = '';
  await expect
    .poll(
      async () => {
        const text = await page
          .getByText(/^Saved as /)
          .textContent({ timeout: 1000 })
          .catch(() => '');
        name = (text ?? '').replace(/^Saved as |\.$/g, '');
        return name !== '' && name !== previous;
      },
      { timeout: 120_000 },
    )
    .toBe(true);
  return name;
}

/** The custody log inside a bundle, one object per line. */
export function custodyLines(dir: string, zip: Buffer, name: string): Array<Record<string, unknown>> {
  const path = join(dir, name);
  writeFileSync(path, zip);
  const text = execFileSync('unzip', ['-p', path, 'custody-log.jsonl'], { encoding: 'utf8' });
  return text
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/**
 * Holds the page's pulls from the vault worker after `holdAfter` of them, so a test can press Cancel
 * while a download is known to be half-way, never after a guessed delay.
 */
export function pullGate(): void {
  type Gate = { calls: number; holdAfter: number; release: (() => void) | null };
  const gate: Gate = { calls: 0, holdAfter: Number.POSITIVE_INFINITY, release: null };
  (window as unknown as { pullGate: Gate }).pullGate = gate;
  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (this: Worker, message: unknown, ...rest: unknown[]) {
    const call = message as { kind?: string; method?: string } | null;
    if (call?.kind === 'call' && call.method === 'exportRead' && ++gate.calls > gate.holdAfter) {
      gate.release = () => (post as (...args: unknown[]) => void).call(this, message, ...rest);
      return;
    }
    (post as (...args: unknown[]) => void).call(this, message, ...rest);
  } as typeof Worker.prototype.postMessage;
}

/**
 * From the case screen: opens the export screen, makes the bundle (as a streamed download) and saves it
 * to `path` once the app says it is ready. `before` fills in the export options first.
 */
export async function exportToFile(
  page: Page,
  path: string,
  before: () => Promise<void> = async () => undefined,
  timeout = 120_000,
): Promise<Download> {
  await page.getByRole('link', { name: 'Export', exact: true }).click();
  await heading(page, 'Export a sealed bundle');
  await before();
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout }),
    page.getByRole('button', { name: 'Make the bundle' }).click(),
  ]);
  await download.saveAs(path);
  await page.getByText('The bundle is ready.').waitFor({ timeout });
  return download;
}

/** From any screen: exports the case through the export screen and unzips the bundle into `dir`/unzipped. */
export async function exportAndUnzip(page: Page, dir: string): Promise<string> {
  const zip = join(dir, 'bundle.zip');
  await exportToFile(page, zip);
  const out = join(dir, 'unzipped');
  execFileSync('unzip', ['-q', zip, '-d', out]);
  return out;
}

/** Starts a 20 ms ticker on the page that notes its longest pause: work holding the page's thread shows. */
export async function startTicker(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { maxGap: number; last: number };
    w.maxGap = 0;
    w.last = performance.now();
    setInterval(() => {
      const now = performance.now();
      w.maxGap = Math.max(w.maxGap, now - w.last);
      w.last = now;
    }, 20);
  });
}

/** The longest pause of the ticker `startTicker` started, in milliseconds. */
export const longestPause = (page: Page) =>
  page.evaluate(() => (window as unknown as { maxGap: number }).maxGap);

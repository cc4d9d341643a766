import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { addEvidence } from './capture-flow';
import { exportToFile } from './export-helpers';
import {
  CHROMIUM_ARGS,
  createVaultThroughUi,
  foreignRequests,
  heading,
  launchChromium,
  startServer,
  stopServer,
  waitForServiceWorkerControl,
} from './harness';
import { png } from './images';
import { findInProfile, type Needle, webmOfSize } from './profile-files';

/**
 * Threat 8 (DOMAIN.md): the browser as a witness. Everything a survivor types or previews in a full
 * session must stay out of the browser's own files (session restore, autofill, history, caches, blob
 * storage): docs/security.md §8. Markers are lower-case letters and digits only, so a slug or a file name
 * made from them would still contain them.
 */
const PASSPHRASE = 'zqpassvault kerusi pelangi tembikai';
const MARK = {
  caseTitle: 'zqcasetitle4471',
  narrative: 'zqnarrative8812 dia menghantar gambar itu',
  note: 'zqitemnote2290',
  postUrl: 'https://x.com/zqhandle5531/status/1911111111111111111',
  handle: 'zqhandle5531',
  displayName: 'zqdisplay6604',
  profileUrl: 'https://www.instagram.com/zqprofile7719/',
  linkOnly: 'https://t.me/zqlinkonly3350',
  message: 'zqmessage9021 kalau kau tak bayar',
  imageName: 'zqimagename1187.png',
  videoName: 'zqvideoname2215.webm',
  audioName: 'zqaudioname3348.ogg',
  documentName: 'zqdocname4460.txt',
  documentText: 'zqdoctext5573 isi dokumen',
  tags: 'zqtag6686',
  reportRef: 'zqref7799',
  edited: 'zqedited8808 selepas disunting',
  accountNotes: 'zqaccountnote9917',
  complainant: 'zqcomplainant1029',
  recipient: 'zqrecipient2138',
};

const VIDEO_SIZE = 30 * 1024 * 1024;

/** Bytes nobody else has: xorshift from a seed, so slices of them are unique needles. */
function distinctBytes(length: number, seed: number): Buffer {
  const bytes = Buffer.alloc(length);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    bytes[i] = x & 0xff;
  }
  return bytes;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** A persistent profile in `dir`, as a phone's browser keeps one, with the harness's flags. */
function persistentProfile(dir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(dir, {
    executablePath: inject('chromiumPath'),
    headless: true,
    acceptDownloads: true,
    args: CHROMIUM_ARGS,
  });
}

/** Every form control on the page that the browser may remember (autocomplete not off, not masked). */
function rememberedFields(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('form, input, textarea, select'))
      .filter((el) => !(el instanceof HTMLInputElement && el.type === 'password'))
      .filter((el) => el.getAttribute('autocomplete') !== 'off')
      .map((el) => `${el.tagName.toLowerCase()}[name=${el.getAttribute('name')}]`),
  );
}

async function addItems(page: Page, image: Buffer, video: Buffer, audio: Buffer): Promise<void> {
  await addEvidence(page, {
    files: [
      { name: MARK.imageName, mimeType: 'image/png', buffer: image },
      { name: MARK.videoName, mimeType: 'video/webm', buffer: video },
      { name: MARK.audioName, mimeType: 'audio/ogg', buffer: audio },
      { name: MARK.documentName, mimeType: 'text/plain', buffer: Buffer.from(MARK.documentText) },
    ],
    details: async () => {
      const form = page.locator('.details-step');
      await form.getByLabel('What this shows (optional)').fill(MARK.note);
      await form.getByLabel('Link to the post or message (optional)').fill(MARK.postUrl);
      await form.getByRole('button', { name: 'More details' }).click();
      await form.getByLabel('Link to the account’s profile (optional)').fill(MARK.profileUrl);
      await form.getByLabel('Display name shown on the account (optional)').fill(MARK.displayName);
      await form
        .getByLabel('Reference number of your report to the platform (optional)')
        .fill(MARK.reportRef);
      await form.getByLabel('Tags, separated by commas (optional)').fill(MARK.tags);
    },
  });
  await addEvidence(page, { link: MARK.linkOnly });
  await addEvidence(page, { message: MARK.message });
  await expect.poll(() => page.locator('.item-card').count()).toBe(6);
}

/** Opens an original and waits until the element has really read it through the service worker. */
async function previewOriginal(page: Page, name: string, element: 'img' | 'video'): Promise<void> {
  const card = page.locator('.item-card', { hasText: name });
  await card.getByRole('button', { name: 'View original' }).click();
  const shown = card.locator(`${element}.original`);
  await shown.waitFor();
  expect(await shown.getAttribute('src')).toMatch(/^\/media\/[0-9a-f-]{36}$/);
  const loaded = () =>
    shown.evaluate((el) => {
      if (el instanceof HTMLImageElement) return el.complete && el.naturalWidth > 0 ? 'loaded' : 'waiting';
      const media = el as HTMLVideoElement;
      if (media.error) return `error ${media.error.code}: ${media.error.message}`;
      return media.readyState > 0 ? 'loaded' : 'waiting';
    });
  await expect.poll(loaded, { timeout: 60_000 }).not.toBe('waiting');
  expect(await loaded()).toBe('loaded');
  if (element === 'video') {
    // Seek to the end: the player asks for a range deep in the file.
    await shown.evaluate((el) => {
      const video = el as HTMLVideoElement;
      video.muted = true;
      return video.play();
    });
    await expect
      .poll(() => shown.evaluate((el) => (el as HTMLVideoElement).ended), { timeout: 60_000 })
      .toBe(true);
  }
}

describe('nothing of a case in the browser profile', () => {
  it('a whole session (vault, case, every kind of item, previews, edits, export, lock, quick exit) leaves no marker in any profile file', {
    timeout: 600_000,
  }, async () => {
    const image = png(7);
    const filler = (length: number) => distinctBytes(length, 0x5eed);
    const video = await webmOfSize(browser, VIDEO_SIZE, filler);
    const audio = distinctBytes(256 * 1024, 0xa0d10);
    // Bytes of the first video frames (what any preview reads) and of the filler further on.
    const frames = video.indexOf(Buffer.from([0x1f, 0x43, 0xb6, 0x75])) + 256;
    const needles: Needle[] = [
      { name: 'passphrase', text: 'zqpassvault' },
      ...Object.entries(MARK).map(([name, text]) => ({ name, text: text.split(' ')[0] as string })),
      { name: 'image bytes', bytes: image.subarray(image.length - 96, image.length - 32) },
      { name: 'video bytes (frames)', bytes: video.subarray(frames, frames + 64) },
      { name: 'video bytes (middle)', bytes: video.subarray(VIDEO_SIZE / 2, VIDEO_SIZE / 2 + 64) },
      { name: 'audio bytes', bytes: audio.subarray(4096, 4160) },
    ];
    const dir = mkdtempSync(join(tmpdir(), 'bukti-profile-'));
    const { server, origin } = await startServer(inject('buildA'));
    const requests: string[] = [];
    // Fields on the way that the browser may remember: checked after the profile, which is the proof.
    const remembered: string[] = [];
    let context: BrowserContext | null = null;
    try {
      context = await persistentProfile(dir);
      context.on('request', (request) => requests.push(request.url()));
      const page = context.pages()[0] ?? (await context.newPage());
      await page.addInitScript(() => {
        delete (window as { showSaveFilePicker?: unknown }).showSaveFilePicker;
      });
      await page.goto(`${origin}/`);
      await waitForServiceWorkerControl(page);
      await createVaultThroughUi(page, PASSPHRASE);

      await page.getByLabel('Case name').fill(MARK.caseTitle);
      await page.getByLabel(/What happened, in your own words/).fill(MARK.narrative);
      await page.getByRole('button', { name: 'Create case' }).click();
      await heading(page, MARK.caseTitle);
      await addItems(page, image, video, audio);
      remembered.push(...(await rememberedFields(page)));

      // Accounts and the complainant's details.
      const accounts = page.getByRole('region', { name: 'Accounts involved' });
      await accounts.getByRole('button', { name: 'Add an account' }).click();
      await accounts.getByLabel('Link to the profile (optional)', { exact: true }).fill(MARK.profileUrl);
      await accounts.getByLabel('Notes (optional)', { exact: true }).fill(MARK.accountNotes);
      remembered.push(...(await rememberedFields(page)));
      await accounts.getByRole('button', { name: 'Save account' }).click();
      await accounts.getByText('Account saved.').waitFor();
      const person = page.getByRole('region', { name: 'Your details for the police report (optional)' });
      await person.getByRole('button', { name: 'Fill in or change your details' }).click();
      await person.getByLabel('Your full name', { exact: true }).fill(MARK.complainant);
      remembered.push(...(await rememberedFields(page)));
      await person.getByRole('button', { name: 'Save my details' }).click();
      await person.getByText(MARK.complainant).waitFor();

      // Previews of the originals, streamed: a picture, and the 30 MB video played to its end.
      await previewOriginal(page, MARK.imageName, 'img');
      await previewOriginal(page, MARK.videoName, 'video');

      // Edit an item's details; the narrative once more.
      const card = page.locator('.item-card', { hasText: MARK.imageName });
      await card.getByRole('button', { name: 'Edit details' }).click();
      const editor = card.locator('form.edit-details');
      await editor.getByLabel('What this shows (optional)').fill(MARK.edited);
      remembered.push(...(await rememberedFields(page)));
      await editor.getByRole('button', { name: 'Save changes' }).click();
      await card.getByText('Details saved. The earlier version is kept in the history.').waitFor();
      await page.getByLabel('What happened', { exact: true }).fill(`${MARK.narrative} lagi`);
      await page.getByRole('button', { name: 'Save what happened' }).click();

      // Export, streamed into a download (kept outside the profile, as a phone's Downloads folder is).
      const download = await exportToFile(
        page,
        join(dir, '..', `${basename(dir)}-bundle.zip`),
        async () => {
          await page.getByLabel(/Who it is for/).fill(MARK.recipient);
          remembered.push(...(await rememberedFields(page)));
        },
        300_000,
      );
      expect(download.suggestedFilename()).not.toContain(MARK.caseTitle);
      await download.delete();
      rmSync(join(dir, '..', `${basename(dir)}-bundle.zip`), { force: true });

      // Lock, quick exit, close the browser.
      await page.getByRole('button', { name: 'Lock', exact: true }).click();
      await heading(page, 'Unlock');
      await page.getByRole('button', { name: 'Quick exit' }).click();
      await heading(page, 'Nasi Lemak Sederhana');
      await context.close();

      expect(foreignRequests({ requests, errors: [] }, origin)).toEqual([]);
      expect(findInProfile(dir, needles)).toEqual([]);
      expect(remembered).toEqual([]);
    } finally {
      await context?.close().catch(() => undefined);
      await stopServer(server);
      rmSync(dir, { recursive: true, force: true, maxRetries: 5 });
    }
  });
});

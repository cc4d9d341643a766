import jpeg from 'jpeg-js';
import type { Browser, Locator, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addEvidence, openAddEvidence, saveItem } from './capture-flow';
import {
  createVaultThroughUi,
  heading,
  inApp,
  launchChromium,
  seriousAxeViolations,
  unlockThroughUi,
} from './harness';
import { plaintextAtRest } from './plaintext-scan';

const PASSPHRASE = 'gambar kecil dalam peti besi tembaga';

/** A PNG of `width` × `height` with a pattern that depends on `seed`. */
function png(seed: number, width: number, height: number): Buffer {
  const image = new PNG({ width, height });
  for (let i = 0; i < width * height; i++) {
    image.data.set([(i * seed) & 0xff, (i >> 5) & 0xff, seed & 0xff, 255], i * 4);
  }
  return PNG.sync.write(image);
}

/**
 * A JPEG stored 200 × 100 whose EXIF says "rotate 90° clockwise" (orientation 6), as phones save
 * portrait photos: shown upright it is 100 wide and 200 high.
 */
function rotatedJpeg(): Buffer {
  const width = 200;
  const height = 100;
  const data = Buffer.alloc(width * height * 4);
  for (let i = 0; i < width * height; i++) data.set([i % width, 80, 160, 255], i * 4);
  const encoded = jpeg.encode({ data, width, height }, 90).data;
  const tiff = Buffer.from([
    0x4d,
    0x4d,
    0x00,
    0x2a,
    0x00,
    0x00,
    0x00,
    0x08, // big-endian TIFF header, first IFD at 8
    0x00,
    0x01, // one entry
    0x01,
    0x12,
    0x00,
    0x03,
    0x00,
    0x00,
    0x00,
    0x01,
    0x00,
    0x06,
    0x00,
    0x00, // Orientation = 6
    0x00,
    0x00,
    0x00,
    0x00, // no next IFD
  ]);
  const body = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const app1 = Buffer.concat([Buffer.from([0xff, 0xe1, 0, body.length + 2]), body]);
  return Buffer.concat([encoded.subarray(0, 2), app1, encoded.subarray(2)]);
}

/** Two seconds of a quiet 440 Hz tone as 8 kHz, 16-bit mono WAV. */
function wav(): Buffer {
  const rate = 8000;
  const samples = 2 * rate;
  const out = Buffer.alloc(44 + samples * 2);
  out.write('RIFF', 0, 'latin1');
  out.writeUInt32LE(36 + samples * 2, 4);
  out.write('WAVEfmt ', 8, 'latin1');
  out.writeUInt32LE(16, 16);
  out.writeUInt16LE(1, 20); // PCM
  out.writeUInt16LE(1, 22); // mono
  out.writeUInt32LE(rate, 24);
  out.writeUInt32LE(rate * 2, 28);
  out.writeUInt16LE(2, 32);
  out.writeUInt16LE(16, 34);
  out.write('data', 36, 'latin1');
  out.writeUInt32LE(samples * 2, 40);
  for (let i = 0; i < samples; i++)
    out.writeInt16LE(Math.round(2000 * Math.sin((2 * Math.PI * 440 * i) / rate)), 44 + i * 2);
  return out;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function naturalSize(img: Locator): Promise<[number, number]> {
  await expect
    .poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth))
    .toBeTruthy();
  return img.evaluate((el: HTMLImageElement) => [el.naturalWidth, el.naturalHeight] as [number, number]);
}

/** The decrypted thumbnail's bytes, read back from its object URL. */
async function imageBytesHex(page: Page, img: Locator): Promise<string> {
  const src = await img.getAttribute('src');
  return page.evaluate(async (url) => {
    const bytes = new Uint8Array(await (await fetch(url ?? '')).arrayBuffer());
    return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  }, src);
}

describe('thumbnails in Chromium', () => {
  it('shows encrypted thumbnails on the timeline, opens originals on request, hides sensitive items until Show', async () => {
    await inApp(browser, async ({ page, origin, context, recorder }) => {
      // The app's CSP keeps fetch() off blob: URLs; the test lifts it only to read a thumbnail's bytes
      // back and to check that its URL is revoked on lock.
      await (await context.newCDPSession(page)).send('Page.setBypassCSP', { enabled: true });
      await page.goto(`${origin}/`);
      await createVaultThroughUi(page, PASSPHRASE);
      await page.getByLabel('Case name').fill('Kes lakaran');
      await page.getByRole('button', { name: 'Create case' }).click();
      await heading(page, 'Kes lakaran');

      await openAddEvidence(page);
      await page.getByTestId('file-input').setInputFiles([
        { name: 'lebar.png', mimeType: 'image/png', buffer: png(3, 800, 400) },
        { name: 'potret.jpg', mimeType: 'image/jpeg', buffer: rotatedJpeg() },
        { name: 'rosak.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('not a picture at all') },
        { name: 'suara.wav', mimeType: 'audio/wav', buffer: wav() },
      ]);
      await saveItem(page);
      await page.getByText('4 item(s) added.').waitFor();
      await page.getByRole('button', { name: 'See the timeline' }).click();

      // Thumbnails: 640 px on the long edge at most, EXIF orientation applied, shown as small images.
      const wide = page.locator('.item-card', { hasText: 'lebar.png' });
      const wideThumb = wide.getByRole('img', { name: 'Small preview of lebar.png' });
      expect(await naturalSize(wideThumb)).toEqual([640, 320]);
      expect(await wideThumb.getAttribute('src')).toMatch(/^blob:/);
      const portrait = page.locator('.item-card', { hasText: 'potret.jpg' });
      expect(await naturalSize(portrait.locator('img.thumbnail'))).toEqual([100, 200]);
      // A file the browser cannot decode has no thumbnail, and the item is there all the same.
      const broken = page.locator('.item-card', { hasText: 'rosak.jpg' });
      await broken.getByText('No small preview of this picture.').waitFor();
      expect(await broken.locator('img').count()).toBe(0);

      // Audio has no thumbnail: a tile with its kind and the duration measured at capture, and a player.
      const audio = page.locator('.item-card', { hasText: 'suara.wav' });
      await audio.getByText('Audio recording · 0:02').waitFor();
      await audio.getByRole('button', { name: 'View original' }).click();
      await expect
        .poll(() => audio.locator('audio.original').evaluate((el: HTMLAudioElement) => el.duration))
        .toBe(2);

      // The original opens on request, at full size, and closes again.
      await wide.getByRole('button', { name: 'View original' }).click();
      expect(await naturalSize(wide.locator('img.original'))).toEqual([800, 400]);
      await wide.getByRole('button', { name: 'Close original' }).click();
      await wideThumb.waitFor();
      expect(await wide.locator('img.original').count()).toBe(0);

      // A sensitive item decrypts and shows nothing until "Show"; then its thumbnail; "Hide" removes it.
      await addEvidence(page, {
        files: [{ name: 'peribadi.png', mimeType: 'image/png', buffer: png(9, 300, 600) }],
        details: () =>
          page
            .getByLabel('What kind of abuse is this?')
            .selectOption('intimateImage')
            .then(() => undefined),
      });
      await expect.poll(() => page.locator('.item-card').count()).toBe(5);
      const sensitive = page.locator('.item-card', { hasText: 'peribadi.png' });
      await sensitive.getByText('Sensitive picture, hidden').waitFor();
      expect(await sensitive.locator('img').count()).toBe(0);
      expect(await sensitive.getByRole('button', { name: 'View original' }).count()).toBe(0);
      await sensitive.getByRole('button', { name: 'Show picture' }).click();
      expect(await naturalSize(sensitive.locator('img.thumbnail'))).toEqual([300, 600]);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await sensitive.getByRole('button', { name: 'Hide picture' }).click();
      expect(await sensitive.locator('img').count()).toBe(0);

      // What is at rest is ciphertext: neither thumbnail's bytes nor the names appear anywhere.
      const thumbnailHex = await imageBytesHex(page, wideThumb);
      const portraitHex = await imageBytesHex(page, portrait.locator('img.thumbnail'));
      expect(thumbnailHex.slice(0, 6)).toBe('ffd8ff');
      const needles = [
        { hex: thumbnailHex.slice(400, 464) },
        { hex: thumbnailHex.slice(-64) },
        { hex: portraitHex.slice(400, 464) },
        'lebar.png',
        'potret.jpg',
      ];
      expect(await plaintextAtRest(page, needles)).toEqual([]);

      // Locking revokes every object URL on the page; unlocking shows the stored thumbnails again.
      const src = (await wideThumb.getAttribute('src')) ?? '';
      await page.getByRole('button', { name: 'Lock', exact: true }).click();
      await heading(page, 'Unlock');
      const readable = await page.evaluate(
        (url) =>
          fetch(url).then(
            () => true,
            () => false,
          ),
        src,
      );
      expect(readable).toBe(false);
      // That failed fetch is the only console error this test expects; any other still fails it.
      expect(recorder.errors).toEqual(['Failed to load resource: net::ERR_FILE_NOT_FOUND']);
      recorder.errors.length = 0;
      await unlockThroughUi(page, PASSPHRASE);
      await heading(page, 'Kes lakaran');
      expect(await naturalSize(wideThumb)).toEqual([640, 320]);
    });
  });
});

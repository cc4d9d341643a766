import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Browser } from 'playwright-core';

/** Something that must not be found: a string (looked for as UTF-8 and UTF-16LE) or raw bytes. */
export type Needle = { name: string; text: string } | { name: string; bytes: Buffer };

/** Every file under `dir`, however deep. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(path);
    return entry.isFile() ? [path] : [];
  });
}

/**
 * Searches every file of a browser profile for each needle and returns `name in file` for each find.
 * Strings are looked for as UTF-8 and UTF-16LE, the two ways Chromium's files keep text (session files,
 * SQLite databases, LevelDB logs and tables).
 */
export function findInProfile(dir: string, needles: readonly Needle[]): string[] {
  const forms = needles.flatMap((needle) =>
    'bytes' in needle
      ? [{ name: needle.name, bytes: needle.bytes }]
      : [
          { name: needle.name, bytes: Buffer.from(needle.text, 'utf8') },
          { name: `${needle.name} (UTF-16LE)`, bytes: Buffer.from(needle.text, 'utf16le') },
        ],
  );
  const found: string[] = [];
  for (const file of filesUnder(dir)) {
    if (statSync(file).size === 0) continue;
    const content = readFileSync(file);
    for (const form of forms)
      if (content.indexOf(form.bytes) >= 0) found.push(`${form.name} in ${relative(dir, file)}`);
  }
  return found;
}

/**
 * A short, real WebM video (a moving square, recorded by Chromium's MediaRecorder) grown to `size`
 * bytes by an EBML Void element of `filler` bytes after its last cluster, which players skip.
 */
export async function webmOfSize(browser: Browser, size: number, filler: (length: number) => Buffer) {
  const page = await browser.newPage();
  try {
    const base64 = await page.evaluate(async () => {
      const canvas = document.createElement('canvas');
      canvas.width = 160;
      canvas.height = 120;
      const context = canvas.getContext('2d') as CanvasRenderingContext2D;
      const stream = canvas.captureStream(25);
      const recorder = new MediaRecorder(stream, { mimeType: 'video/webm;codecs=vp8' });
      const parts: Blob[] = [];
      recorder.ondataavailable = (event) => parts.push(event.data);
      const done = new Promise((resolve) => {
        recorder.onstop = resolve;
      });
      recorder.start();
      for (let frame = 0; frame < 30; frame++) {
        context.fillStyle = '#fff';
        context.fillRect(0, 0, 160, 120);
        context.fillStyle = '#c00';
        context.fillRect(frame * 4, 40, 30, 30);
        await new Promise((resolve) => setTimeout(resolve, 40));
      }
      recorder.stop();
      await done;
      const bytes = new Uint8Array(await new Blob(parts).arrayBuffer());
      let text = '';
      for (const byte of bytes) text += String.fromCharCode(byte);
      return btoa(text);
    });
    const clip = Buffer.from(base64, 'base64');
    // Void: ID 0xEC, then the payload size as an 8-byte EBML number (0x01 and 7 bytes).
    const payload = size - clip.length - 9;
    const head = Buffer.alloc(9);
    head[0] = 0xec;
    head[1] = 0x01;
    head.writeUIntBE(payload, 3, 6);
    return Buffer.concat([clip, head, filler(payload)]);
  } finally {
    await page.close();
  }
}

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import type { Rgba } from '../../../scripts/report-node/pixels';
import { loadSodium } from '../../../src/core/crypto/sodium';
import { appendEntry, type CustodyEntry, type CustodySigner } from '../../../src/core/custody/entry';
import type { EvidenceDetails, FileFacts } from '../../../src/core/evidence/model';
import type { ReportFile, ReportInput, ReportItem } from '../../../src/core/report/types';

/** Fictional report inputs and PDF tool wrappers for the report tests. */

export async function testSigner(): Promise<CustodySigner & { fingerprint: string }> {
  const sodium = await loadSodium();
  const keys = sodium.crypto_sign_seed_keypair(new Uint8Array(32).fill(7));
  return {
    publicKey: keys.publicKey,
    sign: (bytes) => sodium.crypto_sign_detached(bytes, keys.privateKey),
    fingerprint: sodium.to_hex(sodium.crypto_hash_sha256(keys.publicKey)),
  };
}

export async function sha256(bytes: Uint8Array): Promise<string> {
  const sodium = await loadSodium();
  return sodium.to_hex(sodium.crypto_hash_sha256(bytes));
}

/** A deterministic UUID v4-shaped id from a number, so tests can refer to items by number. */
export function uuid(n: number): string {
  const hex = n.toString(16).padStart(12, '0');
  return `00000000-0000-4000-8000-${hex}`;
}

export async function reportFile(
  path: string,
  bytes: Uint8Array,
  mime: string,
  facts?: Partial<FileFacts>,
): Promise<ReportFile> {
  return {
    id: uuid(Number.parseInt(path.replace(/\D/g, '').slice(0, 6) || '0', 10) + 9000),
    path,
    sha256: await sha256(bytes),
    size: bytes.length,
    mime,
    originalName: path.split('/').pop() ?? path,
    facts: { hasGps: false, ...facts },
  };
}

export function details(overrides: Partial<EvidenceDetails> = {}): EvidenceDetails {
  return {
    platform: 'x',
    contentUrl: 'https://x.com/example_account/status/1234567890',
    description: 'A reply naming my school and class.',
    category: 'harassment',
    sensitive: false,
    relatedItemIds: [],
    tags: [],
    flags: [],
    ...overrides,
  };
}

/** An item captured on 10 April 2025 plus `n` hours, Kuala Lumpur time. */
export function item(n: number, files: ReportItem['files'], overrides: Partial<ReportItem> = {}): ReportItem {
  const at = new Date(Date.UTC(2025, 3, 10, 6, 0, 0) + n * 3_600_000);
  const local = new Date(at.getTime() + 8 * 3_600_000).toISOString().replace('Z', '+08:00');
  return {
    v: 1,
    id: uuid(n),
    kind: 'screenshot',
    files,
    captured: { utc: at.toISOString(), local, timeZone: 'Asia/Kuala_Lumpur' },
    details: details(),
    history: [],
    createdAt: at.toISOString(),
    updatedAt: at.toISOString(),
    ...overrides,
  };
}

/** One signed `created` entry per item, chained in item order. */
export async function custodyFor(items: readonly ReportItem[]): Promise<CustodyEntry[]> {
  const signer = await testSigner();
  const entries: CustodyEntry[] = [];
  for (const one of items) {
    const fileHashes = one.files.map((file) => file.sha256);
    const entry = await appendEntry(
      entries.at(-1) ?? null,
      { event: 'created', itemId: one.id, fileHashes },
      signer,
      new Date(one.captured.utc),
    );
    entries.push(entry);
  }
  return entries;
}

export async function reportInput(
  items: ReportItem[],
  overrides: Partial<ReportInput> = {},
): Promise<ReportInput> {
  const signer = await testSigner();
  return {
    bundleId: '3f2a9c1e-0b7d-4c5e-9a8f-1234567890ab',
    createdAt: {
      utc: '2025-04-12T02:30:00.000Z',
      local: '2025-04-12T10:30:00.000+08:00',
      timeZone: 'Asia/Kuala_Lumpur',
    },
    app: { name: 'Bukti', version: '0.1.0' },
    signer: { fingerprint: signer.fingerprint },
    case: {
      id: uuid(1000),
      title: 'Messages from a fake account',
      narrative: 'On 9 April a new account began replying to my posts.',
      accounts: [],
    },
    export: { sensitive: 'blur' },
    items,
    custody: await custodyFor(items),
    language: 'both',
    ...overrides,
  };
}

/** Writes `pdf` to a temporary folder and runs `tool` on it; the folder is removed afterwards. */
function withPdf<T>(pdf: Uint8Array, use: (path: string, dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'bukti-report-'));
  try {
    const path = join(dir, 'report.pdf');
    writeFileSync(path, pdf);
    return use(path, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function pdfText(pdf: Uint8Array): string {
  return withPdf(pdf, (path) =>
    execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }),
  );
}

export function pdfInfo(pdf: Uint8Array): Record<string, string> {
  const out = withPdf(pdf, (path) => execFileSync('pdfinfo', ['-isodates', path], { encoding: 'utf8' }));
  return Object.fromEntries(
    out
      .split('\n')
      .filter((line) => line.includes(':'))
      .map((line) => [line.slice(0, line.indexOf(':')).trim(), line.slice(line.indexOf(':') + 1).trim()]),
  );
}

/** `qpdf --check`: exit code 0 and its report (throws with qpdf's output otherwise). */
export function qpdfCheck(pdf: Uint8Array): string {
  return withPdf(pdf, (path) => execFileSync('qpdf', ['--check', path], { encoding: 'utf8' }));
}

/** Page `page` (from 1) rendered by pdftoppm at `dpi` as RGBA pixels. */
export function renderPage(pdf: Uint8Array, page: number, dpi = 60): Rgba {
  return withPdf(pdf, (path, dir) => {
    const prefix = join(dir, 'page');
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      String(dpi),
      '-f',
      String(page),
      '-l',
      String(page),
      '-singlefile',
      path,
      prefix,
    ]);
    const png = PNG.sync.read(readFileSync(`${prefix}.png`));
    return { width: png.width, height: png.height, data: new Uint8Array(png.data) };
  });
}

/** Text without any whitespace, so values wrapped over lines can be searched for. */
export function squash(text: string): string {
  return text.replace(/\s+/g, '');
}

/** Mean and variance of the luminance of the pixels inside `box` (all of `image` by default). */
export function lumaStats(
  image: Rgba,
  box = { x: 0, y: 0, width: image.width, height: image.height },
): { mean: number; variance: number } {
  let sum = 0;
  let sumSquares = 0;
  let count = 0;
  for (let y = box.y; y < box.y + box.height; y++) {
    for (let x = box.x; x < box.x + box.width; x++) {
      const at = (y * image.width + x) * 4;
      const luma =
        0.299 * (image.data[at] as number) +
        0.587 * (image.data[at + 1] as number) +
        0.114 * (image.data[at + 2] as number);
      sum += luma;
      sumSquares += luma * luma;
      count++;
    }
  }
  const mean = sum / count;
  return { mean, variance: sumSquares / count - mean * mean };
}

/** Variance of the luminance inside `box`. */
export function lumaVariance(
  image: Rgba,
  box?: { x: number; y: number; width: number; height: number },
): number {
  return lumaStats(image, box).variance;
}

/** pdftotext's output split into pages (it ends each page with a form feed). */
export function pageTexts(pdf: Uint8Array): string[] {
  return pdfText(pdf).split('\f').slice(0, -1);
}

/** The number (from 1) of the first page whose text includes `needle`, or 0. */
export function pageWith(pages: readonly string[], needle: string): number {
  return pages.findIndex((page) => page.includes(needle)) + 1;
}

/** One page's text as `pdftotext -layout` keeps it: table rows stay on one line. */
export function layoutText(pdf: Uint8Array, page: number): string {
  return withPdf(pdf, (path) =>
    execFileSync(
      'pdftotext',
      ['-layout', '-enc', 'UTF-8', '-f', String(page), '-l', String(page), path, '-'],
      {
        encoding: 'utf8',
      },
    ),
  );
}

/**
 * `npm run demo`: builds a sealed bundle for a fictional case, with its police-report PDF, so anyone can
 * see what a survivor hands over. The key is made fresh for each run and thrown away. Prints the
 * bundle's path as its last line. `npm run demo -- --images` also renders report pages for the README
 * into docs/images/ (needs pdftoppm and pdftotext from poppler-utils).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type FileSource, planBundle, sealBundle } from '../src/core/bundle';
import { loadSodium } from '../src/core/crypto/sodium';
import { appendEntry, type CustodySigner } from '../src/core/custody/entry';
import { savedFileName } from '../src/core/files/saved-name';
import { buildReport } from '../src/core/report/build';
import { demoCase } from './report-node/demo-case';
import { nodeReportDeps } from './report-node/deps';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT_DIR = join(ROOT, '.tmp', 'demo');
const IMAGES_DIR = join(ROOT, 'docs', 'images');

async function demoSigner(): Promise<CustodySigner & { sign(bytes: Uint8Array): Promise<Uint8Array> }> {
  const sodium = await loadSodium();
  const keys = sodium.crypto_sign_keypair();
  return {
    publicKey: keys.publicKey,
    sign: async (bytes) => sodium.crypto_sign_detached(bytes, keys.privateKey),
  };
}

function once(bytes: Uint8Array): FileSource {
  return async function* () {
    yield bytes;
  };
}

/** Renders the cover, the evidence index and the first blurred image page to docs/images/. */
function renderReadmeImages(pdf: Uint8Array): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'bukti-demo-'));
  try {
    const path = join(dir, 'report.pdf');
    writeFileSync(path, pdf);
    const pages = execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }).split('\f');
    const find = (needle: string) => pages.findIndex((page, index) => index > 0 && page.includes(needle)) + 1;
    const wanted: [string, number][] = [
      ['report-cover', 1],
      ['report-index', find('Evidence index / Indeks bukti')],
      ['report-item-blurred', find('Sensitive image — blurred in this report')],
    ];
    mkdirSync(IMAGES_DIR, { recursive: true });
    return wanted.map(([name, page]) => {
      const prefix = join(IMAGES_DIR, name);
      execFileSync('pdftoppm', [
        '-png',
        '-r',
        '60',
        '-f',
        String(page),
        '-l',
        String(page),
        '-singlefile',
        path,
        prefix,
      ]);
      return `${prefix}.png`;
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const signer = await demoSigner();
  const demo = await demoCase(signer);
  const plan = await planBundle(
    {
      case: demo.case,
      items: demo.items,
      options: {
        sensitive: 'blur',
        recipientNote: 'Demo bundle made by Bukti for a fictional case.',
        allItems: true,
      },
      custodyLog: demo.custody,
      app: { name: 'Bukti', version: '0.1.0 (demo)' },
      timeZone: 'Asia/Kuala_Lumpur',
    },
    signer.publicKey,
  );
  const byPath = new Map(
    plan.files.map((planned) => [planned.path, demo.bytes.get(planned.file.id) as Uint8Array]),
  );
  const pdf = await buildReport(
    { ...plan.manifest, custody: plan.custodyRecords, language: 'both' },
    await nodeReportDeps(byPath),
  );
  const sources = new Map(
    plan.files.map((planned) => [planned.file.id, once(demo.bytes.get(planned.file.id) as Uint8Array)]),
  );
  const { stream, done } = sealBundle(
    plan,
    {
      files: sources,
      report: once(pdf),
      recordExport: (fields) => appendEntry(demo.custody.at(-1) ?? null, fields, signer),
    },
    { signer },
  );
  const chunks: Uint8Array[] = [];
  const reader = stream.getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read()) chunks.push(next.value);
  const result = await done;
  mkdirSync(OUT_DIR, { recursive: true });
  const path = join(OUT_DIR, savedFileName('bundle', { date: new Date(), id: result.bundleId }));
  writeFileSync(path, Buffer.concat(chunks));
  if (process.argv.includes('--images')) {
    for (const image of renderReadmeImages(pdf)) console.log(`Rendered ${image}`);
  }
  console.log(
    `Report: ${pdf.length.toLocaleString('en-US')} bytes, ${demo.items.length} items. Bundle SHA-256: ${result.zipSha256}`,
  );
  console.log(`Key fingerprint (demo key, discarded): ${result.manifest.signer.fingerprint}`);
  console.log(path);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

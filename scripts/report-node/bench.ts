/**
 * Measures the report for many items with images in Node: `npx tsx scripts/report-node/bench.ts [items]`
 * (default 500). Each item has a phone screenshot (1080 × 2340 PNG, decoded, downscaled and re-encoded
 * for every item, as a real export would); every fifth is sensitive and blurred. Prints one JSON line.
 */
import { loadSodium } from '../../src/core/crypto/sodium';
import { appendEntry, type CustodyEntry } from '../../src/core/custody/entry';
import { buildReport } from '../../src/core/report/build';
import type { ReportFile, ReportInput, ReportItem } from '../../src/core/report/types';
import { nodeReportDeps } from './deps';
import { encodePng, fakeScreenshot } from './draw';

const COUNT = Number(process.argv[2] ?? 500);
/** Distinct screenshots; items reuse them, since decoding is redone for each item anyway. */
const VARIANTS = 8;

async function main(): Promise<void> {
  const sodium = await loadSodium();
  const keys = sodium.crypto_sign_keypair();
  const signer = {
    publicKey: keys.publicKey,
    sign: (bytes: Uint8Array) => sodium.crypto_sign_detached(bytes, keys.privateKey),
  };
  const shots = Array.from({ length: VARIANTS }, (_, i) =>
    encodePng(fakeScreenshot(1080, 2340, [40 + i * 25, 120, 200 - i * 20], 10 + i)),
  );
  const files = new Map<string, Uint8Array>();
  const items: ReportItem[] = [];
  const custody: CustodyEntry[] = [];
  for (let n = 0; n < COUNT; n++) {
    const bytes = shots[n % VARIANTS] as Uint8Array;
    const path = `evidence/${String(n + 1).padStart(3, '0')}-screenshot.png`;
    files.set(path, bytes);
    const file: ReportFile = {
      id: crypto.randomUUID(),
      path,
      sha256: sodium.to_hex(sodium.crypto_hash_sha256(bytes)),
      size: bytes.length,
      mime: 'image/png',
      originalName: `Screenshot_${n}.png`,
      facts: { hasGps: false, width: 1080, height: 2340 },
    };
    const time = new Date(Date.UTC(2025, 0, 1) + n * 3_600_000);
    const item: ReportItem = {
      v: 1,
      id: crypto.randomUUID(),
      kind: 'screenshot',
      files: [file],
      captured: {
        utc: time.toISOString(),
        local: time.toISOString().replace('Z', '+00:00'),
        timeZone: 'UTC',
      },
      details: {
        platform: 'x',
        contentUrl: `https://x.com/some_account_${n}/status/${1_900_000_000_000_000_000 + n}`,
        account: { handle: `@some_account_${n}`, displayName: 'Some Account' },
        description: `Reply number ${n} with threats and my school name, posted under my photo.`,
        category: n % 5 === 0 ? 'deepfake' : 'harassment',
        sensitive: n % 5 === 0,
        relatedItemIds: [],
        tags: [],
        flags: [],
      },
      history: [],
      createdAt: time.toISOString(),
      updatedAt: time.toISOString(),
    };
    items.push(item);
    const entry = await appendEntry(
      custody.at(-1) ?? null,
      { event: 'created', itemId: item.id, fileHashes: [file.sha256] },
      signer,
      time,
    );
    custody.push(entry);
  }
  const input: ReportInput = {
    bundleId: crypto.randomUUID(),
    createdAt: {
      utc: '2025-06-01T00:00:00.000Z',
      local: '2025-06-01T08:00:00.000+08:00',
      timeZone: 'Asia/Kuala_Lumpur',
    },
    app: { name: 'Bukti', version: 'bench' },
    signer: { fingerprint: sodium.to_hex(sodium.crypto_hash_sha256(keys.publicKey)) },
    case: {
      id: crypto.randomUUID(),
      title: 'Benchmark case',
      narrative: 'Statement. '.repeat(500),
      accounts: [],
    },
    export: { sensitive: 'blur' },
    items,
    custody,
  };
  const deps = await nodeReportDeps(files);
  let prepareMs = 0;
  const timedDeps = {
    ...deps,
    images: {
      prepare: async (...args: Parameters<typeof deps.images.prepare>) => {
        const started = performance.now();
        const result = await deps.images.prepare(...args);
        prepareMs += performance.now() - started;
        return result;
      },
    },
  };
  const started = performance.now();
  const pdf = await buildReport(input, timedDeps);
  const seconds = (performance.now() - started) / 1000;
  console.log(
    JSON.stringify({
      items: COUNT,
      pdfMiB: Number((pdf.length / 2 ** 20).toFixed(1)),
      seconds: Number(seconds.toFixed(1)),
      imageSeconds: Number((prepareMs / 1000).toFixed(1)),
      peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
      node: process.version,
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

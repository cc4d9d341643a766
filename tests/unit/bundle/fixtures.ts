import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ExportOptions, type PlanInput, planBundle } from '../../../src/core/bundle/plan';
import {
  type BundleSigner,
  type FileSource,
  type SealResult,
  sealBundle,
} from '../../../src/core/bundle/seal';
import { loadSodium } from '../../../src/core/crypto/sodium';
import { appendEntry, type CustodyEntry, type EntryFields } from '../../../src/core/custody/entry';
import type { Case, EvidenceFile, EvidenceItem } from '../../../src/core/evidence/model';
import { newId } from '../../../src/core/evidence/model';

/** A real Ed25519 key pair from libsodium, as the vault would hold it. */
export async function makeSigner(): Promise<BundleSigner> {
  const sodium = await loadSodium();
  const pair = sodium.crypto_sign_keypair();
  return {
    publicKey: pair.publicKey,
    sign: async (bytes) => sodium.crypto_sign_detached(bytes, pair.privateKey),
  };
}

/** Deterministic bytes that look nothing alike from one seed to the next. */
export function pseudoRandomBytes(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  let state = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    out[i] = state & 255;
  }
  return out;
}

/** Serves `bytes` in uneven chunks, like a vault decrypting chunk by chunk. */
export function chunked(bytes: Uint8Array, size = 7000): FileSource {
  return async function* () {
    for (let at = 0; at < bytes.length; at += size) yield bytes.slice(at, at + size);
  };
}

const CREATED = '2025-04-10T06:03:22.123Z';

function fileRecord(name: string, mimeType: string, bytes: Uint8Array, sha256: string): EvidenceFile {
  return { id: newId(), sha256, size: bytes.length, mimeType, originalName: name, facts: { hasGps: false } };
}

/** An evidence item of the fictional case, holding `files`. */
export function sampleItem(
  caseId: string,
  files: EvidenceFile[],
  sensitive: boolean,
  extra: Partial<EvidenceItem> = {},
): EvidenceItem {
  return {
    v: 1,
    id: newId(),
    caseId,
    kind: files.length > 0 ? 'screenshot' : 'messageText',
    files,
    captured: { utc: CREATED, local: '2025-04-10T14:03:22.123+08:00', timeZone: 'Asia/Kuala_Lumpur' },
    details: {
      contentUrl: 'https://x.com/someone/status/1234567890',
      platform: 'x',
      account: { handle: '@someone' },
      postedTime: { asShown: 'Yesterday at 21:14' },
      description: 'Posted an edited picture of me with my name.',
      category: sensitive ? 'deepfake' : 'harassment',
      sensitive,
      relatedItemIds: [],
      tags: [],
      flags: [],
    },
    history: [],
    createdAt: CREATED,
    updatedAt: CREATED,
    ...extra,
  };
}

export interface Sample {
  zip: Uint8Array;
  result: SealResult;
  signer: BundleSigner;
  input: PlanInput;
  /** Original bytes by file id. */
  bytes: Map<string, Uint8Array>;
  report: Uint8Array;
}

/**
 * A fictional case with three items (one sensitive, one message text), five files (one empty), and a
 * custody log that also holds another case's entry, sealed into a real bundle.
 */
export async function sampleInput(signer: BundleSigner, options: Partial<ExportOptions> = {}) {
  const sodium = await loadSodium();
  const caseId = newId();
  const bytes = new Map<string, Uint8Array>();
  const file = (name: string, mime: string, content: Uint8Array) => {
    const record = fileRecord(name, mime, content, sodium.to_hex(sodium.crypto_hash_sha256(content)));
    bytes.set(record.id, content);
    return record;
  };
  const items = [
    sampleItem(
      caseId,
      [file('Screenshot 2025-04-10 at 14.03.png', 'image/png', pseudoRandomBytes(40_000, 1))],
      false,
    ),
    sampleItem(
      caseId,
      [
        file('IMG_0001.JPG', 'image/jpeg', pseudoRandomBytes(25_000, 2)),
        file('ملف فارغ', 'application/octet-stream', new Uint8Array(0)),
      ],
      true,
    ),
    sampleItem(caseId, [], false, { text: 'Send money or everyone sees it', textSha256: '0'.repeat(64) }),
    sampleItem(
      caseId,
      [
        file('clip.mp4', 'video/mp4', pseudoRandomBytes(60_000, 3)),
        file('notes.txt', 'text/plain', pseudoRandomBytes(900, 4)),
      ],
      false,
    ),
  ];
  const kase: Case = {
    v: 1,
    id: caseId,
    title: 'Gambar palsu — Kulai',
    narrative: 'Someone made fake pictures of me and shared them in a Telegram group.',
    accounts: [],
    createdAt: CREATED,
    updatedAt: CREATED,
  };
  const log: CustodyEntry[] = [];
  const append = async (fields: EntryFields) => {
    const entry = await appendEntry(log[log.length - 1] ?? null, fields, signer, new Date(CREATED));
    log.push(entry);
    return entry;
  };
  await append({ event: 'created', caseId });
  await append({ event: 'created', caseId: newId(), itemId: newId(), fileHashes: ['a'.repeat(64)] });
  for (const one of items) {
    await append({ event: 'created', caseId, itemId: one.id, fileHashes: one.files.map((f) => f.sha256) });
  }
  const input: PlanInput = {
    case: kase,
    items,
    options: {
      sensitive: 'include',
      allItems: true,
      recipientNote: 'For the investigating officer',
      ...options,
    },
    custodyLog: [...log],
    app: { name: 'Bukti', version: '0.1.0' },
    now: new Date('2025-04-11T01:30:00.000Z'),
    timeZone: 'Asia/Kuala_Lumpur',
  };
  return { input, bytes, append };
}

/** Reads a whole stream into one array. */
export async function collect(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  const reader = stream.getReader();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    chunks.push(value);
  }
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** Builds, seals and collects the sample bundle. */
export async function sampleBundle(options: Partial<ExportOptions> = {}): Promise<Sample> {
  const signer = await makeSigner();
  const { input, bytes, append } = await sampleInput(signer, options);
  const report = pseudoRandomBytes(12_345, 9);
  const plan = await planBundle(input, signer.publicKey);
  const files = new Map([...bytes].map(([id, content]) => [id, chunked(content)]));
  const { stream, done } = sealBundle(
    plan,
    { files, report: chunked(report), recordExport: append },
    { signer },
  );
  const zip = await collect(stream);
  return { zip, result: await done, signer, input, bytes, report };
}

/** A temporary directory removed by the returned function. */
export function tempDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'bukti-bundle-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Writes `zip` into a new temporary directory and unpacks it there with the system `unzip`. */
export function unzipWithSystemTool(zip: Uint8Array): { dir: string; zipPath: string; remove: () => void } {
  const temp = tempDir();
  const zipPath = join(temp.dir, 'bundle.zip');
  writeFileSync(zipPath, zip);
  const dir = join(temp.dir, 'out');
  execFileSync('unzip', ['-q', zipPath, '-d', dir]);
  return { dir, zipPath, remove: temp.remove };
}

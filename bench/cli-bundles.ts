import { createHash, randomFillSync } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { Writable } from 'node:stream';
import { type FileSource, planBundle, sealBundle } from '../src/core/bundle';
import { loadSodium } from '../src/core/crypto/sodium';
import { appendEntry, type CustodyEntry, type EntryFields } from '../src/core/custody/entry';
import type { Case, EvidenceFile, EvidenceItem } from '../src/core/evidence/model';
import { newId } from '../src/core/evidence/model';
import { makeSigner, sampleItem } from '../tests/unit/bundle/fixtures';

const MiB = 2 ** 20;

/** One original: a shared random body with its own first bytes, so no two files are alike. */
function original(body: Uint8Array, index: number): { record: EvidenceFile; source: FileSource } {
  const head = new Uint8Array(8);
  new DataView(head.buffer).setFloat64(0, index + 0.5);
  const hash = createHash('sha256').update(head).update(body.subarray(8));
  const record: EvidenceFile = {
    id: newId(),
    sha256: hash.digest('hex'),
    size: body.length,
    mimeType: index < 0 ? 'video/mp4' : 'image/png',
    originalName: index < 0 ? `video-${-index}.mp4` : `Screenshot ${index}.png`,
    facts: { hasGps: false },
  };
  const source: FileSource = async function* () {
    yield head;
    for (let at = 8; at < body.length; at += 4 * MiB)
      yield body.subarray(at, Math.min(body.length, at + 4 * MiB));
  };
  return { record, source };
}

/**
 * The export bench's case sealed in Node (490 screenshots of 2.3 MiB, 10 videos of 50 MiB: about 1.6 GiB)
 * and written to `path`, for timing the CLI against unzip and sha256sum on the same big bundle.
 */
export async function writeBenchBundle(
  path: string,
  screenshots = 490,
  videos = 10,
  videoMiB = 50,
): Promise<number> {
  await loadSodium();
  const signer = await makeSigner();
  const caseId = newId();
  const shot = randomFillSync(new Uint8Array(Math.round(2.3 * MiB)));
  const video = randomFillSync(new Uint8Array(videoMiB * MiB));
  const sources = new Map<string, FileSource>();
  const items: EvidenceItem[] = [];
  const add = (body: Uint8Array, index: number) => {
    const { record, source } = original(body, index);
    sources.set(record.id, source);
    items.push(sampleItem(caseId, [record], false));
  };
  for (let i = 0; i < screenshots; i++) add(shot, i);
  for (let i = 1; i <= videos; i++) add(video, -i);
  const log: CustodyEntry[] = [];
  const append = async (fields: EntryFields) => {
    const entry = await appendEntry(log.at(-1) ?? null, fields, signer);
    log.push(entry);
    return entry;
  };
  await append({ event: 'created', caseId });
  for (const one of items)
    await append({ event: 'created', caseId, itemId: one.id, fileHashes: one.files.map((f) => f.sha256) });
  const now = new Date();
  const kase: Case = {
    v: 1,
    id: caseId,
    title: 'Bench case',
    narrative: 'A bench case.',
    accounts: [],
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
  const plan = await planBundle(
    {
      case: kase,
      items,
      options: { sensitive: 'include', allItems: true },
      custodyLog: [...log],
      app: { name: 'Bukti', version: 'bench' },
      now,
      timeZone: 'Asia/Kuala_Lumpur',
    },
    signer.publicKey,
  );
  const report: FileSource = async function* () {
    yield new TextEncoder().encode('%PDF-1.7\n% bench report\n');
  };
  const { stream, done } = sealBundle(plan, { files: sources, report, recordExport: append }, { signer });
  await stream.pipeTo(Writable.toWeb(createWriteStream(path)) as WritableStream<Uint8Array>);
  return (await done).size;
}

import { writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { isIncluded } from '../../src/core/bundle/manifest';
import { planBundle } from '../../src/core/bundle/plan';
import { sealBundle } from '../../src/core/bundle/seal';
import {
  chunked,
  makeSigner,
  pseudoRandomBytes,
  type Sample,
  sampleBundle,
  sampleInput,
} from '../unit/bundle/fixtures';
import { flipInEntry } from '../unit/bundle/verify-helpers';
import { craftZip, unpack } from '../unit/bundle/zip-craft';

/** Size of the report in the large bundle: its check takes seconds in Chromium, so Cancel can be timed. */
export const LARGE_REPORT_BYTES = 256 * 2 ** 20;

/** An entry name that is markup, reverses its own direction and is far too long for a phone screen. */
export const HOSTILE_NAME = `evidence/<img src=x onerror="document.title='pwned'">\u202Egpj.exe${'a'.repeat(300)}`;

/** The files the verify screen is given, written to a temporary folder. */
export interface TestBundles {
  sample: Sample;
  /** The first original of the sample, the one whose byte is flipped in `tampered`. */
  tamperedFile: string;
  paths: { intact: string; tampered: string; hostile: string; notZip: string; large: string };
}

/**
 * The sample case sealed with a large report, streamed to `path` without holding it in memory: long
 * enough to tell a verifier that stops at its next chunk from one that runs on to the bridge's fallback.
 */
async function writeLargeBundle(path: string): Promise<void> {
  const signer = await makeSigner();
  const { input, bytes, append } = await sampleInput(signer);
  const plan = await planBundle(input, signer.publicKey);
  const files = new Map([...bytes].map(([id, content]) => [id, chunked(content)]));
  const report = async function* () {
    for (let at = 0; at < LARGE_REPORT_BYTES; at += 2 ** 20) yield pseudoRandomBytes(2 ** 20, at + 1);
  };
  const { stream, done } = sealBundle(plan, { files, report, recordExport: append }, { signer });
  const file = await open(path, 'w');
  try {
    const reader = stream.getReader();
    for (let next = await reader.read(); !next.done; next = await reader.read()) await file.write(next.value);
  } finally {
    await file.close();
  }
  await done;
}

/** Seals real bundles (intact, one byte flipped, a hostile extra entry, large) and a file that is no ZIP. */
export async function writeTestBundles(dir: string): Promise<TestBundles> {
  const sample = await sampleBundle();
  const write = (name: string, bytes: Uint8Array | string) => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    return path;
  };
  const tamperedFile = sample.result.manifest.items.flatMap((item) => item.files).filter(isIncluded)[0]?.path;
  if (!tamperedFile) throw new Error('the sample bundle has no original file');
  const entries = await unpack(sample.zip);
  // Added before SHA256SUMS, where a careless tool appending a file would put it.
  entries.splice(-4, 0, { name: HOSTILE_NAME, data: new TextEncoder().encode('added later') });
  const large = join(dir, 'bukti-large.zip');
  await writeLargeBundle(large);
  return {
    sample,
    tamperedFile,
    paths: {
      intact: write('bukti-sample.zip', sample.zip),
      tampered: write('bukti-tampered.zip', await flipInEntry(sample.zip, tamperedFile)),
      hostile: write('bukti-hostile.zip', craftZip(entries)),
      notZip: write('notes.txt', 'Meeting notes, not a bundle.\n'),
      large,
    },
  };
}

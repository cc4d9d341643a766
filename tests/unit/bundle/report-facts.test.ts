import { beforeAll, describe, expect, it } from 'vitest';
import type { BundleManifest } from '../../../src/core/bundle/manifest';
import { reportKeywords } from '../../../src/core/bundle/report-facts';
import { checkReportFacts } from '../../../src/core/bundle/verify-container';
import type { EntryContent } from '../../../src/core/bundle/verify-read';
import type { VerifyProblem } from '../../../src/core/bundle/verify-report';
import { buildReport } from '../../../src/core/report/build';
import type { ZipEntry } from '../../../src/core/zip/central';
import { bytesSource } from '../../../src/core/zip/source';
import { sampleCase } from '../report/sample';

let pdf: Uint8Array;
let bundleId: string;
let fingerprint: string;

beforeAll(async () => {
  const sample = await sampleCase();
  pdf = await buildReport(sample.input, await sample.deps());
  bundleId = sample.input.bundleId;
  fingerprint = sample.input.signer.fingerprint;
}, 120_000);

const readOf = (bytes: Uint8Array) => async (offset: number, length: number) =>
  bytes.subarray(offset, offset + length);

/** Checks `pdf` as the report.pdf of a bundle with `id` signed by `key`. */
async function problemsFor(id: string, key: string): Promise<string[]> {
  const entry = { method: 0, readable: true, dataOffset: 0, size: pdf.length } as ZipEntry;
  const problems: VerifyProblem[] = [];
  const manifest = { bundleId: id } as BundleManifest;
  await checkReportFacts(bytesSource(pdf), { entry } as EntryContent, manifest, key, problems);
  return problems.map((problem) => problem.code);
}

describe("report.pdf's own bundle id and key", () => {
  it('are read from the Info dictionary inside the object streams the app writes', async () => {
    const keywords = await reportKeywords(readOf(pdf), pdf.length);
    expect(keywords?.split(' ')).toEqual(['Bukti', bundleId, fingerprint]);
  });

  it('must be the bundle id of the manifest and the key that signed', async () => {
    expect(await problemsFor(bundleId, fingerprint)).toEqual([]);
    expect(await problemsFor('3f2b8c1e-0000-4000-8000-000000000000', fingerprint)).toEqual([
      'bundle.verify.reportBundleId',
    ]);
    expect(await problemsFor(bundleId, 'ab'.repeat(32))).toEqual(['bundle.verify.reportKey']);
  });

  it('are not compared, and nothing breaks, when the PDF is not in the form the app writes', async () => {
    for (const other of [
      new TextEncoder().encode('%PDF-1.7\nnot a report\n%%EOF\n'),
      pdf.subarray(0, 5000),
    ]) {
      expect(await reportKeywords(readOf(other), other.length)).toBeUndefined();
    }
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { verifyText } from '../../../src/core/bundle/verify-text';
import { isBuktiError } from '../../../src/core/errors';
import { buildReport } from '../../../src/core/report/build';
import { VERIFY_COMMANDS } from '../../../src/core/report/sections/verify';
import type { ReportFile, ReportInput } from '../../../src/core/report/types';
import { layoutText, pageTexts, pageWith, pdfInfo, pdfText, qpdfCheck, squash } from './fixtures';
import { LONG_URL, sampleCase } from './sample';

let input: ReportInput;
let pdf: Uint8Array;
let pages: string[];

beforeAll(async () => {
  const sample = await sampleCase();
  input = sample.input;
  pdf = await buildReport(input, await sample.deps());
  pages = pageTexts(pdf);
});

/** The page of a section or item heading, looking past the contents list on page 1. */
const headingPage = (heading: string) => pageWith(pages.slice(1), heading) + 1;

describe('the report PDF', () => {
  it('passes qpdf --check and carries A4 pages, title, subject, dates and producer', () => {
    expect(qpdfCheck(pdf)).toContain('No syntax or stream encoding errors');
    const info = pdfInfo(pdf);
    expect(info.Title).toBe('Evidence Report / Laporan Bukti — Edited photos shared in a school group');
    expect(info.Subject).toContain(input.bundleId);
    expect(info.Producer).toBe('Bukti 0.1.0 (report format 1, pdf-lib)');
    expect(info.CreationDate).toBe('2025-04-12T02:30:00Z');
    expect(info['Page size']).toContain('A4');
  });

  it('holds every URL, every full SHA-256, the bundle id and the fingerprint as text', () => {
    const text = squash(pdfText(pdf));
    for (const item of input.items) {
      if (item.details.contentUrl) expect(text).toContain(squash(item.details.contentUrl));
      for (const file of item.files) expect(text).toContain(file.sha256);
      if (item.textSha256) expect(text).toContain(item.textSha256);
    }
    expect(text).toContain(squash(LONG_URL));
    expect(text).toContain('https://www.facebook.com/profile.php?id=100089999999999');
    expect(text).toContain(input.bundleId);
    expect(text).toContain(input.signer.fingerprint);
    expect(text).toContain('Youhave24hours.Payoreveryoneseesit.');
  });

  it('numbers every page "x of y" with the page count pdfinfo reports', () => {
    const count = Number(pdfInfo(pdf).Pages);
    expect(pages).toHaveLength(count);
    pages.forEach((page, index) => {
      expect(page).toContain(`Bundle / Berkas ${input.bundleId} · Page ${index + 1} of ${count}`);
      expect(page).toContain('Key / Kunci fe81 2c12 f3ab 4ce6');
    });
    // Cover, statement and accounts, index, one page or more per item, custody, verification, declaration.
    expect(count).toBeGreaterThanOrEqual(3 + input.items.length + 3);
  });

  it('points the contents list at the pages where the sections start', () => {
    const listed = pages[0]
      ?.split('\n')
      .filter((line) => /^\d+$/.test(line.trim()))
      .map(Number);
    const expected = [
      'Statement of events / Pernyataan kejadian',
      'Accounts involved / Akaun yang terlibat',
      'Evidence index / Indeks bukti',
      'Item 1 of 5 / Item 1 daripada 5',
      'Custody log / Log jagaan',
      'Integrity and verification / Integriti dan pengesahan',
      'Declaration / Akuan',
    ].map(headingPage);
    expect(expected.every((page) => page > 1)).toBe(true);
    expect(listed).toEqual(expected);
  });

  it('lists the items in the index chronologically, each with the page it is shown on', () => {
    const indexPage = headingPage('Evidence index / Indeks bukti');
    const rows = layoutText(pdf, indexPage)
      .split('\n')
      .map((line) => /^(\d+)\s.*\s(\d+)$/.exec(line))
      .filter((match) => match !== null)
      .map((match) => [Number(match[1]), Number(match[2])]);
    expect(rows.map(([number]) => number)).toEqual([1, 2, 3, 4, 5]);
    for (const [number, page] of rows) {
      expect(pages[(page as number) - 1]).toContain(`Item ${number} of 5 / Item ${number} daripada 5`);
    }
    // Listed last in the bundle, but posted on 9 April, before every capture on 10 April: number 1.
    const first = rows[0]?.[1] as number;
    expect(pages.slice(first - 1, first + 1).join('\n')).toContain('Yesterday at 21:14');
  });

  it('gives each item every detail and its custody history', () => {
    const page = headingPage('Item 1 of 5 / Item 1 daripada 5');
    const text = pages.slice(page - 1, page + 2).join('\n');
    for (const expected of [
      'kulai.anon.2025',
      'Anon Kulai',
      'FB-REPORT-77812 (10 Apr 2025)',
      'first post',
      'Item 3',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).toContain('Custody history / Sejarah jagaan');
    expect(text).toContain('Captured / Dirakam');
  });

  it('repeats the verification commands of VERIFY.txt word for word', () => {
    const verifyFile = verifyText({
      bundleId: 'b',
      createdUtc: 'u',
      createdLocal: 'l',
      fingerprint: '0'.repeat(64),
    });
    const text = squash(pdfText(pdf));
    for (const command of [
      VERIFY_COMMANDS.sums,
      VERIFY_COMMANDS.signature,
      VERIFY_COMMANDS.fingerprint,
      VERIFY_COMMANDS.cli,
    ]) {
      expect(verifyFile).toContain(command);
      expect(text).toContain(squash(command));
    }
    expect(text).toContain(
      squash('It cannot show what was on the screen, or what happened, before a capture was made'),
    );
    expect(text).toContain(squash('Template — seek legal advice before relying on it.'));
    expect(text).toContain('018-9888058');
  });

  it('is the same bytes every time for the same bundle', async () => {
    const again = await buildReport(input, await (await sampleCase()).deps());
    expect(Buffer.from(again).equals(Buffer.from(pdf))).toBe(true);
  });
});

describe('report options', () => {
  it('uses only the chosen language for its own words', async () => {
    const sample = await sampleCase();
    const english = pdfText(await buildReport({ ...sample.input, language: 'en' }, await sample.deps()));
    const malay = pdfText(await buildReport({ ...sample.input, language: 'ms' }, await sample.deps()));
    expect(english).toContain('Statement of events');
    expect(english).not.toContain('Pernyataan kejadian');
    expect(malay).toContain('Pernyataan kejadian');
    expect(malay).not.toContain('Statement of events');
    expect(malay).toContain('Halaman 1 daripada');
  });

  it('prints the SHA-256 of SHA256SUMS when a reprint knows it, and a blank to fill in otherwise', async () => {
    const sums = 'ab'.repeat(32);
    const sample = await sampleCase({ sumsSha256: sums });
    const text = squash(pdfText(await buildReport(sample.input, await sample.deps())));
    expect(text).toContain(sums);
    expect(squash(pdfText(pdf))).toContain('sha256sumSHA256SUMS');
    expect(squash(pdfText(pdf))).not.toContain(sums);
  });

  it('stops with report.cancelled when aborted, before or during the build', async () => {
    const sample = await sampleCase();
    const before = new AbortController();
    before.abort();
    await expect(buildReport(sample.input, await sample.deps({ signal: before.signal }))).rejects.toSatisfy(
      (error) => isBuktiError(error, 'report.cancelled'),
    );
    const during = new AbortController();
    const seen: number[] = [];
    const deps = await sample.deps({
      signal: during.signal,
      onProgress: (done) => {
        seen.push(done);
        if (done === 2) during.abort();
      },
    });
    await expect(buildReport(sample.input, deps)).rejects.toSatisfy((error) =>
      isBuktiError(error, 'report.cancelled'),
    );
    expect(seen).toEqual([1, 2]);
  });

  it('fails with report.fontsUnreadable when a font is not a font', async () => {
    const sample = await sampleCase();
    const deps = await sample.deps();
    const broken = { ...deps, fonts: { ...deps.fonts, bold: new Uint8Array(1000).fill(1) } };
    await expect(buildReport(sample.input, broken)).rejects.toSatisfy((error) =>
      isBuktiError(error, 'report.fontsUnreadable'),
    );
  });

  it('builds a report for a case with no items, no statement and no accounts', async () => {
    const sample = await sampleCase();
    const empty = {
      ...sample.input,
      items: [],
      custody: [],
      case: { ...sample.input.case, narrative: '', accounts: [] },
    };
    const out = await buildReport(empty, await sample.deps());
    expect(qpdfCheck(out)).toContain('No syntax or stream encoding errors');
    const text = pdfText(out);
    expect(text).toContain('No statement was written for this case.');
    expect(text).toContain('0 items, 0 files');
  });

  it('describes audio and documents and points at their files in the bundle', async () => {
    const sample = await sampleCase();
    const video = sample.input.items.find((item) => item.kind === 'video');
    const audio: ReportFile = {
      ...(video?.files[0] as ReportFile),
      path: 'evidence/003-voice.m4a',
      mime: 'audio/mp4',
    };
    const items = sample.input.items.map((item) =>
      item === video ? { ...item, kind: 'audio' as const, files: [audio] } : item,
    );
    const text = squash(pdfText(await buildReport({ ...sample.input, items }, await sample.deps())));
    expect(text).toContain(
      squash(
        'Audio recording, duration 1:05 (65.2 s). Play the original file from the bundle: evidence/003-voice.m4a',
      ),
    );
    expect(text).toContain(
      squash(
        'File of type application/pdf, 30 bytes. Open the original file from the bundle: evidence/004-letter.pdf',
      ),
    );
  });
});

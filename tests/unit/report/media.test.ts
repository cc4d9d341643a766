import { beforeAll, describe, expect, it } from 'vitest';
import { nodeReportDeps } from '../../../scripts/report-node/deps';
import { checkerboard, encodePng } from '../../../scripts/report-node/draw';
import type { Rgba } from '../../../scripts/report-node/pixels';
import { buildReport } from '../../../src/core/report/build';
import type { ReportInput, ReportItem } from '../../../src/core/report/types';
import {
  lumaStats,
  lumaVariance,
  pageTexts,
  pageWith,
  pdfText,
  qpdfCheck,
  renderPage,
  squash,
} from './fixtures';
import { sampleCase } from './sample';

type Sample = Awaited<ReturnType<typeof sampleCase>>;
let sample: Sample;

beforeAll(async () => {
  sample = await sampleCase();
});

const withPolicy = (policy: ReportInput['export']['sensitive']): ReportInput => ({
  ...sample.input,
  export: { ...sample.input.export, sensitive: policy },
});

/** Bounding box of the checkerboard's pure yellow and pure blue pixels on a rendered page. */
function checkerboardBox(page: Rgba): { x: number; y: number; width: number; height: number } {
  let [left, top, right, bottom] = [page.width, page.height, -1, -1];
  for (let y = 0; y < page.height; y++) {
    for (let x = 0; x < page.width; x++) {
      const [r, g, b] = page.data.subarray(
        (y * page.width + x) * 4,
        (y * page.width + x) * 4 + 3,
      ) as unknown as number[];
      const yellow = (r as number) > 200 && (g as number) > 200 && (b as number) < 60;
      const blue = (r as number) < 60 && (g as number) < 60 && (b as number) > 200;
      if (yellow || blue) {
        [left, top, right, bottom] = [
          Math.min(left, x),
          Math.min(top, y),
          Math.max(right, x),
          Math.max(bottom, y),
        ];
      }
    }
  }
  // A few pixels in from the edge, clear of the frame's anti-aliasing.
  return {
    x: left + 3,
    y: top + 3,
    width: Math.max(0, right - left - 6),
    height: Math.max(0, bottom - top - 6),
  };
}

const sensitivePage = (pdf: Uint8Array) =>
  pageWith(pageTexts(pdf).slice(1), 'Item 2 of 5 / Item 2 daripada 5') + 1;

describe('images in the report', () => {
  it('blurs a sensitive image so strongly that a checkerboard becomes flat', async () => {
    const shown = await buildReport(withPolicy('include'), await sample.deps());
    const hidden = await buildReport(withPolicy('blur'), await sample.deps());
    const page = sensitivePage(shown);
    expect(sensitivePage(hidden)).toBe(page);
    const sharp = renderPage(shown, page);
    const soft = renderPage(hidden, page);
    const box = checkerboardBox(sharp);
    expect(box.width * box.height).toBeGreaterThan(20_000);
    expect(checkerboardBox(soft).width).toBe(0);
    const sharpVariance = lumaVariance(sharp, box);
    expect(sharpVariance).toBeGreaterThan(2000);
    const blurred = lumaStats(soft, box);
    expect(blurred.variance).toBeLessThan(sharpVariance * 0.03);
    // Flat, but there: the average of yellow and blue, not an empty white page.
    expect(blurred.mean).toBeGreaterThan(90);
    expect(blurred.mean).toBeLessThan(165);
    expect(pdfText(hidden)).toContain(
      'Sensitive image — blurred in this report; original: evidence/002-photo.png',
    );
    expect(pdfText(shown)).toContain('Sensitive image — shown unblurred, as chosen at export');
  });

  it('withholds a sensitive file left out of the bundle, giving only its hash', async () => {
    const items = sample.input.items.map(
      (item): ReportItem =>
        item.details.sensitive
          ? { ...item, files: item.files.map((file) => ({ omitted: true, sha256: file.sha256 })) }
          : item,
    );
    const pdf = await buildReport({ ...withPolicy('omit'), items }, await sample.deps());
    const text = pdfText(pdf);
    const sha = sample.input.items.find((item) => item.details.sensitive)?.files[0]?.sha256 as string;
    expect(squash(text)).toContain(squash('Sensitive file — withheld from this report and from the bundle'));
    expect(squash(text)).toContain(sha);
    expect(text).toContain('Files withheld');
    expect(checkerboardBox(renderPage(pdf, sensitivePage(pdf))).width).toBe(0);
  });

  it('shows a corrupt image as "could not be rendered" with its hash, and goes on', async () => {
    const files = new Map(sample.files);
    files.set('evidence/001-reply.png', new Uint8Array(3000).fill(0x42));
    const pdf = await buildReport(sample.input, await nodeReportDeps(files));
    expect(qpdfCheck(pdf)).toContain('No syntax or stream encoding errors');
    const text = squash(pdfText(pdf));
    const sha = sample.input.items.find((item) => item.details.platform === 'facebook')?.files[0]
      ?.sha256 as string;
    expect(text).toContain(
      squash(
        'This image could not be rendered in this report. The original file is in the bundle, unchanged: evidence/001-reply.png',
      ),
    );
    expect(text).toContain(`SHA-256:${sha}`);
    // The next image still made it into the report.
    expect(text).toContain(
      squash('Sensitive image — blurred in this report; original: evidence/002-photo.png'),
    );
  });

  it('treats an unreadable file or a broken preparer the same way', async () => {
    const failing = await buildReport(
      sample.input,
      await sample.deps({ readFile: async () => Promise.reject(new Error('gone')) }),
    );
    expect(pdfText(failing).match(/could not be rendered/g)).toHaveLength(2);
    const garbage = await buildReport(
      sample.input,
      await sample.deps({
        images: { prepare: async () => ({ jpeg: new Uint8Array([1, 2, 3]), width: 10, height: 10 }) },
      }),
    );
    expect(pdfText(garbage).match(/could not be rendered/g)).toHaveLength(2);
  });

  it('shows a poster frame for a video, blurred when the video is sensitive', async () => {
    const poster = {
      bytes: encodePng(checkerboard(320, 180, 20, [255, 255, 0], [0, 0, 255])),
      mime: 'image/png',
    };
    const readPoster = async () => poster;
    const plain = pdfText(await buildReport(sample.input, await sample.deps({ readPoster })));
    expect(plain).toContain('A still frame from the video, for this report only.');
    const items = sample.input.items.map((item) =>
      item.kind === 'video' ? { ...item, details: { ...item.details, sensitive: true } } : item,
    );
    const blurred = pdfText(await buildReport({ ...sample.input, items }, await sample.deps({ readPoster })));
    expect(blurred).toContain('A still frame from the video, blurred in this report.');
    expect(blurred).toContain('Video, duration 1:05 (65.2 s)');
  });
});

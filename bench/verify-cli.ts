import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { type BenchResult, mbPerSecond, median } from './measure';

function timed(command: string, args: string[], options: { cwd?: string } = {}): number {
  const started = performance.now();
  const result = spawnSync(command, args, { encoding: 'utf8', ...options });
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr || result.stdout}`);
  return performance.now() - started;
}

/**
 * Saves the bundle the export scenario left in the page, then times `bukti verify` against what a lab
 * would run without Bukti: `unzip` then `sha256sum -c SHA256SUMS`, in the same run.
 */
export async function verifyExported(page: Page): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'bukti-bench-'));
  try {
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 600_000 }),
      page.evaluate(() => {
        const blob = (window as unknown as { bukti_bench_export: Blob }).bukti_bench_export;
        const link = document.createElement('a');
        link.href = URL.createObjectURL(blob);
        link.download = 'bench-bundle.zip';
        link.click();
      }),
    ]);
    const zip = join(dir, 'bench-bundle.zip');
    await download.saveAs(zip);
    const size = statSync(zip).size;
    const cli: number[] = [];
    const standard: number[] = [];
    for (let run = 0; run < 2; run++) {
      cli.push(timed('node', ['bin/bukti.mjs', 'verify', zip]));
      const out = join(dir, `unzipped-${run}`);
      standard.push(
        timed('unzip', ['-q', zip, '-d', out]) +
          timed('sha256sum', ['-c', '--quiet', 'SHA256SUMS'], { cwd: out }),
      );
      rmSync(out, { recursive: true, force: true });
    }
    const cliMs = median(cli);
    const standardMs = median(standard);
    return [
      {
        scenario: 'cli: bukti verify of the exported bundle',
        bytes: size,
        median_ms: cliMs,
        mb_per_s: mbPerSecond(size, cliMs),
        peak_memory_bytes: null,
        extra: { ratio_to_unzip_plus_sha256sum: cliMs / standardMs },
      },
      {
        scenario: 'system: unzip + sha256sum -c of the same bundle',
        bytes: size,
        median_ms: standardMs,
        mb_per_s: mbPerSecond(size, standardMs),
        peak_memory_bytes: null,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { HOSTILE_SIZE, hostileInputs } from '../tests/unit/bundle/verify-bounds';
import { writeBenchBundle } from './cli-bundles';
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

/** Wall time and peak resident memory of one command, through /usr/bin/time; fails unless it exits `expected`. */
function timedWithPeak(
  command: string,
  args: string[],
  expected = 0,
): { ms: number; peak: number; cpu: number } {
  const started = performance.now();
  const result = spawnSync('/usr/bin/time', ['-f', '%M %U %S', command, ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * 2 ** 20,
  });
  const ms = performance.now() - started;
  if (result.status !== expected) throw new Error(`${command} exited ${result.status}: ${result.stderr}`);
  const [kb, user, system] = (result.stderr.trim().split('\n').at(-1) ?? '').split(' ').map(Number);
  return { ms, peak: (kb ?? 0) * 1024, cpu: (user ?? 0) + (system ?? 0) };
}

/** Median wall time of `runs` runs after one warm-up. */
function medianOf(runs: number, body: () => number): number {
  body();
  return median(Array.from({ length: runs }, body));
}

/** `bukti verify` against unzip + `sha256sum -c` and against `openssl dgst -sha256` of the same file. */
function compareOn(label: string, zip: string, runs: number, goal: string): BenchResult[] {
  const size = statSync(zip).size;
  const peaks: number[] = [];
  const cpu: number[] = [];
  const cliMs = medianOf(runs, () => {
    const run = timedWithPeak(process.execPath, ['bin/bukti.mjs', 'verify', zip]);
    peaks.push(run.peak);
    cpu.push(run.cpu);
    return run.ms;
  });
  const dir = mkdtempSync(join(tmpdir(), 'bukti-bench-'));
  const standardMs = medianOf(runs, () => {
    const out = join(dir, 'unzipped');
    const ms =
      timed('unzip', ['-q', zip, '-d', out]) +
      timed('sha256sum', ['-c', '--quiet', 'SHA256SUMS'], { cwd: out });
    rmSync(out, { recursive: true, force: true });
    return ms;
  });
  rmSync(dir, { recursive: true, force: true });
  const opensslMs = medianOf(runs, () => timed('openssl', ['dgst', '-sha256', zip]));
  return [
    {
      scenario: `cli: bukti verify, ${label}`,
      bytes: size,
      median_ms: cliMs,
      mb_per_s: mbPerSecond(size, cliMs),
      peak_memory_bytes: Math.max(...peaks),
      extra: {
        goal: goal,
        // CPU seconds (user + system): on a busy machine, wall time is mostly waiting for a core.
        cli_cpu_s: median(cpu),
        ratio_to_unzip_plus_sha256sum: cliMs / standardMs,
        ratio_to_openssl_dgst: cliMs / opensslMs,
      },
    },
    {
      scenario: `system: unzip + sha256sum -c, ${label}`,
      bytes: size,
      median_ms: standardMs,
      mb_per_s: mbPerSecond(size, standardMs),
      peak_memory_bytes: null,
    },
    {
      scenario: `system: openssl dgst -sha256, ${label}`,
      bytes: size,
      median_ms: opensslMs,
      mb_per_s: mbPerSecond(size, opensslMs),
      peak_memory_bytes: null,
    },
  ];
}

/**
 * The CLI scenario (BENCH_ONLY=cli): the demo bundle and a bundle like the export bench's (about
 * 1.6 GiB), each timed against what a lab would run without Bukti, and the hostile inputs of up to
 * 2 MB from the tests (slowest wall and CPU time, highest peak memory), with the goals beside.
 */
export async function cliScenarios(): Promise<BenchResult[]> {
  const built = spawnSync(process.execPath, ['scripts/build-cli.mjs'], { encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`build:cli failed: ${built.stderr}`);
  const demo = spawnSync('npx', ['tsx', 'scripts/demo.ts'], { encoding: 'utf8' });
  if (demo.status !== 0) throw new Error(`demo failed: ${demo.stderr}`);
  const demoZip = demo.stdout.trim().split('\n').at(-1) as string;
  const dir = mkdtempSync(join(tmpdir(), 'bukti-bench-big-'));
  try {
    const given = process.env.BENCH_CLI_BUNDLE?.split(',').map(Number);
    const big = join(dir, 'bench-bundle.zip');
    await writeBenchBundle(big, ...((given?.length === 3 ? given : []) as [number?, number?, number?]));
    const rows = [
      ...compareOn('demo bundle', demoZip, 5, '< 0.15 s'),
      ...compareOn('bench bundle', big, 2, '<= 0.5 x unzip + sha256sum -c'),
    ];
    rmSync(big, { force: true });
    const hostile = Object.entries(await hostileInputs()).map(([name, bytes], index) => {
      const path = join(dir, `hostile-${index}.zip`);
      writeFileSync(path, bytes);
      return {
        name,
        ...timedWithPeak(
          process.execPath,
          ['bin/bukti.mjs', 'verify', path],
          name === 'random bytes' ? 2 : 1,
        ),
      };
    });
    const slowest = hostile.reduce((a, b) => (b.ms > a.ms ? b : a));
    rows.push({
      scenario: 'cli: bukti verify, hostile inputs of up to 2 MB (slowest)',
      bytes: HOSTILE_SIZE,
      median_ms: slowest.ms,
      mb_per_s: null,
      peak_memory_bytes: Math.max(...hostile.map((one) => one.peak)),
      extra: {
        goal: '< 2 s and < 256 MiB each',
        slowest: slowest.name,
        slowest_cpu_s: Math.max(...hostile.map((one) => one.cpu)),
      },
    });
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

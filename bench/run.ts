/**
 * `npm run bench`: the benchmark scenarios in Node (src/core) and in a real Chromium (IndexedDB, workers,
 * the DOM). Prints a table and writes bench/results.json. Figures are reported as ratios to the raw-crypto
 * ceiling measured in the same run and runtime, because the machine is shared and noisy.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { preview } from 'vite';
import { ensureSystemTools } from '../scripts/system-tools.mjs';
import { loadSodium } from '../src/core/crypto/sodium';
import { argon2Scenario, ceilingScenarios, MiB } from './ceiling';
import { goalCell, withFloors } from './goals';
import { IsolateHeaps, topSites } from './isolate-heaps';
import type { BenchResult } from './measure';
import {
  cpuByThread,
  cpuGrowth,
  cpuSeconds,
  currentRss,
  PeakWatch,
  RssTimeline,
  StallWatch,
} from './proc-memory';
import { sealScenarios } from './seal';
import { cliScenarios, verifyExported } from './verify-cli';

/** Stretches of app-flow that BENCH_CPU_PROFILE can name: from the step mark that starts one to the one after it. */
const PROFILE_SPANS: Record<
  string,
  { from: (mark: string) => boolean; to: (mark: string) => boolean; title: string }
> = {
  ingest: {
    from: (mark) => mark.startsWith('ingest 0/'),
    to: (mark) => mark === 'thumbnails',
    title: 'while files were captured',
  },
  report: {
    from: (mark) => mark.startsWith('report '),
    to: (mark) => mark === 'bundle',
    title: 'while the report was laid out',
  },
};

/** How long Chromium may use no CPU during a scenario before the bench calls it stalled. */
const STALL_MS = 90_000;

const CEILING = 'ceiling secretstream';
/** The vault's strongest Argon2id setting (issue #3: at most 256 MiB); calibration picks this or less. */
const ARGON2 = { opslimit: 3, memlimit: 256 * MiB };

/**
 * The issue's export bench (490 screenshots, 10 × 50 MiB videos), or BENCH_EXPORT=screenshots,videos,videoMiB
 * for a quicker look (e.g. `BENCH_ONLY=export BENCH_EXPORT=200,1,50 BENCH_TIMELINE=1 npm run bench`).
 */
function exportOptions(): Record<string, number> {
  const given = process.env.BENCH_EXPORT?.split(',').map(Number);
  if (given?.length !== 3 || given.some((n) => !Number.isInteger(n) || n < 0))
    return { screenshots: 490, videos: 10, videoMiB: 50 };
  const [screenshots, videos, videoMiB] = given as [number, number, number];
  return { screenshots, videos, videoMiB };
}

async function nodeScenarios(): Promise<BenchResult[]> {
  const sodium = await loadSodium();
  return [
    ...(await ceilingScenarios(sodium, 'node')),
    await argon2Scenario(sodium, 'node', ARGON2.opslimit, ARGON2.memlimit),
  ];
}

async function browserScenarios(): Promise<BenchResult[]> {
  const { chromium: executablePath } = ensureSystemTools();
  const built = spawnSync('npx', ['vite', 'build', '--config', 'bench/vite.config.ts'], {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (built.status !== 0) throw new Error('building the benchmark page failed');
  const server = await preview({
    configFile: resolve('bench/vite.config.ts'),
    logLevel: 'silent',
    preview: { port: 0, host: '127.0.0.1' },
  });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  // A persistent profile on disk: a fresh in-memory context has a small storage quota, far below the
  // 1 GB+ vaults these scenarios build.
  const profile = mkdtempSync(join(tmpdir(), 'bukti-bench-profile-'));
  const browser = await chromium.launchPersistentContext(profile, {
    headless: true,
    executablePath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--enable-precise-memory-info',
      '--js-flags=--expose-gc',
    ],
  });
  try {
    const page = browser.pages()[0] ?? (await browser.newPage());
    await page.goto(`http://127.0.0.1:${address.port}/`);
    await page.waitForSelector('body[data-ready="true"]');
    const results: BenchResult[] = [];
    const floorShape = process.env.BENCH_FLOOR?.split(',').map(Number) ?? [];
    const plan: Array<[string, Record<string, number>]> = [
      ['ceiling', {}],
      ['argon2', ARGON2],
      ['ingest', { screenshots: 200, videos: 1, videoMiB: 200, ingestOnly: 1 }],
      ['export', exportOptions()],
      // The same export sealed for its recipient (age) on the way (BENCH_ONLY=export,exportAge compares).
      ['exportAge', { ...exportOptions(), sealed: 1 }],
      // Scenarios that read and write hundreds of MiB in the page itself come after the capture, whose
      // peak is the renderer's whole RSS: run before it, they had raised that peak from about 515 to 910 MiB.
      ['vault', { small: 1, medium: 10, large: 200 }],
      ['indexedDb', {}],
      // Processor time Chromium spends per MiB stored, read and written to a file (what the export costs).
      ['storageCpu', {}],
      ['backup', { sizeMiB: 1000 }],
      ['rekey', { files: 4, fileMiB: 50, records: 500 }],
      // The floors run last, for the same reason.
      // BENCH_FLOOR=4,1: the floor with the chunks stored as 4 MiB values, as Blobs (what a format change would give).
      ['exportFloor', { sizeMiB: 512, chunkMiB: floorShape[0] ?? 1, blob: floorShape[1] ?? 0 }],
      ['ingestFloor', { files: 200, largeMiB: 200, chunkMiB: floorShape[0] ?? 1 }],
    ];
    // Chromium runs as children of this process; the peak is taken over those children only.
    const rootPid: number | null = process.platform === 'linux' ? process.pid : null;
    const heaps = process.env.BENCH_TIMELINE ? await IsolateHeaps.attach(page) : undefined;
    const timeline = new RssTimeline(heaps, rootPid ?? undefined);
    const watch = rootPid === null ? null : new PeakWatch(rootPid, (rss) => timeline.record(rss));
    // A scenario may end a phase (app-flow: ingest, then export): the peak so far is kept for that
    // phase's rows and the mark is reset, so each phase reports its own peak.
    const phasePeaks: Array<number | null> = [];
    let phaseStartRss: number | null = null;
    // BENCH_HEAP_PROFILE=1 (with BENCH_TIMELINE): what the vault worker allocated while the report was laid
    // out and written, collected or not, by allocation site (V8's sampling heap profiler).
    // BENCH_HEAP_PROFILE=live: what is still alive there 3 s after the last item is laid out, when its heap
    // is at its largest (the closing sections, page numbers, fonts subset and the PDF planned).
    const live = process.env.BENCH_HEAP_PROFILE === 'live';
    let profiling: 'off' | 'on' | 'done' = 'off';
    const stopProfiling = async (title: string) => {
      if (!heaps || profiling !== 'on') return;
      profiling = 'done';
      const result = (await heaps.call('vault.worker', 'HeapProfiler.stopSampling', {}, 30_000)) as
        | { profile: Parameters<typeof topSites>[0] }
        | undefined;
      if (result) console.log(`  ${title}:\n    ${topSites(result.profile).join('\n    ')}`);
    };
    // A scenario that stops making progress (Chromium's CPU time flat for STALL_MS, or the page's
    // renderer gone) fails with what it was doing, instead of leaving the bench waiting for ever.
    let lastMark = '';
    let failStalled: (error: Error) => void = () => undefined;
    const step = () => `last step: ${lastMark || 'none'}`;
    page.on('crash', () => failStalled(new Error(`the page's renderer crashed (${step()})`)));
    const stallWatch =
      rootPid === null
        ? undefined
        : new StallWatch(rootPid, STALL_MS, () =>
            failStalled(new Error(`no progress for ${STALL_MS / 1000} s: Chromium used no CPU (${step()})`)),
          );
    await page.exposeFunction('bukti_bench_phase', () => {
      if (rootPid === null || watch === null) return;
      phasePeaks.push(watch.peak());
      // The RSS when the export begins (after ingest), the base its growth is measured from.
      if (phasePeaks.length === 1) {
        phaseStartRss = currentRss(rootPid);
        if (process.env.BENCH_TIMELINE) timeline.start(phaseStartRss);
        if (heaps && process.env.BENCH_HEAP_PROFILE && profiling === 'off') {
          profiling = 'on';
          void heaps.call('vault.worker', 'HeapProfiler.startSampling', {
            samplingInterval: live ? 8192 : 65536,
            includeObjectsCollectedByMajorGC: !live,
            includeObjectsCollectedByMinorGC: !live,
          });
        }
      }
      // BENCH_CPU_PROFILE=1 (with BENCH_TIMELINE): where each worker's time goes while the ZIP streams
      // (from the report written to the export recorded), by function, self time.
      if (heaps && process.env.BENCH_CPU_PROFILE === '1' && phasePeaks.length === 2)
        for (const name of heaps.names()) {
          void heaps.call(name, 'Profiler.enable').then(() => heaps.call(name, 'Profiler.start'));
        }
      if (heaps && process.env.BENCH_CPU_PROFILE === '1' && phasePeaks.length === 3)
        for (const name of heaps.names()) {
          void heaps.call(name, 'Profiler.stop', {}, 30_000).then((result) => {
            const profile = (result as { profile?: CpuProfile } | undefined)?.profile;
            if (profile)
              console.log(`  CPU while the ZIP streamed, ${name}:\n    ${topSelf(profile).join('\n    ')}`);
          });
        }
      watch.reset();
    });
    let spanProfile: 'off' | 'on' | 'done' = 'off';
    // What the export is doing, for the timeline (BENCH_TIMELINE=1).
    await page.exposeFunction('bukti_bench_mark', async (label: string) => {
      lastMark = label;
      timeline.mark(label);
      // BENCH_CPU_PROFILE=ingest or =report (with BENCH_TIMELINE): the vault worker's time while files
      // are captured, or while the report is laid out (before the ZIP streams), by function, self time.
      const span = PROFILE_SPANS[process.env.BENCH_CPU_PROFILE ?? ''];
      if (heaps && span && spanProfile === 'off' && span.from(label)) {
        spanProfile = 'on';
        void heaps
          .call('vault.worker', 'Profiler.enable')
          .then(() => heaps.call('vault.worker', 'Profiler.start'));
      }
      if (heaps && span && spanProfile === 'on' && span.to(label)) {
        spanProfile = 'done';
        const result = await heaps.call('vault.worker', 'Profiler.stop', {}, 30_000);
        const profile = (result as { profile?: CpuProfile } | undefined)?.profile;
        if (profile)
          console.log(`  CPU ${span.title}, vault.worker:\n    ${topSelf(profile, 30).join('\n    ')}`);
      }
      const [done, total] = label.replace(/^report /, '').split('/');
      if (live && label.startsWith('report ') && done === total)
        setTimeout(
          () => void stopProfiling('Alive in the vault worker 3 s after the last item is laid out'),
          3000,
        );
      if (!live && label === 'bundle')
        await stopProfiling('Allocated in the vault worker while the report was laid out and written');
    });
    // CPU seconds of all Chromium processes so far, so a scenario can measure one stretch of its own.
    // BENCH_THREADS=1 also prints, at each call, the CPU seconds each thread used since the call before.
    let threadsBefore: Map<string, number> | null = null;
    await page.exposeFunction('bukti_bench_cpu', () => {
      if (rootPid === null) return null;
      if (process.env.BENCH_THREADS) {
        const now = cpuByThread(rootPid);
        if (threadsBefore)
          process.stdout.write(`    cpu by thread: ${cpuGrowth(threadsBefore, now).join(', ')}\n`);
        threadsBefore = now;
      }
      return cpuSeconds(rootPid);
    });
    // BENCH_ONLY=vault,indexedDb runs a subset (the ceiling always runs: every ratio needs it).
    const only = process.env.BENCH_ONLY?.split(',');
    for (const [name, options] of plan.filter(([n]) => !only || n === 'ceiling' || only.includes(n))) {
      process.stdout.write(`  chromium: ${name}…\n`);
      watch?.reset();
      const cpuBefore = rootPid === null ? null : cpuSeconds(rootPid);
      phasePeaks.length = 0;
      phaseStartRss = null;
      // The ceiling of this scenario's own minutes: measured just before and just after it.
      const before = name === 'ceiling' || name === 'argon2' ? null : await ceilingNow(page);
      lastMark = '';
      stallWatch?.reset();
      const stalled = new Promise<never>((_, reject) => {
        failStalled = reject;
      });
      const rows: BenchResult[] = await Promise.race([
        page.evaluate(
          ([scenario, opts]) =>
            (
              window as unknown as { bukti_bench: Record<string, (o: unknown) => Promise<BenchResult[]>> }
            ).bukti_bench[scenario as string]?.(opts) ?? Promise.reject(new Error(`no scenario ${scenario}`)),
          [name, options] as const,
        ),
        stalled,
      ]).catch((error: unknown) => {
        throw new Error(`chromium: ${name}: ${error instanceof Error ? error.message : String(error)}`);
      });
      failStalled = () => undefined;
      // Peak RSS of the busiest Chromium process (renderer with its workers) over the whole scenario.
      const peak = watch?.peak() ?? null;
      // CPU seconds Chromium spent on the scenario: unlike wall time, barely moved by other load on the machine.
      const cpu = cpuBefore === null || rootPid === null ? null : cpuSeconds(rootPid) - cpuBefore;
      if (name === 'ingest' || name === 'export' || name === 'exportAge')
        for (const r of rows) {
          // Phases of app-flow: ingest | report | ZIP streamed to the file and recorded | the rest
          // (erasing the bench vault), which belongs to no row.
          const [ingestPeak, reportPeak, zipPeak = peak] = phasePeaks;
          if (r.scenario.includes(': ingest')) r.peak_memory_bytes = ingestPeak ?? peak;
          else if (r.scenario.includes(': report')) r.peak_memory_bytes = reportPeak ?? peak;
          else {
            r.peak_memory_bytes = Math.max(reportPeak ?? 0, zipPeak ?? 0) || null;
            r.extra = {
              ...r.extra,
              ...(phaseStartRss === null ? {} : { rss_at_export_start_mib: phaseStartRss / MiB }),
              ...(zipPeak === null || reportPeak === undefined ? {} : { zip_phase_peak_mib: zipPeak / MiB }),
            };
          }
          if (cpu !== null) r.extra = { ...r.extra, chromium_cpu_s: cpu };
        }
      // The re-encryption's memory as the operating system sees it (Chromium's busiest process, the
      // renderer with its workers); the JS heap's growth is kept beside it.
      if (name === 'rekey' && peak !== null)
        for (const r of rows.filter((row) => row.bytes !== null)) {
          r.extra = { ...r.extra, js_heap_growth_mib: (r.peak_memory_bytes ?? 0) / MiB };
          r.peak_memory_bytes = peak;
        }
      if (before !== null) {
        const ceiling = (before + (await ceilingNow(page))) / 2;
        for (const r of rows) r.extra = { ...r.extra, ceiling_around_mb_s: ceiling };
      }
      results.push(...rows);
      timeline.stopAndPrint();
      if (name === 'export') results.push(...(await verifyExported(page)));
    }
    watch?.stop();
    stallWatch?.stop();
    return results;
  } finally {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
    await server.close();
  }
}

/** The secretstream ceiling (MiB/s) in the page right now. */
async function ceilingNow(page: import('playwright-core').Page): Promise<number> {
  const rows = await page.evaluate(() =>
    (
      window as unknown as { bukti_bench: Record<string, () => Promise<BenchResult[]>> }
    ).bukti_bench.ceilingNow?.(),
  );
  const row = rows?.[0];
  if (!row?.mb_per_s) throw new Error('no ceiling');
  return row.mb_per_s;
}

/**
 * Each throughput as a ratio to a ceiling of the same runtime: the one measured around the scenario
 * where there is one (the machine's speed drifts over a run), else the run's first.
 */
function withRatios(results: BenchResult[]): BenchResult[] {
  return results.map((result) => {
    const runtime = result.scenario.split(':')[0];
    const first = results.find((r) => r.scenario.startsWith(`${runtime}: ${CEILING}`))?.mb_per_s;
    const around = result.extra?.ceiling_around_mb_s;
    const ceiling = typeof around === 'number' ? around : first;
    const ratio = result.mb_per_s !== null && ceiling ? result.mb_per_s / ceiling : null;
    return { ...result, ratio_to_ceiling: ratio };
  });
}

function formatTable(results: BenchResult[]): string {
  const header = ['scenario', 'size', 'median', 'MB/s', 'x ceiling', 'peak memory', 'goal (issue 19)'];
  const fmtBytes = (n: number | null) =>
    n === null ? '—' : n >= MiB ? `${(n / MiB).toFixed(1)} MiB` : `${(n / 1024).toFixed(1)} KiB`;
  const rows = results.map((r) => [
    r.scenario,
    fmtBytes(r.bytes),
    r.median_ms >= 1000 ? `${(r.median_ms / 1000).toFixed(2)} s` : `${r.median_ms.toFixed(1)} ms`,
    r.mb_per_s === null ? '—' : r.mb_per_s.toFixed(1),
    r.ratio_to_ceiling == null ? '—' : r.ratio_to_ceiling.toFixed(2),
    fmtBytes(r.peak_memory_bytes),
    goalCell(r),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) =>
        i === 0 || i === header.length - 1 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0),
      )
      .join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

console.log('Bukti benchmarks (median of runs after a warm-up)\n  node: ceiling and core scenarios…');
// BENCH_ONLY=seal or cli run Node scenarios only (no Chromium); with other names, those too.
const only = process.env.BENCH_ONLY?.split(',');
const nodeOnly = ['seal', 'cli'];
const results = withFloors(
  withRatios([
    ...(only ? [] : await nodeScenarios()),
    ...(!only || only.includes('seal') ? await sealScenarios() : []),
    ...(!only || only.includes('cli') ? await cliScenarios() : []),
    ...(!only || only.some((name) => !nodeOnly.includes(name)) ? await browserScenarios() : []),
  ]),
);
console.log(`\n${formatTable(results)}\n`);
for (const r of results) {
  if (r.extra)
    console.log(
      `${r.scenario}: ${Object.entries(r.extra)
        .map(([k, v]) => `${k} = ${typeof v === 'number' ? v.toFixed(2) : v}`)
        .join(', ')}`,
    );
}
const out = resolve('bench/results.json');
writeFileSync(out, `${JSON.stringify({ results }, null, 2)}\n`);
console.log(`Wrote ${out}`);

interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number } }>;
  samples: number[];
  timeDeltas: number[];
}

/** The functions that took the most time themselves in a CPU profile, in ms. */
function topSelf(profile: CpuProfile, count = 15): string[] {
  const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const frame = frames.get(id);
    const name = `${frame?.functionName || '(anonymous)'} ${frame?.url.split('/').pop() ?? ''}:${frame?.lineNumber ?? 0}`;
    self.set(name, (self.get(name) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const total = [...self.values()].reduce((sum, us) => sum + us, 0);
  return [`total ${(total / 1000).toFixed(0)} ms`].concat(
    [...self]
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([name, us]) => `${(us / 1000).toFixed(0).padStart(6)} ms  ${name}`),
  );
}

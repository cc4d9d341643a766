import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { HeapUsage, IsolateHeaps } from './isolate-heaps';

/** Pids of every process below `root` (Chromium's renderers, GPU and utility processes). */
function descendants(root: number): number[] {
  const parents = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parents.set(Number(name), Number(fields[1]));
    } catch {
      // The process ended meanwhile.
    }
  }
  const found = new Set([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, parent] of parents) {
      if (!found.has(pid) && found.has(parent)) {
        found.add(pid);
        grew = true;
      }
    }
  }
  found.delete(root);
  return [...found];
}

/** Resets the kernel's peak-RSS mark (VmHWM) of every process below `root` (Linux; silently nothing elsewhere). */
export function resetPeakRss(root: number): void {
  for (const pid of descendants(root)) {
    try {
      writeFileSync(`/proc/${pid}/clear_refs`, '5');
    } catch {
      // Not permitted or gone: the peak then covers more than one scenario, never less.
    }
  }
}

/**
 * The largest value of a /proc status field (in kB) over the processes below `root` (those whose command
 * line `only` accepts, when given), in bytes.
 */
function largest(root: number, field: 'VmHWM' | 'VmRSS', only?: (cmdline: string) => boolean): number | null {
  let peak: number | null = null;
  const pattern = new RegExp(`${field}:\\s+(\\d+) kB`);
  for (const pid of descendants(root)) {
    try {
      if (only && !only(readFileSync(`/proc/${pid}/cmdline`, 'utf8'))) continue;
      const match = pattern.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (match) peak = Math.max(peak ?? 0, Number(match[1]) * 1024);
    } catch {
      // Gone.
    }
  }
  return peak;
}

/**
 * The RSS of Chromium's browser process below `root`, in bytes: the largest process without a `--type=`
 * switch (small helpers such as crashpad have none either). It holds what renderers hand it, such as
 * Blob data, so an export's memory can grow there too.
 */
export function browserRss(root: number): number | null {
  return largest(
    root,
    'VmRSS',
    (cmdline) => /chrom/i.test(cmdline.split('\0')[0] ?? '') && !cmdline.includes('--type='),
  );
}

/**
 * Ticks (user + system) of one /proc stat file, or 0 where it is gone: fields 14 and 15 (utime, stime),
 * counted from the state field, which is field 3.
 */
function statTicks(path: string): number {
  try {
    const stat = readFileSync(path, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}

/** CPU time (user + system, every thread) used so far by all processes below `root`, in seconds (Linux). */
export function cpuSeconds(root: number): number {
  let ticks = 0;
  // A process that is gone counts 0: its time is lost, so the figure is a lower bound.
  for (const pid of descendants(root)) ticks += statTicks(`/proc/${pid}/stat`);
  // Linux reports in USER_HZ, 100 per second on every architecture Chromium runs on.
  return ticks / 100;
}

/** The largest peak RSS (VmHWM) of any one process below `root` since the last reset, in bytes. */
export function peakRss(root: number): number | null {
  return largest(root, 'VmHWM');
}

/** The largest current RSS (VmRSS) of any one process below `root`, in bytes. */
export function currentRss(root: number): number | null {
  return largest(root, 'VmRSS');
}

/**
 * The peak RSS of the busiest process below `root` since the last `reset()`: the kernel's high-water
 * mark (VmHWM) or the highest RSS seen by sampling every 100 ms, whichever is larger. VmHWM alone
 * misses peaks here: the kernel only updates it on some of the paths that lower RSS, and in these runs
 * it reported up to about 60 MiB less than an RSS read a few seconds earlier in the same phase.
 */
export class PeakWatch {
  readonly #root: number;
  readonly #timer: ReturnType<typeof setInterval>;
  #sampled = 0;

  /** `onSample` gets every sampled RSS too (the timeline's samples). */
  constructor(root: number, onSample?: (rss: number) => void) {
    this.#root = root;
    this.#timer = setInterval(() => {
      const rss = currentRss(root);
      if (rss === null) return;
      this.#sampled = Math.max(this.#sampled, rss);
      onSample?.(rss);
    }, 100);
    // Never what keeps the benchmark process alive.
    this.#timer.unref();
  }

  reset(): void {
    resetPeakRss(this.#root);
    this.#sampled = currentRss(this.#root) ?? 0;
  }

  peak(): number | null {
    const peak = Math.max(peakRss(this.#root) ?? 0, this.#sampled, currentRss(this.#root) ?? 0);
    return peak > 0 ? peak : null;
  }

  stop(): void {
    clearInterval(this.#timer);
  }
}

/**
 * Calls `onStall` once the processes below `root` have used almost no CPU (under 0.5 s in each 5 s) for
 * `ms`: a scenario that stopped making progress. `reset()` at the start of each scenario.
 */
export class StallWatch {
  readonly #timer: ReturnType<typeof setInterval>;
  #flatSince = Date.now();

  constructor(root: number, ms: number, onStall: () => void) {
    let cpu = cpuSeconds(root);
    this.#timer = setInterval(() => {
      const now = cpuSeconds(root);
      if (now - cpu > 0.5) this.#flatSince = Date.now();
      cpu = now;
      if (Date.now() - this.#flatSince > ms) onStall();
    }, 5000);
    // Never what keeps the benchmark process alive.
    this.#timer.unref();
  }

  reset(): void {
    this.#flatSince = Date.now();
  }

  stop(): void {
    clearInterval(this.#timer);
  }
}

/**
 * The busiest process's RSS over an export, from `PeakWatch`'s samples, printed as the highest of each
 * 2 s with what the export was doing (BENCH_TIMELINE=1): where in the export the memory goes. With
 * `heaps`, each isolate's heap is read every second too and printed beside it (V8 heap in use / reserved,
 * ArrayBuffers).
 */
export class RssTimeline {
  readonly #heaps: IsolateHeaps | undefined;
  readonly #root: number | undefined;
  #samples: Array<{ ms: number; growth: number; label: string }> = [];
  #browserSamples: Array<{ ms: number; growth: number }> = [];
  #heapSamples: Array<{ ms: number; heaps: Map<string, HeapUsage> }> = [];
  #started: { at: number; base: number } | undefined;
  #timer: ReturnType<typeof setInterval> | undefined;
  #label = '';

  /** With `root`, the browser process's RSS growth is printed too (see `browserRss`). */
  constructor(heaps?: IsolateHeaps, root?: number) {
    this.#heaps = heaps;
    this.#root = root;
  }

  start(base: number | null): void {
    if (base === null) return;
    const started = Date.now();
    this.#started = { at: started, base };
    this.#samples = [];
    this.#heapSamples = [];
    this.#browserSamples = [];
    const heaps = this.#heaps;
    const root = this.#root;
    const browserBase = root === undefined ? null : browserRss(root);
    let busy = false;
    this.#timer = setInterval(() => {
      const browser = root === undefined ? null : browserRss(root);
      if (browser !== null && browserBase !== null)
        this.#browserSamples.push({ ms: Date.now() - started, growth: browser - browserBase });
      if (busy || !heaps) return;
      busy = true;
      const ms = Date.now() - started;
      void heaps
        .sample()
        .then((sampled) => this.#heapSamples.push({ ms, heaps: sampled }))
        .finally(() => {
          busy = false;
        });
    }, 1000);
  }

  /** One RSS sample; ignored unless the timeline is running. */
  record(rss: number): void {
    const started = this.#started;
    if (started)
      this.#samples.push({ ms: Date.now() - started.at, growth: rss - started.base, label: this.#label });
  }

  mark(label: string): void {
    this.#label = label;
  }

  stopAndPrint(): void {
    if (!this.#started) return;
    this.#started = undefined;
    clearInterval(this.#timer);
    this.#timer = undefined;
    const windows = new Map<
      number,
      { growth: number; browser: number; label: string; heaps: Map<string, HeapUsage> }
    >();
    const windowOf = (ms: number) => {
      const at = Math.floor(ms / 2000) * 2;
      const seen = windows.get(at) ?? { growth: -Infinity, browser: -Infinity, label: '', heaps: new Map() };
      windows.set(at, seen);
      return seen;
    };
    for (const sample of this.#samples) {
      const seen = windowOf(sample.ms);
      seen.growth = Math.max(seen.growth, sample.growth);
      seen.label = sample.label;
    }
    for (const sample of this.#browserSamples) {
      const seen = windowOf(sample.ms);
      seen.browser = Math.max(seen.browser, sample.growth);
    }
    for (const sample of this.#heapSamples) {
      const seen = windowOf(sample.ms);
      for (const [name, usage] of sample.heaps) {
        const before = seen.heaps.get(name);
        if (!before || usage.totalSize > before.totalSize) seen.heaps.set(name, usage);
      }
    }
    const mib = (bytes: number) => Math.round(bytes / 1048576);
    console.log("  RSS growth over the export start (highest sample of each 2 s), then each isolate's");
    console.log('  V8 heap used/reserved MiB and ArrayBuffers (AB) at its largest in those 2 s, and the');
    console.log("  browser process's own RSS growth:");
    const signedMib = (bytes: number) =>
      Number.isFinite(bytes) ? `${mib(bytes) >= 0 ? '+' : ''}${mib(bytes)}` : '?';
    for (const [at, { growth, browser, label, heaps }] of [...windows].sort(([a], [b]) => a - b)) {
      const signed = signedMib(growth);
      const isolates = [...heaps]
        .map(([name, u]) => {
          const arrayBuffers = u.backingStorageSize === undefined ? '' : ` AB ${mib(u.backingStorageSize)}`;
          return `${name} ${mib(u.usedSize)}/${mib(u.totalSize)}${arrayBuffers}`;
        })
        .join(' · ');
      const inBrowser = Number.isFinite(browser) ? ` · browser ${signedMib(browser)}` : '';
      console.log(
        `    ${String(at).padStart(4)} s  ${signed.padStart(5)} MiB  ${label.padEnd(16)} ${isolates}${inBrowser}`,
      );
    }
  }
}

/**
 * CPU seconds so far of every thread below `root`, keyed "process type/thread name" (the renderer's
 * "DedicatedWorker" threads are summed, for one): where an export's processor time goes. Threads that
 * ended are kept per process as "type/(ended)", from the process total.
 */
export function cpuByThread(root: number): Map<string, number> {
  const out = new Map<string, number>();
  const add = (key: string, ticks: number) => out.set(key, (out.get(key) ?? 0) + ticks / 100);
  for (const pid of descendants(root)) {
    let type = 'browser';
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      type = /--type=([a-z-]+)/.exec(cmdline)?.[1] ?? 'browser';
      const sub = /--utility-sub-type=([\w.]+)/.exec(cmdline)?.[1];
      if (sub) type += `:${sub.split('.').at(-1)}`;
    } catch {
      continue;
    }
    let threads = 0;
    let tids: string[] = [];
    try {
      tids = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    for (const tid of tids) {
      let comm = '?';
      try {
        comm = readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').trim().replace(/\d+$/, '');
      } catch {
        continue;
      }
      const ticks = statTicks(`/proc/${pid}/task/${tid}/stat`);
      threads += ticks;
      add(`${type}/${comm}`, ticks);
    }
    add(`${type}/(ended)`, statTicks(`/proc/${pid}/stat`) - threads);
  }
  return out;
}

/** The growth of each key from `before` to `after`, largest first, as "key 1.23" lines (those over 0.05 s). */
export function cpuGrowth(before: Map<string, number>, after: Map<string, number>): string[] {
  return [...after]
    .map(([key, value]) => [key, value - (before.get(key) ?? 0)] as const)
    .filter(([, grown]) => grown > 0.05)
    .sort((a, b) => b[1] - a[1])
    .map(([key, grown]) => `${key} ${grown.toFixed(2)}`);
}

import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

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

/** The largest value of a /proc status field (in kB) over the processes below `root`, in bytes. */
function largest(root: number, field: 'VmHWM' | 'VmRSS'): number | null {
  let peak: number | null = null;
  const pattern = new RegExp(`${field}:\\s+(\\d+) kB`);
  for (const pid of descendants(root)) {
    try {
      const match = pattern.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (match) peak = Math.max(peak ?? 0, Number(match[1]) * 1024);
    } catch {
      // Gone.
    }
  }
  return peak;
}

/** CPU time (user + system, every thread) used so far by all processes below `root`, in seconds (Linux). */
export function cpuSeconds(root: number): number {
  let ticks = 0;
  for (const pid of descendants(root)) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // Fields 14 and 15 of stat (utime, stime), counted from the state field, which is field 3.
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // Gone: its time is lost, so the figure is a lower bound.
    }
  }
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
 * The busiest process's RSS over an export, sampled every 250 ms and printed as the highest sample of each
 * 2 s with what the export was doing (BENCH_TIMELINE=1): where in the export the memory goes. Sampling
 * misses peaks shorter than 250 ms; the phase peaks in the table come from the kernel's high-water mark.
 */
export class RssTimeline {
  readonly #root: number | null;
  #samples: Array<{ ms: number; growth: number; label: string }> = [];
  #timer: ReturnType<typeof setInterval> | undefined;
  #label = '';

  constructor(root: number | null) {
    this.#root = root;
  }

  start(base: number | null): void {
    const root = this.#root;
    if (root === null || base === null) return;
    const started = Date.now();
    this.#samples = [];
    this.#timer = setInterval(() => {
      const growth = (currentRss(root) ?? base) - base;
      this.#samples.push({ ms: Date.now() - started, growth, label: this.#label });
    }, 250);
  }

  mark(label: string): void {
    this.#label = label;
  }

  stopAndPrint(): void {
    if (this.#timer === undefined) return;
    clearInterval(this.#timer);
    this.#timer = undefined;
    const windows = new Map<number, { growth: number; label: string }>();
    for (const sample of this.#samples) {
      const at = Math.floor(sample.ms / 2000) * 2;
      const seen = windows.get(at);
      windows.set(at, { growth: Math.max(seen?.growth ?? -Infinity, sample.growth), label: sample.label });
    }
    console.log('  RSS growth over the export start (highest sample of each 2 s):');
    for (const [at, { growth, label }] of windows) {
      const mib = Math.round(growth / 1048576);
      const signed = `${mib >= 0 ? '+' : ''}${mib}`;
      console.log(`    ${String(at).padStart(4)} s  ${signed.padStart(5)} MiB  ${label}`);
    }
  }
}

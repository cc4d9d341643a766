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

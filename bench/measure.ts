/** One row of `npm run bench`; the JSON shape is fixed by issue #2 (null where not measured). */
export interface BenchResult {
  scenario: string;
  bytes: number | null;
  median_ms: number;
  mb_per_s: number | null;
  peak_memory_bytes: number | null;
  /** Throughput as a fraction of the raw-crypto ceiling measured in the same run and runtime. */
  ratio_to_ceiling?: number | null;
  /** Anything else a scenario measured (e.g. longest main-thread task), by name. */
  extra?: Record<string, number | string | null>;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export function mbPerSecond(bytes: number | null, ms: number): number | null {
  return bytes === null || ms <= 0 ? null : bytes / (1024 * 1024) / (ms / 1000);
}

/** Runs `body` `runs` times after one warm-up and returns the median wall time in ms. */
export async function timeRuns(runs: number, body: () => Promise<void> | void): Promise<number> {
  await body();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await body();
    times.push(performance.now() - start);
  }
  return median(times);
}

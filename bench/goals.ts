import type { BenchResult } from './measure';

const MiB = 1024 * 1024;

/** A goal of issue 19 for one row, and whether this run met it. */
export interface Goal {
  text: string;
  met: boolean;
}

/** Goals of the issue as (what, check) per kind of row; a row of another kind has none. */
const GOALS: Array<{ row: RegExp; goals: Array<(r: BenchResult) => Goal | null> }> = [
  {
    row: /^chromium: export sealed bundle of 500 items/,
    goals: [
      (r) => ratioGoal(r, 0.25),
      (r) => {
        // Peak under the largest file + 128 MiB with at least 64 MiB to spare.
        const start = r.extra?.rss_at_export_start_mib;
        const largest = r.extra?.largest_file_mib;
        if (typeof start !== 'number' || typeof largest !== 'number' || r.peak_memory_bytes === null)
          return null;
        const growth = r.peak_memory_bytes / MiB - start;
        return {
          text: `+${growth.toFixed(0)}≤${(largest + 64).toFixed(0)} MiB`,
          met: growth <= largest + 64,
        };
      },
    ],
  },
  {
    row: /^chromium: report PDF for 500 items/,
    goals: [
      (r) => ({ text: '<30 s', met: r.median_ms < 30_000 }),
      (r) =>
        r.peak_memory_bytes === null ? null : { text: '<1 GB', met: r.peak_memory_bytes < 1_000_000_000 },
    ],
  },
  { row: /^chromium: vault (encrypt-and-store|read-and-decrypt)/, goals: [(r) => ratioGoal(r, 0.5)] },
  {
    row: /^chromium: ingest \d/,
    goals: [
      (r) => ratioGoal(r, 0.33),
      (r) => {
        const longest = r.extra?.longest_main_thread_task_ms;
        return typeof longest === 'number' ? { text: 'tasks≤100 ms', met: longest <= 100 } : null;
      },
    ],
  },
];

function ratioGoal(r: BenchResult, least: number): Goal | null {
  if (r.ratio_to_ceiling == null) return null;
  // The floor row of the same run (exportFloor, ingestFloor): the scenario's own work with nothing else.
  const floor = r.extra?.floor_ratio;
  return {
    text: `≥${least}×${typeof floor === 'number' ? ` (its floor ${floor.toFixed(2)}×)` : ''}`,
    met: r.ratio_to_ceiling >= least,
  };
}

/** Which floor row (bench/browser/main.ts) bounds which goal row. */
const FLOORS: Array<[RegExp, RegExp]> = [
  [/^chromium: export sealed bundle/, /^chromium: export floor:/],
  [/^chromium: ingest \d/, /^chromium: ingest floor:/],
];

/** Each export and ingest row with the ratio of its floor row in the same run (`floor_ratio`), if any. */
export function withFloors(results: BenchResult[]): BenchResult[] {
  return results.map((result) => {
    const pair = FLOORS.find(([row]) => row.test(result.scenario));
    const floor = pair && results.find((r) => pair[1].test(r.scenario))?.ratio_to_ceiling;
    return typeof floor === 'number' ? { ...result, extra: { ...result.extra, floor_ratio: floor } } : result;
  });
}

/** The row's goals as one cell ("≥0.25× ✓, +120≤114 MiB ✗"), or '' for a row without goals. */
export function goalCell(result: BenchResult): string {
  const goals = GOALS.find((g) => g.row.test(result.scenario))?.goals ?? [];
  return goals
    .map((goal) => goal(result))
    .filter((goal): goal is Goal => goal !== null)
    .map((goal) => `${goal.text} ${goal.met ? 'met' : 'MISSED'}`)
    .join(', ');
}

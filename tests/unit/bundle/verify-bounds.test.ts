import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_LISTED_PROBLEMS, type VerifyReport } from '../../../src/core/bundle/verify-report';
import { tempDir } from './fixtures';
import { HOSTILE_SIZE, hostileInputs } from './verify-bounds';

const temp = tempDir();
let inputs: Record<string, Uint8Array>;

beforeAll(async () => {
  const built = spawnSync(process.execPath, ['scripts/build-cli.mjs'], { encoding: 'utf8' });
  if (built.status !== 0) throw new Error(built.stderr);
  inputs = await hostileInputs();
}, 120_000);

afterAll(() => temp.remove());

/** Runs the built CLI under /usr/bin/time: exit code, output, and the peak resident memory in bytes. */
function cliOn(path: string, ...args: string[]) {
  const run = spawnSync(
    '/usr/bin/time',
    ['-f', '%M', process.execPath, 'bin/bukti.mjs', 'verify', path, ...args],
    {
      encoding: 'utf8',
      maxBuffer: 64 * 2 ** 20,
    },
  );
  const lines = run.stderr.trim().split('\n');
  return {
    code: run.status,
    out: run.stdout,
    err: lines.slice(0, -1).join('\n'),
    peak: Number(lines.at(-1)) * 1024,
  };
}

describe('bounded work on hostile input of up to 2 MB', () => {
  it('builds inputs no larger than 2 MB', () => {
    for (const [name, bytes] of Object.entries(inputs))
      expect(bytes.length, name).toBeLessThanOrEqual(HOSTILE_SIZE);
  });

  it('judges each within 256 MiB in the CLI, with exit 1 or 2, capped lists and no stack trace', () => {
    for (const [index, [name, bytes]] of Object.entries(inputs).entries()) {
      const path = join(temp.dir, `hostile-${index}.zip`);
      writeFileSync(path, bytes);
      const text = cliOn(path);
      expect([1, 2], name).toContain(text.code);
      expect(text.err, name).not.toMatch(/\n\s+at /);
      expect(text.peak, name).toBeLessThan(256 * 2 ** 20);
      const json = cliOn(path, '--json');
      const report = JSON.parse(json.out) as VerifyReport;
      expect(report.problems.length, name).toBeLessThanOrEqual(MAX_LISTED_PROBLEMS + 1);
      expect(report.status, name).not.toBe('intact');
      expect(text.out.split('\n').filter((line) => line.startsWith('  - ')).length, name).toBeLessThanOrEqual(
        2 * (MAX_LISTED_PROBLEMS + 1),
      );
    }
  }, 300_000);
});

// `npm test`: type checks, lint, unit and property tests, then the browser tests in a real Chromium.
// Stops at the first failing step and exits non-zero.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { ensureSystemTools } from './system-tools.mjs';

function run(label, command, args, env = {}) {
  console.log(`\n▶ ${label}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) {
    console.error(`\n✖ ${label} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status || 1);
  }
}

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
let tools;
try {
  tools = ensureSystemTools();
} catch (error) {
  console.error(`✖ ${error.message}`);
  process.exit(1);
}
console.log(`Browser tests will use ${tools.chromium} (${tools.chromiumVersion}).`);

for (const project of ['tsconfig.json', 'tsconfig.core.json', 'tsconfig.sw.json', 'tsconfig.node.json']) {
  run(`Type check (${project})`, npx, ['tsc', '-p', project]);
}
run('Lint and format check (Biome)', npx, ['biome', 'check', '.']);
// Each Vitest run also writes a JSON summary, so the end of the output can give one total.
mkdirSync('.tmp', { recursive: true });
const summaries = { unit: '.tmp/unit-results.json', browser: '.tmp/browser-results.json' };
const withSummary = (file) => ['--reporter=default', '--reporter=json', `--outputFile.json=${file}`];
run('Unit and property tests', npx, ['vitest', 'run', ...withSummary(summaries.unit)]);
run(
  'Browser tests (Chromium)',
  npx,
  ['vitest', 'run', '--config', 'vitest.e2e.config.ts', ...withSummary(summaries.browser)],
  { CHROME_PATH: tools.chromium },
);

const totals = { passed: 0, failed: 0, skipped: 0 };
for (const file of Object.values(summaries)) {
  const summary = JSON.parse(readFileSync(file, 'utf8'));
  totals.passed += summary.numPassedTests;
  totals.failed += summary.numFailedTests;
  totals.skipped += summary.numPendingTests + summary.numTodoTests;
}
console.log(`\nTotal: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
if (totals.failed > 0 || totals.skipped > 0 || totals.passed === 0) process.exit(1);

// `npm test`: type checks, lint, unit and property tests, then the browser tests in a real Chromium.
// Stops at the first failing step and exits non-zero.
import { spawnSync } from 'node:child_process';
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
run('Unit and property tests', npx, ['vitest', 'run']);
run('Browser tests (Chromium)', npx, ['vitest', 'run', '--config', 'vitest.e2e.config.ts'], {
  CHROME_PATH: tools.chromium,
});

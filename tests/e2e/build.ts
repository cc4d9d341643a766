import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

/** A folder of this test run's own, so runs side by side never rebuild each other's files. */
export const RUN_DIR = resolve('.tmp', `e2e-run-${process.pid}`);

/** Builds the production app into <run>/<id> with build id `id`; returns the folder. */
export async function buildApp(id: string): Promise<string> {
  const outDir = resolve(RUN_DIR, id);
  const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
    stdio: 'inherit',
    // vitest sets NODE_ENV=test, which would make Vite build a non-production bundle (no service worker).
    env: { ...process.env, NODE_ENV: 'production', BUKTI_BUILD_ID: id, BUKTI_OUT_DIR: outDir },
  });
  if (result.status !== 0) throw new Error(`vite build for ${id} failed`);
  return outDir;
}

/** Builds the core test page (src/core exposed on window.bukti_core) into <run>/core. */
export async function buildCorePage(): Promise<string> {
  const outDir = resolve(RUN_DIR, 'core');
  const result = spawnSync(
    'npx',
    ['vite', 'build', '--config', 'tests/e2e/pages/vite.config.ts', '--outDir', outDir],
    {
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production' },
    },
  );
  if (result.status !== 0) throw new Error('vite build of the core test page failed');
  return outDir;
}

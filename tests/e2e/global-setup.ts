import { rmSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { ensureSystemTools } from '../../scripts/system-tools.mjs';
import { buildApp, buildCorePage, RUN_DIR } from './build';

/** Builds the app twice (two build ids, for the update test) and finds Chromium, once per run. */
export default async function setup(project: TestProject) {
  const { chromium } = ensureSystemTools();
  const first = await buildApp('e2e-a');
  const second = await buildApp('e2e-b');
  project.provide('chromiumPath', chromium);
  project.provide('buildA', first);
  project.provide('buildB', second);
  project.provide('corePage', await buildCorePage());
  return () => rmSync(RUN_DIR, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    chromiumPath: string;
    buildA: string;
    buildB: string;
    corePage: string;
  }
}

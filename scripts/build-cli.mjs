/**
 * Builds the `bukti` CLI (src/cli) into dist-cli/bukti.mjs: plain JavaScript that Node runs without a
 * TypeScript compiler. Runs on `npm install` / `npm ci` (prepare) and in `npm run build`. Dependencies
 * (libsodium, pako, age-encryption) stay imports from node_modules.
 */
import { builtinModules } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const external = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

await build({
  root,
  configFile: false,
  logLevel: 'warn',
  publicDir: false,
  build: {
    ssr: join(root, 'src/cli/bin.ts'),
    outDir: join(root, 'dist-cli'),
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    rollupOptions: {
      // Node's modules and every package stay imports (the dependencies in package.json); only src/ is bundled.
      external: (id) => external.includes(id) || /^[@a-z]/i.test(id),
      output: { entryFileNames: 'bukti.mjs', format: 'es' },
    },
  },
});

#!/usr/bin/env node
// `npx bukti verify <bundle.zip>`: runs the CLI prebuilt by `npm run build:cli` (also on npm install/ci).
let cli;
try {
  cli = await import('../dist-cli/bukti.mjs');
} catch {
  process.stderr.write(
    'The bukti tool is not built yet. Run `npm run build:cli` in the Bukti folder, then try again.\n' +
      'Alat bukti belum dibina. Jalankan `npm run build:cli` dalam folder Bukti, kemudian cuba lagi.\n',
  );
  process.exit(2);
}
process.exitCode = await cli.main(process.argv.slice(2));

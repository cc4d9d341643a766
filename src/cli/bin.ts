import { translate } from '../core/i18n';
import { run } from './main';

/**
 * The entry point `bin/bukti.mjs` loads, built to dist-cli/ by `npm run build:cli` (also on install).
 * Whatever fails outside the verifier ends as one plain sentence and exit code 2, never a stack trace.
 */
export async function main(argv: readonly string[]): Promise<number> {
  try {
    return await run(argv);
  } catch (error) {
    const detail = error instanceof Error ? error.name : 'error';
    process.stderr.write(`${translate('en', 'bundle.verify.unexpected', { detail })}\n`);
    process.stderr.write(`${translate('ms', 'bundle.verify.unexpected', { detail })}\n`);
    return 2;
  }
}

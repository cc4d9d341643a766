import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { MessageKey, MessageParams } from '../core/i18n';
import {
  type Certificate,
  certificatesFromFile,
  checkTimestamp,
  failedCheck,
  readBundleSums,
  type TimestampCheck,
} from '../core/timestamp';
import type { RandomAccessSource } from '../core/zip/source';
import { exists } from './paths';

/** Where the system keeps the certificates it trusts (Debian, Ubuntu, Alpine; Fedora's path second). */
const SYSTEM_STORES = ['/etc/ssl/certs/ca-certificates.crt', '/etc/pki/tls/certs/ca-bundle.crt'];

/** A time stamp found beside a bundle, and what checking it found. */
export interface TimestampBeside {
  path: string;
  check: TimestampCheck;
}

/** The `.tsr` files `bukti timestamp` writes, or a user may have named, for `bundle`. */
export function timestampPaths(bundle: string): string[] {
  const stem = bundle.replace(/\.zip$/i, '');
  return [...new Set([`${stem}.tsr`, `${bundle}.tsr`])];
}

/**
 * The certificates a time stamp may chain to: the one given with `--tsa-cert`, else the system's trust
 * store (where the public authorities' roots are). Throws when the given file holds no certificate.
 */
export async function trustAnchors(tsaCert: string | undefined): Promise<Certificate[]> {
  if (tsaCert !== undefined) {
    const given = certificatesFromFile(new Uint8Array(await readFile(tsaCert)));
    if (given.length === 0) throw new Error('no certificate');
    return given;
  }
  for (const store of SYSTEM_STORES) {
    if (await exists(store)) return certificatesFromFile(new Uint8Array(await readFile(store)));
  }
  return [];
}

/** Checks the `.tsr` beside `bundle`, if there is one, against `anchors()`; null when there is none. */
export async function checkTimestampBeside(
  bundle: string,
  source: RandomAccessSource,
  anchors: () => Promise<readonly Certificate[]>,
): Promise<TimestampBeside | null> {
  for (const path of timestampPaths(bundle)) {
    if (!(await exists(path))) continue;
    const tsr = new Uint8Array(await readFile(path));
    let sums: Uint8Array;
    try {
      sums = await readBundleSums(source);
    } catch {
      return { path, check: failedCheck('timestamp.noSums') };
    }
    return { path, check: await checkTimestamp(tsr, sums, await anchors()) };
  }
  return null;
}

/** The time stamp's lines in the text report, with the OpenSSL command that checks it independently. */
export function timestampLines(
  found: TimestampBeside,
  bundle: string,
  say: (key: MessageKey, params?: MessageParams) => string,
): string[] {
  const { check } = found;
  const facts = { time: check.time ?? '', authority: check.authority ?? '' };
  const lines = [
    '',
    say('timestamp.found', { path: found.path }),
    say(`timestamp.status.${check.status}`, facts),
  ];
  for (const problem of check.problems) lines.push(`  - ${say(problem.code, problem.params)}`);
  lines.push(say('timestamp.openssl', { bundle: basename(bundle), tsr: basename(found.path) }));
  return lines;
}

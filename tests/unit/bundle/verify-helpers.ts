import type { BundleSigner } from '../../../src/core/bundle/seal';
import { formatSums } from '../../../src/core/bundle/sums';
import { verifyBundle } from '../../../src/core/bundle/verify';
import type { VerifyReport } from '../../../src/core/bundle/verify-report';
import { loadSodium } from '../../../src/core/crypto/sodium';
import { openZip } from '../../../src/core/zip/archive';
import { bytesSource } from '../../../src/core/zip/source';
import { type CraftEntry, craftZip } from './zip-craft';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export const verify = (zip: Uint8Array) => verifyBundle(bytesSource(zip));

/** Every `path` a report's problems name. */
export function namedPaths(report: VerifyReport): string[] {
  return [
    ...new Set(report.problems.map((problem) => problem.params.path).filter((path) => path !== undefined)),
  ].map(String);
}

/** The codes of a report's problems. */
export const codes = (report: VerifyReport) => report.problems.map((problem) => problem.code);

/** A copy of `zip` with one byte flipped in the middle of the stored data of entry `name`. */
export async function flipInEntry(zip: Uint8Array, name: string): Promise<Uint8Array> {
  const archive = await openZip(bytesSource(zip));
  const entry = archive.entries.find((candidate) => candidate.name === name);
  if (!entry || entry.compressedSize === 0) throw new Error(`no data to flip in ${name}`);
  const copy = zip.slice();
  const at = entry.dataOffset + Math.floor(entry.compressedSize / 2);
  copy[at] = (copy[at] as number) ^ 0x01;
  return copy;
}

/** The entries with `name` replaced (or removed when `data` is undefined). */
export function replace(entries: CraftEntry[], name: string, data: Uint8Array | undefined): CraftEntry[] {
  return entries.flatMap((entry) =>
    entry.name !== name ? [entry] : data === undefined ? [] : [{ ...entry, data }],
  );
}

export const textOf = (entries: CraftEntry[], name: string) =>
  decoder.decode(entries.find((entry) => entry.name === name)?.data);

export const bytesOf = (text: string) => encoder.encode(text);

/**
 * Rebuilds SHA256SUMS over the given entries and signs it with `signer`: what a writer holding the key
 * would produce, so only the checks beyond the signature can catch what it got wrong.
 */
export async function reseal(entries: CraftEntry[], signer: BundleSigner): Promise<Uint8Array> {
  const sodium = await loadSodium();
  const listed = entries.filter((entry) => entry.name !== 'SHA256SUMS' && entry.name !== 'SHA256SUMS.sig');
  const sums = bytesOf(
    formatSums(
      listed.map((entry) => ({
        path: String(entry.name),
        sha256: sodium.to_hex(sodium.crypto_hash_sha256(entry.data)),
      })),
    ),
  );
  const signature = await signer.sign(sums);
  return craftZip(replace(replace(entries, 'SHA256SUMS', sums), 'SHA256SUMS.sig', signature));
}

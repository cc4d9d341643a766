import { BuktiError, isBuktiError } from '../errors';
import { openZip } from '../zip/archive';
import { readEntry } from '../zip/entry';
import type { RandomAccessSource } from '../zip/source';

/** As the verifier: no genuine SHA256SUMS comes near this. */
const MAX_SUMS = 16 * 2 ** 20;

/**
 * The bytes of a bundle's SHA256SUMS, what a time stamp is over: it lists the SHA-256 of every other
 * file and is itself signed, so a stamp on it dates them all. Refuses a bundle with none, or several.
 */
export async function readBundleSums(source: RandomAccessSource): Promise<Uint8Array> {
  const archive = await openZip(source);
  const found = archive.entries.filter((entry) => entry.name === 'SHA256SUMS');
  const entry = found[0];
  if (found.length !== 1 || !entry?.readable || entry.size > MAX_SUMS)
    throw new BuktiError('timestamp.noSums');
  const out = new Uint8Array(entry.size);
  let at = 0;
  try {
    for await (const chunk of readEntry(source, entry)) {
      if (at + chunk.length > out.length) throw new BuktiError('timestamp.noSums');
      out.set(chunk, at);
      at += chunk.length;
    }
  } catch (error) {
    // A CRC mismatch is found after the last byte: what is stored was read whole, and is what to compare.
    if (!isBuktiError(error, 'bundle.zip.crcMismatch')) throw error;
  }
  if (at !== out.length) throw new BuktiError('timestamp.noSums');
  return out;
}

import { open } from 'node:fs/promises';
import type { RandomAccessSource } from '../core/zip/source';

/** A bundle on disk as a random-access source; only the ranges the verifier asks for are read. */
export async function openFileSource(
  path: string,
): Promise<{ source: RandomAccessSource; close: () => Promise<void> }> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const source: RandomAccessSource = {
      size,
      read: async (offset, length) => {
        const buffer = new Uint8Array(length);
        let filled = 0;
        while (filled < length) {
          const { bytesRead } = await handle.read(buffer, filled, length - filled, offset + filled);
          if (bytesRead === 0) break;
          filled += bytesRead;
        }
        return buffer.subarray(0, filled);
      },
    };
    return { source, close: () => handle.close() };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

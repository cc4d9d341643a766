/** Random access to a file's bytes, so large videos are read in pieces rather than loaded whole. */
export interface ByteSource {
  size: number;
  /** Bytes from `start` (inclusive) to `end` (exclusive), clipped to the file. */
  read(start: number, end: number): Promise<Uint8Array>;
}

/** A ByteSource over bytes in memory or a Blob/File (browser or Node). */
export function byteSource(input: Uint8Array | Blob): ByteSource {
  if (input instanceof Uint8Array) {
    return { size: input.length, read: async (start, end) => input.subarray(start, end) };
  }
  return {
    size: input.size,
    read: async (start, end) => new Uint8Array(await input.slice(start, end).arrayBuffer()),
  };
}

/** The first offset at or after `from` where `needle` occurs in `haystack`, or -1. */
export function indexOfBytes(haystack: Uint8Array, needle: Uint8Array, from = 0): number {
  const first = needle[0];
  if (first === undefined) return -1;
  for (let i = haystack.indexOf(first, from); i !== -1 && i + needle.length <= haystack.length; ) {
    let match = true;
    for (let j = 1; j < needle.length; j++) {
      if (haystack[i + j] !== needle[j]) {
        match = false;
        break;
      }
    }
    if (match) return i;
    i = haystack.indexOf(first, i + 1);
  }
  return -1;
}

/**
 * CRC-32 (IEEE 802.3, the polynomial ZIP uses), slice-by-8 so that checking a large video stays well
 * under the time its SHA-256 takes. Node 20 has no `zlib.crc32` and browsers have none at all.
 */
const TABLE = buildTable();

function buildTable(): Uint32Array {
  const table = new Uint32Array(256 * 8);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  for (let n = 0; n < 256; n++) {
    for (let slice = 1; slice < 8; slice++) {
      const previous = table[(slice - 1) * 256 + n] as number;
      table[slice * 256 + n] = (previous >>> 8) ^ (table[previous & 255] as number);
    }
  }
  return table;
}

/** Continues a CRC-32 over `bytes`; start with 0. */
export function crc32(bytes: Uint8Array, previous = 0): number {
  const t = TABLE;
  let crc = ~previous;
  let i = 0;
  const end8 = bytes.length - 8;
  for (; i <= end8; i += 8) {
    const word =
      (crc ^
        ((bytes[i] as number) |
          ((bytes[i + 1] as number) << 8) |
          ((bytes[i + 2] as number) << 16) |
          ((bytes[i + 3] as number) << 24))) >>>
      0;
    crc =
      (t[1792 + (word & 255)] as number) ^
      (t[1536 + ((word >>> 8) & 255)] as number) ^
      (t[1280 + ((word >>> 16) & 255)] as number) ^
      (t[1024 + (word >>> 24)] as number) ^
      (t[768 + (bytes[i + 4] as number)] as number) ^
      (t[512 + (bytes[i + 5] as number)] as number) ^
      (t[256 + (bytes[i + 6] as number)] as number) ^
      (t[bytes[i + 7] as number] as number);
  }
  for (; i < bytes.length; i++) crc = (crc >>> 8) ^ (t[(crc ^ (bytes[i] as number)) & 255] as number);
  return ~crc >>> 0;
}

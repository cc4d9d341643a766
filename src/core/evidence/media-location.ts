import { type ByteSource, indexOfBytes } from './byte-source';

/** Boxes that hold a recording position: ©xyz (QuickTime/Android user data) and loci (3GPP). */
const LOCATION_BOXES = [new Uint8Array([0xa9, 0x78, 0x79, 0x7a]), new TextEncoder().encode('loci')];
/** Apple's metadata key com.apple.quicktime.location.ISO6709. */
const LOCATION_KEY = new TextEncoder().encode('location.ISO6709');

/** True when `type` occurs where a box type would be: preceded by a size that fits in `moov`. */
function hasBox(moov: Uint8Array, type: Uint8Array): boolean {
  const data = new DataView(moov.buffer, moov.byteOffset, moov.byteLength);
  for (let at = indexOfBytes(moov, type, 4); at !== -1; at = indexOfBytes(moov, type, at + 1)) {
    const size = data.getUint32(at - 4);
    if (size >= 8 && size <= moov.length - (at - 4)) return true;
  }
  return false;
}

/** A `moov` box larger than this is not read (real ones are a few MB); the answer is then "unknown". */
const MAX_MOOV_BYTES = 64 * 1024 * 1024;

/**
 * Whether an ISO base-media file (MP4, MOV, M4A, 3GP) records where it was made: `true`, `false`, or
 * `undefined` when the file could not be walked. Reads only box headers and the `moov` box.
 */
export async function isoMediaHasLocation(source: ByteSource): Promise<boolean | undefined> {
  let offset = 0;
  while (offset + 8 <= source.size) {
    const header = await source.read(offset, offset + 16);
    const data = new DataView(header.buffer, header.byteOffset, header.byteLength);
    let size = data.getUint32(0);
    const type = String.fromCharCode(...header.subarray(4, 8));
    let headerLength = 8;
    if (size === 1) {
      if (header.length < 16) return undefined;
      size = Number(data.getBigUint64(8));
      headerLength = 16;
    } else if (size === 0) {
      size = source.size - offset;
    }
    if (size < headerLength || offset + size > source.size) return undefined;
    if (type === 'moov') {
      if (size > MAX_MOOV_BYTES) return undefined;
      const moov = await source.read(offset + headerLength, offset + size);
      return indexOfBytes(moov, LOCATION_KEY) !== -1 || LOCATION_BOXES.some((type) => hasBox(moov, type));
    }
    offset += size;
  }
  return undefined;
}

import { BuktiError } from '../errors';

/** Little-endian view over a byte range. */
export function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Reads a 64-bit length or offset, refusing values JavaScript numbers cannot hold exactly. */
export function u64(data: DataView, at: number): number {
  const value = data.getBigUint64(at, true);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new BuktiError('bundle.zip.corrupt');
  return Number(value);
}

/** Replaces 0xFFFFFFFF placeholders with their 64-bit values from the Zip64 extra field (id 0x0001). */
export function readZip64Extra(
  extra: Uint8Array,
  fields: { size: number; compressedSize: number; localHeaderOffset?: number },
  diskStart = 0,
): void {
  const data = view(extra);
  let zip64: DataView | undefined;
  for (let at = 0; at + 4 <= extra.length; ) {
    const id = data.getUint16(at, true);
    const length = data.getUint16(at + 2, true);
    if (at + 4 + length > extra.length) throw new BuktiError('bundle.zip.corrupt');
    if (id === 0x0001) zip64 = new DataView(data.buffer, data.byteOffset + at + 4, length);
    at += 4 + length;
  }
  if (diskStart === 0xffff) throw new BuktiError('bundle.zip.multiDisk');
  const wanted: ('size' | 'compressedSize' | 'localHeaderOffset')[] = [
    'size',
    'compressedSize',
    'localHeaderOffset',
  ];
  let at = 0;
  for (const key of wanted) {
    if (fields[key] !== 0xffffffff) continue;
    if (!zip64 || at + 8 > zip64.byteLength) throw new BuktiError('bundle.zip.corrupt');
    fields[key] = u64(zip64, at);
    at += 8;
  }
}

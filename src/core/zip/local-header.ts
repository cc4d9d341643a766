import type { ZipEntry } from './archive';
import { readZip64Extra, view } from './fields';
import { type RandomAccessSource, readExactly } from './source';

const LOCAL_SIGNATURE = 0x04034b50;
const DESCRIPTOR_SIGNATURE = 0x08074b50;
const HAS_DESCRIPTOR = 0x0008;

/**
 * Reads the local header of `entry` and, when the entry uses one, its data descriptor, and checks that
 * both agree with the central directory (name, method, CRC, sizes). Returns where the data starts and
 * where the entry ends, or undefined when they disagree: a ZIP whose two descriptions of a file differ
 * can make different tools extract different contents.
 */
export async function locateEntryData(
  source: RandomAccessSource,
  entry: ZipEntry,
  limit: number,
): Promise<{ dataOffset: number; end: number } | undefined> {
  const at = entry.localHeaderOffset;
  if (at + 30 > limit) return undefined;
  const header = view(await readExactly(source, at, 30));
  if (header.getUint32(0, true) !== LOCAL_SIGNATURE) return undefined;
  const flags = header.getUint16(6, true);
  const nameLength = header.getUint16(26, true);
  const extraLength = header.getUint16(28, true);
  if (at + 30 + nameLength + extraLength > limit) return undefined;
  const variable = await readExactly(source, at + 30, nameLength + extraLength);
  if (!sameBytes(variable.subarray(0, nameLength), entry.nameBytes)) return undefined;
  if (
    header.getUint16(8, true) !== entry.method ||
    (flags & HAS_DESCRIPTOR) !== (entry.flags & HAS_DESCRIPTOR)
  ) {
    return undefined;
  }
  const dataOffset = at + 30 + nameLength + extraLength;
  const dataEnd = dataOffset + entry.compressedSize;
  if (dataEnd > limit) return undefined;
  if (!(flags & HAS_DESCRIPTOR)) {
    const local = { size: header.getUint32(22, true), compressedSize: header.getUint32(18, true) };
    try {
      readZip64Extra(variable.subarray(nameLength), local);
    } catch {
      return undefined;
    }
    const agrees =
      header.getUint32(14, true) === entry.crc32 &&
      local.size === entry.size &&
      local.compressedSize === entry.compressedSize;
    return agrees ? { dataOffset, end: dataEnd } : undefined;
  }
  const descriptorEnd = await checkDescriptor(source, entry, dataEnd, limit);
  return descriptorEnd === undefined ? undefined : { dataOffset, end: descriptorEnd };
}

/** Checks the data descriptor after the data; returns where it ends. */
async function checkDescriptor(
  source: RandomAccessSource,
  entry: ZipEntry,
  at: number,
  limit: number,
): Promise<number | undefined> {
  const available = Math.min(24, limit - at);
  if (available < 12) return undefined;
  const data = view(await readExactly(source, at, available));
  const signed = data.getUint32(0, true) === DESCRIPTOR_SIGNATURE;
  const start = signed ? 4 : 0;
  // 64-bit sizes are used exactly when a size does not fit in 32 bits (as client-zip and Info-ZIP do).
  const wide = entry.size >= 0xffffffff || entry.compressedSize >= 0xffffffff;
  const length = start + (wide ? 20 : 12);
  if (length > available) return undefined;
  const compressedSize = wide ? Number(data.getBigUint64(start + 4, true)) : data.getUint32(start + 4, true);
  const size = wide ? Number(data.getBigUint64(start + 12, true)) : data.getUint32(start + 8, true);
  const agrees =
    data.getUint32(start, true) === entry.crc32 &&
    compressedSize === entry.compressedSize &&
    size === entry.size;
  return agrees ? at + length : undefined;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

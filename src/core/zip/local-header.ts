import type { ZipEntry, ZipProblem } from './central';
import { applyZip64, isHarmlessExtra, splitExtra, view, ZIP64_EXTRA } from './fields';
import { type RandomAccessSource, readExactly } from './source';

const LOCAL_SIGNATURE = 0x04034b50;
const DESCRIPTOR_SIGNATURE = 0x08074b50;
const HAS_DESCRIPTOR = 0x0008;

export type Located =
  | { ok: true; dataOffset: number; end: number }
  /** `end` is where the entry ends when that is still known, so the layout check can go on past it. */
  | { ok: false; problem: ZipProblem; end: number | undefined };

/**
 * Reads the local header of `entry` and, when the entry uses one, its data descriptor, and checks that
 * they say exactly what the central directory says: version, flags, method, time, name, CRC and sizes.
 * Extractors that stream read the local header, the others the directory; where the two differ, they
 * unpack different files.
 */
export async function locateEntryData(
  source: RandomAccessSource,
  entry: ZipEntry,
  limit: number,
): Promise<Located> {
  const at = entry.localHeaderOffset;
  const path = entry.name;
  const corrupt = (): Located => ({
    ok: false,
    problem: { code: 'bundle.zip.entryCorrupt', params: { path } },
    end: undefined,
  });
  if (at + 30 > limit) return corrupt();
  const header = view(await readExactly(source, at, 30));
  if (header.getUint32(0, true) !== LOCAL_SIGNATURE) return corrupt();
  const nameLength = header.getUint16(26, true);
  const extraLength = header.getUint16(28, true);
  if (at + 30 + nameLength + extraLength > limit) return corrupt();
  const variable = await readExactly(source, at + 30, nameLength + extraLength);
  const dataOffset = at + 30 + nameLength + extraLength;
  const dataEnd = dataOffset + entry.compressedSize;
  if (dataEnd > limit) return corrupt();
  const flags = header.getUint16(6, true);
  const differs = (field: string, end: number | undefined = undefined): Located => ({
    ok: false,
    problem: { code: 'bundle.zip.entryDisagree', params: { path, field, offset: at } },
    end,
  });
  if (header.getUint16(4, true) !== entry.versionNeeded) return differs('version needed');
  if (flags !== entry.flags) return differs('flags');
  if (header.getUint16(8, true) !== entry.method) return differs('method');
  if (header.getUint32(10, true) !== entry.modified) return differs('modification time');
  if (!sameBytes(variable.subarray(0, nameLength), entry.nameBytes)) return differs('name');
  const extra = localExtra(variable.subarray(nameLength));
  if (!extra.ok) return differs('extra field');
  const local = { size: header.getUint32(22, true), compressedSize: header.getUint32(18, true) };
  if (!applyZip64(local, extra.zip64)) return differs('Zip64 extra field');
  const crc = header.getUint32(14, true);
  if (!(flags & HAS_DESCRIPTOR)) {
    if (crc !== entry.crc32) return differs('CRC-32', dataEnd);
    if (local.compressedSize !== entry.compressedSize) return differs('compressed size', dataEnd);
    if (local.size !== entry.size) return differs('size', dataEnd);
    return { ok: true, dataOffset, end: dataEnd };
  }
  // With a descriptor the local header leaves CRC and sizes at zero (client-zip) or repeats them.
  const blank = crc === 0 && local.compressedSize === 0 && local.size === 0;
  const repeated =
    crc === entry.crc32 && local.compressedSize === entry.compressedSize && local.size === entry.size;
  if (!blank && !repeated) return differs('CRC-32 and sizes');
  const descriptorEnd = await checkDescriptor(source, entry, dataEnd, limit);
  return descriptorEnd === undefined
    ? {
        ok: false,
        problem: {
          code: 'bundle.zip.entryDisagree',
          params: { path, field: 'data descriptor', offset: dataEnd },
        },
        end: undefined,
      }
    : { ok: true, dataOffset, end: descriptorEnd };
}

/** The local extra block may carry the Zip64 field and Info-ZIP's time and owner fields, nothing else. */
function localExtra(block: Uint8Array): { ok: true; zip64?: DataView } | { ok: false } {
  const fields = splitExtra(block);
  if (!fields) return { ok: false };
  let zip64: DataView | undefined;
  const seen = new Set<number>();
  for (const field of fields) {
    if (seen.has(field.id)) return { ok: false };
    seen.add(field.id);
    if (field.id === ZIP64_EXTRA) zip64 = field.data;
    else if (!isHarmlessExtra(field, 'local')) return { ok: false };
  }
  return { ok: true, zip64 };
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

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

/** Zip64 sizes and offsets (PKWARE APPNOTE 4.5.3). */
export const ZIP64_EXTRA = 0x0001;
/**
 * Extra fields that change nothing an extractor writes but a file's time and owner (0x5455, 0x7875):
 * Info-ZIP `zip` adds both to every entry, so a bundle re-zipped by a lab carries them. Every other field
 * is refused, because some extractors act on it (0x7075, the Unicode Path field, renames the file).
 */
const EXTENDED_TIME = 0x5455;
const UNIX_OWNER = 0x7875;

/**
 * Whether `field` is one of those two, in exactly the form Info-ZIP writes: a malformed time field makes
 * bsdtar refuse the whole archive (found by tests/unit/bundle/differential.test.ts).
 */
export function isHarmlessExtra(field: ExtraField, where: 'local' | 'central'): boolean {
  const { data } = field;
  if (field.id === EXTENDED_TIME) {
    if (data.byteLength < 1) return false;
    const flags = data.getUint8(0);
    if (flags & ~7) return false;
    const all = 1 + 4 * ((flags & 1) + ((flags >> 1) & 1) + ((flags >> 2) & 1));
    // The central directory copy keeps only the modification time.
    return data.byteLength === all || (where === 'central' && data.byteLength === 1 + 4 * (flags & 1));
  }
  if (field.id === UNIX_OWNER) {
    if (data.byteLength !== 11 || data.getUint8(0) !== 1) return false;
    return data.getUint8(1) === 4 && data.getUint8(6) === 4;
  }
  return false;
}

export interface ExtraField {
  id: number;
  /** Offset of the field's header within the extra block. */
  at: number;
  data: DataView;
}

/** Splits an extra block into its fields; undefined when a field runs past the block or bytes are left over. */
export function splitExtra(extra: Uint8Array): ExtraField[] | undefined {
  const data = view(extra);
  const fields: ExtraField[] = [];
  let at = 0;
  while (at < extra.length) {
    if (at + 4 > extra.length) return undefined;
    const length = data.getUint16(at + 2, true);
    if (at + 4 + length > extra.length) return undefined;
    fields.push({
      id: data.getUint16(at, true),
      at,
      data: new DataView(data.buffer, data.byteOffset + at + 4, length),
    });
    at += 4 + length;
  }
  return fields;
}

export type Zip64Fields = { size: number; compressedSize: number; localHeaderOffset?: number };

/**
 * Replaces 0xFFFFFFFF placeholders with their 64-bit values from the Zip64 extra field (APPNOTE 4.5.3:
 * only placeholders are listed, in the order size, compressed size, offset). Values after those are
 * accepted only where a reader taking every slot in that order would read the same number (client-zip
 * lists the offset of a large entry even when it fits). Returns false for anything else: a field two
 * readers could map to different numbers.
 */
export function applyZip64(fields: Zip64Fields, zip64: DataView | undefined): boolean {
  const keys = (['size', 'compressedSize', 'localHeaderOffset'] as const).filter(
    (key) => fields[key] !== undefined,
  );
  const wanted = keys.filter((key) => fields[key] === 0xffffffff);
  if (!zip64) return wanted.length === 0;
  const count = zip64.byteLength / 8;
  if (!Number.isInteger(count) || count < wanted.length || count > keys.length) return false;
  const values = Array.from({ length: count }, (_, index) => u64(zip64, index * 8));
  for (let index = wanted.length; index < count; index++) {
    const key = keys[index] as (typeof keys)[number];
    if (fields[key] === 0xffffffff || fields[key] !== values[index]) return false;
  }
  wanted.forEach((key, index) => {
    fields[key] = values[index] as number;
  });
  return true;
}

import { BuktiError } from '../errors';

/** Version byte that leads every thumbnail payload (inside the vault's sealed record). */
export const THUMBNAIL_FORMAT_VERSION = 1;

/** Image types a thumbnail may be stored in, by their code in the payload. Codes never change. */
const IMAGE_TYPES = { 1: 'image/jpeg', 2: 'image/webp' } as const;
export type ThumbnailType = (typeof IMAGE_TYPES)[keyof typeof IMAGE_TYPES];

/**
 * What is stored for one file: a small picture, or `none` when the browser could not decode the
 * original (so it is not decrypted and tried again every time the timeline is shown).
 */
export type StoredThumbnail =
  | { kind: 'picture'; type: ThumbnailType; width: number; height: number; bytes: Uint8Array }
  | { kind: 'none' };

const KIND_NONE = 0;
const KIND_PICTURE = 1;
const PICTURE_HEADER = 7;
const MAX_EDGE = 0xffff;

function typeCode(type: ThumbnailType): number {
  const entry = Object.entries(IMAGE_TYPES).find(([, name]) => name === type);
  if (!entry) throw new RangeError(`Unknown thumbnail type ${type}`);
  return Number(entry[0]);
}

function validEdge(edge: number): boolean {
  return Number.isInteger(edge) && edge >= 1 && edge <= MAX_EDGE;
}

/**
 * `[version][kind 0]` for none; `[version][kind 1][type][width u16][height u16][image bytes]` for a
 * picture (big-endian). See docs/evidence-format.md, "Thumbnails".
 */
export function encodeThumbnail(thumbnail: StoredThumbnail): Uint8Array {
  if (thumbnail.kind === 'none') return Uint8Array.of(THUMBNAIL_FORMAT_VERSION, KIND_NONE);
  const { width, height, bytes } = thumbnail;
  if (!validEdge(width) || !validEdge(height) || bytes.length === 0)
    throw new RangeError('A thumbnail needs a size of 1–65535 pixels a side and some image bytes');
  const out = new Uint8Array(PICTURE_HEADER + bytes.length);
  const view = new DataView(out.buffer);
  out.set([THUMBNAIL_FORMAT_VERSION, KIND_PICTURE, typeCode(thumbnail.type)]);
  view.setUint16(3, width);
  view.setUint16(5, height);
  out.set(bytes, PICTURE_HEADER);
  return out;
}

/** Parses an opened payload; anything that is not exactly the format above is `vault.integrity`. */
export function decodeThumbnail(payload: Uint8Array): StoredThumbnail {
  const damaged = () => new BuktiError('vault.integrity');
  if (payload.length < 2 || payload[0] !== THUMBNAIL_FORMAT_VERSION) throw damaged();
  if (payload[1] === KIND_NONE) {
    if (payload.length !== 2) throw damaged();
    return { kind: 'none' };
  }
  if (payload[1] !== KIND_PICTURE || payload.length <= PICTURE_HEADER) throw damaged();
  const type = IMAGE_TYPES[payload[2] as keyof typeof IMAGE_TYPES];
  const view = new DataView(payload.buffer, payload.byteOffset, payload.byteLength);
  const width = view.getUint16(3);
  const height = view.getUint16(5);
  if (type === undefined || width === 0 || height === 0) throw damaged();
  return { kind: 'picture', type, width, height, bytes: payload.slice(PICTURE_HEADER) };
}

import { BuktiError } from '../errors';
import { isUtcIso } from '../evidence/checker';
import { concatBytes, u32, utf8Bytes } from '../vault/format';

/** Frame kinds, the first byte of every frame (docs/backup-format.md §3). Part of the format: never renumber. */
export const FRAME_KIND = { about: 1, meta: 2, record: 3, file: 4, chunk: 5, deposit: 6, end: 0x7f } as const;

/** The largest stored value a frame may carry; vault values are a 1 MiB chunk or a small record. */
export const MAX_VALUE_BYTES = 64 * 1024 * 1024;

const MAX_ABOUT_BYTES = 4096;
const TAG = /^[0-9a-f]{32}$/;
const ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Facts about the backup itself, sealed inside it. */
export interface BackupAbout {
  /** When the backup was made (UTC ISO, device clock). */
  createdAt: string;
}

/** How much a backup holds; the end frame states it and restore checks it. */
export interface BackupCounts {
  records: number;
  files: number;
  deposits: number;
  chunks: number;
  /** Sum of the lengths of every stored value carried, the vault's size on disk near enough. */
  valueBytes: number;
}

/** One frame of the plaintext stream. Values are stored vault values, byte for byte. */
export type Frame =
  | { kind: 'about'; about: BackupAbout }
  | { kind: 'meta'; name: 'keys'; value: Uint8Array }
  | { kind: 'record'; tag: string; id: string; value: Uint8Array }
  | { kind: 'file'; id: string; value: Uint8Array }
  /** A chunk of the file or deposit named by the frame before it. */
  | { kind: 'chunk'; index: number; value: Uint8Array }
  | { kind: 'deposit'; id: string; value: Uint8Array }
  | { kind: 'end'; counts: BackupCounts };

function shortField(text: string, pattern: RegExp): Uint8Array {
  if (!pattern.test(text)) throw new RangeError('Backup frame key is not a vault key');
  const bytes = utf8Bytes(text);
  return concatBytes(Uint8Array.of(bytes.length), bytes);
}

function u64(value: number): Uint8Array {
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigUint64(0, BigInt(value));
  return out;
}

function sized(value: Uint8Array): Uint8Array {
  if (value.length > MAX_VALUE_BYTES) throw new RangeError('Vault value too large for a backup frame');
  return u32(value.length);
}

/**
 * A frame as bytes, in pieces (head first, then the value as given) so a 1 MiB chunk is not copied
 * just to prefix it.
 */
export function encodeFrame(frame: Frame): Uint8Array[] {
  const kind = Uint8Array.of(FRAME_KIND[frame.kind]);
  switch (frame.kind) {
    case 'about': {
      if (!isUtcIso(frame.about.createdAt)) throw new RangeError('createdAt must be a UTC ISO time');
      const json = utf8Bytes(JSON.stringify({ createdAt: frame.about.createdAt }));
      return [concatBytes(kind, u32(json.length)), json];
    }
    case 'meta':
      return [concatBytes(kind, shortField(frame.name, /^keys$/), sized(frame.value)), frame.value];
    case 'record':
      return [
        concatBytes(kind, shortField(frame.tag, TAG), shortField(frame.id, ID), sized(frame.value)),
        frame.value,
      ];
    case 'file':
    case 'deposit':
      return [concatBytes(kind, shortField(frame.id, ID), sized(frame.value)), frame.value];
    case 'chunk':
      return [concatBytes(kind, u32(frame.index), sized(frame.value)), frame.value];
    case 'end': {
      const c = frame.counts;
      return [
        concatBytes(kind, u32(c.records), u32(c.files), u32(c.deposits), u32(c.chunks), u64(c.valueBytes)),
      ];
    }
  }
}

/** Reads exact byte counts from the decrypted stream; the stream ending early is damage. */
export interface PlainSource {
  bytes(length: number): Promise<Uint8Array>;
}

const damaged = () => new BuktiError('backup.damaged');
const decoder = new TextDecoder('utf-8', { fatal: true });

async function readU32(source: PlainSource): Promise<number> {
  const bytes = await source.bytes(4);
  return new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0);
}

async function readShort(source: PlainSource, pattern: RegExp): Promise<string> {
  const length = (await source.bytes(1))[0] as number;
  const text = decoder.decode(await source.bytes(length));
  if (!pattern.test(text)) throw damaged();
  return text;
}

async function readValue(source: PlainSource, max = MAX_VALUE_BYTES): Promise<Uint8Array> {
  const length = await readU32(source);
  if (length > max) throw damaged();
  return source.bytes(length);
}

function parseAbout(bytes: Uint8Array): BackupAbout {
  let parsed: unknown;
  try {
    parsed = JSON.parse(decoder.decode(bytes));
  } catch (cause) {
    throw new BuktiError('backup.damaged', {}, { cause });
  }
  const createdAt = (parsed as { createdAt?: unknown } | null)?.createdAt;
  if (!isUtcIso(createdAt)) throw damaged();
  return { createdAt };
}

async function readCounts(source: PlainSource): Promise<BackupCounts> {
  const bytes = await source.bytes(24);
  const view = new DataView(bytes.buffer, bytes.byteOffset, 24);
  const valueBytes = view.getBigUint64(16);
  if (valueBytes > BigInt(Number.MAX_SAFE_INTEGER)) throw damaged();
  return {
    records: view.getUint32(0),
    files: view.getUint32(4),
    deposits: view.getUint32(8),
    chunks: view.getUint32(12),
    valueBytes: Number(valueBytes),
  };
}

/** Reads one frame. Anything that is not a well-formed frame is `backup.damaged`. */
export async function readFrame(source: PlainSource): Promise<Frame> {
  try {
    const kind = (await source.bytes(1))[0];
    switch (kind) {
      case FRAME_KIND.about:
        return { kind: 'about', about: parseAbout(await readValue(source, MAX_ABOUT_BYTES)) };
      case FRAME_KIND.meta:
        return {
          kind: 'meta',
          name: (await readShort(source, /^keys$/)) as 'keys',
          value: await readValue(source),
        };
      case FRAME_KIND.record: {
        const tag = await readShort(source, TAG);
        const id = await readShort(source, ID);
        return { kind: 'record', tag, id, value: await readValue(source) };
      }
      case FRAME_KIND.file:
      case FRAME_KIND.deposit: {
        const id = await readShort(source, ID);
        return { kind: kind === FRAME_KIND.file ? 'file' : 'deposit', id, value: await readValue(source) };
      }
      case FRAME_KIND.chunk: {
        const index = await readU32(source);
        return { kind: 'chunk', index, value: await readValue(source) };
      }
      case FRAME_KIND.end:
        return { kind: 'end', counts: await readCounts(source) };
      default:
        throw damaged();
    }
  } catch (error) {
    // Malformed UTF-8 in a key is damage like any other.
    if (error instanceof TypeError) throw new BuktiError('backup.damaged', {}, { cause: error });
    throw error;
  }
}

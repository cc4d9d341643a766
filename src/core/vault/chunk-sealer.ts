import type { StateAddress } from 'libsodium-wrappers-sumo';
import type { Sodium } from '../crypto/sodium';
import { CHUNK_SIZE, FORMAT_VERSION } from './format';

/** The Emscripten module under libsodium-wrappers (`sodium.libsodium`), as far as chunks need it. */
export interface RawSodium {
  readonly HEAPU8: Uint8Array;
  _malloc(size: number): number;
  _free(pointer: number): void;
  /** (state, c, clen_p, m, mlen as two u32, ad, adlen as two u32, tag) → 0 on success. */
  _crypto_secretstream_xchacha20poly1305_push(
    state: number,
    c: number,
    clenP: number,
    m: number,
    mlenLow: number,
    mlenHigh: number,
    ad: number,
    adlenLow: number,
    adlenHigh: number,
    tag: number,
  ): number;
  /** (state, m, mlen_p, tag_p, c, clen as two u32, ad, adlen as two u32) → 0 when it authenticates. */
  _crypto_secretstream_xchacha20poly1305_pull(
    state: number,
    m: number,
    mlenP: number,
    tagP: number,
    c: number,
    clenLow: number,
    clenHigh: number,
    ad: number,
    adlenLow: number,
    adlenHigh: number,
  ): number;
}

/** The raw module, when this build of the wrappers exposes everything chunks need. */
export function rawModule(sodium: Sodium): RawSodium | undefined {
  const raw = (sodium as unknown as { libsodium?: Partial<RawSodium> }).libsodium;
  const usable =
    raw !== undefined &&
    typeof raw._malloc === 'function' &&
    typeof raw._free === 'function' &&
    typeof raw._crypto_secretstream_xchacha20poly1305_push === 'function' &&
    typeof raw._crypto_secretstream_xchacha20poly1305_pull === 'function' &&
    raw.HEAPU8 instanceof Uint8Array;
  return usable ? (raw as RawSodium) : undefined;
}

/** The wrappers return a state as its address in WebAssembly memory, though their types say an object. */
export function stateAddress(state: StateAddress): number {
  const value = state as unknown;
  if (typeof value === 'number') return value;
  return (value as StateAddress).address;
}

/**
 * Allocates one region of WebAssembly memory per size, all or none: if one fails, those already made
 * are freed and `RangeError` is thrown, so a caller never keeps a null pointer beside valid ones.
 */
export function allocateAll(raw: RawSodium, sizes: readonly number[]): number[] {
  const pointers = sizes.map((size) => raw._malloc(size));
  if (pointers.every((pointer) => pointer !== 0)) return pointers;
  for (const pointer of pointers) if (pointer !== 0) raw._free(pointer);
  throw new RangeError('Out of memory');
}

/** Room for a chunk's associated data (`chunkAd`: about 40 bytes). */
export const AD_ROOM = 512;
/**
 * Full-size stored buffers kept for reuse, shared by every file being written (capture writes a few
 * at once, each a few chunks): as many as the chunk store ever holds in flight. They hold ciphertext.
 */
const POOL_LIMIT = 12;
const pool: ArrayBuffer[] = [];

/**
 * Seals the chunks of one secretstream into the exact buffers the vault stores. The wrappers' `push`
 * copies its input into WebAssembly memory and its output out into a new array, which the caller then
 * copies again behind the version byte: three fresh megabytes per chunk, garbage by the next one. Here
 * the input and output live in WebAssembly memory for the whole file and full-size stored buffers are
 * recycled once stored (`recycle`), so a long write allocates almost nothing (measured: the JS
 * heap stayed flat where it grew by ~64 MiB between collections, and writes were faster).
 * `dispose` zeroes the plaintext left in WebAssembly memory and frees it.
 */
export class ChunkSealer {
  private readonly raw: RawSodium | undefined;
  private input = 0;
  private output = 0;
  private ad = 0;
  private readonly fullLength: number;

  constructor(
    private readonly sodium: Sodium,
    private readonly state: StateAddress,
    options: { raw?: boolean } = {},
  ) {
    this.raw = options.raw === false ? undefined : rawModule(sodium);
    this.fullLength = 1 + CHUNK_SIZE + sodium.crypto_secretstream_xchacha20poly1305_ABYTES;
  }

  /** Seals `plain` (at most CHUNK_SIZE bytes) with associated data `ad` and `tag`, as `[version][ciphertext]`. */
  seal(plain: Uint8Array, ad: Uint8Array, tag: number): Uint8Array<ArrayBuffer> {
    if (plain.length > CHUNK_SIZE || ad.length > AD_ROOM) throw new RangeError('Chunk too large to seal');
    const length = 1 + plain.length + this.sodium.crypto_secretstream_xchacha20poly1305_ABYTES;
    const buffer = (length === this.fullLength && pool.pop()) || new ArrayBuffer(length);
    const value = new Uint8Array(buffer);
    value[0] = FORMAT_VERSION;
    if (this.raw) this.sealRaw(this.raw, plain, ad, tag, value);
    else value.set(this.sodium.crypto_secretstream_xchacha20poly1305_push(this.state, plain, ad, tag), 1);
    return value;
  }

  /**
   * Takes back a buffer a sealed chunk was stored from, to seal a later chunk into: call it only once
   * nothing reads that chunk any more (IndexedDB clones a value when `put` is called). Buffers of
   * another size, detached ones and any beyond the pool's limit are left to the garbage collector.
   */
  recycle(buffer: ArrayBuffer): void {
    if (buffer.byteLength === this.fullLength && pool.length < POOL_LIMIT && !pool.includes(buffer))
      pool.push(buffer);
  }

  private sealRaw(raw: RawSodium, plain: Uint8Array, ad: Uint8Array, tag: number, value: Uint8Array): void {
    if (this.input === 0)
      [this.input, this.output, this.ad] = allocateAll(raw, [CHUNK_SIZE, this.fullLength - 1, AD_ROOM]) as [
        number,
        number,
        number,
      ];
    // Memory may have grown since the last call, replacing HEAPU8: read it anew every time.
    raw.HEAPU8.set(plain, this.input);
    raw.HEAPU8.set(ad, this.ad);
    const failed = raw._crypto_secretstream_xchacha20poly1305_push(
      stateAddress(this.state),
      this.output,
      0,
      this.input,
      plain.length,
      0,
      this.ad,
      ad.length,
      0,
      tag,
    );
    if (failed !== 0) throw new Error('crypto_secretstream push failed');
    value.set(raw.HEAPU8.subarray(this.output, this.output + value.length - 1), 1);
  }

  /** Zeroes and frees the WebAssembly buffers (plaintext was copied there). */
  dispose(): void {
    const raw = this.raw;
    if (raw && this.input !== 0) {
      raw.HEAPU8.fill(0, this.input, this.input + CHUNK_SIZE);
      raw.HEAPU8.fill(0, this.ad, this.ad + AD_ROOM);
      raw._free(this.input);
      raw._free(this.output);
      raw._free(this.ad);
      this.input = this.output = this.ad = 0;
    }
  }
}

import type { Sodium } from '../crypto/sodium';
import { BuktiError, isBuktiError } from '../errors';
import type { ByteStream } from '../vault/file-crypto';
import { type Preamble, SEGMENT_BYTES, SEGMENT_OVERHEAD } from './format';

type StreamState = ReturnType<Sodium['crypto_secretstream_xchacha20poly1305_init_push']>['state'];

/** Segments between two turns of the event loop (see `breathe`). */
export const SEGMENTS_PER_BREATH = 8;

/**
 * Lets the event loop run one task. The garbage collector reclaims the megabyte buffers each segment
 * leaves behind in tasks of its own; a loop that only ever resumes on resolved promises would starve
 * it, and the heap would grow by hundreds of MiB before it caught up (measured in bench/browser/backup.ts).
 */
export function breathe(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Cuts the plaintext frames into segments of exactly `SEGMENT_BYTES` and seals each with secretstream,
 * the preamble as associated data. A full segment is sealed only once more bytes arrive, so the last
 * segment (1 to `SEGMENT_BYTES` bytes) is always the one that carries TAG_FINAL.
 */
export class SegmentSealer {
  readonly #sodium: Sodium;
  readonly #state: StreamState;
  readonly #ad: Uint8Array;
  readonly #buffer = new Uint8Array(SEGMENT_BYTES);
  #filled = 0;
  #ready: Uint8Array[] = [];

  constructor(sodium: Sodium, state: StreamState, preamble: Uint8Array) {
    this.#sodium = sodium;
    this.#state = state;
    this.#ad = preamble;
  }

  /** Appends plaintext; whole segments become ready to `take()`. */
  write(bytes: Uint8Array): void {
    let offset = 0;
    while (offset < bytes.length) {
      if (this.#filled === SEGMENT_BYTES)
        this.#seal(this.#sodium.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE);
      const take = Math.min(SEGMENT_BYTES - this.#filled, bytes.length - offset);
      this.#buffer.set(bytes.subarray(offset, offset + take), this.#filled);
      this.#filled += take;
      offset += take;
    }
  }

  /** The sealed segments produced since the last call. */
  take(): Uint8Array[] {
    const ready = this.#ready;
    this.#ready = [];
    return ready;
  }

  /** Seals what is left as the final segment and returns it. */
  finish(): Uint8Array {
    if (this.#filled === 0) throw new RangeError('A backup stream cannot end with an empty segment');
    this.#seal(this.#sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL);
    return this.take()[0] as Uint8Array;
  }

  #seal(tag: number): void {
    const plaintext = this.#buffer.subarray(0, this.#filled);
    this.#ready.push(
      this.#sodium.crypto_secretstream_xchacha20poly1305_push(this.#state, plaintext, this.#ad, tag),
    );
    this.#filled = 0;
  }
}

/**
 * Reads a byte stream in exact sizes (fewer bytes only at its end). A read failure (the file was moved
 * or changed while being read) is `backup.unreadable`.
 */
export class StreamBytes {
  readonly #reader: ReturnType<ByteStream['getReader']>;
  #piece: Uint8Array = new Uint8Array(0);
  #offset = 0;
  #done = false;
  /** Bytes handed out so far. */
  position = 0;

  constructor(stream: ByteStream) {
    this.#reader = stream.getReader();
  }

  /**
   * Up to `length` bytes: all of them unless the stream ends first. With `scratch`, bytes that span
   * pieces are gathered into that buffer (at least `length` long) instead of a new one: the result is
   * then only valid until the next read.
   */
  async read(length: number, scratch?: Uint8Array): Promise<Uint8Array> {
    if (this.#piece.length - this.#offset >= length) return this.#advance(length);
    const out = scratch ? scratch.subarray(0, length) : new Uint8Array(length);
    let filled = 0;
    while (filled < length) {
      if (this.#offset === this.#piece.length && !(await this.#pull())) break;
      const part = this.#advance(Math.min(length - filled, this.#piece.length - this.#offset));
      out.set(part, filled);
      filled += part.length;
    }
    return filled === length ? out : out.subarray(0, filled);
  }

  #advance(length: number): Uint8Array {
    const part = this.#piece.subarray(this.#offset, this.#offset + length);
    this.#offset += length;
    this.position += length;
    return part;
  }

  async #pull(): Promise<boolean> {
    while (!this.#done) {
      let result: { done: boolean; value?: Uint8Array | undefined };
      try {
        result = await this.#reader.read();
      } catch (cause) {
        throw new BuktiError('backup.unreadable', {}, { cause });
      }
      if (result.done) this.#done = true;
      else if (result.value instanceof Uint8Array && result.value.length > 0) {
        this.#piece = result.value;
        this.#offset = 0;
        return true;
      } else if (!(result.value instanceof Uint8Array)) throw new BuktiError('backup.unreadable');
    }
    return false;
  }

  /** Stops reading: releases the stream when it was read to the end, cancels it otherwise. */
  async close(): Promise<void> {
    if (this.#done) this.#reader.releaseLock();
    else await this.#reader.cancel().catch(() => undefined);
  }
}

/**
 * Opens the segments after the preamble, in order, each authenticated before it is handed out. Every
 * segment but the last must be full and carry TAG_MESSAGE; the last carries TAG_FINAL and nothing may
 * follow it. A changed, reordered, truncated or extended file fails with `backup.damaged`.
 */
export async function* openSegments(
  sodium: Sodium,
  key: Uint8Array,
  preamble: Preamble,
  bytes: StreamBytes,
): AsyncGenerator<Uint8Array> {
  const FINAL = sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL;
  const MESSAGE = sodium.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE;
  const state = sodium.crypto_secretstream_xchacha20poly1305_init_pull(preamble.streamHeader, key);
  // Each block is copied into WebAssembly memory at once, so one buffer serves every block.
  const scratch = new Uint8Array(SEGMENT_BYTES + SEGMENT_OVERHEAD);
  for (let index = 1; ; index++) {
    if (index % SEGMENTS_PER_BREATH === 0) await breathe();
    const block = await bytes.read(SEGMENT_BYTES + SEGMENT_OVERHEAD, scratch);
    if (block.length <= SEGMENT_OVERHEAD) throw new BuktiError('backup.damaged');
    let opened: false | { message: Uint8Array; tag: number };
    try {
      opened = sodium.crypto_secretstream_xchacha20poly1305_pull(state, block, preamble.bytes);
    } catch (cause) {
      throw isBuktiError(cause) ? cause : new BuktiError('backup.damaged', {}, { cause });
    }
    if (opened === false) throw new BuktiError('backup.damaged');
    if (opened.tag === FINAL) {
      if ((await bytes.read(1)).length > 0) throw new BuktiError('backup.damaged');
      yield opened.message;
      return;
    }
    if (opened.tag !== MESSAGE || opened.message.length !== SEGMENT_BYTES)
      throw new BuktiError('backup.damaged');
    yield opened.message;
  }
}

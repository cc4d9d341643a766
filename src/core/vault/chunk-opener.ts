import type { StateAddress } from 'libsodium-wrappers-sumo';
import type { Sodium } from '../crypto/sodium';
import { AD_ROOM, allocateAll, type RawSodium, rawModule, stateAddress } from './chunk-sealer';
import { CHUNK_SIZE } from './format';

/**
 * Opens the chunks of one secretstream in place: the plaintext is written over the front of the very
 * buffer the chunk was read into (IndexedDB hands each read a fresh one), so reading a file allocates
 * nothing per chunk beyond what IndexedDB does. The wrappers' `pull` allocates a new array for every
 * chunk's plaintext, garbage the moment it has been used (an export of 1.7 GB left hundreds of MiB of it
 * waiting for the collector). The opened view keeps the buffer's last bytes (leftover ciphertext, 18 of
 * them) beyond its end. `dispose` zeroes the plaintext left in WebAssembly memory and frees it.
 */
export class ChunkOpener {
  private readonly raw: RawSodium | undefined;
  private input = 0;
  private output = 0;
  private ad = 0;
  private tag = 0;

  constructor(
    private readonly sodium: Sodium,
    private readonly state: StateAddress,
  ) {
    this.raw = rawModule(sodium);
  }

  /**
   * Opens a stored chunk, `[version][ciphertext]` (bytes the caller owns and gives up: they are
   * overwritten), with `ad`: the plaintext as a view where the chunk began, and the tag; false when it
   * does not authenticate.
   */
  open(stored: Uint8Array, ad: Uint8Array): { message: Uint8Array; tag: number } | false {
    const raw = this.raw;
    const cipher = stored.subarray(1);
    const abytes = this.sodium.crypto_secretstream_xchacha20poly1305_ABYTES;
    if (!raw || cipher.length > CHUNK_SIZE + abytes || ad.length > AD_ROOM) {
      const opened = this.sodium.crypto_secretstream_xchacha20poly1305_pull(this.state, cipher, ad);
      return opened === false ? false : { message: opened.message, tag: opened.tag };
    }
    if (cipher.length < abytes) return false;
    if (this.input === 0)
      [this.input, this.output, this.ad, this.tag] = allocateAll(raw, [
        CHUNK_SIZE + abytes,
        CHUNK_SIZE,
        AD_ROOM,
        1,
      ]) as [number, number, number, number];
    // Memory may have grown since the last call, replacing HEAPU8: read it anew every time.
    raw.HEAPU8.set(cipher, this.input);
    raw.HEAPU8.set(ad, this.ad);
    const failed = raw._crypto_secretstream_xchacha20poly1305_pull(
      stateAddress(this.state),
      this.output,
      0,
      this.tag,
      this.input,
      cipher.length,
      0,
      this.ad,
      ad.length,
      0,
    );
    if (failed !== 0) return false;
    const length = cipher.length - abytes;
    const message = stored.subarray(0, length);
    message.set(raw.HEAPU8.subarray(this.output, this.output + length));
    return { message, tag: raw.HEAPU8[this.tag] ?? -1 };
  }

  /** Zeroes and frees the WebAssembly buffers (plaintext was written there). */
  dispose(): void {
    const raw = this.raw;
    if (raw && this.input !== 0) {
      raw.HEAPU8.fill(0, this.output, this.output + CHUNK_SIZE);
      for (const pointer of [this.input, this.output, this.ad, this.tag]) raw._free(pointer);
      this.input = this.output = this.ad = this.tag = 0;
    }
  }
}

import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import type { VerifyPrimitives } from '../core/bundle/verify-read';

/** Node's native SHA-256 (OpenSSL) and CRC-32 (zlib), several times faster than libsodium's WebAssembly. */
export const nodePrimitives: VerifyPrimitives = {
  sha256: () => {
    const hash = createHash('sha256');
    return {
      update: (bytes) => {
        hash.update(bytes);
      },
      hex: () => hash.digest('hex'),
    };
  },
  crc32: (bytes, previous) => crc32(bytes, previous),
};

import sodiumModule from 'libsodium-wrappers-sumo';
import { BuktiError } from '../errors';

export type Sodium = typeof sodiumModule;

/**
 * Every libsodium function Bukti calls. The plain `libsodium-wrappers` build declares some of these in
 * its types but lacks them at run time, so each one is checked after loading instead of trusted.
 */
export const REQUIRED_SODIUM_FUNCTIONS = [
  'crypto_pwhash',
  'crypto_hash_sha256',
  'crypto_hash_sha256_init',
  'crypto_hash_sha256_update',
  'crypto_hash_sha256_final',
  'crypto_generichash',
  'crypto_kdf_derive_from_key',
  'crypto_kdf_keygen',
  'crypto_aead_xchacha20poly1305_ietf_encrypt',
  'crypto_aead_xchacha20poly1305_ietf_decrypt',
  'crypto_aead_xchacha20poly1305_ietf_keygen',
  'crypto_secretstream_xchacha20poly1305_init_push',
  'crypto_secretstream_xchacha20poly1305_push',
  'crypto_secretstream_xchacha20poly1305_init_pull',
  'crypto_secretstream_xchacha20poly1305_pull',
  'crypto_sign_keypair',
  'crypto_sign_seed_keypair',
  'crypto_sign_detached',
  'crypto_sign_verify_detached',
  'crypto_box_keypair',
  'crypto_box_seed_keypair',
  'crypto_box_seal',
  'crypto_box_seal_open',
  'randombytes_buf',
  'randombytes_uniform',
  'memzero',
  'memcmp',
  'to_hex',
  'from_hex',
  'to_base64',
  'from_base64',
] as const;

export type SodiumFunctionName = (typeof REQUIRED_SODIUM_FUNCTIONS)[number];

/** Names from `REQUIRED_SODIUM_FUNCTIONS` that `candidate` does not provide as functions. */
export function missingSodiumFunctions(candidate: Record<string, unknown>): SodiumFunctionName[] {
  return REQUIRED_SODIUM_FUNCTIONS.filter((name) => typeof candidate[name] !== 'function');
}

let loading: Promise<Sodium> | undefined;

/**
 * Loads libsodium once and checks that every function Bukti uses is really there. Fails loudly with
 * `crypto.unavailable` rather than letting a missing primitive surface later as a half-written vault.
 */
export function loadSodium(): Promise<Sodium> {
  loading ??= sodiumModule.ready.then(() => {
    const missing = missingSodiumFunctions(sodiumModule as unknown as Record<string, unknown>);
    if (missing.length > 0) {
      throw new BuktiError('crypto.unavailable', { missing: missing.join(', ') });
    }
    return sodiumModule;
  });
  return loading;
}

import { describe, expect, it } from 'vitest';
import { loadSodium, missingSodiumFunctions, REQUIRED_SODIUM_FUNCTIONS } from '../../src/core/crypto/sodium';

describe('the crypto layer at start-up', () => {
  it('loads libsodium-sumo with every function Bukti uses', async () => {
    const sodium = await loadSodium();
    for (const name of REQUIRED_SODIUM_FUNCTIONS) expect(typeof sodium[name], name).toBe('function');
    expect(sodium.to_hex(sodium.crypto_hash_sha256(new TextEncoder().encode('abc')))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  it('names the functions a build lacks (the plain libsodium-wrappers has no crypto_pwhash at run time)', async () => {
    const sodium = (await loadSodium()) as unknown as Record<string, unknown>;
    const crippled = { ...sodium, crypto_pwhash: undefined, crypto_hash_sha256: 'not a function' };
    expect(missingSodiumFunctions(crippled)).toEqual(['crypto_pwhash', 'crypto_hash_sha256']);
    expect(missingSodiumFunctions(sodium)).toEqual([]);
  });
});

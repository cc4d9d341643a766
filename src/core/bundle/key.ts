import { loadSodium } from '../crypto/sodium';

/** DER prefix of an SPKI structure holding a raw Ed25519 key (RFC 8410): SEQUENCE, id-Ed25519, BIT STRING. */
const ED25519_SPKI_PREFIX = Uint8Array.of(
  0x30,
  0x2a,
  0x30,
  0x05,
  0x06,
  0x03,
  0x2b,
  0x65,
  0x70,
  0x03,
  0x21,
  0x00,
);
const PEM_BEGIN = '-----BEGIN PUBLIC KEY-----';
const PEM_END = '-----END PUBLIC KEY-----';

/** `public-key.pem`: the raw 32-byte Ed25519 key as SPKI PEM, the form `openssl pkeyutl -pubin` reads. */
export async function publicKeyPem(publicKey: Uint8Array): Promise<string> {
  const sodium = await loadSodium();
  const der = new Uint8Array(ED25519_SPKI_PREFIX.length + publicKey.length);
  der.set(ED25519_SPKI_PREFIX);
  der.set(publicKey, ED25519_SPKI_PREFIX.length);
  // 44 bytes of DER are 60 base64 characters: one line, under PEM's 64-character limit.
  return `${PEM_BEGIN}\n${sodium.to_base64(der, sodium.base64_variants.ORIGINAL)}\n${PEM_END}\n`;
}

/**
 * The raw 32-byte key in an Ed25519 SPKI PEM, or undefined when the text is anything else. Strict on
 * purpose: one base64 body, the exact Ed25519 prefix, and nothing around the armour but line breaks.
 */
export async function parsePublicKeyPem(text: string): Promise<Uint8Array | undefined> {
  const sodium = await loadSodium();
  const lines = text.replace(/\r\n/g, '\n').replace(/\n+$/, '').split('\n');
  if (lines.length < 3 || lines[0] !== PEM_BEGIN || lines[lines.length - 1] !== PEM_END) return undefined;
  const body = lines.slice(1, -1).join('');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(body)) return undefined;
  let der: Uint8Array;
  try {
    der = sodium.from_base64(body, sodium.base64_variants.ORIGINAL);
  } catch {
    return undefined;
  }
  if (der.length !== ED25519_SPKI_PREFIX.length + 32) return undefined;
  if (!ED25519_SPKI_PREFIX.every((byte, index) => der[index] === byte)) return undefined;
  return der.slice(ED25519_SPKI_PREFIX.length);
}

/**
 * The key fingerprint Bukti shows everywhere: SHA-256 of the raw 32-byte public key, lowercase hex.
 * Anyone can recompute it with `openssl pkey -pubin -in public-key.pem -outform DER | tail -c 32 | sha256sum`.
 */
export async function keyFingerprint(publicKey: Uint8Array): Promise<string> {
  const sodium = await loadSodium();
  return sodium.to_hex(sodium.crypto_hash_sha256(publicKey));
}

/** A fingerprint for reading aloud or comparing on paper: 16 groups of 4 hex digits. */
export function formatFingerprint(hex: string): string {
  return (hex.match(/.{1,4}/g) ?? []).join(' ');
}

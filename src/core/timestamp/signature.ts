import { BuktiError } from '../errors';
import { integerBytes, oid, readWhole, sequence } from './der';
import { DIGESTS, OID } from './oids';

type Hash = 'SHA-256' | 'SHA-384' | 'SHA-512';

const RSA_WITH: Readonly<Record<string, Hash>> = {
  [OID.sha256WithRSA]: 'SHA-256',
  [OID.sha384WithRSA]: 'SHA-384',
  [OID.sha512WithRSA]: 'SHA-512',
};
const ECDSA_WITH: Readonly<Record<string, Hash>> = {
  [OID.ecdsaWithSha256]: 'SHA-256',
  [OID.ecdsaWithSha384]: 'SHA-384',
  [OID.ecdsaWithSha512]: 'SHA-512',
};
const CURVES: Readonly<Record<string, { name: string; size: number }>> = {
  [OID.p256]: { name: 'P-256', size: 32 },
  [OID.p384]: { name: 'P-384', size: 48 },
  [OID.p521]: { name: 'P-521', size: 66 },
};

/** The digest of `bytes` under a hash algorithm OID; refuses algorithms other than SHA-2. */
export async function digest(algorithm: string, bytes: Uint8Array): Promise<Uint8Array> {
  const name = DIGESTS[algorithm];
  if (!name) throw new BuktiError('timestamp.unsupported', { what: algorithm });
  return new Uint8Array(await crypto.subtle.digest(name, bytes as Uint8Array<ArrayBuffer>));
}

/** A signature to check: the signer's SubjectPublicKeyInfo, the algorithm OID, and the signed bytes. */
export interface SignatureCheck {
  publicKeyInfo: Uint8Array;
  algorithm: string;
  signature: Uint8Array;
  data: Uint8Array;
  /** The hash, when `algorithm` is plain rsaEncryption (CMS signer infos name it apart). */
  digestAlgorithm?: string;
}

/**
 * Whether `signature` over `data` verifies with the key in `publicKeyInfo` (SubjectPublicKeyInfo), for
 * the RSA PKCS #1 v1.5 and ECDSA signatures TSAs and CAs use. WebCrypto does the mathematics, in Node
 * and in the browser alike.
 */
export async function verifySignature(check: SignatureCheck): Promise<boolean> {
  try {
    return await verifyWith(check);
  } catch (error) {
    // A key or signature WebCrypto cannot even read was altered: it does not verify.
    if (error instanceof BuktiError) throw error;
    return false;
  }
}

async function verifyWith({
  publicKeyInfo,
  algorithm,
  signature,
  data,
  digestAlgorithm,
}: SignatureCheck): Promise<boolean> {
  const [keyAlgorithm] = sequence(readWhole(publicKeyInfo));
  const [keyType, parameters] = sequence(keyAlgorithm);
  const spki = publicKeyInfo as Uint8Array<ArrayBuffer>;
  const signed = data as Uint8Array<ArrayBuffer>;
  if (oid(keyType) === OID.rsaEncryption) {
    const hash =
      RSA_WITH[algorithm] ??
      (algorithm === OID.rsaEncryption && digestAlgorithm ? DIGESTS[digestAlgorithm] : undefined);
    if (!hash) throw new BuktiError('timestamp.unsupported', { what: algorithm });
    const key = await crypto.subtle.importKey('spki', spki, { name: 'RSASSA-PKCS1-v1_5', hash }, false, [
      'verify',
    ]);
    return crypto.subtle.verify('RSASSA-PKCS1-v1_5', key, signature as Uint8Array<ArrayBuffer>, signed);
  }
  if (oid(keyType) === OID.ecPublicKey) {
    const hash = ECDSA_WITH[algorithm];
    const curve = CURVES[oid(parameters)];
    if (!hash || !curve) throw new BuktiError('timestamp.unsupported', { what: algorithm });
    const key = await crypto.subtle.importKey(
      'spki',
      spki,
      { name: 'ECDSA', namedCurve: curve.name },
      false,
      ['verify'],
    );
    const raw = ecdsaRaw(signature, curve.size);
    return raw !== null && crypto.subtle.verify({ name: 'ECDSA', hash }, key, raw, signed);
  }
  throw new BuktiError('timestamp.unsupported', { what: oid(keyType) });
}

/** CMS carries ECDSA as DER SEQUENCE { r, s }; WebCrypto wants r and s side by side, each `size` bytes. */
function ecdsaRaw(signature: Uint8Array, size: number): Uint8Array<ArrayBuffer> | null {
  const [r, s] = sequence(readWhole(signature)).map((part) => integerBytes(part));
  const out = new Uint8Array(size * 2);
  for (const [index, value] of [r, s].entries()) {
    const trimmed = (value as Uint8Array).subarray((value as Uint8Array)[0] === 0 ? 1 : 0);
    if (trimmed.length > size) return null;
    out.set(trimmed, size * (index + 1) - trimmed.length);
  }
  return out;
}

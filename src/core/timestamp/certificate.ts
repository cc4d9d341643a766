import { BuktiError } from '../errors';
import {
  bitString,
  children,
  context,
  type Der,
  expectTag,
  integerBytes,
  oid,
  readDer,
  readWhole,
  sequence,
  TAG,
  time,
} from './der';
import { OID } from './oids';

/** The parts of an X.509 certificate a time-stamp check needs. */
export interface Certificate {
  encoded: Uint8Array;
  /** tbsCertificate, the bytes the issuer signed. */
  signed: Uint8Array;
  serial: Uint8Array;
  issuer: Uint8Array;
  subject: Uint8Array;
  subjectName: string;
  notBefore: Date;
  notAfter: Date;
  publicKeyInfo: Uint8Array;
  signatureAlgorithm: string;
  signature: Uint8Array;
  /** The extended key usages, null when the extension is absent. */
  extKeyUsage: { critical: boolean; purposes: string[] } | null;
  isCa: boolean;
}

/** A certificate from its DER encoding. */
export function parseCertificate(encoded: Uint8Array): Certificate {
  const [tbs, algorithm, signature] = sequence(readWhole(encoded, TAG.sequence));
  const fields = sequence(tbs);
  // version [0] is present in every v3 certificate a TSA uses.
  const offset = fields[0]?.tag === context(0) ? 1 : 0;
  const [serial, , issuer, validity, subject, publicKeyInfo] = fields.slice(offset);
  const [notBefore, notAfter] = sequence(validity);
  const extensions = fields.slice(offset + 6).find((field) => field.tag === context(3));
  const extKeyUsage = extension(extensions, OID.extKeyUsage);
  const basic = extension(extensions, OID.basicConstraints);
  return {
    encoded,
    signed: expectTag(tbs, TAG.sequence).encoded,
    serial: integerBytes(serial),
    issuer: expectTag(issuer, TAG.sequence).encoded,
    subject: expectTag(subject, TAG.sequence).encoded,
    subjectName: nameText(subject as Der),
    notBefore: time(notBefore),
    notAfter: time(notAfter),
    publicKeyInfo: expectTag(publicKeyInfo, TAG.sequence).encoded,
    signatureAlgorithm: oid(sequence(algorithm)[0]),
    signature: bitString(signature),
    extKeyUsage: extKeyUsage && {
      critical: extKeyUsage.critical,
      purposes: sequence(readWhole(extKeyUsage.value)).map((purpose) => oid(purpose)),
    },
    isCa: basic !== null && isTrue(basic.value),
  };
}

function isTrue(value: Uint8Array): boolean {
  const first = sequence(readWhole(value))[0];
  return first?.tag === TAG.boolean && first.content.length === 1 && first.content[0] === 0xff;
}

function extension(wrapper: Der | undefined, id: string): { critical: boolean; value: Uint8Array } | null {
  if (!wrapper) return null;
  for (const item of sequence(children(wrapper)[0])) {
    const parts = sequence(item);
    if (oid(parts[0]) !== id) continue;
    const critical = parts.length === 3 && parts[1]?.tag === TAG.boolean && parts[1].content[0] === 0xff;
    const value = expectTag(parts.at(-1), TAG.octetString).content;
    return { critical, value };
  }
  return null;
}

/** "CN, O" of a Name, for people; the comparison always uses the encoded bytes. */
export function nameText(name: Der): string {
  const parts: string[] = [];
  for (const rdn of sequence(name)) {
    for (const attribute of sequence(rdn, TAG.set)) {
      const [type, value] = sequence(attribute);
      const kind = oid(type);
      if ((kind === OID.commonName || kind === OID.organization) && value)
        parts.push(new TextDecoder().decode(value.content));
    }
  }
  return parts.join(', ');
}

/** Every certificate in a PEM file (the `--tsa-cert` given, the system's trust store). */
export function certificatesFromPem(text: string): Certificate[] {
  const out: Certificate[] = [];
  const blocks = text.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g);
  for (const [, body] of blocks) {
    const der = Uint8Array.from(atob((body as string).replace(/\s+/g, '')), (char) => char.charCodeAt(0));
    try {
      out.push(parseCertificate(der));
    } catch (error) {
      // A store may hold a certificate this reader does not take (an old v1 root); skip it, keep the rest.
      if (!(error instanceof BuktiError)) throw error;
    }
  }
  return out;
}

/** The certificates of a DER stream (a `.der`/`.crt` picked in the app), or of PEM text. */
export function certificatesFromFile(bytes: Uint8Array): Certificate[] {
  const text = new TextDecoder().decode(bytes);
  if (text.includes('-----BEGIN CERTIFICATE-----')) return certificatesFromPem(text);
  const out: Certificate[] = [];
  for (let at = 0; at < bytes.length; ) {
    const der = readDer(bytes, at);
    out.push(parseCertificate(der.encoded));
    at += der.encoded.length;
  }
  return out;
}

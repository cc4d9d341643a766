import { BuktiError } from '../errors';
import { type Certificate, nameText, parseCertificate } from './certificate';
import {
  children,
  context,
  type Der,
  expectTag,
  integerBytes,
  octetString,
  oid,
  readWhole,
  sequence,
  smallInteger,
  TAG,
  time,
} from './der';
import { OID } from './oids';

/** What the TSA signed (RFC 3161 TSTInfo). */
export interface TstInfo {
  policy: string;
  imprintAlgorithm: string;
  imprint: Uint8Array;
  serial: Uint8Array;
  genTime: Date;
  nonce: Uint8Array | null;
  tsaName: string | null;
}

/** One CMS SignerInfo, with what its signature covers. */
export interface Signer {
  /** issuer Name and serial of the signing certificate (the only form RFC 3161 TSAs use). */
  issuer: Uint8Array;
  serial: Uint8Array;
  digestAlgorithm: string;
  /** The signed attributes re-tagged as SET OF, the bytes the signature is over. */
  signedAttributes: Uint8Array;
  contentType: string | null;
  messageDigest: Uint8Array | null;
  signatureAlgorithm: string;
  signature: Uint8Array;
}

/** A parsed time-stamp response: the token's content, its signer and the certificates it carries. */
export interface TimeStampToken {
  tstInfo: TstInfo;
  /** The DER of TSTInfo, the bytes the signer's message digest covers. */
  tstInfoBytes: Uint8Array;
  signer: Signer;
  certificates: Certificate[];
}

/**
 * Reads a TimeStampResp (what a TSA answers, and what `.tsr` files hold; `openssl ts -verify -in` reads
 * the same). Refuses a refusal from the TSA and anything that is not one well-formed SignedData token.
 */
export function parseTimeStampResponse(bytes: Uint8Array): TimeStampToken {
  const [statusInfo, token] = sequence(readWhole(bytes));
  const status = smallInteger(sequence(statusInfo)[0]);
  if (status !== 0 && status !== 1) throw new BuktiError('timestamp.refused', { status });
  if (!token) throw new BuktiError('timestamp.malformed', { what: 'no token' });
  const [contentType, wrapped] = sequence(token);
  if (oid(contentType) !== OID.signedData)
    throw new BuktiError('timestamp.malformed', { what: 'not SignedData' });
  const signedData = sequence(children(expectTag(wrapped, context(0)))[0]);
  const [, , encapsulated, ...rest] = signedData;
  const [eContentType, eContent] = sequence(encapsulated);
  if (oid(eContentType) !== OID.tstInfo) throw new BuktiError('timestamp.malformed', { what: 'not TSTInfo' });
  const tstInfoBytes = octetString(children(expectTag(eContent, context(0)))[0]);
  const certificates = rest
    .filter((part) => part.tag === context(0))
    .flatMap((part) => children(part).filter((cert) => cert.tag === TAG.sequence))
    .map((cert) => parseCertificate(cert.encoded));
  const signerInfos = sequence(rest.at(-1), TAG.set);
  if (signerInfos.length !== 1) throw new BuktiError('timestamp.malformed', { what: 'signer count' });
  return {
    tstInfo: parseTstInfo(tstInfoBytes),
    tstInfoBytes,
    signer: parseSigner(signerInfos[0] as Der),
    certificates,
  };
}

function parseTstInfo(bytes: Uint8Array): TstInfo {
  const [version, policy, imprint, serial, genTime, ...optional] = sequence(readWhole(bytes));
  if (smallInteger(version) !== 1) throw new BuktiError('timestamp.malformed', { what: 'TSTInfo version' });
  const [algorithm, hashed] = sequence(imprint);
  const nonce = optional.find((part) => part.tag === TAG.integer);
  const tsa = optional.find((part) => part.tag === context(0));
  const directoryName = tsa ? children(tsa)[0] : undefined;
  return {
    policy: oid(policy),
    imprintAlgorithm: oid(sequence(algorithm)[0]),
    imprint: octetString(hashed),
    serial: integerBytes(serial),
    genTime: time(expectTag(genTime, TAG.generalizedTime)),
    nonce: nonce ? integerBytes(nonce) : null,
    tsaName: directoryName?.tag === context(4) ? nameText(children(directoryName)[0] as Der) : null,
  };
}

function parseSigner(info: Der): Signer {
  const [version, sid, digestAlgorithm, ...rest] = sequence(info);
  if (smallInteger(version) !== 1) throw new BuktiError('timestamp.malformed', { what: 'signer version' });
  const [issuer, serial] = sequence(sid);
  const attributes = rest[0]?.tag === context(0) ? rest.shift() : undefined;
  if (!attributes) throw new BuktiError('timestamp.malformed', { what: 'no signed attributes' });
  const [signatureAlgorithm, signature] = rest;
  const values = new Map<string, Der>();
  for (const attribute of children(attributes)) {
    const [type, set] = sequence(attribute);
    const key = oid(type);
    const inner = sequence(set, TAG.set);
    if (values.has(key) || inner.length !== 1)
      throw new BuktiError('timestamp.malformed', { what: 'attribute' });
    values.set(key, inner[0] as Der);
  }
  const contentType = values.get(OID.contentType);
  const digest = values.get(OID.messageDigest);
  // The signature covers the attributes encoded as SET OF (tag 0x31), not as the [0] they are stored in.
  const signedAttributes = new Uint8Array(attributes.encoded);
  signedAttributes[0] = TAG.set;
  return {
    issuer: expectTag(issuer, TAG.sequence).encoded,
    serial: integerBytes(serial),
    digestAlgorithm: oid(sequence(digestAlgorithm)[0]),
    signedAttributes,
    contentType: contentType ? oid(contentType) : null,
    messageDigest: digest ? octetString(digest) : null,
    signatureAlgorithm: oid(sequence(signatureAlgorithm)[0]),
    signature: octetString(signature),
  };
}

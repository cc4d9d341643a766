import { isBuktiError } from '../errors';
import type { MessageKey, MessageParams } from '../i18n';
import type { Certificate } from './certificate';
import { sameBytes } from './der';
import { OID } from './oids';
import { digest, verifySignature } from './signature';
import { parseTimeStampResponse, type TimeStampToken } from './token';

/**
 * trusted: the token is over this SHA256SUMS, its signature holds, and its certificate chains to a
 * certificate the checker trusts; unanchored: all that except the chain ends nowhere trusted (no
 * certificate given); invalid: any of the rest fails.
 */
export type TimestampStatus = 'trusted' | 'unanchored' | 'invalid';

/** The result of checking a `.tsr` against a bundle's SHA256SUMS. */
export interface TimestampCheck {
  status: TimestampStatus;
  /** The TSA's time (genTime), ISO 8601 UTC; null when the token could not be read. */
  time: string | null;
  /** Who signed it: the signing certificate's subject (CN, O). */
  authority: string | null;
  /** The certificate the chain ended at, when trusted. */
  anchor: string | null;
  problems: { code: MessageKey; params: MessageParams }[];
}

const MAX_CHAIN = 8;

/**
 * Checks a time-stamp response `tsr` over `sums` (the bundle's SHA256SUMS bytes): the imprint is the
 * hash of exactly those bytes, the CMS signature over the token holds with the signing certificate, that
 * certificate is a time-stamping one valid at the stamped time, and it chains to one of `anchors`.
 * Never throws for anything in the file.
 */
export async function checkTimestamp(
  tsr: Uint8Array,
  sums: Uint8Array,
  anchors: readonly Certificate[],
): Promise<TimestampCheck> {
  const result = failedCheck();
  try {
    const token = parseTimeStampResponse(tsr);
    result.time = token.tstInfo.genTime.toISOString();
    const imprint = await digest(token.tstInfo.imprintAlgorithm, sums);
    if (!sameBytes(imprint, token.tstInfo.imprint)) problem(result, 'timestamp.imprintMismatch');
    const signer = await checkSigner(token, anchors, result);
    if (signer) {
      result.authority = signer.subjectName;
      const anchor = await chainTo(signer, token.certificates, anchors, token.tstInfo.genTime);
      if (anchor === 'broken') problem(result, 'timestamp.chainInvalid');
      else if (anchor) result.anchor = anchor.subjectName;
    }
  } catch (error) {
    if (!isBuktiError(error)) throw error;
    result.problems.push({ code: error.code, params: error.params });
  }
  if (result.problems.length === 0) result.status = result.anchor ? 'trusted' : 'unanchored';
  return result;
}

/** A check that failed before the token could be read; `code` says why. */
export function failedCheck(code?: MessageKey, params: MessageParams = {}): TimestampCheck {
  return {
    status: 'invalid',
    time: null,
    authority: null,
    anchor: null,
    problems: code ? [{ code, params }] : [],
  };
}

function problem(result: TimestampCheck, code: MessageKey, params: MessageParams = {}): void {
  result.problems.push({ code, params });
}

/** The signing certificate, once the signature and what it covers check out; null otherwise. */
async function checkSigner(
  token: TimeStampToken,
  anchors: readonly Certificate[],
  result: TimestampCheck,
): Promise<Certificate | null> {
  const { signer } = token;
  const certificate = [...token.certificates, ...anchors].find(
    (cert) => sameBytes(cert.issuer, signer.issuer) && sameBytes(cert.serial, signer.serial),
  );
  if (!certificate) {
    problem(result, 'timestamp.noCertificate');
    return null;
  }
  const covered = await digest(signer.digestAlgorithm, token.tstInfoBytes);
  const attributesHold =
    signer.contentType === OID.tstInfo &&
    signer.messageDigest !== null &&
    sameBytes(covered, signer.messageDigest);
  const signatureHolds =
    attributesHold &&
    (await verifySignature({
      publicKeyInfo: certificate.publicKeyInfo,
      algorithm: signer.signatureAlgorithm,
      signature: signer.signature,
      data: signer.signedAttributes,
      digestAlgorithm: signer.digestAlgorithm,
    }));
  if (!signatureHolds) {
    problem(result, 'timestamp.signatureInvalid');
    return null;
  }
  const usage = certificate.extKeyUsage;
  // RFC 3161 §2.3: the TSA's certificate has exactly one, critical, extended key usage: timeStamping.
  if (!usage?.critical || usage.purposes.length !== 1 || usage.purposes[0] !== OID.timeStamping)
    problem(result, 'timestamp.notTsaCertificate', { name: certificate.subjectName });
  if (!within(certificate, token.tstInfo.genTime))
    problem(result, 'timestamp.certificateExpired', { name: certificate.subjectName });
  return certificate;
}

/**
 * Follows issuers from `leaf` through the token's CA certificates to a trusted one. Returns the trusted
 * certificate reached, null when the chain ends at an untrusted one, 'broken' when a link's signature
 * fails or a certificate was not valid at `at`.
 */
async function chainTo(
  leaf: Certificate,
  carried: readonly Certificate[],
  anchors: readonly Certificate[],
  at: Date,
): Promise<Certificate | null | 'broken'> {
  let current = leaf;
  for (let depth = 0; depth < MAX_CHAIN; depth++) {
    if (anchors.some((anchor) => sameBytes(anchor.encoded, current.encoded))) return current;
    const issuers = [...anchors, ...carried].filter(
      (cert) => cert.isCa && sameBytes(cert.subject, current.issuer) && cert.encoded !== current.encoded,
    );
    let next: Certificate | undefined;
    for (const issuer of issuers) {
      if (
        await verifySignature({
          publicKeyInfo: issuer.publicKeyInfo,
          algorithm: current.signatureAlgorithm,
          signature: current.signature,
          data: current.signed,
        })
      ) {
        next = issuer;
        break;
      }
    }
    if (!next) return issuers.length > 0 ? 'broken' : null;
    if (!within(next, at)) return 'broken';
    if (sameBytes(next.subject, next.issuer) && !anchors.includes(next)) return null;
    current = next;
  }
  return null;
}

function within(certificate: Certificate, at: Date): boolean {
  return certificate.notBefore <= at && at <= certificate.notAfter;
}

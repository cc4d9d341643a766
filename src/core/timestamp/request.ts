import { BuktiError } from '../errors';
import { encodeDer, encodeOid, sameBytes, TAG } from './der';
import { OID } from './oids';
import { digest } from './signature';
import { parseTimeStampResponse } from './token';

/** Public RFC 3161 time-stamping authorities `bukti timestamp` offers by name; any other URL works too. */
export const PUBLIC_AUTHORITIES = {
  digicert: 'http://timestamp.digicert.com',
  sectigo: 'http://timestamp.sectigo.com',
  freetsa: 'https://freetsa.org/tsr',
} as const;

/** The media types of RFC 3161's HTTP transport. */
export const QUERY_TYPE = 'application/timestamp-query';
export const REPLY_TYPE = 'application/timestamp-reply';

/** A request to time-stamp `sums`: its SHA-256, a fresh nonce, and a request for the TSA's certificate. */
export async function timestampRequest(
  sums: Uint8Array,
): Promise<{ request: Uint8Array; nonce: Uint8Array }> {
  const nonce = crypto.getRandomValues(new Uint8Array(8));
  nonce[0] = ((nonce[0] as number) & 0x7f) | 0x01;
  const imprint = encodeDer(
    TAG.sequence,
    encodeDer(TAG.sequence, encodeOid(OID.sha256), encodeDer(TAG.null)),
    encodeDer(TAG.octetString, await digest(OID.sha256, sums)),
  );
  const request = encodeDer(
    TAG.sequence,
    encodeDer(TAG.integer, Uint8Array.of(1)),
    imprint,
    encodeDer(TAG.integer, nonce),
    encodeDer(TAG.boolean, Uint8Array.of(0xff)),
  );
  return { request, nonce };
}

/** Refuses an answer that is not for this request (another nonce), before it is written anywhere. */
export function checkAnswersRequest(response: Uint8Array, nonce: Uint8Array): void {
  const token = parseTimeStampResponse(response);
  if (!token.tstInfo.nonce || !sameBytes(token.tstInfo.nonce, nonce))
    throw new BuktiError('timestamp.nonceMismatch');
}

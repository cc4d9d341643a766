export { readBundleSums } from './bundle-sums';
export { type Certificate, certificatesFromFile, certificatesFromPem } from './certificate';
export { checkAnswersRequest, PUBLIC_AUTHORITIES, QUERY_TYPE, REPLY_TYPE, timestampRequest } from './request';
export { checkTimestamp, failedCheck, type TimestampCheck, type TimestampStatus } from './verify';

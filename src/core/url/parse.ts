import { GLOBAL_TRACKING, platformForHost } from './hosts';
import type { InvalidUrlReason, UrlFacts, UrlParseResult } from './types';

const SCHEME = /^([a-z][a-z0-9+.-]*):(?!\d)/i;
const TLD = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

/**
 * Reads a link as a survivor pastes it: with or without `https://`, in any case, with trailing slashes
 * and share-tracking parameters. Recognises the platform and what the link's shape reveals (account,
 * post, invite…). Never throws: text that is not a web address comes back as `{ ok: false }` so the
 * caller can keep it as entered and flag it.
 */
export function parseUrl(input: string): UrlParseResult {
  const original = typeof input === 'string' ? input : '';
  const text = original.trim();
  if (text === '') return invalid(original, 'empty');
  const scheme = SCHEME.exec(text)?.[1]?.toLowerCase();
  if (scheme !== undefined && scheme !== 'http' && scheme !== 'https') {
    return invalid(original, 'unsupportedScheme');
  }
  const url = tryUrl(
    scheme !== undefined ? text : text.startsWith('//') ? `https:${text}` : `https://${text}`,
  );
  if (url === undefined || url.username !== '' || url.password !== '') return invalid(original, 'notAUrl');
  const hostname = url.hostname.replace(/\.$/, '');
  if (!isPlausibleHost(hostname)) return invalid(original, 'notAUrl');

  const host = hostname.replace(/^www\./, '');
  const entry = platformForHost(host);
  const query = keepQuery(url.search, entry?.tracking ?? []);
  const port = url.port === '' ? '' : `:${url.port}`;
  const path = entry === undefined ? url.pathname : url.pathname.replace(/\/+$/, '') || '/';
  const protocol = entry === undefined ? url.protocol : 'https:';
  const normalizedUrl = `${protocol}//${hostname}${port}${path}${query === '' ? '' : `?${query}`}${url.hash}`;

  if (entry === undefined) {
    return { ok: true, original, platform: 'other', host, kind: 'page', normalizedUrl };
  }
  const segments = url.pathname
    .split('/')
    .filter((segment) => segment !== '')
    .map(decodeSegment);
  const facts = entry.rule({ host, segments, query: new URLSearchParams(query) });
  return { ok: true, original, platform: entry.platform, host, ...withoutUndefined(facts), normalizedUrl };
}

/**
 * The link to show and print beside the one captured: without tracking parameters when it is a web
 * link, else exactly as given (undefined stays undefined).
 */
export function cleanLink(link: string | undefined): string | undefined {
  if (link === undefined) return undefined;
  const parsed = parseUrl(link);
  return parsed.ok ? parsed.normalizedUrl : link;
}

function invalid(original: string, reason: InvalidUrlReason): UrlParseResult {
  return { ok: false, original, reason };
}

function tryUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    // The WHATWG parser throws on anything that is not a URL; for us that is an ordinary answer.
    return undefined;
  }
}

/** A host with a real-looking top-level domain or an IP address, so plain words are not taken as links. */
function isPlausibleHost(hostname: string): boolean {
  if (hostname.startsWith('[') || IPV4.test(hostname)) return true;
  const labels = hostname.split('.');
  if (labels.length < 2 || labels.some((label) => label === '')) return false;
  return TLD.test(labels[labels.length - 1] ?? '');
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function decodeName(piece: string): string {
  const name = piece.split('=', 1)[0] ?? '';
  return decodeSegment(name.replace(/\+/g, ' '));
}

/**
 * The query without tracking parameters. Works on the raw `name=value` pieces so the parameters that
 * stay keep their exact encoding (and the result is stable when parsed again).
 */
function keepQuery(search: string, platformTracking: readonly string[]): string {
  const drop = new Set<string>([...GLOBAL_TRACKING, ...platformTracking]);
  return search
    .slice(1)
    .split('&')
    .filter((piece) => {
      if (piece === '') return false;
      const name = decodeName(piece);
      return !drop.has(name) && !name.toLowerCase().startsWith('utm_');
    })
    .join('&');
}

function withoutUndefined(facts: UrlFacts): UrlFacts {
  return Object.fromEntries(Object.entries(facts).filter(([, value]) => value !== undefined)) as UrlFacts;
}

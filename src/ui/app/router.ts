import { useEffect, useState } from 'preact/hooks';

/** The screens of the app, in navigation order. Hash routes work offline and from a home-screen launch. */
export const SCREENS = ['cases', 'capture', 'inbox', 'export', 'verify', 'settings', 'help'] as const;
export type Screen = (typeof SCREENS)[number];
/** Screens reached by links rather than the navigation bar (sealing and opening bundles, with no vault). */
export const LINKED_SCREENS = ['sealed'] as const;
export type Linked = (typeof LINKED_SCREENS)[number];

export interface Route {
  screen: Screen | Linked | 'not-found';
  /** Path segments after the screen name, e.g. a case id. */
  rest: string[];
}

/** Parses `#/cases/abc` into a route; an empty hash is the case list. */
export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(safeDecode);
  const [first, ...rest] = parts;
  if (first === undefined) return { screen: 'cases', rest: [] };
  if ([...SCREENS, ...LINKED_SCREENS].includes(first as Screen))
    return { screen: first as Screen | Linked, rest };
  return { screen: 'not-found', rest: parts };
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The href for a screen, for links. */
export function hrefFor(screen: Screen | Linked, ...rest: string[]): string {
  return `#/${[screen, ...rest].map(encodeURIComponent).join('/')}`;
}

/** The current route, updated on every hash change. */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

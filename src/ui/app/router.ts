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

let current: Route | null = null;
const listeners = new Set<(route: Route) => void>();
/** Discreet mode keeps routes out of the address bar, so the browser's history records only `/`. */
let addressless = false;

function setRoute(route: Route): void {
  current = route;
  for (const listener of listeners) listener(route);
}

/** The route shown now. */
export function currentRoute(): Route {
  current ??= parseRoute(window.location.hash);
  return current;
}

/** Drops the route from the address (keeping it in memory), so nothing after `/` names a screen. */
function clearAddress(): void {
  if (window.location.hash)
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
}

/** In discreet mode the route lives only in memory; otherwise in the address's hash. */
export function keepRoutesOutOfAddress(on: boolean): void {
  addressless = on;
  if (on) clearAddress();
}

/**
 * Goes to `href` (`#/screen/...`) without adding a history entry: the app keeps one entry of its own,
 * which quick exit replaces, so Back never leads to one of its pages.
 */
export function navigate(href: string): void {
  if (addressless) setRoute(parseRoute(href));
  else if (window.location.hash !== href) window.location.replace(href);
}

function onHashChange(): void {
  setRoute(parseRoute(window.location.hash));
  if (addressless) clearAddress();
}

/** The current route, updated on every navigation. */
export function useRoute(): Route {
  const [route, setState] = useState(currentRoute);
  useEffect(() => {
    listeners.add(setState);
    if (listeners.size === 1) window.addEventListener('hashchange', onHashChange);
    setState(currentRoute());
    return () => {
      listeners.delete(setState);
      if (listeners.size === 0) window.removeEventListener('hashchange', onHashChange);
    };
  }, []);
  return route;
}

import type { MessageKey } from '../../core/i18n';
import { readPrefs } from './prefs';

/**
 * Where quick exit can go. The built-in page is an ordinary recipe page served from this origin and
 * precached, so it works offline; it shares nothing with the app's look. The others are sites anyone
 * might have open.
 */
export const EXIT_DESTINATIONS = {
  page: '/resepi/nasi-lemak.html',
  google: 'https://www.google.com/',
  wikipedia: 'https://www.wikipedia.org/',
  youtube: 'https://www.youtube.com/',
} as const;
export type ExitDestination = keyof typeof EXIT_DESTINATIONS;

export const EXIT_LABELS: Record<ExitDestination, MessageKey> = {
  page: 'quickExit.to.page',
  google: 'quickExit.to.google',
  wikipedia: 'quickExit.to.wikipedia',
  youtube: 'quickExit.to.youtube',
};

/** The chosen destination's name; the built-in page unless another was chosen. */
export function exitDestination(): ExitDestination {
  const chosen = readPrefs().exit;
  return chosen !== undefined && Object.hasOwn(EXIT_DESTINATIONS, chosen)
    ? (chosen as ExitDestination)
    : 'page';
}

const cleanups = new Set<() => void>();

/** Registers something to run on quick exit and on lock (drop decrypted data, revoke object URLs, lock). */
export function onQuickExit(cleanup: () => void): () => void {
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}

/**
 * Leaves at once: runs every cleanup (the vault locks and its worker zeroes the keys, decrypted things
 * are dropped), blanks the page, and replaces the app's one history entry (see app/history.ts) with the
 * destination, so Back cannot return to any page of the app.
 */
export function quickExit(): void {
  for (const cleanup of cleanups) {
    try {
      cleanup();
    } catch {
      // Leaving matters more than a failed cleanup; the lock path zeroes keys first.
    }
  }
  document.title = '';
  document.body.replaceChildren();
  window.location.replace(EXIT_DESTINATIONS[exitDestination()]);
}

/** Escape pressed twice within `windowMs` triggers quick exit. Returns a function that stops listening. */
export function listenForDoubleEscape(onTrigger: () => void, windowMs = 800): () => void {
  let last = 0;
  const onKey = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    const now = performance.now();
    if (now - last <= windowMs) {
      last = 0;
      onTrigger();
    } else {
      last = now;
    }
  };
  window.addEventListener('keydown', onKey, true);
  return () => window.removeEventListener('keydown', onKey, true);
}

/**
 * If the browser brings this page back from its back-forward cache (Back after a quick exit), start it
 * afresh: locked, with nothing from before on screen.
 */
export function reloadWhenRestoredFromCache(): () => void {
  const onShow = (event: PageTransitionEvent) => {
    if (event.persisted) window.location.reload();
  };
  window.addEventListener('pageshow', onShow);
  return () => window.removeEventListener('pageshow', onShow);
}

/** The built-in neutral page: a recipe, served from this origin and precached, so it works offline. */
export const BUILT_IN_NEUTRAL_PAGE = '/neutral/index.html';

const cleanups = new Set<() => void>();

/** Registers something to run on quick exit and on lock (drop decrypted data, revoke object URLs, lock). */
export function onQuickExit(cleanup: () => void): () => void {
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}

/** Where quick exit goes: the survivor's own choice (an http(s) address) or the built-in page. */
export function neutralDestination(custom: string | null | undefined): string {
  if (custom) {
    try {
      const url = new URL(custom);
      if (url.protocol === 'https:' || url.protocol === 'http:') return url.href;
    } catch {
      // Not an address: fall back to the built-in page rather than stay on the app.
    }
  }
  return BUILT_IN_NEUTRAL_PAGE;
}

/**
 * Leaves at once: runs every cleanup (the vault locks, decrypted things are dropped), clears what the
 * page shows, and replaces the current history entry so Back does not return to the app's content.
 */
export function quickExit(custom?: string | null): void {
  for (const cleanup of cleanups) {
    try {
      cleanup();
    } catch {
      // Leaving matters more than a failed cleanup; the lock path zeroes keys first.
    }
  }
  document.title = '';
  document.body.replaceChildren();
  window.location.replace(neutralDestination(custom));
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

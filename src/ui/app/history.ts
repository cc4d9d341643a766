import { navigate } from './router';

/**
 * Follows the app's own links (`#/...`) with `navigate`, which replaces the history entry instead of
 * adding one, and in-page links (`#main`) by moving focus, so they add no entry and are not read as a
 * route. A link opened in a new tab or window, or handled by its own click handler, is left alone.
 */
export function keepOneHistoryEntry(): () => void {
  const onClick = (event: MouseEvent) => {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = (event.target as Element | null)?.closest?.('a[href]');
    if (!(link instanceof HTMLAnchorElement) || (link.target && link.target !== '_self')) return;
    const href = link.getAttribute('href') ?? '';
    if (!href.startsWith('#')) return;
    event.preventDefault();
    if (href.startsWith('#/')) navigate(href);
    else document.getElementById(decodeURIComponent(href.slice(1)))?.focus();
  };
  document.addEventListener('click', onClick);
  return () => document.removeEventListener('click', onClick);
}

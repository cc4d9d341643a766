import { useEffect } from 'preact/hooks';
import { type HelpSectionId, sectionHeadingId } from './sections';

/** Moves focus to a section's heading, which also scrolls it into view. */
export function focusSection(id: HelpSectionId): void {
  document.getElementById(sectionHeadingId(id))?.focus();
}

/**
 * Puts focus on the section named in the route (`#/help/<section>`). The app frame focuses the screen's
 * h1 after every route change, in an order this screen does not control, so until the person next
 * presses a key or touches the screen, a programmatic focus on an h1 is handed on to the section.
 */
export function useSectionFocus(section: HelpSectionId | undefined): void {
  useEffect(() => {
    if (!section) return;
    focusSection(section);
    const onFocus = (event: FocusEvent) => {
      if (event.target instanceof HTMLElement && event.target.tagName === 'H1') focusSection(section);
    };
    const stop = () => {
      document.removeEventListener('focusin', onFocus);
      document.removeEventListener('keydown', stop, true);
      document.removeEventListener('pointerdown', stop, true);
    };
    document.addEventListener('focusin', onFocus);
    document.addEventListener('keydown', stop, true);
    document.addEventListener('pointerdown', stop, true);
    return stop;
  }, [section]);
}

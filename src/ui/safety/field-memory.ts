import { options, type VNode } from 'preact';

/** Elements whose values the browser would remember: form state for session restore, and autofill. */
const FIELDS = new Set(['input', 'textarea', 'select', 'form']);

/**
 * True when the browser may keep what `vnode` holds: a masked passphrase field keeps its
 * `current-password` / `new-password` hint for password managers (Chromium never saves a password
 * field's value for session restore); every other field, revealed passphrases included, does not.
 */
function keepsHint(type: string, props: Record<string, unknown>): boolean {
  return type === 'input' && props.type === 'password';
}

/**
 * Makes every form and field the app renders `autocomplete="off"`, whatever its component says. Chromium
 * saves a field's value for session restore (the profile's `Sessions/` files) and into the autofill
 * database (`Web Data`) only when autocomplete is on for it (docs/security.md §8), and a field's own
 * token overrides its form's `off`, so the rule is applied to each element, once, for the whole app:
 * a field added anywhere later is covered without knowing about it. Call once before the first render.
 */
export function keepFieldsOutOfBrowserMemory(): void {
  const previous = options.vnode;
  options.vnode = (vnode: VNode) => {
    const type = vnode.type;
    if (typeof type === 'string' && FIELDS.has(type)) {
      const props = vnode.props as Record<string, unknown>;
      if (!keepsHint(type, props)) {
        delete props.autoComplete;
        props.autocomplete = 'off';
      }
    }
    previous?.(vnode);
  };
}

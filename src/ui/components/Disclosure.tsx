import type { ComponentChildren } from 'preact';
import { useId, useState } from 'preact/hooks';
import './disclosure.css';

/**
 * A button that shows or hides a section (aria-expanded). The section is not rendered while closed, so
 * its fields and texts stay out of the page, the tab order and the screen reader's reach.
 */
export function Disclosure({
  label,
  open,
  onToggle,
  children,
}: {
  label: ComponentChildren;
  /** Controlled when given; otherwise the disclosure keeps its own state, starting closed. */
  open?: boolean;
  onToggle?: (open: boolean) => void;
  children: ComponentChildren;
}) {
  const id = useId();
  const [ownOpen, setOwnOpen] = useState(false);
  const isOpen = open ?? ownOpen;
  const toggle = () => {
    setOwnOpen(!isOpen);
    onToggle?.(!isOpen);
  };
  return (
    <div class="disclosure">
      <button
        type="button"
        class="disclosure-toggle"
        aria-expanded={isOpen ? 'true' : 'false'}
        aria-controls={id}
        onClick={toggle}
      >
        {/* The arrow is drawn, not spoken: aria-expanded already says open or closed. */}
        <span aria-hidden="true" class="disclosure-arrow">
          {isOpen ? '▾' : '▸'}
        </span>
        {label}
      </button>
      <div id={id} class="disclosure-body" hidden={!isOpen}>
        {isOpen && children}
      </div>
    </div>
  );
}

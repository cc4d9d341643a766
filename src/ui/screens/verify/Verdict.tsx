import { useEffect, useRef } from 'preact/hooks';
import type { BundleStatus } from '../../../core/bundle/verify-report';
import { useI18n } from '../../i18n';

/** A check mark, a cross and an exclamation mark: the verdict is also in words, never in colour alone. */
const ICONS: Record<BundleStatus, string> = {
  intact: 'M9.5 16.2 5.3 12l-1.4 1.4 5.6 5.6 11-11-1.4-1.4z',
  tampered:
    'M18.3 5.7 16.9 4.3 12 9.2 7.1 4.3 5.7 5.7l4.9 4.9-4.9 4.9 1.4 1.4 4.9-4.9 4.9 4.9 1.4-1.4-4.9-4.9z',
  invalid: 'M11 4h2v10h-2zm0 13h2v2h-2z',
  unexpectedKey: 'M11 4h2v10h-2zm0 13h2v2h-2z',
};

/** The outcome at a glance; its heading takes focus when it appears, for keyboard and screen-reader users. */
export function Verdict({ status }: { status: BundleStatus }) {
  const { t } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    heading.current?.focus();
  }, []);

  return (
    <div class={`verdict verdict-${status}`} data-status={status}>
      <div class="verdict-head">
        <svg class="verdict-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d={ICONS[status]} />
        </svg>
        <h2 ref={heading} tabIndex={-1} class="verdict-title">
          {t(`verifyUi.status.${status}`)}
        </h2>
      </div>
      <p class="verdict-text">{t(`bundle.status.${status}`)}</p>
    </div>
  );
}

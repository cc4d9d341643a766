import { useState } from 'preact/hooks';
import { type DetailsDraft, withAccountOf } from '../../../core/evidence/details-draft';
import type { EvidenceItem } from '../../../core/evidence/model';
import type { MessageKey } from '../../../core/i18n';
import { showBidiControls } from '../../../core/text/display';
import { useI18n } from '../../i18n';

/**
 * "Same account as the last item": one tap fills platform and account from the earlier item, so
 * nothing carries over unless she asks for it.
 */
export function SameAccount({
  value,
  onChange,
  last,
}: {
  value: DetailsDraft;
  onChange: (next: DetailsDraft) => void;
  last: EvidenceItem;
}) {
  const { t } = useI18n();
  const [done, setDone] = useState(false);
  const d = last.details;
  const account = [
    d.account?.handle ?? d.account?.displayName ?? d.account?.userId,
    d.platform === 'other' ? undefined : t(`platform.${d.platform}` as MessageKey),
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <div class="same-account">
      <button
        type="button"
        class="button small"
        onClick={() => {
          onChange(withAccountOf(value, d));
          setDone(true);
        }}
      >
        {t('flow.sameAccount', { account: showBidiControls(account) })}
      </button>
      <p role="status" class="muted">
        {done ? t('flow.sameAccount.done') : ''}
      </p>
    </div>
  );
}

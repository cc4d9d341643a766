import { useEffect, useRef, useState } from 'preact/hooks';
import { isBuktiError } from '../../../core/errors';
import type { EvidenceItem } from '../../../core/evidence/model';
import type { MessageKey } from '../../../core/i18n';
import { useI18n } from '../../i18n';
import { session } from '../../state/session';
import { goToItem, useItemLabel } from '../cases/item-label';

/**
 * A file that was already in the case: which item holds it, a way to go there, and, when the same
 * capture added new items, a way to list the existing item as related to them. Nothing is stored twice.
 */
export function DuplicateNotice({
  name,
  existing,
  added,
  caseId,
  onLinked,
}: {
  name: string;
  /** The item that already holds the file, if it is still in the case. */
  existing: EvidenceItem | undefined;
  /** Items the same capture added. */
  added: EvidenceItem[];
  caseId: string;
  onLinked: () => void;
}) {
  const { t } = useI18n();
  const label = useItemLabel();
  const [state, setState] = useState<'offer' | 'linking' | 'linked'>('offer');
  const [failure, setFailure] = useState<MessageKey | null>(null);
  const goTo = useRef<HTMLButtonElement>(null);
  // The link button goes away once used; focus moves to the button beside it rather than being lost.
  useEffect(() => {
    if (state === 'linked') goTo.current?.focus();
  }, [state]);
  if (existing === undefined) return <p class="notice">{t('capture.add.duplicate', { name })}</p>;

  const link = async () => {
    setState('linking');
    setFailure(null);
    try {
      for (const item of added) {
        const relatedItemIds = [...item.details.relatedItemIds, existing.id];
        await session.vault.editItem(item.id, { relatedItemIds });
      }
      setState('linked');
      onLinked();
    } catch (error) {
      setFailure(isBuktiError(error) ? error.code : 'error.unexpected');
      setState('offer');
    }
  };

  return (
    <div class="notice duplicate-notice">
      <p class="wrap-anywhere">{t('dup.in', { name, item: label(existing) })}</p>
      <div class="item-actions">
        {added.length > 0 && state !== 'linked' && (
          <button type="button" class="button small" disabled={state === 'linking'} onClick={link}>
            {t('dup.link')}
          </button>
        )}
        <button ref={goTo} type="button" class="button small" onClick={() => goToItem(caseId, existing.id)}>
          {t('dup.goTo')}
        </button>
      </div>
      {state === 'linked' && <p class="ok">{t('dup.linked')}</p>}
      {failure && (
        <p class="error" role="alert">
          {t(failure, { detail: 'link' })}
        </p>
      )}
    </div>
  );
}

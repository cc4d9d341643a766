import type { EvidenceItem } from '../../../core/evidence/model';
import type { MessageKey } from '../../../core/i18n';
import { showBidiControls } from '../../../core/text/display';
import { hrefFor, navigate } from '../../app/router';
import { useI18n } from '../../i18n';

const SNIPPET = 40;

/** What a person would call an item: its file's name, its link, or the start of its message. */
export function useItemName(): (item: EvidenceItem) => string {
  const { t } = useI18n();
  return (item) => {
    const text = item.text?.replace(/\s+/g, ' ').trim();
    const snippet = text && text.length > SNIPPET ? `${text.slice(0, SNIPPET)}…` : text;
    const name = item.files[0]?.originalName ?? item.details.contentUrl ?? snippet;
    return name === undefined ? t(`evidence.kind.${item.kind}` as MessageKey) : showBidiControls(name);
  };
}

/** "name · kind · saved time": enough to tell items of one case apart. */
export function useItemLabel(): (item: EvidenceItem) => string {
  const { t, date } = useI18n();
  const name = useItemName();
  return (item) =>
    t('item.label', {
      name: name(item),
      kind: t(`evidence.kind.${item.kind}` as MessageKey),
      time: date(item.captured.local),
    });
}

/**
 * Moves to an item: its card's heading gets focus when the card is on this page; otherwise the case
 * opens at the item (the timeline then clears its filters and the card takes focus).
 */
export function goToItem(caseId: string, itemId: string): void {
  const heading = document.querySelector<HTMLElement>(`[data-item-id="${CSS.escape(itemId)}"] h3`);
  if (heading) heading.focus();
  else navigate(hrefFor('cases', caseId, itemId));
}

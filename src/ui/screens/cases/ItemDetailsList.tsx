import type { ComponentChildren } from 'preact';
import type { EvidenceItem } from '../../../core/evidence/model';
import type { MessageKey } from '../../../core/i18n';
import { parseUrl } from '../../../core/url/parse';
import { DefinitionList } from '../../components/DefinitionList';
import { useI18n } from '../../i18n';
import { goToItem, useItemLabel } from './item-label';

/**
 * The details beyond the card's summary line: account, profile, post ID, posting date, platform report,
 * tags, and the related items (both those this item names and those that name it), each a way to go there.
 */
export function ItemDetailsList({ item, items }: { item: EvidenceItem; items: EvidenceItem[] }) {
  const { t, date } = useI18n();
  const label = useItemLabel();
  const d = item.details;
  const rows: Array<[MessageKey, ComponentChildren]> = [];
  const account = [d.account?.displayName, d.account?.userId].filter(Boolean).join(' · ');
  if (account) rows.push(['item.account', account]);
  if (d.profileUrl) rows.push(['report.field.profileUrl', d.profileUrl]);
  const parsed = d.contentUrl === undefined ? undefined : parseUrl(d.contentUrl);
  if (parsed?.ok && parsed.postId) rows.push(['item.postId', parsed.postId]);
  if (d.postedTime?.iso) rows.push(['report.field.postedDate', date(d.postedTime.iso)]);
  if (d.platformReport) {
    const { reference, date: reported } = d.platformReport;
    rows.push([
      'report.field.platformReport',
      [reference, reported && date(reported)].filter(Boolean).join(' · '),
    ]);
  }
  if (d.tags.length > 0) rows.push(['report.field.tags', d.tags.join(', ')]);
  const relatedIds = new Set([
    ...d.relatedItemIds,
    ...items.filter((other) => other.details.relatedItemIds.includes(item.id)).map((other) => other.id),
  ]);
  const related = [...relatedIds].map((id) => ({
    id,
    other: items.find((candidate) => candidate.id === id),
  }));
  if (related.length > 0)
    rows.push([
      'item.relatedTitle',
      <ul class="related-list" key="related">
        {related.map(({ id, other }) => (
          <li key={id}>
            {other ? (
              <button type="button" class="link-button" onClick={() => goToItem(item.caseId, id)}>
                {label(other)}
              </button>
            ) : (
              t('item.relatedGone')
            )}
          </li>
        ))}
      </ul>,
    ]);
  return <DefinitionList class="item-details" rows={rows} />;
}

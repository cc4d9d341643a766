import { Fragment } from 'preact';
import { type DetailField, type DetailValue, detailsHistory } from '../../../core/evidence/details-diff';
import type { EvidenceItem } from '../../../core/evidence/model';
import type { MessageKey } from '../../../core/i18n';
import { Disclosure } from '../../components/Disclosure';
import { useI18n } from '../../i18n';
import { useItemLabel } from './item-label';

/** The names the printed report gives the same fields, so screen and paper agree. */
const FIELD_LABELS: Record<DetailField, MessageKey> = {
  category: 'report.field.category',
  sensitive: 'report.field.sensitive',
  description: 'report.field.description',
  contentUrl: 'report.field.contentUrl',
  postedAsShown: 'report.field.postedAsShown',
  postedDate: 'report.field.postedDate',
  handle: 'report.field.handle',
  displayName: 'report.field.displayName',
  userId: 'report.field.userId',
  profileUrl: 'report.field.profileUrl',
  platform: 'report.field.platform',
  platformReport: 'report.field.platformReport',
  tags: 'report.field.tags',
  relatedItemIds: 'report.field.related',
};

/** One field's value in words: labels for categories and platforms, names for related items. */
function useValueText(items: EvidenceItem[]): (field: DetailField, value: DetailValue) => string {
  const { t, date } = useI18n();
  const label = useItemLabel();
  return (field, value) => {
    if (value === undefined) return t('history.empty');
    if (typeof value === 'boolean') return t(value ? 'report.yes' : 'report.no');
    if (typeof value !== 'string') {
      if (field !== 'relatedItemIds') return value.join(', ');
      return value
        .map((id) => {
          const item = items.find((other) => other.id === id);
          return item ? label(item) : t('item.relatedGone');
        })
        .join('; ');
    }
    if (field === 'category') return t(`evidence.category.${value}` as MessageKey);
    if (field === 'platform') return t(`platform.${value}` as MessageKey);
    if (field === 'postedDate') return date(value);
    return value;
  };
}

/** Earlier versions of an item's details, newest first: when each was replaced and what changed. */
export function ItemHistory({ item, items }: { item: EvidenceItem; items: EvidenceItem[] }) {
  const { t, when } = useI18n();
  const text = useValueText(items);
  const steps = detailsHistory(item);
  if (steps.length === 0) return null;
  return (
    <Disclosure label={t('history.show', { count: steps.length })}>
      <ol class="history-list">
        {steps.map((step, index) => (
          <li key={`${step.replacedAt}-${index}`}>
            <h4>{t('history.replaced', { time: when(step.replacedAt) })}</h4>
            {step.changes.length === 0 ? (
              <p>{t('history.noVisibleChange')}</p>
            ) : (
              <dl class="history-change">
                {step.changes.map((change) => (
                  <Fragment key={change.field}>
                    <dt>{t(FIELD_LABELS[change.field])}</dt>
                    <dd>{t('history.before', { value: text(change.field, change.before) })}</dd>
                    <dd>{t('history.after', { value: text(change.field, change.after) })}</dd>
                  </Fragment>
                ))}
              </dl>
            )}
          </li>
        ))}
      </ol>
    </Disclosure>
  );
}

import { useEffect, useId, useState } from 'preact/hooks';
import type { EvidenceItem } from '../../../core/evidence/model';
import type { MessageKey } from '../../../core/i18n';
import { useRoute } from '../../app/router';
import { useI18n } from '../../i18n';
import { ItemCard } from './ItemCard';

/** When it happened: the posted time the person gave, else when it was captured. */
export function incidentTime(item: EvidenceItem): string {
  return item.details.postedTime?.iso ?? item.captured.utc;
}

/** Milliseconds since 1970 of the incident; times given with an offset sort by the instant they name. */
function incidentInstant(item: EvidenceItem): number {
  const parsed = Date.parse(incidentTime(item));
  return Number.isNaN(parsed) ? Date.parse(item.captured.utc) : parsed;
}

/** A handle as the filter compares it: `@Kulai.Anon` and `kulai.anon` are one account. */
function handleKey(item: EvidenceItem): string | undefined {
  const handle = item.details.account?.handle?.trim().replace(/^@+/, '').toLowerCase();
  return handle || undefined;
}

/** Items in incident order, filterable by platform, category and account. */
export function Timeline({ items, onChanged }: { items: EvidenceItem[]; onChanged: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const [platform, setPlatform] = useState('');
  const [category, setCategory] = useState('');
  const [account, setAccount] = useState('');
  const distinct = (values: (string | undefined)[]) =>
    [...new Set(values.filter((v): v is string => !!v))].sort();
  const platforms = distinct(items.map((i) => i.details.platform));
  const categories = distinct(items.map((i) => i.details.category));
  const accounts = distinct(items.map(handleKey));
  const shown = items
    .filter((i) => !platform || i.details.platform === platform)
    .filter((i) => !category || i.details.category === category)
    .filter((i) => !account || handleKey(i) === account)
    .sort((a, b) => incidentInstant(a) - incidentInstant(b));
  // `#/cases/<case>/<item>` opens the case at one item; a filter that hides it is cleared.
  const route = useRoute();
  const target = route.screen === 'cases' ? route.rest[1] : undefined;
  useEffect(() => {
    if (target !== undefined && !shown.some((item) => item.id === target)) {
      setPlatform('');
      setCategory('');
      setAccount('');
    }
  }, [target]);

  const select = (
    label: MessageKey,
    value: string,
    set: (v: string) => void,
    options: string[],
    prefix?: string,
  ) => (
    <div class="field">
      <label for={`${id}-${label}`}>{t(label)}</label>
      <select
        id={`${id}-${label}`}
        value={value}
        onChange={(e) => set((e.currentTarget as HTMLSelectElement).value)}
      >
        <option value="">{t('timeline.all')}</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {prefix ? t(`${prefix}.${o}` as MessageKey) : o}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('timeline.title')}</h2>
      {items.length === 0 ? (
        <p class="notice">{t('timeline.empty')}</p>
      ) : (
        <>
          <div class="filters">
            {select('timeline.filterPlatform', platform, setPlatform, platforms, 'platform')}
            {select('timeline.filterCategory', category, setCategory, categories, 'evidence.category')}
            {select('timeline.filterAccount', account, setAccount, accounts)}
          </div>
          <ol class="timeline">
            {shown.map((item) => (
              <ItemCard
                key={item.id}
                item={item}
                items={items}
                onChanged={onChanged}
                targeted={item.id === target}
              />
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

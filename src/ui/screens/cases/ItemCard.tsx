import type { EvidenceItem } from '../../../core/evidence/model';
import type { MessageKey } from '../../../core/i18n';
import { useI18n } from '../../i18n';
import { session } from '../../state/session';
import { FilePreview } from './FilePreview';

/** One item on the timeline: what, when, where, its fingerprints, and a preview (hidden if sensitive). */
export function ItemCard({ item, onChanged }: { item: EvidenceItem; onChanged: () => void }) {
  const { t, locale } = useI18n();
  const d = item.details;
  const name = item.files[0]?.originalName ?? d.contentUrl ?? t(`evidence.kind.${item.kind}` as MessageKey);
  const remove = async () => {
    if (!window.confirm(t('item.deleteConfirm', { name }))) return;
    await session.vault.deleteItem(item.id);
    onChanged();
  };
  return (
    <li class="card item-card" data-item-id={item.id}>
      <h3>
        {t(`evidence.kind.${item.kind}` as MessageKey)} · {t(`evidence.category.${d.category}` as MessageKey)}
      </h3>
      <p class="muted">
        {t('item.captured', { time: new Date(item.captured.utc).toLocaleString(locale) })} (
        {item.captured.timeZone}){d.postedTime && <> · {t('item.posted', { time: d.postedTime.asShown })}</>}
      </p>
      <p>
        {t(`platform.${d.platform}` as MessageKey)}
        {d.account?.handle && <> · {d.account.handle}</>}
      </p>
      {d.contentUrl && <p class="wrap-anywhere">{d.contentUrl}</p>}
      {d.flags.map((flag) => (
        <p key={flag} class="notice">
          {t(`evidence.flag.${flag}` as MessageKey)}
        </p>
      ))}
      {d.description && <p>{d.description}</p>}
      {item.text && <blockquote class="wrap-anywhere">{item.text}</blockquote>}
      {item.files.map((file) => (
        <div key={file.id} class="item-file">
          <FilePreview file={file} sensitive={d.sensitive} />
          <p class="wrap-anywhere">{file.originalName}</p>
          {file.facts.hasGps && <p class="notice">{t('item.gps')}</p>}
          <p>
            {t('item.sha256')}: <code class="hash">{file.sha256}</code>
          </p>
        </div>
      ))}
      {item.history.length > 0 && <p class="muted">{t('item.history', { count: item.history.length })}</p>}
      <button type="button" class="button small" onClick={remove}>
        {t('item.delete')}
      </button>
    </li>
  );
}

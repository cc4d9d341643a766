import { useEffect, useRef, useState } from 'preact/hooks';
import type { EvidenceItem } from '../../../core/evidence/model';
import type { MessageKey } from '../../../core/i18n';
import { capturedShort } from '../../../core/i18n/dates';
import { showBidiControls } from '../../../core/text/display';
import { cleanLink } from '../../../core/url/parse';
import { useI18n } from '../../i18n';
import { session } from '../../state/session';
import { EditDetails, type EditOutcome } from './EditDetails';
import { FileFacts } from './FileFacts';
import { FilePreview } from './FilePreview';
import { ItemDetailsList } from './ItemDetailsList';
import { ItemHistory } from './ItemHistory';
import { useItemName } from './item-label';
import './item-details.css';

const OUTCOME_TEXT: Record<Exclude<EditOutcome, 'cancelled'>, MessageKey> = {
  saved: 'item.saved',
  unchanged: 'item.unchanged',
};

/**
 * One item on the timeline: what, when, where, its details, its fingerprints and file facts, a preview
 * (hidden if sensitive), its earlier versions, and editing. `targeted` gives it focus when it opens.
 */
export function ItemCard({
  item,
  items,
  onChanged,
  targeted = false,
}: {
  item: EvidenceItem;
  items: EvidenceItem[];
  onChanged: () => void;
  targeted?: boolean;
}) {
  const { t, locale, date } = useI18n();
  const d = item.details;
  const clean = cleanLink(d.contentUrl);
  const asShown = d.postedTime?.asShown;
  const posted = [d.postedTime?.iso && date(d.postedTime.iso), asShown && `“${asShown}”`]
    .filter(Boolean)
    .join(' ');
  const name = useItemName()(item);
  const heading = useRef<HTMLHeadingElement>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const [editing, setEditing] = useState(false);
  const [outcome, setOutcome] = useState<EditOutcome | null>(null);

  useEffect(() => {
    if (targeted) heading.current?.focus();
  }, [targeted]);
  useEffect(() => {
    if (outcome !== null) editButton.current?.focus();
  }, [outcome]);

  const closeEditor = (result: EditOutcome) => {
    setEditing(false);
    setOutcome(result);
    if (result === 'saved') onChanged();
  };
  const remove = async () => {
    if (!window.confirm(t('item.deleteConfirm', { name }))) return;
    await session.vault.deleteItem(item.id);
    onChanged();
  };
  return (
    <li class="card item-card" data-item-id={item.id}>
      <h3 ref={heading} tabIndex={-1}>
        {t(`evidence.kind.${item.kind}` as MessageKey)} · {t(`evidence.category.${d.category}` as MessageKey)}
      </h3>
      <p class="muted">
        {t('item.captured', { time: capturedShort(item.captured, locale) })}
        {posted && <> · {t('item.posted', { time: posted })}</>}
      </p>
      <p>
        {t(`platform.${d.platform}` as MessageKey)}
        {d.account?.handle && <> · {showBidiControls(d.account.handle)}</>}
      </p>
      {d.contentUrl && <p class="wrap-anywhere">{d.contentUrl}</p>}
      {clean !== d.contentUrl && (
        <p class="wrap-anywhere muted">{t('flow.link.clean', { url: clean ?? '' })}</p>
      )}
      {d.flags.map((flag) => (
        <p key={flag} class="notice">
          {t(`evidence.flag.${flag}` as MessageKey)}
        </p>
      ))}
      {d.description && <p>{d.description}</p>}
      <ItemDetailsList item={item} items={items} />
      {item.text && <blockquote class="wrap-anywhere">{item.text}</blockquote>}
      {item.files.map((file) => (
        <div key={file.id} class="item-file">
          <FilePreview file={file} sensitive={d.sensitive} />
          <p class="wrap-anywhere">{showBidiControls(file.originalName)}</p>
          {file.facts.hasGps && <p class="notice">{t('item.gps')}</p>}
          <p>
            {t('item.sha256')}: <code class="hash">{file.sha256}</code>
          </p>
          <FileFacts file={file} />
        </div>
      ))}
      <ItemHistory item={item} items={items} />
      {editing ? (
        <EditDetails item={item} items={items} onClose={closeEditor} />
      ) : (
        <div class="item-actions">
          <button
            ref={editButton}
            type="button"
            class="button small"
            onClick={() => {
              setOutcome(null);
              setEditing(true);
            }}
          >
            {t('item.editDetails')}
          </button>
          <button type="button" class="button small" onClick={remove}>
            {t('item.delete')}
          </button>
        </div>
      )}
      <p role="status" class={outcome && outcome !== 'cancelled' ? 'ok' : undefined}>
        {outcome && outcome !== 'cancelled' ? t(OUTCOME_TEXT[outcome]) : ''}
      </p>
    </li>
  );
}

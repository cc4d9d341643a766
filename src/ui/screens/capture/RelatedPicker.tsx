import type { EvidenceItem } from '../../../core/evidence/model';
import { useI18n } from '../../i18n';
import { useItemLabel } from '../cases/item-label';

/** Check boxes for the other items of the case, each named by name, kind and capture time. */
export function RelatedPicker({
  choices,
  selected,
  onChange,
}: {
  choices: EvidenceItem[];
  selected: string[];
  onChange: (ids: string[]) => void;
}) {
  const { t } = useI18n();
  const label = useItemLabel();
  const ordered = [...choices].sort((a, b) => a.captured.utc.localeCompare(b.captured.utc));
  return (
    <fieldset class="related-picker">
      <legend>{t('details.related')}</legend>
      {ordered.length === 0 ? (
        <p class="muted">{t('details.relatedNone')}</p>
      ) : (
        <ul class="pick-list">
          {ordered.map((item) => (
            <li key={item.id}>
              <label class="check">
                <input
                  type="checkbox"
                  checked={selected.includes(item.id)}
                  onChange={(e) =>
                    onChange(
                      e.currentTarget.checked
                        ? [...selected, item.id]
                        : selected.filter((id) => id !== item.id),
                    )
                  }
                />
                <span class="wrap-anywhere">{label(item)}</span>
              </label>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}

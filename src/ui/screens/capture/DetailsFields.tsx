import { useId } from 'preact/hooks';
import { CATEGORIES, type Category, isSensitiveByDefault } from '../../../core/evidence/model';
import type { DetailsInput } from '../../../core/evidence/records';
import type { MessageKey } from '../../../core/i18n';
import { useI18n } from '../../i18n';

/** The facts asked for at capture; all optional but the category. */
export interface CaptureDetails {
  category: Category;
  sensitive: boolean;
  /** True once the person changed "hide the picture" themselves; the category then stops overriding it. */
  sensitiveChosen: boolean;
  description: string;
  contentUrl: string;
  postedAsShown: string;
  handle: string;
}

export const EMPTY_DETAILS: CaptureDetails = {
  category: 'other',
  sensitive: false,
  sensitiveChosen: false,
  description: '',
  contentUrl: '',
  postedAsShown: '',
  handle: '',
};

/** What the vault's `captureFiles` expects, without empty strings. */
export function toDetailsInput(d: CaptureDetails): DetailsInput {
  return {
    category: d.category,
    sensitive: d.sensitive,
    description: d.description.trim(),
    contentUrl: d.contentUrl.trim() || undefined,
    postedTime: d.postedAsShown.trim() ? { asShown: d.postedAsShown.trim() } : undefined,
    account: d.handle.trim() ? { handle: d.handle.trim() } : undefined,
  };
}

export function DetailsFields({
  value,
  onChange,
}: {
  value: CaptureDetails;
  onChange: (next: CaptureDetails) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const set = (patch: Partial<CaptureDetails>) => onChange({ ...value, ...patch });
  // Links are typed as text (inputMode url): an address that does not parse is still kept, and flagged.
  const text = (name: keyof CaptureDetails, label: MessageKey, inputMode: 'text' | 'url' = 'text') => (
    <div class="field">
      <label for={`${id}-${name}`}>{t(label)}</label>
      <input
        id={`${id}-${name}`}
        type="text"
        inputMode={inputMode}
        value={value[name] as string}
        onInput={(e) => set({ [name]: (e.currentTarget as HTMLInputElement).value })}
      />
    </div>
  );
  return (
    <fieldset class="details-fields">
      <div class="field">
        <label for={`${id}-category`}>{t('capture.add.category')}</label>
        <select
          id={`${id}-category`}
          value={value.category}
          onChange={(e) => {
            const category = (e.currentTarget as HTMLSelectElement).value as Category;
            set({
              category,
              sensitive: value.sensitiveChosen ? value.sensitive : isSensitiveByDefault(category),
            });
          }}
        >
          {CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {t(`evidence.category.${c}` as MessageKey)}
            </option>
          ))}
        </select>
      </div>
      <label class="check">
        <input
          type="checkbox"
          checked={value.sensitive}
          onChange={(e) =>
            set({ sensitive: (e.currentTarget as HTMLInputElement).checked, sensitiveChosen: true })
          }
        />
        {t('capture.add.sensitive')}
      </label>
      {text('description', 'capture.add.description')}
      {text('contentUrl', 'capture.add.contentUrl', 'url')}
      {text('postedAsShown', 'capture.add.postedAsShown')}
      {text('handle', 'capture.add.handle')}
    </fieldset>
  );
}

import { chooseLinkFilled, linkFilled } from '../../../core/evidence/details-draft';
import { type EvidenceItem, PLATFORMS, type Platform } from '../../../core/evidence/model';
import type { MessageKey } from '../../../core/i18n';
import { TextInput } from '../../components/TextInput';
import { useI18n } from '../../i18n';
import { type FieldProps, useLinkHint } from './link-hint';
import { dateInput } from './PostedWhen';
import { RelatedPicker } from './RelatedPicker';

/** The details most captures leave empty: profile, platform, account, report, tags, related items. */
export function MoreDetailsFields({
  value,
  onChange,
  id,
  problems,
  related,
}: FieldProps & { related?: EvidenceItem[] }) {
  const { t } = useI18n();
  const linkHint = useLinkHint(value);
  const date = dateInput({ value, onChange, id, problems });
  return (
    <>
      <TextInput
        id={`${id}-profileUrl`}
        label="details.profileUrl"
        inputMode="url"
        value={linkFilled(value, 'profileUrl')}
        hint={linkHint('profileUrl')}
        onInput={(text) => onChange(chooseLinkFilled(value, 'profileUrl', text))}
      />
      <div class="field">
        <label for={`${id}-platform`}>{t('details.platform')}</label>
        <select
          id={`${id}-platform`}
          value={linkFilled(value, 'platform')}
          aria-describedby={linkHint('platform') ? `${id}-platform-hint` : undefined}
          onChange={(e) => onChange(chooseLinkFilled(value, 'platform', e.currentTarget.value as Platform))}
        >
          {PLATFORMS.map((p) => (
            <option key={p} value={p}>
              {t(`platform.${p}` as MessageKey)}
            </option>
          ))}
        </select>
        {linkHint('platform') && <small id={`${id}-platform-hint`}>{linkHint('platform')}</small>}
      </div>
      <TextInput
        id={`${id}-displayName`}
        label="details.displayName"
        value={value.displayName}
        onInput={(displayName) => onChange({ ...value, displayName })}
      />
      <TextInput
        id={`${id}-userId`}
        label="details.userId"
        value={linkFilled(value, 'userId')}
        hint={linkHint('userId')}
        onInput={(text) => onChange(chooseLinkFilled(value, 'userId', text))}
      />
      <TextInput
        id={`${id}-reportReference`}
        label="details.reportReference"
        value={value.reportReference}
        onInput={(reportReference) => onChange({ ...value, reportReference })}
      />
      {date('reportDate', 'details.reportDate', 'date')}
      <TextInput
        id={`${id}-tags`}
        label="details.tags"
        value={value.tags}
        onInput={(tags) => onChange({ ...value, tags })}
      />
      {related && (
        <RelatedPicker
          choices={related}
          selected={value.relatedItemIds}
          onChange={(relatedItemIds) => onChange({ ...value, relatedItemIds })}
        />
      )}
    </>
  );
}

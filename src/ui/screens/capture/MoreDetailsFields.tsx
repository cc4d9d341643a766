import {
  chooseLinkFilled,
  type DateField,
  linkFilled,
  withDateField,
} from '../../../core/evidence/details-draft';
import { type EvidenceItem, PLATFORMS, type Platform } from '../../../core/evidence/model';
import { deviceTimeZone } from '../../../core/evidence/time';
import type { MessageKey } from '../../../core/i18n';
import { TextInput } from '../../components/TextInput';
import { useI18n } from '../../i18n';
import { type FieldProps, useLinkHint } from './link-hint';
import { RelatedPicker } from './RelatedPicker';

/** The details most captures leave empty: profile, platform, account, posting date, report, tags, related items. */
export function MoreDetailsFields({
  value,
  onChange,
  id,
  problems,
  related,
}: FieldProps & { related?: EvidenceItem[] }) {
  const { t } = useI18n();
  const linkHint = useLinkHint(value);
  const problem = (field: DateField) => problems.find((p) => p.field === field)?.key;
  // A half-typed date reads as "" in the browser; it is remembered as unfinished rather than dropped.
  const date = (field: DateField, label: MessageKey, type: 'date' | 'time', hint?: string) => (
    <TextInput
      id={`${id}-${field}`}
      label={label}
      type={type}
      value={value[field]}
      hint={hint}
      problem={problem(field)}
      onInput={(text, input) => onChange(withDateField(value, field, text, input.validity.badInput))}
    />
  );
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
      {date('postedDate', 'details.postedDate', 'date')}
      {date(
        'postedClock',
        'details.postedClock',
        'time',
        t('details.postedZone', { zone: deviceTimeZone() }),
      )}
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

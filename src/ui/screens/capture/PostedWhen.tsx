import { type DateField, draftToInput, withDateField } from '../../../core/evidence/details-draft';
import { deviceTimeZone } from '../../../core/evidence/time';
import type { MessageKey } from '../../../core/i18n';
import { TextInput } from '../../components/TextInput';
import { useI18n } from '../../i18n';
import type { FieldProps } from './link-hint';

/**
 * A date or time field of the details. A half-typed date reads as "" in the browser; it is remembered
 * as unfinished rather than dropped.
 */
export function dateInput({ value, onChange, id, problems }: FieldProps) {
  return (field: DateField, label: MessageKey, type: 'date' | 'time', hint?: string) => (
    <TextInput
      id={`${id}-${field}`}
      label={label}
      type={type}
      value={value[field]}
      hint={hint}
      problem={problems.find((p) => p.field === field)?.key}
      onInput={(text, input) => onChange(withDateField(value, field, text, input.validity.badInput))}
    />
  );
}

/** "When was it posted?": the words on screen, and the date and time when she knows them. */
export function PostedWhen(props: FieldProps) {
  const { value, onChange, id } = props;
  const { t, date: formatDate } = useI18n();
  const date = dateInput(props);
  // Date fields follow the browser's own order (12/05 may be May or December): say it back, day first.
  const result = draftToInput(value);
  const iso = result.ok ? result.input.postedTime?.iso : undefined;
  const readAs = iso === undefined ? undefined : formatDate(iso);
  return (
    <fieldset class="posted-when" aria-describedby={`${id}-posted-hint`}>
      <legend>{t('flow.posted.legend')}</legend>
      <p id={`${id}-posted-hint`} class="muted">
        {t('flow.posted.hint')}
      </p>
      <TextInput
        id={`${id}-postedAsShown`}
        label="capture.add.postedAsShown"
        value={value.postedAsShown}
        onInput={(postedAsShown) => onChange({ ...value, postedAsShown })}
      />
      <div class="posted-date-time">
        {date('postedDate', 'details.postedDate', 'date')}
        {date(
          'postedClock',
          'details.postedClock',
          'time',
          t('details.postedZone', { zone: deviceTimeZone() }),
        )}
      </div>
      {readAs && (
        <p class="muted" data-testid="posted-read-as">
          {t('flow.posted.readAs', { when: readAs })}
        </p>
      )}
    </fieldset>
  );
}

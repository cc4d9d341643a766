import { useEffect, useId, useState } from 'preact/hooks';
import { BuktiError } from '../../../core/errors';
import {
  chooseLinkFilled,
  type DetailsDraft,
  type DraftProblem,
  draftToInput,
  EMPTY_DRAFT,
  linkFilled,
  withCategory,
} from '../../../core/evidence/details-draft';
import { CATEGORIES, type Category, type EvidenceItem } from '../../../core/evidence/model';
import type { DetailsInput } from '../../../core/evidence/records';
import type { MessageKey } from '../../../core/i18n';
import { Disclosure } from '../../components/Disclosure';
import { TextInput } from '../../components/TextInput';
import { useI18n } from '../../i18n';
import '../cases/item-details.css';
import { LinkFeedback } from './LinkFeedback';
import { useLinkHint } from './link-hint';
import { MoreDetailsFields } from './MoreDetailsFields';
import { PostedWhen } from './PostedWhen';
import { SameAccount } from './SameAccount';

/** The details as typed in a form; see core/evidence/details-draft.ts. */
export type CaptureDetails = DetailsDraft;

export const EMPTY_DETAILS: CaptureDetails = EMPTY_DRAFT;

/** What the vault expects; a field that cannot be read throws a BuktiError naming it. */
export function toDetailsInput(d: CaptureDetails): DetailsInput {
  const result = draftToInput(d);
  if (!result.ok) throw new BuktiError(result.problems[0]?.key ?? 'details.problems');
  return result.input;
}

/** True when a field behind "More details" holds something, so the section starts open. */
function usesMore(d: CaptureDetails): boolean {
  const typed = [d.displayName, d.reportReference, d.reportDate, d.tags];
  const reportUnfinished = d.unfinished.includes('reportDate');
  return typed.some((text) => text !== '') || d.relatedItemIds.length > 0 || reportUnfinished;
}

/**
 * The details of an item: the quick ones first (category, hiding, what it shows, link, when it was
 * posted, account), the rarely used ones behind "More details". `related` lists the items to choose
 * from; without it the related-items choice is left out. `startedHidden` keeps a hidden item hidden
 * when its category changes. `withLink: false` leaves out the link (a link item has it above);
 * `lastAccount` offers to take the account of that earlier item.
 */
export function DetailsFields({
  value,
  onChange,
  related,
  problems = [],
  startOpen = false,
  startedHidden = false,
  withLink = true,
  lastAccount,
}: {
  value: CaptureDetails;
  onChange: (next: CaptureDetails) => void;
  related?: EvidenceItem[];
  problems?: DraftProblem[];
  startOpen?: boolean;
  startedHidden?: boolean;
  withLink?: boolean;
  lastAccount?: EvidenceItem;
}) {
  const { t } = useI18n();
  const id = useId();
  const [open, setOpen] = useState(() => startOpen || usesMore(value));
  useEffect(() => {
    if (problems.some((problem) => problem.field === 'reportDate')) setOpen(true);
  }, [problems]);
  const set = (patch: Partial<CaptureDetails>) => onChange({ ...value, ...patch });
  const linkHint = useLinkHint(value);
  return (
    <fieldset class="details-fields">
      <div class="field">
        <label for={`${id}-category`}>{t('capture.add.category')}</label>
        <select
          id={`${id}-category`}
          value={value.category}
          onChange={(e) => onChange(withCategory(value, e.currentTarget.value as Category, startedHidden))}
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
          onChange={(e) => set({ sensitive: e.currentTarget.checked, sensitiveChosen: true })}
        />
        {t('capture.add.sensitive')}
      </label>
      <TextInput
        id={`${id}-description`}
        label="capture.add.description"
        value={value.description}
        onInput={(description) => set({ description })}
      />
      {/* Links are typed as text (inputMode url): an address that does not parse is still kept, and flagged. */}
      {withLink && (
        <>
          <TextInput
            id={`${id}-contentUrl`}
            label="capture.add.contentUrl"
            inputMode="url"
            value={value.contentUrl}
            onInput={(contentUrl) => set({ contentUrl })}
          />
          <LinkFeedback id={`${id}-contentUrl-read`} link={value.contentUrl} />
        </>
      )}
      <PostedWhen value={value} onChange={onChange} id={id} problems={problems} />
      {lastAccount && <SameAccount value={value} onChange={onChange} last={lastAccount} />}
      <TextInput
        id={`${id}-handle`}
        label="capture.add.handle"
        value={linkFilled(value, 'handle')}
        hint={linkHint('handle')}
        onInput={(handle) => onChange(chooseLinkFilled(value, 'handle', handle))}
      />
      <Disclosure label={t('details.more')} open={open} onToggle={setOpen}>
        <MoreDetailsFields value={value} onChange={onChange} id={id} problems={problems} related={related} />
      </Disclosure>
    </fieldset>
  );
}

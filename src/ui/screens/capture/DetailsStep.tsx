import { useId } from 'preact/hooks';
import type { DraftProblem } from '../../../core/evidence/details-draft';
import type { EvidenceItem } from '../../../core/evidence/model';
import type { MessageKey, MessageParams } from '../../../core/i18n';
import { showBidiControls } from '../../../core/text/display';
import { TextInput } from '../../components/TextInput';
import { useI18n } from '../../i18n';
import { type CaptureDetails, DetailsFields } from './DetailsFields';
import { LinkFeedback } from './LinkFeedback';
import type { Chosen } from './WhatStep';

/** The item itself at the top: the files chosen, the link, or the message, then its details. */
function WhatIsKept({
  chosen,
  onChosen,
  details,
  onDetails,
  onBack,
}: {
  chosen: Chosen;
  onChosen: (chosen: Chosen) => void;
  details: CaptureDetails;
  onDetails: (details: CaptureDetails) => void;
  onBack: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  if (chosen.kind === 'files') {
    return (
      <div class="chosen-files">
        <p class="wrap-anywhere">
          {t('flow.files.chosen', {
            names: chosen.files.map((file) => showBidiControls(file.name)).join(', '),
          })}
        </p>
        <button type="button" class="button small" onClick={onBack}>
          {t('flow.files.other')}
        </button>
      </div>
    );
  }
  if (chosen.kind === 'link') {
    return (
      <>
        <TextInput
          id={`${id}-link`}
          label="capture.add.linkUrl"
          inputMode="url"
          value={details.contentUrl}
          onInput={(contentUrl) => onDetails({ ...details, contentUrl })}
        />
        <LinkFeedback
          id={`${id}-link-read`}
          link={details.contentUrl}
          onKeepAsText={() => {
            onChosen({ kind: 'message', text: details.contentUrl });
            onDetails({ ...details, contentUrl: '' });
          }}
        />
      </>
    );
  }
  return (
    <div class="field">
      <label for={`${id}-text`}>{t('capture.add.textBody')}</label>
      <textarea
        id={`${id}-text`}
        rows={4}
        autoComplete="off"
        value={chosen.text}
        onInput={(e) => onChosen({ kind: 'message', text: (e.currentTarget as HTMLTextAreaElement).value })}
      />
    </div>
  );
}

/** Step 2: what is being kept, its details (empty to start with), and one Save button. */
export function DetailsStep({
  chosen,
  onChosen,
  details,
  onDetails,
  problems,
  failure,
  busy,
  items,
  lastAccount,
  onSave,
  onBack,
  onCancel,
}: {
  chosen: Chosen;
  onChosen: (chosen: Chosen) => void;
  details: CaptureDetails;
  onDetails: (details: CaptureDetails) => void;
  problems: DraftProblem[];
  failure: { key: MessageKey; params?: MessageParams } | null;
  busy: number;
  items: EvidenceItem[];
  lastAccount: EvidenceItem | undefined;
  onSave: () => void;
  onBack: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const count = chosen.kind === 'files' ? chosen.files.length : 1;
  return (
    <form
      class="details-step"
      aria-labelledby="details-step-h"
      aria-busy={busy > 0}
      onSubmit={(event) => {
        event.preventDefault();
        onSave();
      }}
    >
      <h2 id="details-step-h" tabIndex={-1}>
        {t('flow.details.title')}
      </h2>
      <WhatIsKept
        chosen={chosen}
        onChosen={onChosen}
        details={details}
        onDetails={onDetails}
        onBack={onBack}
      />
      <p class="muted">{t('flow.details.intro')}</p>
      <DetailsFields
        value={details}
        onChange={onDetails}
        related={items}
        problems={problems}
        withLink={chosen.kind !== 'link'}
        lastAccount={lastAccount}
      />
      <div class="flow-actions" aria-live="polite">
        {busy > 0 && <p role="status">{t('capture.add.working', { count: busy })}</p>}
        {problems.length > 0 && (
          <div class="error" role="alert">
            <p>{t('flow.problems')}</p>
            <ul>
              {problems.map((problem) => (
                <li key={problem.field}>{t(problem.key)}</li>
              ))}
            </ul>
          </div>
        )}
        {failure && (
          <p class="error" role="alert">
            {t(failure.key, failure.params)}
          </p>
        )}
        <button type="submit" class="button primary" disabled={busy > 0}>
          {count > 1 ? t('flow.saveFiles', { count }) : t('flow.save')}
        </button>
        <button type="button" class="button" onClick={onCancel}>
          {t('flow.cancel')}
        </button>
      </div>
    </form>
  );
}

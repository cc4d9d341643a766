import type { EvidenceItem } from '../../../core/evidence/model';
import { useI18n } from '../../i18n';
import { useItemLabel } from '../cases/item-label';
import { DuplicateNotice } from './DuplicateNotice';

/** What a save added, and the files that were already in the case. */
export interface Saved {
  added: EvidenceItem[];
  duplicates: Array<{ name: string; itemId: string }>;
}

/** Step 3: the confirmation, at the top where the eye is, then "add another" or back to the timeline. */
export function SavedStep({
  saved,
  caseId,
  items,
  onLinked,
  onAnother,
  onDone,
}: {
  saved: Saved;
  caseId: string;
  items: EvidenceItem[];
  onLinked: () => void;
  onAnother: () => void;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const label = useItemLabel();
  return (
    <section class="saved-step" aria-labelledby="saved-step-h">
      <h2 id="saved-step-h" tabIndex={-1}>
        {t(saved.added.length > 0 ? 'flow.saved.title' : 'flow.saved.none')}
      </h2>
      {saved.added.length > 0 && (
        <>
          <p class="ok" role="status">
            {t('capture.add.added', { count: saved.added.length })}
          </p>
          <ul class="saved-list">
            {saved.added.map((item) => (
              <li key={item.id} class="wrap-anywhere">
                {label(item)}
              </li>
            ))}
          </ul>
        </>
      )}
      {saved.duplicates.map((found) => (
        <DuplicateNotice
          key={`${found.name}-${found.itemId}`}
          name={found.name}
          existing={[...items, ...saved.added].find((item) => item.id === found.itemId)}
          added={saved.added}
          caseId={caseId}
          onLinked={onLinked}
        />
      ))}
      <div class="flow-actions">
        <button type="button" class="button primary" onClick={onAnother}>
          {t('flow.saved.another')}
        </button>
        <button type="button" class="button" onClick={onDone}>
          {t('flow.saved.timeline')}
        </button>
      </div>
    </section>
  );
}

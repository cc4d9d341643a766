import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { isBuktiError } from '../../../core/errors';
import { type DraftProblem, draftFromDetails, draftToInput } from '../../../core/evidence/details-draft';
import type { EvidenceItem } from '../../../core/evidence/model';
import type { MessageKey } from '../../../core/i18n';
import { useI18n } from '../../i18n';
import { session } from '../../state/session';
import { DetailsFields } from '../capture/DetailsFields';

/** How an edit ended, for the card to say so. */
export type EditOutcome = 'saved' | 'unchanged' | 'cancelled';

/**
 * Every detail of one item, editable. Saving goes through the vault's `editItem`, which keeps the
 * version it replaces in the item's history. A problem keeps the form open with everything typed.
 */
export function EditDetails({
  item,
  items,
  onClose,
}: {
  item: EvidenceItem;
  items: EvidenceItem[];
  onClose: (outcome: EditOutcome) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const form = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState(() => draftFromDetails(item.details));
  const [problems, setProblems] = useState<DraftProblem[]>([]);
  const [failure, setFailure] = useState<MessageKey | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    form.current?.querySelector<HTMLElement>('select')?.focus();
  }, []);
  useEffect(() => {
    if (problems.length > 0) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [problems]);

  const save = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const result = draftToInput(draft);
    setFailure(null);
    if (!result.ok) return setProblems(result.problems);
    setProblems([]);
    setBusy(true);
    try {
      const next = await session.vault.editItem(item.id, result.input);
      onClose(next.history.length > item.history.length ? 'saved' : 'unchanged');
    } catch (error) {
      setFailure(isBuktiError(error) ? error.code : 'error.unexpected');
      setBusy(false);
    }
  };

  return (
    <form
      ref={form}
      class="edit-details"
      onSubmit={save}
      aria-labelledby={`${id}-h`}
      aria-busy={busy}
      noValidate
    >
      <h4 id={`${id}-h`}>{t('item.editTitle')}</h4>
      <DetailsFields
        value={draft}
        onChange={setDraft}
        related={items.filter((other) => other.id !== item.id)}
        problems={problems}
        startOpen
        startedHidden={item.details.sensitive}
      />
      {problems.length > 0 && (
        <p class="error" role="alert">
          {t('details.problems')}
        </p>
      )}
      {failure && (
        <p class="error" role="alert">
          {t(failure, { detail: 'edit' })}
        </p>
      )}
      <div class="form-actions">
        <button type="submit" class="button primary" disabled={busy}>
          {t('item.edit')}
        </button>
        <button type="button" class="button" onClick={() => onClose('cancelled')}>
          {t('item.cancelEdit')}
        </button>
      </div>
    </form>
  );
}

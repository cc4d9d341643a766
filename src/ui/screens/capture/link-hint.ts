import type { DetailsDraft, DraftProblem, LinkFilled } from '../../../core/evidence/details-draft';
import { linkFilled } from '../../../core/evidence/details-draft';
import { useI18n } from '../../i18n';

/** Props the quick fields and the "More details" fields share. */
export interface FieldProps {
  value: DetailsDraft;
  onChange: (next: DetailsDraft) => void;
  id: string;
  problems: DraftProblem[];
}

/** The hint under a field the links filled in, while they still do. */
export function useLinkHint(value: DetailsDraft): (field: LinkFilled) => string | undefined {
  const { t } = useI18n();
  return (field) => {
    if (value.chosen.includes(field)) return undefined;
    const shown = linkFilled(value, field);
    return shown === '' || (field === 'platform' && shown === 'other') ? undefined : t('details.fromLink');
  };
}

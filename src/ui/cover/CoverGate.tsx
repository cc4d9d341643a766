import { useState } from 'preact/hooks';
import { FirstUse } from '../app/VaultGate';
import { useI18n } from '../i18n';
import { type DiscreetPreset, hasCoverCode, PRESET_TITLE } from '../safety/discreet';
import { UnlockScreen } from '../screens/vault/UnlockScreen';
import { useSession } from '../state/session';
import { CalculatorCover } from './CalculatorCover';
import { NotesCover } from './NotesCover';
import { RecipeCover } from './RecipeCover';
import './cover.css';

/**
 * All a person sees of the app in discreet mode until it is unlocked: the cover (a working calculator,
 * notes or recipe page). The opening code leads to a neutral unlock form, or to creating the vault if
 * there is none yet. Without an opening code (set up by an earlier version) the neutral form shows at once.
 */
export function CoverGate({ preset }: { preset: DiscreetPreset }) {
  const { t } = useI18n();
  const state = useSession();
  const [open, setOpen] = useState(() => !hasCoverCode());
  const title = t(PRESET_TITLE[preset]);
  if (!open) {
    const onOpen = () => setOpen(true);
    if (preset === 'calculator') return <CalculatorCover title={title} onOpen={onOpen} />;
    if (preset === 'notes') return <NotesCover title={title} onOpen={onOpen} />;
    return <RecipeCover title={title} onOpen={onOpen} />;
  }
  switch (state.status) {
    case 'absent':
      return <FirstUse erasedAfterFailures={state.erasedAfterFailures ?? false} />;
    case 'unavailable':
    case 'busy':
      return (
        <div class="cover page-cover">
          <p class="error" role="alert">
            {t('cover.unavailable')}
          </p>
        </div>
      );
    case 'checking':
      return null;
    default:
      return (
        <div class="cover page-cover">
          <UnlockScreen cover={{ onClose: hasCoverCode() ? () => setOpen(false) : null }} />
        </div>
      );
  }
}

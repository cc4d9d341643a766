import type { MessageKey } from '../../core/i18n';
import { useI18n } from '../i18n';

/** A screen's heading (focus target after navigation) and one line of what it is for. */
export function ScreenIntro({ title, intro }: { title: MessageKey; intro: MessageKey }) {
  const { t } = useI18n();
  return (
    <>
      <h1 tabIndex={-1}>{t(title)}</h1>
      <p class="intro">{t(intro)}</p>
    </>
  );
}

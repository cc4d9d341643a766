import type { MessageKey } from '../../../core/i18n';
import { showBidiControls } from '../../../core/text/display';
import { parseUrl } from '../../../core/url/parse';
import { useI18n } from '../../i18n';

/**
 * What a typed link tells, shown under its field before anything is saved: the platform, account and
 * post read from it and the copy without tracking, or why it is not a web link.
 */
export function LinkFeedback({
  id,
  link,
  onKeepAsText,
}: {
  id: string;
  link: string;
  /** Offered when the text is not a web link: keep it as message text instead. */
  onKeepAsText?: () => void;
}) {
  const { t } = useI18n();
  if (link.trim() === '') return null;
  const parsed = parseUrl(link);
  if (!parsed.ok) {
    return (
      <div id={id} class="notice link-feedback" role="status">
        <p>{t(`flow.link.${parsed.reason}` as MessageKey)}</p>
        {onKeepAsText && (
          <button type="button" class="button small" onClick={onKeepAsText}>
            {t('flow.link.keepAsText')}
          </button>
        )}
      </div>
    );
  }
  const facts = [
    parsed.platform === 'other' ? parsed.host : t(`platform.${parsed.platform}` as MessageKey),
    parsed.handle && showBidiControls(parsed.handle),
    parsed.userId,
    parsed.postId && t('flow.link.post', { id: parsed.postId }),
  ].filter(Boolean);
  return (
    <div id={id} class="link-feedback" data-testid="link-feedback">
      <p>{t('flow.link.read', { facts: facts.join(' · ') })}</p>
      {parsed.normalizedUrl !== link.trim() && (
        <p class="wrap-anywhere">{t('flow.link.clean', { url: parsed.normalizedUrl })}</p>
      )}
    </div>
  );
}

import { useEffect, useState } from 'preact/hooks';
import { SHARE_PROBLEM_PARAM, SHARE_PROBLEMS, type ShareProblem } from '../../../core/evidence/inbox-details';
import type { MessageKey } from '../../../core/i18n';
import { useI18n } from '../../i18n';

function problemIn(search: string): ShareProblem | null {
  const value = new URLSearchParams(search).get(SHARE_PROBLEM_PARAM);
  return (SHARE_PROBLEMS as readonly string[]).includes(value ?? '') ? (value as ShareProblem) : null;
}

/**
 * Says why a share from another app was not kept, when the service worker sent the app
 * `?shared=<problem>` (sw/share-target.ts). Rendered outside the vault gate: with no vault, or a locked
 * one, the person still learns that nothing was kept and what to do.
 */
export function ShareNotice() {
  const { t } = useI18n();
  const [problem, setProblem] = useState(() => problemIn(window.location.search));

  useEffect(() => {
    if (problem === null) return;
    // Drop the flag from the address, so a reload or a bookmark does not repeat the message.
    const url = new URL(window.location.href);
    url.searchParams.delete(SHARE_PROBLEM_PARAM);
    window.history.replaceState(window.history.state, '', url.href);
  }, []);

  if (problem === null) return null;
  return (
    <div class="warning" role="alert" data-testid="share-notice">
      <p>{t(`inbox.notice.${problem}` as MessageKey)}</p>
      <p>
        <button type="button" class="button small" onClick={() => setProblem(null)}>
          {t('inbox.notice.dismiss')}
        </button>
      </p>
    </div>
  );
}

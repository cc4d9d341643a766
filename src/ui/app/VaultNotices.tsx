import { useEffect, useState } from 'preact/hooks';
import { formatFingerprint, keyFingerprint } from '../../core/bundle/key';
import type { RotationProgress } from '../../core/vault';
import { useI18n } from '../i18n';
import { session, useSession } from '../state/session';

/**
 * What the open vault needs her to know, above every screen: changes made to it behind Bukti's back
 * (found at unlock), and a key rotation's re-encryption while it runs (resumed at unlock if it was cut).
 */
export function VaultNotices() {
  const { t } = useI18n();
  const state = useSession();
  const [progress, setProgress] = useState<RotationProgress | null>(() => session.rotation);
  const [done, setDone] = useState<string | null>(null);

  useEffect(
    () =>
      session.onWorkerEvent((name, data) => {
        if (name === 'rotation-progress') setProgress(data as RotationProgress);
        if (name === 'rotation-stopped') setProgress(null);
        if (name === 'rotation-done') {
          setProgress(null);
          void session.refreshSummary().then(async () => {
            const now = session.state;
            if (now.status === 'unlocked')
              setDone(formatFingerprint(await keyFingerprint(now.summary.publicSigningKey)));
          });
        }
      }),
    [],
  );

  const tampered = state.status === 'unlocked' ? state.tampered : undefined;
  return (
    <>
      {tampered && (
        <p class="error" role="alert" data-notice="tampered">
          {tampered.custody
            ? t('custody.cutShort', { expected: tampered.custody.expected, found: tampered.custody.found })
            : t('vault.tampered', {
                missing: tampered.missing,
                extra: tampered.extra,
                replaced: tampered.replaced,
              })}
        </p>
      )}
      {progress && (
        <p role="status" data-notice="rotation">
          {t('vault.rotationRunning', { done: progress.done, total: progress.total })}{' '}
          {t('vault.rotationPending')}
        </p>
      )}
      {done && (
        <p role="status" data-notice="rotation-done">
          {t('vault.rotationDone')} {t('rekey.newKey', { fingerprint: done })}
        </p>
      )}
    </>
  );
}

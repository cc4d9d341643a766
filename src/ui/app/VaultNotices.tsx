import { formatFingerprint } from '../../core/bundle/key';
import { useI18n } from '../i18n';
import { useRotationStatus, useSession } from '../state/session';

/**
 * What the open vault needs her to know, above every screen: changes made to it behind Bukti's back
 * (found at unlock), and a key rotation's re-encryption while it runs (resumed at unlock if it was cut).
 */
export function VaultNotices() {
  const { t } = useI18n();
  const state = useSession();
  const rotation = useRotationStatus();
  if (state.status !== 'unlocked') return null;
  const { tampered, summary } = state;
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
      {rotation?.kind === 'running' && (
        <p role="status" data-notice="rotation">
          {t('vault.rotationRunning', { done: rotation.progress.done, total: rotation.progress.total })}{' '}
          {t('vault.rotationPending')}
        </p>
      )}
      {rotation?.kind === 'done' && (
        <p role="status" data-notice="rotation-done">
          {t('vault.rotationDone')}{' '}
          {t('rekey.newKey', { fingerprint: formatFingerprint(summary.signingKeyFingerprint) })}
        </p>
      )}
    </>
  );
}

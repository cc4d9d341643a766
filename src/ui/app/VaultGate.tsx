import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { MessageKey } from '../../core/i18n';
import { busyMessage } from '../../core/vault/writer-lock';
import { useI18n } from '../i18n';
import { FirstRun, firstRunSeen } from '../screens/first-run/FirstRun';
import { ReceivedLink } from '../screens/sealed/ReceivedLink';
import { CreateVaultScreen } from '../screens/vault/CreateVaultScreen';
import { UnlockScreen } from '../screens/vault/UnlockScreen';
import { startAutoLock } from '../state/auto-lock';
import { type SessionState, session, useSession } from '../state/session';
import { loadSettings } from '../state/settings';
import { VaultNotices } from './VaultNotices';

/** Auto-lock runs for as long as the vault is open, with the vault's own settings. */
function useAutoLock(): void {
  const state = useSession();
  const unlocked = state.status === 'unlocked';
  useEffect(() => {
    if (!unlocked) return;
    const vault = session.vault;
    let stop: (() => void) | null = null;
    let cancelled = false;
    const onChange = () => {
      stop?.();
      void loadSettings(vault).then((settings) => {
        if (!cancelled) stop = startAutoLock(settings.autoLock, () => session.lock());
      });
    };
    onChange();
    window.addEventListener('bukti:settings-changed', onChange);
    return () => {
      cancelled = true;
      stop?.();
      window.removeEventListener('bukti:settings-changed', onChange);
    };
  }, [unlocked]);
}

/** The three-screen introduction the first time, then creating the vault. */
export function FirstUse({ erasedAfterFailures }: { erasedAfterFailures: boolean }) {
  const [introDone, setIntroDone] = useState(() => firstRunSeen());
  if (!introDone && !erasedAfterFailures) return <FirstRun onDone={() => setIntroDone(true)} />;
  return <CreateVaultScreen erasedAfterFailures={erasedAfterFailures} />;
}

/** One sentence on what happened elsewhere or before (another tab, an interrupted restore). */
function SessionNotice({ notice }: { notice: MessageKey | undefined }) {
  const { t } = useI18n();
  if (!notice) return null;
  return (
    <div class="notice session-notice" role="status" data-testid="session-notice">
      <p>{t(notice)}</p>
      <button type="button" class="button" onClick={() => session.dismissNotice()}>
        {t('tabs.dismiss')}
      </button>
    </div>
  );
}

/** Shows its children only while the vault is unlocked; otherwise create, unlock or a clear message. */
export function VaultGate({ children }: { children: ComponentChildren }) {
  const state = useSession();
  return (
    <>
      <SessionNotice notice={state.notice} />
      <GateScreen state={state}>{children}</GateScreen>
    </>
  );
}

function GateScreen({ state, children }: { state: SessionState; children: ComponentChildren }) {
  const { t } = useI18n();
  useAutoLock();
  switch (state.status) {
    case 'checking':
      return (
        <p class="screen" data-screen="checking" role="status">
          {t('vaultUi.checking')}
        </p>
      );
    case 'absent':
      return (
        <>
          <FirstUse erasedAfterFailures={state.erasedAfterFailures ?? false} />
          <ReceivedLink />
        </>
      );
    case 'locked':
      return (
        <>
          <UnlockScreen />
          <ReceivedLink />
        </>
      );
    case 'busy':
      return (
        <section class="screen" data-screen="busy">
          <h1 tabIndex={-1}>{t('app.name')}</h1>
          <p role="status">{t(busyMessage(state.operation))}</p>
          <p>{t('tabs.waiting')}</p>
        </section>
      );
    case 'unavailable':
      return (
        <section class="screen" data-screen="unavailable">
          <h1 tabIndex={-1}>{t('app.name')}</h1>
          <p class="error" role="alert">
            {t(state.code, state.params)}
          </p>
        </section>
      );
    default:
      return (
        <>
          <VaultNotices />
          {children}
        </>
      );
  }
}

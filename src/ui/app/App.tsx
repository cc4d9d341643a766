import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../i18n';
import { applyDiscreet, discreetPreset, PRESET_TITLE } from '../safety/discreet';
import {
  listenForDoubleEscape,
  onQuickExit,
  quickExit,
  reloadWhenRestoredFromCache,
} from '../safety/quick-exit';
import { CaptureScreen } from '../screens/capture/CaptureScreen';
import { CasesScreen } from '../screens/cases/CasesScreen';
import { ExportScreen } from '../screens/export/ExportScreen';
import { HelpScreen } from '../screens/help/HelpScreen';
import { InboxScreen } from '../screens/inbox/InboxScreen';
import { ShareNotice } from '../screens/inbox/ShareNotice';
import { NotFoundScreen } from '../screens/not-found/NotFoundScreen';
import { SealedScreen } from '../screens/sealed/SealedScreen';
import { SettingsScreen } from '../screens/settings/SettingsScreen';
import { VerifyScreen } from '../screens/verify/VerifyScreen';
import { session, useSession } from '../state/session';
import { registerServiceWorker, type ServiceWorkerBridge } from '../sw-bridge';
import { Header } from './Header';
import { type Route, useRoute } from './router';
import { UpdatePrompt } from './UpdatePrompt';
import { VaultGate } from './VaultGate';

/**
 * Verify, Help and sealing work without a vault (police and lawyers have only the bundle, a recipient
 * only the sealed file); the rest need it unlocked.
 */
function ScreenFor({ route }: { route: Route }) {
  switch (route.screen) {
    case 'verify':
      return <VerifyScreen />;
    case 'sealed':
      return <SealedScreen />;
    case 'help':
      return <HelpScreen />;
    case 'not-found':
      return <NotFoundScreen />;
    case 'cases':
      return (
        <VaultGate>
          <CasesScreen rest={route.rest} />
        </VaultGate>
      );
    case 'capture':
      return (
        <VaultGate>
          <CaptureScreen />
        </VaultGate>
      );
    case 'inbox':
      return (
        <VaultGate>
          <InboxScreen />
        </VaultGate>
      );
    case 'export':
      return (
        <VaultGate>
          <ExportScreen />
        </VaultGate>
      );
    case 'settings':
      return (
        <VaultGate>
          <SettingsScreen />
        </VaultGate>
      );
  }
}

/** Keeps the tab's title, icon and manifest in line with discreet mode and the lock state. */
function useDiscreetLook(): void {
  const { t } = useI18n();
  const state = useSession();
  const [preset, setPreset] = useState(discreetPreset);
  useEffect(() => {
    const onChange = () => setPreset(discreetPreset());
    window.addEventListener('bukti:discreet-changed', onChange);
    return () => window.removeEventListener('bukti:discreet-changed', onChange);
  }, []);
  const locked = state.status !== 'unlocked';
  useEffect(() => {
    applyDiscreet(preset, locked, preset ? t(PRESET_TITLE[preset]) : 'Bukti');
  }, [preset, locked, t]);
}

/** The app frame: header, navigation, the current screen, and the update prompt. */
export function App() {
  const { t } = useI18n();
  const route = useRoute();
  useDiscreetLook();
  const main = useRef<HTMLElement>(null);
  const [updateWaiting, setUpdateWaiting] = useState(false);
  const [bridge, setBridge] = useState<ServiceWorkerBridge | null>(null);

  useEffect(() => {
    void session.start();
    const stopExitCleanup = onQuickExit(() => session.lock());
    const stopEscape = listenForDoubleEscape(() => quickExit());
    const stopRestore = reloadWhenRestoredFromCache();
    return () => {
      stopRestore();
      stopExitCleanup();
      stopEscape();
    };
  }, []);

  useEffect(() => {
    setBridge(
      registerServiceWorker({
        onUpdateWaiting: () => setUpdateWaiting(true),
        onOfflineReady: () => undefined,
      }),
    );
  }, []);

  // After navigation, move focus to the new screen's heading so screen readers announce it.
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    main.current?.querySelector<HTMLElement>('h1')?.focus();
  }, [route.screen, route.rest.join('/')]);

  return (
    <>
      <a class="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <Header current={route.screen} />
      <main id="main" ref={main} tabIndex={-1}>
        <ShareNotice />
        <ScreenFor route={route} />
      </main>
      <footer class="app-footer">
        <p data-testid="app-version">
          {t('settings.version', { version: __APP_VERSION__, build: __BUILD_ID__ })}
        </p>
      </footer>
      {updateWaiting && bridge && (
        <UpdatePrompt onReload={() => bridge.applyUpdate()} onDismiss={() => setUpdateWaiting(false)} />
      )}
    </>
  );
}

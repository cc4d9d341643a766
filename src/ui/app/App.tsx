import { useEffect, useRef, useState } from 'preact/hooks';
import { CoverGate } from '../cover/CoverGate';
import { useI18n } from '../i18n';
import {
  applyLook,
  type DiscreetPreset,
  discreetPreset,
  LOOK_CHANGED,
  PRESET_TITLE,
} from '../safety/discreet';
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
import { keepOneHistoryEntry } from './history';
import { keepRoutesOutOfAddress, type Route, useRoute } from './router';
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

/**
 * Keeps the tab's title, icon and manifest in line with discreet mode: in discreet mode the neutral
 * title and icon stay while unlocked too, and routes stay out of the address, because the browser's
 * history keeps every title and address a page had.
 */
function useLook(): DiscreetPreset | null {
  const { t } = useI18n();
  const [preset, setPreset] = useState(discreetPreset);
  useEffect(() => {
    const onChange = () => setPreset(discreetPreset());
    window.addEventListener(LOOK_CHANGED, onChange);
    return () => window.removeEventListener(LOOK_CHANGED, onChange);
  }, []);
  useEffect(() => {
    applyLook(preset, preset ? t(PRESET_TITLE[preset]) : t('app.name'));
    keepRoutesOutOfAddress(preset !== null);
  }, [preset, t]);
  return preset;
}

/**
 * True while discreet mode was chosen in this visit before any unlock (during first use): she is here,
 * so the cover does not replace the screen she is on. From the next unlock on, every lock shows the cover.
 */
function useCoverPassed(): boolean {
  const state = useSession();
  const [passed, setPassed] = useState(false);
  useEffect(() => {
    const onChange = () => {
      if (session.state.status !== 'unlocked') setPassed(true);
    };
    window.addEventListener(LOOK_CHANGED, onChange);
    return () => window.removeEventListener(LOOK_CHANGED, onChange);
  }, []);
  useEffect(() => {
    if (state.status === 'unlocked') setPassed(false);
  }, [state.status]);
  return passed;
}

/** The app frame: header, navigation, the current screen, and the update prompt. */
export function App() {
  const { t } = useI18n();
  const route = useRoute();
  const preset = useLook();
  const coverPassed = useCoverPassed();
  const state = useSession();
  const main = useRef<HTMLElement>(null);
  const [updateWaiting, setUpdateWaiting] = useState(false);
  const [bridge, setBridge] = useState<ServiceWorkerBridge | null>(null);

  useEffect(() => {
    void session.start();
    const stopExitCleanup = onQuickExit(() => session.lock());
    const stopEscape = listenForDoubleEscape(() => quickExit());
    const stopRestore = reloadWhenRestoredFromCache();
    const stopLinks = keepOneHistoryEntry();
    return () => {
      stopLinks();
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

  // In discreet mode nothing but the cover shows until the vault is unlocked: no name, menu or prompt.
  if (preset && state.status !== 'unlocked' && !coverPassed) {
    return (
      <main id="main" ref={main} tabIndex={-1}>
        <CoverGate preset={preset} />
      </main>
    );
  }

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

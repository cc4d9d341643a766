import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../i18n';
import { CaptureScreen } from '../screens/capture/CaptureScreen';
import { CasesScreen } from '../screens/cases/CasesScreen';
import { ExportScreen } from '../screens/export/ExportScreen';
import { HelpScreen } from '../screens/help/HelpScreen';
import { NotFoundScreen } from '../screens/not-found/NotFoundScreen';
import { SettingsScreen } from '../screens/settings/SettingsScreen';
import { VerifyScreen } from '../screens/verify/VerifyScreen';
import { registerServiceWorker, type ServiceWorkerBridge } from '../sw-bridge';
import { Header } from './Header';
import { type Route, useRoute } from './router';
import { UpdatePrompt } from './UpdatePrompt';

function ScreenFor({ route }: { route: Route }) {
  switch (route.screen) {
    case 'cases':
      return <CasesScreen />;
    case 'capture':
      return <CaptureScreen />;
    case 'export':
      return <ExportScreen />;
    case 'verify':
      return <VerifyScreen />;
    case 'settings':
      return <SettingsScreen />;
    case 'help':
      return <HelpScreen />;
    default:
      return <NotFoundScreen />;
  }
}

/** The app frame: header, navigation, the current screen, and the update prompt. */
export function App() {
  const { t } = useI18n();
  const route = useRoute();
  const main = useRef<HTMLElement>(null);
  const [updateWaiting, setUpdateWaiting] = useState(false);
  const [bridge, setBridge] = useState<ServiceWorkerBridge | null>(null);

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
        <ScreenFor route={route} />
      </main>
      {updateWaiting && bridge && (
        <UpdatePrompt onReload={() => bridge.applyUpdate()} onDismiss={() => setUpdateWaiting(false)} />
      )}
    </>
  );
}

import { Workbox } from 'workbox-window';

/** What the UI needs from the service worker, and nothing more. */
export interface ServiceWorkerBridge {
  /** Activates the waiting version and reloads once it controls the page. */
  applyUpdate(): void;
}

/**
 * Registers the service worker (production builds only) and calls `onUpdateWaiting` when a new version
 * is installed and waiting. Never blocks the app: failures leave it running online as before.
 */
export function registerServiceWorker(callbacks: {
  onUpdateWaiting: () => void;
  onOfflineReady: () => void;
}): ServiceWorkerBridge | null {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return null;
  const workbox = new Workbox('/sw.js', { scope: '/' });
  workbox.addEventListener('waiting', () => callbacks.onUpdateWaiting());
  workbox.addEventListener('installed', (event) => {
    if (!event.isUpdate) callbacks.onOfflineReady();
  });
  workbox.addEventListener('controlling', (event) => {
    if (event.isUpdate) window.location.reload();
  });
  void workbox.register();
  return {
    applyUpdate() {
      workbox.messageSkipWaiting();
    },
  };
}

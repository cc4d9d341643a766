/// <reference lib="webworker" />
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { MEDIA_PATH } from '../src/core/download/media';
import { DOWNLOAD_PATH } from '../src/core/download/protocol';
import { acceptDownloadOffers, serveDownload } from './download';
import { acceptMediaOffers, serveMedia } from './media';
import { receiveShare, SHARE_TARGET_PATH } from './share-target';

declare const self: ServiceWorkerGlobalScope & {
  __WB_MANIFEST: Array<{ url: string; revision: string | null }>;
};

// Every build asset, libsodium's module included, is cached at install: the app works offline from the first visit.
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// Streamed downloads (sealed bundles): the page offers a stream, the one request for its URL gets it as an
// attachment, so a bundle of several GB reaches the disk without being held anywhere (sw/download.ts).
// Registered before the navigation route, which would otherwise answer it with the app shell.
acceptDownloadOffers(self);
registerRoute(
  ({ url }) => url.origin === self.location.origin && url.pathname.startsWith(DOWNLOAD_PATH),
  ({ url }) => Promise.resolve(serveDownload(url)),
);

// Previews of originals (pictures, video, sound): each range the element asks for is streamed from the
// vault worker through the page, so no Blob ever holds a whole decrypted original (sw/media.ts).
acceptMediaOffers(self);
registerRoute(
  ({ url }) => url.origin === self.location.origin && url.pathname.startsWith(MEDIA_PATH),
  ({ request }) => Promise.resolve(serveMedia(request)),
);

// Any navigation inside the app (a home-screen launch, a reload, a deep link) gets the app shell.
registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html')));

// The OS share sheet posts here, even while the app is locked or closed: everything shared is sealed to
// the vault's public key before the app opens (sw/share-target.ts).
registerRoute(
  ({ url }) => url.pathname === SHARE_TARGET_PATH,
  ({ request }) => receiveShare(request, { indexedDB, IDBKeyRange }),
  'POST',
);

// The first install takes control at once so the very first visit is already offline-capable.
clientsClaim();

// An update waits until the person accepts the "Update available" prompt; a half-updated app is never served.
self.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});

import type { Area } from '../area';

const en = {
  'preview.thumbnailAlt': 'Small preview of {name}',
  'preview.noThumbnail': 'No small preview of this picture. The original is kept; you can view it.',
  'preview.thumbnailFailed': 'The small preview could not be opened. The original is kept; you can view it.',
  'preview.viewOriginal': 'View original',
  'preview.closeOriginal': 'Close original',
  'preview.opening': 'Opening the original…',
  'preview.originalFailed':
    'The original could not be opened here. It is still kept in your vault; try again, or export it.',
  'preview.needsReload':
    'The original can be shown once the app has fully loaded. Reload the page (your vault stays as it is), then try again.',
  'preview.video': 'Video',
  'preview.audio': 'Audio recording',
  'preview.hiddenMedia': 'Sensitive recording, hidden',
  'preview.showMedia': 'Show recording',
  'preview.hideMedia': 'Hide recording',
};

const ms: Record<keyof typeof en, string> = {
  'preview.thumbnailAlt': 'Pratonton kecil {name}',
  'preview.noThumbnail': 'Tiada pratonton kecil untuk gambar ini. Fail asal disimpan; anda boleh melihatnya.',
  'preview.thumbnailFailed': 'Pratonton kecil tidak dapat dibuka. Fail asal disimpan; anda boleh melihatnya.',
  'preview.viewOriginal': 'Lihat fail asal',
  'preview.closeOriginal': 'Tutup fail asal',
  'preview.opening': 'Membuka fail asal…',
  'preview.originalFailed':
    'Fail asal tidak dapat dibuka di sini. Ia masih disimpan dalam peti besi anda; cuba lagi, atau eksportnya.',
  'preview.needsReload':
    'Fail asal boleh ditunjukkan setelah aplikasi dimuatkan sepenuhnya. Muat semula halaman (peti besi anda kekal seperti sedia ada), kemudian cuba lagi.',
  'preview.video': 'Video',
  'preview.audio': 'Rakaman audio',
  'preview.hiddenMedia': 'Rakaman sensitif, disembunyikan',
  'preview.showMedia': 'Tunjukkan rakaman',
  'preview.hideMedia': 'Sembunyikan rakaman',
};

/** Previews on the timeline: thumbnails, originals opened on request, video and audio tiles. */
export const preview: Area<typeof en> = { en, ms };

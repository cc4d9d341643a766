import type { Area } from '../area';

const en = {
  'keycard.title': 'Bukti key card',
  'keycard.purpose':
    'This card identifies the key that signs the evidence bundles from one person’s Bukti app. Keep it with the police report or the case file.',
  'keycard.check':
    'When a bundle arrives later, check it with the Verify screen of Bukti or the command "npx bukti verify": if the fingerprint it shows is the one below, the bundle was sealed by the same person’s app, and nothing in it was changed since.',
  'keycard.made': 'Key made on {time}.',
  'keycard.madeUnknown': 'When the key was made is not recorded on this device.',
  'keycard.fingerprint': 'Fingerprint (SHA-256 of the public signing key)',
  'keycard.noSecret': 'This card holds no secret: it opens nothing and can be shared.',
  'keycard.section': 'Your signing key',
  'keycard.intro':
    'Bundles you export are signed with this key. Give the key card to the police officer or lawyer at your first report, so later bundles can be checked against it.',
  'keycard.shown': 'Fingerprint:',
  'keycard.madeShort': 'Made: {time}',
  'keycard.make': 'Make a key card (PDF)',
  'keycard.making': 'Making the key card…',
  'keycard.ready': 'The key card is ready: {name}. Print it, or keep it to send.',
  'keycard.failed':
    'The key card could not be made. Try again; if it keeps failing, write the fingerprint down instead.',
  'keycard.exportSigned': 'Signed with your key, fingerprint:',
};

const ms: Record<keyof typeof en, string> = {
  'keycard.title': 'Kad kunci Bukti',
  'keycard.purpose':
    'Kad ini mengenal pasti kunci yang menandatangani berkas bukti daripada aplikasi Bukti seseorang. Simpan bersama laporan polis atau fail kes.',
  'keycard.check':
    'Apabila berkas tiba kemudian, semak dengan skrin Semak dalam Bukti atau arahan "npx bukti verify": jika cap jari yang ditunjukkan sama dengan di bawah, berkas itu dimeterai oleh aplikasi orang yang sama, dan tiada apa-apa di dalamnya diubah sejak itu.',
  'keycard.made': 'Kunci dibuat pada {time}.',
  'keycard.madeUnknown': 'Masa kunci dibuat tidak direkodkan pada peranti ini.',
  'keycard.fingerprint': 'Cap jari (SHA-256 kunci tandatangan awam)',
  'keycard.noSecret': 'Kad ini tidak mengandungi rahsia: ia tidak membuka apa-apa dan boleh dikongsi.',
  'keycard.section': 'Kunci tandatangan anda',
  'keycard.intro':
    'Berkas yang anda eksport ditandatangani dengan kunci ini. Berikan kad kunci kepada pegawai polis atau peguam semasa laporan pertama anda, supaya berkas kemudian boleh disemak dengannya.',
  'keycard.shown': 'Cap jari:',
  'keycard.madeShort': 'Dibuat: {time}',
  'keycard.make': 'Buat kad kunci (PDF)',
  'keycard.making': 'Membuat kad kunci…',
  'keycard.ready': 'Kad kunci sudah sedia: {name}. Cetak, atau simpan untuk dihantar.',
  'keycard.failed':
    'Kad kunci tidak dapat dibuat. Cuba lagi; jika masih gagal, tulis cap jari itu di atas kertas.',
  'keycard.exportSigned': 'Ditandatangani dengan kunci anda, cap jari:',
};

/** The signing key in the survivor's hands: the key card PDF, Settings and the export screen. */
export const keycard: Area<typeof en> = { en, ms };

import type { Area } from '../area';

const en = {
  'settings.autoLock.title': 'Locking',
  'settings.autoLock.idle': 'Lock after no activity for',
  'settings.autoLock.hidden': 'Lock after Bukti has been in the background for',
  'settings.autoLock.immediately': 'immediately',
  'settings.autoLock.seconds': '{count} seconds',
  'settings.autoLock.minutes': '{count} minutes',
  'settings.autoLock.minute': '1 minute',
  'settings.saved': 'Saved.',
  'settings.eraseAfter.title': 'Erase after wrong passphrases',
  'settings.eraseAfter.explain':
    'If someone keeps guessing your passphrase, Bukti can erase the vault. Only turn this on if you have a backup: a mistake could then delete your evidence.',
  'settings.eraseAfter.label': 'Erase this vault after',
  'settings.eraseAfter.off': 'Never (off)',
  'settings.eraseAfter.count': '{count} wrong attempts',
  'settings.eraseAfter.passphrase': 'Your passphrase, to confirm',
  'settings.eraseAfter.save': 'Save',
  'settings.passphrase.title': 'Change passphrase',
  'settings.passphrase.current': 'Current passphrase',
  'settings.passphrase.new': 'New passphrase',
  'settings.passphrase.confirm': 'New passphrase again',
  'settings.passphrase.submit': 'Change passphrase',
  'settings.passphrase.done': 'Passphrase changed. Use the new one next time you unlock.',
  'settings.storage.title': 'Storage on this device',
  'settings.storage.usage': 'Used: {used}. Still available to Bukti: {available}.',
  'settings.storage.unknown': 'This browser does not say how much space is used.',
  'settings.storage.persisted': 'This browser has agreed to keep Bukti’s data even when space runs low.',
  'settings.storage.notPersisted':
    'This browser may delete Bukti’s data when space runs low or after a long time without use. Install Bukti to the home screen and keep a backup.',
  'settings.erase.title': 'Erase the vault',
  'settings.erase.explain':
    'This deletes every case, item, file and key from this device. It cannot be undone. Backups you saved elsewhere are not affected.',
  'settings.erase.typeWord': 'Type {word} to confirm',
  'settings.erase.word': 'ERASE',
  'settings.erase.submit': 'Erase everything',
  'settings.erase.mismatch': 'Type {word} exactly to confirm, or leave this section to keep your vault.',
} as const;

const ms: Record<keyof typeof en, string> = {
  'settings.autoLock.title': 'Penguncian',
  'settings.autoLock.idle': 'Kunci selepas tiada aktiviti selama',
  'settings.autoLock.hidden': 'Kunci selepas Bukti berada di latar belakang selama',
  'settings.autoLock.immediately': 'serta-merta',
  'settings.autoLock.seconds': '{count} saat',
  'settings.autoLock.minutes': '{count} minit',
  'settings.autoLock.minute': '1 minit',
  'settings.saved': 'Disimpan.',
  'settings.eraseAfter.title': 'Padam selepas frasa laluan salah',
  'settings.eraseAfter.explain':
    'Jika seseorang terus meneka frasa laluan anda, Bukti boleh memadam peti besi. Hidupkan ini hanya jika anda ada sandaran: satu kesilapan boleh memadam bukti anda.',
  'settings.eraseAfter.label': 'Padam peti besi ini selepas',
  'settings.eraseAfter.off': 'Tidak sekali-kali (mati)',
  'settings.eraseAfter.count': '{count} cubaan yang salah',
  'settings.eraseAfter.passphrase': 'Frasa laluan anda, untuk mengesahkan',
  'settings.eraseAfter.save': 'Simpan',
  'settings.passphrase.title': 'Tukar frasa laluan',
  'settings.passphrase.current': 'Frasa laluan semasa',
  'settings.passphrase.new': 'Frasa laluan baharu',
  'settings.passphrase.confirm': 'Frasa laluan baharu sekali lagi',
  'settings.passphrase.submit': 'Tukar frasa laluan',
  'settings.passphrase.done': 'Frasa laluan ditukar. Gunakan yang baharu apabila membuka kunci nanti.',
  'settings.storage.title': 'Storan pada peranti ini',
  'settings.storage.usage': 'Digunakan: {used}. Masih tersedia untuk Bukti: {available}.',
  'settings.storage.unknown': 'Pelayar ini tidak menunjukkan berapa banyak ruang yang digunakan.',
  'settings.storage.persisted': 'Pelayar ini bersetuju menyimpan data Bukti walaupun ruang hampir penuh.',
  'settings.storage.notPersisted':
    'Pelayar ini mungkin memadam data Bukti apabila ruang hampir penuh atau selepas lama tidak digunakan. Pasang Bukti pada skrin utama dan simpan sandaran.',
  'settings.erase.title': 'Padam peti besi',
  'settings.erase.explain':
    'Ini memadam setiap kes, item, fail dan kunci daripada peranti ini. Ia tidak boleh dibatalkan. Sandaran yang anda simpan di tempat lain tidak terjejas.',
  'settings.erase.typeWord': 'Taip {word} untuk mengesahkan',
  'settings.erase.word': 'PADAM',
  'settings.erase.submit': 'Padam semuanya',
  'settings.erase.mismatch':
    'Taip {word} dengan tepat untuk mengesahkan, atau tinggalkan bahagian ini untuk menyimpan peti besi anda.',
};

export const settings: Area<typeof en> = { en, ms };

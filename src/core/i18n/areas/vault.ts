import type { Area } from '../area';

const en = {
  'vault.locked': 'The vault is locked. Unlock it with your passphrase to continue.',
  'vault.closed':
    'Bukti was updated or opened in another tab, so this tab has stopped using the vault. Your evidence is safe. Reload this tab to continue.',
  'vault.integrity':
    'Some data in the vault did not pass its integrity check: it may have been damaged or changed on this device. Bukti did not use it. Try again; if this keeps happening, restore the vault from a backup.',
  'vault.quotaExceeded':
    'This device has run out of storage space for Bukti, so the last change was not saved. Nothing saved earlier was lost. Free up space on the device, or export and remove a case you no longer need, then try again.',
  'vault.passphraseTooShort':
    'The passphrase needs at least {min} characters. A few unrelated words, separated by spaces, are easy to remember and hard to guess.',
  'vault.notFound': 'There is no vault on this device yet. Create a new vault, or restore one from a backup.',
  'vault.exists': 'A vault already exists on this device. Unlock it with its passphrase instead.',
  'vault.kdfFailed':
    'This device could not finish checking the passphrase, probably because it ran short of memory. Close other apps and tabs, then try again.',
  'vault.unsupportedVersion':
    'This vault was saved by a newer version of Bukti. Reload Bukti while online to update it, then try again. Nothing was changed.',
  'vault.storageUnavailable':
    'This browser does not let Bukti store data right now (this can happen in private browsing). Open Bukti in a normal browser window, then try again.',
  'vault.blocked':
    'Bukti is still open in another tab with an older version. Close the other Bukti tabs, then try again.',
  'vault.fileExists':
    'A file with the same internal name is already in the vault, so it was not replaced. Nothing was changed. Try adding the file again.',
  'vault.fileMissing':
    'A file that belongs here is missing from the vault, so it cannot be shown or exported. If you have a backup, restore it to get the file back.',
  'vault.wrongPassphrase':
    'That passphrase did not open the vault. Check for typing mistakes, capital letters and spaces, then try again.',
  'vault.wait': 'To protect your vault after several wrong tries, you can try again in {seconds} seconds.',
  'vault.attemptsLeft': 'After {count} more wrong tries, this vault will be erased, as set in Settings.',
  'vault.erasedAfterFailures':
    'The vault was erased after too many wrong passphrase tries, as set in Settings. You can create a new vault, or restore one from a backup.',
  'vault.strength.0': 'Very weak',
  'vault.strength.1': 'Weak',
  'vault.strength.2': 'Fair',
  'vault.strength.3': 'Strong',
  'vault.strength.4': 'Very strong',
  'vault.strength.hint.short': 'Use at least {min} characters.',
  'vault.strength.hint.common':
    'This is one of the passphrases people try first. Choose words others would not guess.',
  'vault.strength.hint.repeats': 'Avoid repeated letters and sequences such as "aaa", "1234" or "qwerty".',
  'vault.strength.hint.names': 'Leave out names: lists of names are among the first things tried.',
  'vault.strength.hint.dates': 'Leave out dates and years, such as a birthday: they are guessed quickly.',
  'vault.strength.hint.moreWords': 'Add another word or two: length helps more than symbols.',
  'vault.strength.refused':
    'This passphrase could be guessed too quickly. Add more words, or use a generated passphrase.',
} as const;

const ms: Record<keyof typeof en, string> = {
  'vault.locked': 'Peti besi dikunci. Buka kuncinya dengan frasa laluan anda untuk meneruskan.',
  'vault.closed':
    'Bukti telah dikemas kini atau dibuka dalam tab lain, jadi tab ini berhenti menggunakan peti besi. Bukti anda selamat. Muat semula tab ini untuk meneruskan.',
  'vault.integrity':
    'Sebahagian data dalam peti besi tidak lulus semakan integriti: data itu mungkin rosak atau telah diubah pada peranti ini. Bukti tidak menggunakannya. Cuba lagi; jika ini terus berlaku, pulihkan peti besi daripada sandaran.',
  'vault.quotaExceeded':
    'Ruang storan peranti ini untuk Bukti sudah penuh, jadi perubahan terakhir tidak disimpan. Tiada apa-apa yang disimpan sebelum ini hilang. Kosongkan ruang pada peranti, atau eksport dan buang kes yang tidak diperlukan lagi, kemudian cuba lagi.',
  'vault.passphraseTooShort':
    'Frasa laluan memerlukan sekurang-kurangnya {min} aksara. Beberapa perkataan yang tiada kaitan, dipisahkan dengan ruang, mudah diingat dan sukar diteka.',
  'vault.notFound':
    'Belum ada peti besi pada peranti ini. Cipta peti besi baharu, atau pulihkan peti besi daripada sandaran.',
  'vault.exists': 'Peti besi sudah wujud pada peranti ini. Buka kuncinya dengan frasa laluannya.',
  'vault.kdfFailed':
    'Peranti ini tidak dapat menyelesaikan semakan frasa laluan, mungkin kerana kekurangan memori. Tutup aplikasi dan tab lain, kemudian cuba lagi.',
  'vault.unsupportedVersion':
    'Peti besi ini disimpan oleh versi Bukti yang lebih baharu. Muat semula Bukti semasa dalam talian untuk mengemas kininya, kemudian cuba lagi. Tiada apa-apa yang diubah.',
  'vault.storageUnavailable':
    'Pelayar ini tidak membenarkan Bukti menyimpan data buat masa ini (ini boleh berlaku dalam penyemakan imbas peribadi). Buka Bukti dalam tetingkap pelayar biasa, kemudian cuba lagi.',
  'vault.blocked':
    'Bukti masih dibuka dalam tab lain dengan versi lama. Tutup tab Bukti yang lain, kemudian cuba lagi.',
  'vault.fileExists':
    'Fail dengan nama dalaman yang sama sudah ada dalam peti besi, jadi fail itu tidak digantikan. Tiada apa-apa yang diubah. Cuba tambah fail itu sekali lagi.',
  'vault.fileMissing':
    'Fail yang sepatutnya ada di sini tiada dalam peti besi, jadi fail itu tidak dapat dipaparkan atau dieksport. Jika anda ada sandaran, pulihkannya untuk mendapatkan semula fail itu.',
  'vault.wrongPassphrase':
    'Frasa laluan itu tidak membuka peti besi. Semak kesilapan taip, huruf besar dan ruang, kemudian cuba lagi.',
  'vault.wait':
    'Untuk melindungi peti besi anda selepas beberapa cubaan yang salah, anda boleh mencuba lagi dalam {seconds} saat.',
  'vault.attemptsLeft':
    'Selepas {count} lagi cubaan yang salah, peti besi ini akan dipadam, seperti yang ditetapkan dalam Tetapan.',
  'vault.erasedAfterFailures':
    'Peti besi telah dipadam selepas terlalu banyak cubaan frasa laluan yang salah, seperti yang ditetapkan dalam Tetapan. Anda boleh mencipta peti besi baharu, atau memulihkan peti besi daripada sandaran.',
  'vault.strength.0': 'Sangat lemah',
  'vault.strength.1': 'Lemah',
  'vault.strength.2': 'Sederhana',
  'vault.strength.3': 'Kuat',
  'vault.strength.4': 'Sangat kuat',
  'vault.strength.hint.short': 'Gunakan sekurang-kurangnya {min} aksara.',
  'vault.strength.hint.common':
    'Ini antara frasa laluan yang paling awal dicuba orang. Pilih perkataan yang tidak mudah diteka orang lain.',
  'vault.strength.hint.repeats': 'Elakkan huruf berulang dan urutan seperti "aaa", "1234" atau "qwerty".',
  'vault.strength.hint.names': 'Jangan gunakan nama: senarai nama antara yang paling awal dicuba.',
  'vault.strength.hint.dates': 'Jangan gunakan tarikh atau tahun, seperti hari jadi: ia cepat diteka.',
  'vault.strength.hint.moreWords':
    'Tambah satu atau dua perkataan lagi: panjang lebih membantu daripada simbol.',
  'vault.strength.refused':
    'Frasa laluan ini boleh diteka terlalu cepat. Tambah lagi perkataan, atau gunakan frasa laluan yang dijana.',
};

export const vault: Area<typeof en> = { en, ms };

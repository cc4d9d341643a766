import type { Area } from '../area';

const en = {
  'backup.notBackup':
    'This file is not a Bukti backup. Nothing was changed. Choose the backup file Bukti saved (its name starts with bukti-backup- or, in discreet mode, notes-).',
  'backup.newerVersion':
    'This backup was made by a newer version of Bukti. Nothing was changed. Update Bukti (reload it while online), then restore again.',
  'backup.damaged':
    'This backup file is damaged or incomplete: it may not have finished saving or copying. Nothing was changed. Try another copy of the backup, or copy the file again.',
  'backup.wrongPassphrase':
    'That passphrase does not open this backup. Nothing was changed. Type the passphrase the vault had when the backup was made, and try again.',
  'backup.unreadable':
    'The backup file could not be read. It may have been moved or changed while Bukti was reading it. Nothing was changed. Choose the file again.',
  'backup.vaultExists':
    'There is already a vault on this device, so the backup was not restored. To replace that vault, unlock it and use “Restore from a backup” in Settings.',
  'backup.vaultChanged':
    'Something in the vault changed while the backup was being made, so the backup was stopped. Nothing was lost. Make the backup again.',
  'backup.expired':
    'This backup was stopped because it was left waiting for a while. Nothing was lost. Make the backup again.',
  'backup.noSpace':
    'There is not enough space on this device to restore this backup (about {needed} MB needed, {available} MB free). Nothing was changed. Free up some space, then try again.',
  'backup.tooLargeToDownload':
    'This browser could not hold the whole backup for a download (this happens with large vaults in private windows). Nothing was lost. Use “Save to a file…” if it is offered, or make the backup in a normal browser window.',
  'backup.title': 'Backup',
  'backup.explain':
    'A backup is one encrypted file holding everything in the vault: cases, evidence, files and the custody log. Keep it somewhere other than this device, such as a computer, a USB drive or a cloud drive you trust. It opens only with your passphrase.',
  'backup.last': 'Last backup made: {date}.',
  'backup.never': 'No backup has been made yet.',
  'backup.changes': 'Changes to the evidence since then: {count}.',
  'backup.passphrase': 'Your passphrase, to make the backup',
  'backup.passphraseHint':
    'The backup will open only with the passphrase you type here, even if you change it later. Remember it.',
  'backup.make': 'Make a backup',
  'backup.checking': 'Checking the passphrase…',
  'backup.ready': 'The backup is ready. Choose how to save it:',
  'backup.saveToFile': 'Save to a file…',
  'backup.download': 'Download',
  'backup.share': 'Share…',
  'backup.progress': 'Preparing the backup… {size} so far',
  'backup.saveLink': 'Save the backup file ({size})',
  'backup.shareNow': 'Share the backup file',
  'backup.saved': 'Backup saved ({size}). Keep it somewhere other than this device.',
  'backup.downloaded':
    'The backup file {name} is in your downloads. Move it somewhere other than this device, then you can delete the download.',
  'backup.cancel': 'Cancel',
  'backup.cancelled': 'The backup was not saved. Nothing else was changed.',
  'backup.reminder.label': 'Remind me when there is new evidence and no backup for',
  'backup.reminder.days': '{count} days',
  'backup.reminder.off': 'Never (no reminders)',
  'backup.reminder.title': 'Time for a backup',
  'backup.reminder.since':
    'There is new evidence since your last backup on {date}. A backup keeps it safe if this phone or browser is lost.',
  'backup.reminder.none':
    'Some of your evidence is not in any backup yet. A backup keeps it safe if this phone or browser is lost.',
  'backup.reminder.action': 'Make a backup',
  'backup.reminder.later': 'Not now',
  'backup.restore.title': 'Restore from a backup',
  'backup.restore.explain':
    'Bring back everything from a backup file, exactly as it was: cases, evidence, files and the custody log.',
  'backup.restore.explainReplace':
    'This replaces the vault on this device with the one in the backup. Anything added since that backup was made will be lost. The backup file itself is not changed.',
  'backup.restore.file': 'Backup file',
  'backup.restore.passphrase': 'Passphrase of the backup',
  'backup.restore.word': 'REPLACE',
  'backup.restore.typeWord': 'Type {word} to erase this vault and restore the backup',
  'backup.restore.mismatch': 'Type {word} exactly to replace this vault, or leave this section to keep it.',
  'backup.restore.noFile': 'Choose the backup file first.',
  'backup.restore.submit': 'Restore',
  'backup.restore.submitReplace': 'Erase this vault and restore',
  'backup.restore.checking': 'Checking the whole backup before changing anything… {percent}%',
  'backup.restore.writing': 'Restoring… {percent}%',
  'backup.restore.opening': 'Opening the restored vault…',
} as const;

const ms: Record<keyof typeof en, string> = {
  'backup.notBackup':
    'Fail ini bukan sandaran Bukti. Tiada apa-apa yang diubah. Pilih fail sandaran yang disimpan oleh Bukti (namanya bermula dengan bukti-backup- atau, dalam mod rahsia, notes-).',
  'backup.newerVersion':
    'Sandaran ini dibuat oleh versi Bukti yang lebih baharu. Tiada apa-apa yang diubah. Kemas kini Bukti (muat semula semasa dalam talian), kemudian pulihkan semula.',
  'backup.damaged':
    'Fail sandaran ini rosak atau tidak lengkap: mungkin ia tidak habis disimpan atau disalin. Tiada apa-apa yang diubah. Cuba salinan sandaran yang lain, atau salin fail itu sekali lagi.',
  'backup.wrongPassphrase':
    'Frasa laluan itu tidak membuka sandaran ini. Tiada apa-apa yang diubah. Taip frasa laluan yang digunakan oleh peti besi semasa sandaran dibuat, dan cuba lagi.',
  'backup.unreadable':
    'Fail sandaran tidak dapat dibaca. Mungkin ia dialihkan atau diubah semasa Bukti membacanya. Tiada apa-apa yang diubah. Pilih fail itu sekali lagi.',
  'backup.vaultExists':
    'Sudah ada peti besi pada peranti ini, jadi sandaran tidak dipulihkan. Untuk menggantikan peti besi itu, buka kuncinya dan gunakan “Pulihkan daripada sandaran” dalam Tetapan.',
  'backup.vaultChanged':
    'Ada sesuatu dalam peti besi yang berubah semasa sandaran dibuat, jadi sandaran dihentikan. Tiada apa-apa yang hilang. Buat sandaran sekali lagi.',
  'backup.expired':
    'Sandaran ini dihentikan kerana dibiarkan menunggu agak lama. Tiada apa-apa yang hilang. Buat sandaran sekali lagi.',
  'backup.noSpace':
    'Ruang pada peranti ini tidak cukup untuk memulihkan sandaran ini (kira-kira {needed} MB diperlukan, {available} MB kosong). Tiada apa-apa yang diubah. Kosongkan sedikit ruang, kemudian cuba lagi.',
  'backup.tooLargeToDownload':
    'Pelayar ini tidak dapat menampung keseluruhan sandaran untuk dimuat turun (ini berlaku bagi peti besi yang besar dalam tetingkap peribadi). Tiada apa-apa yang hilang. Gunakan “Simpan ke fail…” jika ada, atau buat sandaran dalam tetingkap pelayar biasa.',
  'backup.title': 'Sandaran',
  'backup.explain':
    'Sandaran ialah satu fail tersulit yang mengandungi semua isi peti besi: kes, bukti, fail dan log jagaan. Simpan di tempat selain peranti ini, seperti komputer, pemacu USB atau storan awan yang anda percayai. Ia hanya boleh dibuka dengan frasa laluan anda.',
  'backup.last': 'Sandaran terakhir dibuat: {date}.',
  'backup.never': 'Belum ada sandaran yang dibuat.',
  'backup.changes': 'Perubahan pada bukti sejak itu: {count}.',
  'backup.passphrase': 'Frasa laluan anda, untuk membuat sandaran',
  'backup.passphraseHint':
    'Sandaran hanya boleh dibuka dengan frasa laluan yang anda taip di sini, walaupun anda menukarnya kemudian. Ingat frasa laluan ini.',
  'backup.make': 'Buat sandaran',
  'backup.checking': 'Menyemak frasa laluan…',
  'backup.ready': 'Sandaran sudah sedia. Pilih cara untuk menyimpannya:',
  'backup.saveToFile': 'Simpan ke fail…',
  'backup.download': 'Muat turun',
  'backup.share': 'Kongsi…',
  'backup.progress': 'Menyediakan sandaran… {size} setakat ini',
  'backup.saveLink': 'Simpan fail sandaran ({size})',
  'backup.shareNow': 'Kongsi fail sandaran',
  'backup.saved': 'Sandaran disimpan ({size}). Simpan di tempat selain peranti ini.',
  'backup.downloaded':
    'Fail sandaran {name} ada dalam muat turun anda. Pindahkan ke tempat selain peranti ini, kemudian anda boleh memadam muat turun itu.',
  'backup.cancel': 'Batal',
  'backup.cancelled': 'Sandaran tidak disimpan. Tiada apa-apa lagi yang diubah.',
  'backup.reminder.label': 'Ingatkan saya apabila ada bukti baharu dan tiada sandaran selama',
  'backup.reminder.days': '{count} hari',
  'backup.reminder.off': 'Tidak sekali-kali (tiada peringatan)',
  'backup.reminder.title': 'Masa untuk membuat sandaran',
  'backup.reminder.since':
    'Ada bukti baharu sejak sandaran terakhir anda pada {date}. Sandaran memastikan bukti selamat jika telefon atau pelayar ini hilang.',
  'backup.reminder.none':
    'Sebahagian bukti anda belum ada dalam mana-mana sandaran. Sandaran memastikan bukti selamat jika telefon atau pelayar ini hilang.',
  'backup.reminder.action': 'Buat sandaran',
  'backup.reminder.later': 'Bukan sekarang',
  'backup.restore.title': 'Pulihkan daripada sandaran',
  'backup.restore.explain':
    'Kembalikan semua isi fail sandaran, sama seperti asalnya: kes, bukti, fail dan log jagaan.',
  'backup.restore.explainReplace':
    'Ini menggantikan peti besi pada peranti ini dengan peti besi dalam sandaran. Apa-apa yang ditambah selepas sandaran itu dibuat akan hilang. Fail sandaran itu sendiri tidak diubah.',
  'backup.restore.file': 'Fail sandaran',
  'backup.restore.passphrase': 'Frasa laluan sandaran',
  'backup.restore.word': 'GANTI',
  'backup.restore.typeWord': 'Taip {word} untuk memadam peti besi ini dan memulihkan sandaran',
  'backup.restore.mismatch':
    'Taip {word} dengan tepat untuk menggantikan peti besi ini, atau tinggalkan bahagian ini untuk menyimpannya.',
  'backup.restore.noFile': 'Pilih fail sandaran dahulu.',
  'backup.restore.submit': 'Pulihkan',
  'backup.restore.submitReplace': 'Padam peti besi ini dan pulihkan',
  'backup.restore.checking': 'Menyemak seluruh sandaran sebelum mengubah apa-apa… {percent}%',
  'backup.restore.writing': 'Memulihkan… {percent}%',
  'backup.restore.opening': 'Membuka peti besi yang dipulihkan…',
};

/** Backup and restore: errors from src/core/backup and the words of src/ui/screens/backup. */
export const backup: Area<typeof en> = { en, ms };

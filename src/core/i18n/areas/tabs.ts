import type { Area } from '../area';

/** One vault in several windows and on several devices: who is writing, what was interrupted, moves. */
const en = {
  'vault.busy.create':
    'Bukti is creating a vault in another window or tab. Nothing was changed here. Wait until it has finished, then try again.',
  'vault.busy.restore':
    'Bukti is restoring a backup in another window or tab. Nothing was changed here. Wait until the restore has finished (it shows its progress there), then try again.',
  'vault.busy.replace':
    'Bukti is replacing the vault with a backup in another window or tab. Nothing was changed here. Wait until it has finished, then unlock with the passphrase of the backup.',
  'vault.busy.erase':
    'Bukti is erasing the vault in another window or tab. Nothing was changed here. Wait a moment, then reload this page.',
  'vault.busy.passphrase':
    'Bukti is changing the passphrase in another window or tab. Nothing was changed here. Wait a moment, then try again.',
  'vault.busy.rekey':
    'Bukti is re-encrypting the vault in another window or tab. Nothing was changed here. Wait until it has finished, then try again.',
  'vault.busy.other':
    'Bukti is changing the vault in another window or tab. Nothing was changed here. Wait until it has finished, then try again.',
  'tabs.waiting': 'This page goes on by itself once the other window has finished.',
  'tabs.dismiss': 'OK',
  'tabs.createDuringRestore':
    'A backup is being restored, so a new vault cannot be created now. If the restore fails, you can create one then.',
  'tabs.erasedElsewhere':
    'The vault was erased in another window or tab, so nothing of it is left on this device. You can create a new vault or restore a backup.',
  'tabs.erasedDuringExport':
    'The export stopped because the vault was erased in another window or tab. No bundle was saved and nothing of the vault is left on this device. You can create a new vault or restore a backup.',
  'tabs.replacedElsewhere':
    'The vault was replaced from a backup in another window or tab. Unlock it with the passphrase of that backup.',
  'tabs.replacedDuringExport':
    'The export stopped because the vault was replaced from a backup in another window or tab. No bundle was saved. Unlock with the passphrase of that backup, then make the bundle again.',
  'tabs.passphraseElsewhere':
    'The passphrase was changed in another window or tab. Use the new passphrase the next time you unlock.',
  'tabs.lockedElsewhere': 'Bukti was locked in another window or tab, so it is locked here too.',
  'backup.interrupted.restore':
    'A restore on this device did not finish, and what it had written has been removed; choose the backup file and restore it again (the file itself is unchanged).',
  'backup.interrupted.replace':
    'A restore that was replacing your vault did not finish, so this device is empty: the old vault had been erased once the backup was checked, and what the restore had written has been removed; restore the same backup file again to get your evidence back (the file itself is unchanged).',
  'backup.superseded':
    'The restore was stopped because the vault on this device was changed by another window or tab meanwhile. Nothing of the restore was kept. Reload the page to see what is on this device now.',
  'backup.restore.starting': 'Opening the backup with its passphrase…',
  'backup.restore.writingEmpty': 'Restoring: each part of the backup is checked as it is written… {percent}%',
  'backup.restore.writingReplace':
    'The whole backup checked out. Replacing the vault on this device with it… {percent}%',
  'custody.problem.deviceChanged':
    'Entry {position} was written on a different device from the entry before it, with no restore between them. The entries are signed and linked; ask the sender how the vault moved.',
  'custody.move':
    'Entry {position} records a restore: the vault was brought to device {device} from a backup whose last entry was number {from}. Entries from here on were written there; the device that made the backup may have gone on separately.',
  'custody.compare.same': 'The two custody logs are the same.',
  'custody.compare.extends':
    'One custody log continues the other: they agree on the first {common} entries, and the longer one only adds entries after them.',
  'custody.compare.fork':
    'The two custody logs agree on the first {common} entries, then part at entry {position}, where one device restored a backup. Both continue the same vault on different devices; neither is altered.',
  'custody.compare.conflict':
    'The two custody logs agree on the first {common} entries, then part at entry {position} without a restore. Both cannot be the history of one vault on one device: ask how they were made.',
  'custody.compare.unrelated':
    'The two custody logs do not start with the same entry: they are the histories of different vaults.',
} as const;

const ms: Record<keyof typeof en, string> = {
  'vault.busy.create':
    'Bukti sedang mencipta peti besi dalam tetingkap atau tab lain. Tiada apa-apa yang diubah di sini. Tunggu sehingga selesai, kemudian cuba lagi.',
  'vault.busy.restore':
    'Bukti sedang memulihkan sandaran dalam tetingkap atau tab lain. Tiada apa-apa yang diubah di sini. Tunggu sehingga pemulihan selesai (kemajuannya ditunjukkan di sana), kemudian cuba lagi.',
  'vault.busy.replace':
    'Bukti sedang menggantikan peti besi dengan sandaran dalam tetingkap atau tab lain. Tiada apa-apa yang diubah di sini. Tunggu sehingga selesai, kemudian buka kunci dengan frasa laluan sandaran itu.',
  'vault.busy.erase':
    'Bukti sedang memadam peti besi dalam tetingkap atau tab lain. Tiada apa-apa yang diubah di sini. Tunggu sebentar, kemudian muat semula halaman ini.',
  'vault.busy.passphrase':
    'Bukti sedang menukar frasa laluan dalam tetingkap atau tab lain. Tiada apa-apa yang diubah di sini. Tunggu sebentar, kemudian cuba lagi.',
  'vault.busy.rekey':
    'Bukti sedang menyulitkan semula peti besi dalam tetingkap atau tab lain. Tiada apa-apa yang diubah di sini. Tunggu sehingga selesai, kemudian cuba lagi.',
  'vault.busy.other':
    'Bukti sedang mengubah peti besi dalam tetingkap atau tab lain. Tiada apa-apa yang diubah di sini. Tunggu sehingga selesai, kemudian cuba lagi.',
  'tabs.waiting': 'Halaman ini akan bersambung sendiri sebaik sahaja tetingkap lain itu selesai.',
  'tabs.dismiss': 'OK',
  'tabs.createDuringRestore':
    'Sandaran sedang dipulihkan, jadi peti besi baharu tidak boleh dicipta sekarang. Jika pemulihan gagal, anda boleh menciptanya selepas itu.',
  'tabs.erasedElsewhere':
    'Peti besi telah dipadam dalam tetingkap atau tab lain, jadi tiada apa-apa daripadanya yang tinggal pada peranti ini. Anda boleh mencipta peti besi baharu atau memulihkan sandaran.',
  'tabs.erasedDuringExport':
    'Eksport terhenti kerana peti besi telah dipadam dalam tetingkap atau tab lain. Tiada berkas disimpan dan tiada apa-apa daripada peti besi itu yang tinggal pada peranti ini. Anda boleh mencipta peti besi baharu atau memulihkan sandaran.',
  'tabs.replacedElsewhere':
    'Peti besi telah digantikan daripada sandaran dalam tetingkap atau tab lain. Buka kuncinya dengan frasa laluan sandaran itu.',
  'tabs.replacedDuringExport':
    'Eksport terhenti kerana peti besi telah digantikan daripada sandaran dalam tetingkap atau tab lain. Tiada berkas disimpan. Buka kunci dengan frasa laluan sandaran itu, kemudian buat berkas semula.',
  'tabs.passphraseElsewhere':
    'Frasa laluan telah ditukar dalam tetingkap atau tab lain. Gunakan frasa laluan baharu apabila anda membuka kunci nanti.',
  'tabs.lockedElsewhere': 'Bukti telah dikunci dalam tetingkap atau tab lain, jadi ia dikunci di sini juga.',
  'backup.interrupted.restore':
    'Pemulihan pada peranti ini tidak selesai, dan apa yang telah ditulisnya sudah dibuang; pilih fail sandaran dan pulihkannya semula (fail itu sendiri tidak berubah).',
  'backup.interrupted.replace':
    'Pemulihan yang sedang menggantikan peti besi anda tidak selesai, jadi peranti ini kosong: peti besi lama telah dipadam sebaik sahaja sandaran disemak, dan apa yang telah ditulis oleh pemulihan sudah dibuang; pulihkan fail sandaran yang sama sekali lagi untuk mendapatkan semula bukti anda (fail itu sendiri tidak berubah).',
  'backup.superseded':
    'Pemulihan dihentikan kerana peti besi pada peranti ini telah diubah oleh tetingkap atau tab lain. Tiada apa-apa daripada pemulihan itu yang disimpan. Muat semula halaman untuk melihat apa yang ada pada peranti ini sekarang.',
  'backup.restore.starting': 'Membuka sandaran dengan frasa laluannya…',
  'backup.restore.writingEmpty': 'Memulihkan: setiap bahagian sandaran disemak semasa ia ditulis… {percent}%',
  'backup.restore.writingReplace':
    'Seluruh sandaran telah disemak dan baik. Menggantikan peti besi pada peranti ini dengannya… {percent}%',
  'custody.problem.deviceChanged':
    'Catatan {position} ditulis pada peranti yang berbeza daripada catatan sebelumnya, tanpa pemulihan di antaranya. Catatan-catatan itu ditandatangani dan berpaut; tanya pengirim bagaimana peti besi itu berpindah.',
  'custody.move':
    'Catatan {position} merekodkan pemulihan: peti besi dibawa ke peranti {device} daripada sandaran yang catatan terakhirnya bernombor {from}. Catatan dari sini ditulis di sana; peranti yang membuat sandaran itu mungkin telah meneruskan secara berasingan.',
  'custody.compare.same': 'Kedua-dua log jagaan adalah sama.',
  'custody.compare.extends':
    'Satu log jagaan menyambung yang satu lagi: kedua-duanya sepadan pada {common} catatan pertama, dan yang lebih panjang hanya menambah catatan selepasnya.',
  'custody.compare.fork':
    'Kedua-dua log jagaan sepadan pada {common} catatan pertama, kemudian berpisah pada catatan {position}, tempat satu peranti memulihkan sandaran. Kedua-duanya meneruskan peti besi yang sama pada peranti berbeza; tiada yang diubah.',
  'custody.compare.conflict':
    'Kedua-dua log jagaan sepadan pada {common} catatan pertama, kemudian berpisah pada catatan {position} tanpa pemulihan. Kedua-duanya tidak mungkin sejarah satu peti besi pada satu peranti: tanya bagaimana ia dibuat.',
  'custody.compare.unrelated':
    'Kedua-dua log jagaan tidak bermula dengan catatan yang sama: ia sejarah peti besi yang berbeza.',
};

export const tabs: Area<typeof en> = { en, ms };

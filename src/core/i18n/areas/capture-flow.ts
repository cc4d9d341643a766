import type { Area } from '../area';

/** The one-item-at-a-time capture flow, and the lock screen's way out for a forgotten passphrase. */
const en = {
  'flow.for': 'Case: {title}',
  'flow.what.title': 'What do you want to keep?',
  'flow.what.file': 'Screenshot or file',
  'flow.what.fileHint': 'Pictures, videos, chat exports, documents',
  'flow.what.photo': 'Take a photo or video',
  'flow.what.audio': 'Record audio',
  'flow.what.screen': 'Capture the screen',
  'flow.what.link': 'A link',
  'flow.what.linkHint': 'The web address of a post, profile or group',
  'flow.what.message': 'A message',
  'flow.what.messageHint': 'The words of a message, copied exactly',
  'flow.what.drop': 'Or drop files here, or paste a screenshot, link or text.',
  'flow.details.title': 'Details of this item',
  'flow.details.intro': 'Everything below is optional, and starts empty for each new item.',
  'flow.files.chosen': 'To keep: {names}',
  'flow.files.other': 'Choose other files',
  'flow.save': 'Save this item',
  'flow.saveFiles': 'Save {count} files, one item each',
  'flow.cancel': 'Cancel',
  'flow.saved.title': 'Saved to the case',
  'flow.saved.none': 'Already in the case',
  'flow.saved.another': 'Add another item',
  'flow.saved.timeline': 'See the timeline',
  'flow.sameAccount': 'Same account as the last item ({account})',
  'flow.sameAccount.done': 'Account filled in from the last item. Change anything that is different.',
  'flow.posted.legend': 'When was it posted?',
  'flow.posted.hint':
    'Copy what the screen says, like “2h” or “Yesterday at 21:14”. If you know the date, add it too, so the item goes in the right place on the timeline.',
  'flow.posted.readAs': 'Saved as: {when}',
  'flow.link.read': 'Read from the link: {facts}',
  'flow.link.post': 'post {id}',
  'flow.link.clean': 'Without tracking: {url}',
  'flow.link.unsupportedScheme':
    'This is not a web link. Only links that start with http:// or https:// can be opened by the police. Check it, or keep it as message text.',
  'flow.link.notAUrl':
    'This does not look like a web address. Check it (it should look like instagram.com/p/…), or keep it as message text.',
  'flow.link.keepAsText': 'Keep it as message text',
  'flow.link.needed': 'Type or paste the link first.',
  'flow.message.needed': 'Paste or type the message first.',
  'flow.problems': 'Something needs fixing before this item can be saved:',
  'forgot.title': 'Forgot your passphrase?',
  'forgot.explain':
    'Nobody can recover it, not even Bukti: that is what keeps your evidence safe. If you have a backup file and know its passphrase, you can erase the vault on this device and restore the backup. Anything added after that backup was made will be lost.',
  'forgot.noBackup':
    'Without a backup, keep trying the passphrases you may have used. A support worker can help you start a new case from what you still have.',
  'forgot.typeWord': 'Type {word} to erase the vault on this device',
  'forgot.word': 'ERASE',
  'forgot.mismatch': 'Type {word} exactly to erase this vault, or close this section to keep it.',
  'forgot.submit': 'Erase this vault and restore a backup',
} as const;

const ms: Record<keyof typeof en, string> = {
  'flow.for': 'Kes: {title}',
  'flow.what.title': 'Apa yang anda mahu simpan?',
  'flow.what.file': 'Tangkapan skrin atau fail',
  'flow.what.fileHint': 'Gambar, video, eksport sembang, dokumen',
  'flow.what.photo': 'Ambil gambar atau video',
  'flow.what.audio': 'Rakam audio',
  'flow.what.screen': 'Rakam skrin',
  'flow.what.link': 'Pautan',
  'flow.what.linkHint': 'Alamat web bagi hantaran, profil atau kumpulan',
  'flow.what.message': 'Mesej',
  'flow.what.messageHint': 'Kata-kata dalam mesej, disalin tepat',
  'flow.what.drop': 'Atau lepaskan fail di sini, atau tampal tangkapan skrin, pautan atau teks.',
  'flow.details.title': 'Butiran item ini',
  'flow.details.intro': 'Semua di bawah adalah pilihan, dan bermula kosong untuk setiap item baharu.',
  'flow.files.chosen': 'Untuk disimpan: {names}',
  'flow.files.other': 'Pilih fail lain',
  'flow.save': 'Simpan item ini',
  'flow.saveFiles': 'Simpan {count} fail, satu item setiap satu',
  'flow.cancel': 'Batal',
  'flow.saved.title': 'Disimpan dalam kes',
  'flow.saved.none': 'Sudah ada dalam kes',
  'flow.saved.another': 'Tambah item lain',
  'flow.saved.timeline': 'Lihat garis masa',
  'flow.sameAccount': 'Akaun yang sama seperti item terakhir ({account})',
  'flow.sameAccount.done': 'Akaun diisi daripada item terakhir. Ubah apa-apa yang berbeza.',
  'flow.posted.legend': 'Bilakah ia disiarkan?',
  'flow.posted.hint':
    'Salin apa yang tertera pada skrin, seperti “2j” atau “Semalam pada 21:14”. Jika anda tahu tarikhnya, tambah juga, supaya item berada di tempat yang betul dalam garis masa.',
  'flow.posted.readAs': 'Disimpan sebagai: {when}',
  'flow.link.read': 'Dibaca daripada pautan: {facts}',
  'flow.link.post': 'hantaran {id}',
  'flow.link.clean': 'Tanpa penjejakan: {url}',
  'flow.link.unsupportedScheme':
    'Ini bukan pautan web. Hanya pautan yang bermula dengan http:// atau https:// boleh dibuka oleh polis. Semak semula, atau simpan sebagai teks mesej.',
  'flow.link.notAUrl':
    'Ini tidak kelihatan seperti alamat web. Semak semula (sepatutnya seperti instagram.com/p/…), atau simpan sebagai teks mesej.',
  'flow.link.keepAsText': 'Simpan sebagai teks mesej',
  'flow.link.needed': 'Taip atau tampal pautan dahulu.',
  'flow.message.needed': 'Tampal atau taip mesej dahulu.',
  'flow.problems': 'Ada yang perlu dibetulkan sebelum item ini boleh disimpan:',
  'forgot.title': 'Lupa frasa laluan?',
  'forgot.explain':
    'Tiada sesiapa boleh memulihkannya, termasuk Bukti: itulah yang memastikan bukti anda selamat. Jika anda ada fail sandaran dan tahu frasa laluannya, anda boleh memadam peti besi pada peranti ini dan memulihkan sandaran itu. Apa-apa yang ditambah selepas sandaran itu dibuat akan hilang.',
  'forgot.noBackup':
    'Tanpa sandaran, teruskan mencuba frasa laluan yang mungkin pernah anda gunakan. Pekerja sokongan boleh membantu anda memulakan kes baharu daripada apa yang masih ada.',
  'forgot.typeWord': 'Taip {word} untuk memadam peti besi pada peranti ini',
  'forgot.word': 'PADAM',
  'forgot.mismatch':
    'Taip {word} dengan tepat untuk memadam peti besi ini, atau tutup bahagian ini untuk menyimpannya.',
  'forgot.submit': 'Padam peti besi ini dan pulihkan sandaran',
};

export const captureFlow: Area<typeof en> = { en, ms };

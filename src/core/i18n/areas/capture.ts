import type { Area } from '../area';

const en = {
  'evidence.kind.screenshot': 'Screenshot',
  'evidence.kind.photo': 'Photo',
  'evidence.kind.video': 'Video',
  'evidence.kind.audio': 'Audio',
  'evidence.kind.document': 'Document',
  'evidence.kind.webLink': 'Web link',
  'evidence.kind.messageText': 'Message text',
  'evidence.category.intimateImage': 'Intimate image shared without consent',
  'evidence.category.deepfake': 'AI-generated image or deepfake',
  'evidence.category.sextortion': 'Sextortion (threat to share intimate images)',
  'evidence.category.threat': 'Threat',
  'evidence.category.harassment': 'Harassment',
  'evidence.category.doxxing': 'Doxxing (personal details shared)',
  'evidence.category.impersonation': 'Impersonation or fake account',
  'evidence.category.hate': 'Hate speech',
  'evidence.category.other': 'Other',
  'evidence.flag.urlInvalid': 'This link could not be read as a web address. It is kept exactly as entered.',
  'evidence.flag.profileUrlInvalid':
    'This profile link could not be read as a web address. It is kept exactly as entered.',
  'evidence.flag.postedTimeUnparsed':
    'The posting time is kept as shown. Add a date if you know it, so it can go on the timeline.',
  'platform.x': 'X (Twitter)',
  'platform.facebook': 'Facebook',
  'platform.instagram': 'Instagram',
  'platform.tiktok': 'TikTok',
  'platform.telegram': 'Telegram',
  'platform.whatsapp': 'WhatsApp',
  'platform.youtube': 'YouTube',
  'platform.reddit': 'Reddit',
  'platform.threads': 'Threads',
  'platform.snapchat': 'Snapchat',
  'platform.discord': 'Discord',
  'platform.linkedin': 'LinkedIn',
  'platform.other': 'Other website or app',
  'custody.event.created': 'Captured',
  'custody.event.caseCreated': 'Case opened',
  'custody.event.caseEdited': 'Case details changed',
  'custody.event.edited': 'Details edited',
  'custody.event.fileAdded': 'File added',
  'custody.event.exported': 'Exported',
  'custody.event.verified': 'Verified',
  'custody.event.deleted': 'Deleted',
  'custody.event.restored': 'Restored',
  'custody.event.imported': 'Imported',
  'canonical.unsupportedValue':
    'A record could not be put into a checkable form ({path}: {reason}). Nothing was saved. Try again; if it keeps happening, make a backup and report the problem.',
  'capture.notFound':
    'This case or item is no longer in the vault; it may have been deleted. Go back to the list of cases.',
  'capture.emptyFile':
    'This file is empty (0 bytes), so there is nothing to keep. Save the screenshot or file again, then add it.',
  'capture.readFailed':
    'The file could not be read to the end. It may have been moved or deleted. Choose it again; nothing was added.',
  'capture.duplicateFile':
    'This file is already in this case, so it was not added again. Open the existing item to add details.',
  'capture.noFiles':
    'There is no file to keep for this item. Choose a screenshot, photo, video, audio or file.',
  'capture.emptyText': 'There is no message text to keep. Paste or type the message, then save.',
  'capture.notALink':
    'This is not a web link (one that starts with http:// or https://), so it was not saved as a link. Check it, or keep it as message text instead.',
  'capture.invalidRecord':
    'Some saved details could not be read ({path}: {problem}). They were not changed. If they came from a bundle, ask the sender for a fresh copy.',
  'custody.invalidEntry':
    'A custody log entry could not be written ({field}). Nothing was added to the log. Try again; if it keeps happening, make a backup and report the problem.',
  'custody.problem.malformed':
    'Entry {position} is not a valid custody log entry ({field}). The log may have been edited by hand or damaged; ask for the original bundle.',
  'custody.problem.unsupportedVersion':
    'Entry {position} uses a custody log format this version of Bukti does not know. Update Bukti and check again.',
  'custody.problem.badSignature':
    'Entry {position} does not match its signature: it was changed after it was signed. Treat the log as altered and ask for the original bundle.',
  'custody.problem.wrongKey':
    'Entry {position} was signed with a key other than the one expected. Check with the sender which key they use before relying on this log.',
  'custody.problem.keyChanged':
    'Entry {position} was signed with a different key from the entries before it. Ask the sender why; the log may mix entries from different devices.',
  'custody.problem.brokenLink':
    'Entry {position} does not follow the entry before it: an entry was removed, added or changed in between. Ask for the original bundle.',
  'custody.problem.badStart':
    'The first entry does not start a new log, so earlier entries are missing. Ask for the complete log.',
  'custody.problem.seqGap':
    'Entry {position} has number {found} where {expected} was expected: entries are missing before it. Ask for the complete log.',
  'custody.problem.seqOutOfOrder':
    'Entry {position} has number {found} where {expected} was expected: entries are repeated or out of order. Ask for the original bundle.',
  'custody.problem.timeReversed':
    'Entry {position} is dated earlier than the entry before it. This can happen when the device clock was changed; note it when relying on the times.',
  'custody.problem.redactedHead':
    'The last entry of the log is hidden, so nothing shows where the log really ends. Ask for a bundle whose log ends with its export entry.',
  'custody.problem.headMismatch':
    'The log does not end where the bundle says it does: entries at the end were removed, added or changed. Ask for the original bundle.',
} as const;

const ms: Record<keyof typeof en, string> = {
  'evidence.kind.screenshot': 'Tangkapan skrin',
  'evidence.kind.photo': 'Foto',
  'evidence.kind.video': 'Video',
  'evidence.kind.audio': 'Audio',
  'evidence.kind.document': 'Dokumen',
  'evidence.kind.webLink': 'Pautan web',
  'evidence.kind.messageText': 'Teks mesej',
  'evidence.category.intimateImage': 'Imej intim dikongsi tanpa izin',
  'evidence.category.deepfake': 'Imej janaan AI atau deepfake',
  'evidence.category.sextortion': 'Sekstorsi (ugutan untuk menyebarkan imej intim)',
  'evidence.category.threat': 'Ugutan',
  'evidence.category.harassment': 'Gangguan',
  'evidence.category.doxxing': 'Doxxing (maklumat peribadi didedahkan)',
  'evidence.category.impersonation': 'Penyamaran atau akaun palsu',
  'evidence.category.hate': 'Ucapan kebencian',
  'evidence.category.other': 'Lain-lain',
  'evidence.flag.urlInvalid':
    'Pautan ini tidak dapat dibaca sebagai alamat web. Ia disimpan sama seperti yang dimasukkan.',
  'evidence.flag.profileUrlInvalid':
    'Pautan profil ini tidak dapat dibaca sebagai alamat web. Ia disimpan sama seperti yang dimasukkan.',
  'evidence.flag.postedTimeUnparsed':
    'Masa siaran disimpan seperti yang dipaparkan. Tambah tarikh jika anda tahu, supaya ia boleh dimasukkan ke dalam garis masa.',
  'platform.x': 'X (Twitter)',
  'platform.facebook': 'Facebook',
  'platform.instagram': 'Instagram',
  'platform.tiktok': 'TikTok',
  'platform.telegram': 'Telegram',
  'platform.whatsapp': 'WhatsApp',
  'platform.youtube': 'YouTube',
  'platform.reddit': 'Reddit',
  'platform.threads': 'Threads',
  'platform.snapchat': 'Snapchat',
  'platform.discord': 'Discord',
  'platform.linkedin': 'LinkedIn',
  'platform.other': 'Laman web atau aplikasi lain',
  'custody.event.created': 'Dirakam',
  'custody.event.caseCreated': 'Kes dibuka',
  'custody.event.caseEdited': 'Butiran kes diubah',
  'custody.event.edited': 'Butiran disunting',
  'custody.event.fileAdded': 'Fail ditambah',
  'custody.event.exported': 'Dieksport',
  'custody.event.verified': 'Disahkan',
  'custody.event.deleted': 'Dipadam',
  'custody.event.restored': 'Dipulihkan',
  'custody.event.imported': 'Diimport',
  'canonical.unsupportedValue':
    'Satu rekod tidak dapat disediakan dalam bentuk yang boleh disemak ({path}: {reason}). Tiada apa-apa yang disimpan. Cuba lagi; jika masih berlaku, buat sandaran dan laporkan masalah ini.',
  'capture.notFound':
    'Kes atau item ini tiada lagi dalam peti besi; ia mungkin telah dipadam. Kembali ke senarai kes.',
  'capture.emptyFile':
    'Fail ini kosong (0 bait), jadi tiada apa-apa untuk disimpan. Simpan semula tangkapan skrin atau fail itu, kemudian tambahkannya.',
  'capture.readFailed':
    'Fail ini tidak dapat dibaca hingga habis. Mungkin ia telah dialihkan atau dipadam. Pilih fail itu sekali lagi; tiada apa-apa yang ditambah.',
  'capture.duplicateFile':
    'Fail ini sudah ada dalam kes ini, jadi ia tidak ditambah lagi. Buka item yang sedia ada untuk menambah butiran.',
  'capture.noFiles':
    'Tiada fail untuk disimpan bagi item ini. Pilih tangkapan skrin, foto, video, audio atau fail.',
  'capture.emptyText': 'Tiada teks mesej untuk disimpan. Tampal atau taip mesej itu, kemudian simpan.',
  'capture.notALink':
    'Ini bukan pautan web (yang bermula dengan http:// atau https://), jadi ia tidak disimpan sebagai pautan. Semak semula, atau simpan sebagai teks mesej.',
  'capture.invalidRecord':
    'Sebahagian butiran yang disimpan tidak dapat dibaca ({path}: {problem}). Butiran itu tidak diubah. Jika ia datang daripada satu berkas, minta salinan baharu daripada pengirim.',
  'custody.invalidEntry':
    'Satu catatan log jagaan tidak dapat ditulis ({field}). Tiada apa-apa yang ditambah pada log. Cuba lagi; jika masih berlaku, buat sandaran dan laporkan masalah ini.',
  'custody.problem.malformed':
    'Catatan {position} bukan catatan log jagaan yang sah ({field}). Log mungkin telah disunting secara manual atau rosak; minta berkas yang asal.',
  'custody.problem.unsupportedVersion':
    'Catatan {position} menggunakan format log jagaan yang tidak dikenali oleh versi Bukti ini. Kemas kini Bukti dan semak sekali lagi.',
  'custody.problem.badSignature':
    'Catatan {position} tidak sepadan dengan tandatangannya: ia telah diubah selepas ditandatangani. Anggap log ini telah diubah dan minta berkas yang asal.',
  'custody.problem.wrongKey':
    'Catatan {position} ditandatangani dengan kunci yang bukan kunci yang dijangka. Tanya pengirim kunci mana yang mereka gunakan sebelum bergantung pada log ini.',
  'custody.problem.keyChanged':
    'Catatan {position} ditandatangani dengan kunci yang berbeza daripada catatan sebelumnya. Tanya pengirim sebabnya; log ini mungkin mencampurkan catatan daripada peranti yang berlainan.',
  'custody.problem.brokenLink':
    'Catatan {position} tidak bersambung dengan catatan sebelumnya: ada catatan yang dibuang, ditambah atau diubah di antaranya. Minta berkas yang asal.',
  'custody.problem.badStart':
    'Catatan pertama tidak memulakan log baharu, jadi catatan yang lebih awal tiada. Minta log yang lengkap.',
  'custody.problem.seqGap':
    'Catatan {position} bernombor {found} sedangkan {expected} yang dijangka: ada catatan yang hilang sebelumnya. Minta log yang lengkap.',
  'custody.problem.seqOutOfOrder':
    'Catatan {position} bernombor {found} sedangkan {expected} yang dijangka: ada catatan yang berulang atau tidak mengikut urutan. Minta berkas yang asal.',
  'custody.problem.timeReversed':
    'Catatan {position} bertarikh lebih awal daripada catatan sebelumnya. Ini boleh berlaku apabila jam peranti diubah; ambil perhatian apabila bergantung pada masa tersebut.',
  'custody.problem.redactedHead':
    'Catatan terakhir dalam log disembunyikan, jadi tiada apa-apa yang menunjukkan di mana log itu benar-benar berakhir. Minta berkas yang lognya berakhir dengan catatan eksportnya.',
  'custody.problem.headMismatch':
    'Log ini tidak berakhir di tempat yang dinyatakan oleh berkas: ada catatan di hujung yang dibuang, ditambah atau diubah. Minta berkas yang asal.',
};

export const capture: Area<typeof en> = { en, ms };

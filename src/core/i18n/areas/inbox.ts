import type { Area } from '../area';

const en = {
  'inbox.title': 'Inbox',
  'inbox.intro':
    'Screenshots, files and links you shared to Bukti from other apps wait here, sealed, until you file them into a case or discard them.',
  'inbox.loading': 'Opening the inbox…',
  'inbox.empty':
    'Nothing is waiting. In another app, use its Share button and choose Bukti: what you share is sealed at once, even while Bukti is locked.',
  'inbox.count': 'Waiting: {count}',
  'inbox.kind.file': 'File',
  'inbox.kind.link': 'Link',
  'inbox.kind.text': 'Text',
  'inbox.kind.unreadable': 'Cannot be opened',
  'inbox.unnamed': 'File without a name',
  'inbox.sharedAt': 'Shared {time}',
  'inbox.pageTitle': 'Page title: {title}',
  'inbox.unreadableHelp':
    'This item could not be opened. It may have been damaged, or it did not come from the share menu. It cannot be filed, only discarded.',
  'inbox.fileAction': 'File into a case',
  'inbox.fileLegend': 'File "{name}"',
  'inbox.case': 'Case',
  'inbox.newCaseOption': 'Start a new case',
  'inbox.newCaseName': 'Name of the new case',
  'inbox.needCaseName': 'Give the new case a name so you can find it again.',
  'inbox.noCasesYet': 'There are no cases yet. Name a new case and this will be filed into it.',
  'inbox.submitFile': 'File it',
  'inbox.cancel': 'Cancel',
  'inbox.working': 'Filing and sealing…',
  'inbox.discard': 'Discard',
  'inbox.discardQuestion':
    'Discard "{name}"? It will be deleted from this device and cannot be brought back. If it is evidence, file it instead.',
  'inbox.discardConfirm': 'Discard for good',
  'inbox.keep': 'Keep it',
  'inbox.filed': '"{name}" was filed into "{case}".',
  'inbox.duplicate':
    '"{name}" is already in "{case}", so it was not added again. It was removed from the inbox.',
  'inbox.discarded': '"{name}" was discarded.',
  'inbox.unreadable':
    'This shared item could not be read, so it cannot be filed into a case. Discard it, then share it to Bukti again from the other app.',
  'inbox.notice.no-vault':
    'Bukti received something shared from another app, but there is no vault on this device yet, so nothing was kept. Create a vault first, then share it again.',
  'inbox.notice.storage-full':
    'What you shared could not be kept because this device is out of storage space. Nothing from that share was kept. Free up some space, then share it again.',
  'inbox.notice.failed':
    'What you shared could not be kept: the storage did not respond. Nothing from that share was kept. Share it again; if it keeps happening, open Bukti once and then try.',
  'inbox.notice.nothing':
    'Nothing arrived with the share (no file, text or link), so nothing was kept. Try sharing again from the other app.',
  'inbox.notice.refused':
    'Something was sent to Bukti by a website, not from your share menu, so it was not kept. If you meant to share it, use the Share button in the other app.',
  'inbox.notice.dismiss': 'Close this message',
} as const;

const ms: Record<keyof typeof en, string> = {
  'inbox.title': 'Peti masuk',
  'inbox.intro':
    'Tangkapan skrin, fail dan pautan yang anda kongsi ke Bukti daripada aplikasi lain menunggu di sini dalam keadaan termeterai, sehingga anda memfailkannya ke dalam kes atau membuangnya.',
  'inbox.loading': 'Membuka peti masuk…',
  'inbox.empty':
    'Tiada apa-apa yang menunggu. Dalam aplikasi lain, gunakan butang Kongsi dan pilih Bukti: apa yang anda kongsi dimeterai serta-merta, walaupun semasa Bukti dikunci.',
  'inbox.count': 'Menunggu: {count}',
  'inbox.kind.file': 'Fail',
  'inbox.kind.link': 'Pautan',
  'inbox.kind.text': 'Teks',
  'inbox.kind.unreadable': 'Tidak dapat dibuka',
  'inbox.unnamed': 'Fail tanpa nama',
  'inbox.sharedAt': 'Dikongsi {time}',
  'inbox.pageTitle': 'Tajuk halaman: {title}',
  'inbox.unreadableHelp':
    'Item ini tidak dapat dibuka. Ia mungkin rosak, atau ia tidak datang daripada menu kongsi. Ia tidak boleh difailkan, hanya dibuang.',
  'inbox.fileAction': 'Failkan ke dalam kes',
  'inbox.fileLegend': 'Failkan "{name}"',
  'inbox.case': 'Kes',
  'inbox.newCaseOption': 'Mulakan kes baharu',
  'inbox.newCaseName': 'Nama kes baharu',
  'inbox.needCaseName': 'Berikan nama kepada kes baharu supaya anda boleh menemuinya semula.',
  'inbox.noCasesYet': 'Belum ada kes. Namakan kes baharu dan item ini akan difailkan ke dalamnya.',
  'inbox.submitFile': 'Failkan',
  'inbox.cancel': 'Batal',
  'inbox.working': 'Sedang memfailkan dan memeterai…',
  'inbox.discard': 'Buang',
  'inbox.discardQuestion':
    'Buang "{name}"? Ia akan dipadam daripada peranti ini dan tidak boleh dikembalikan. Jika ia bukti, failkannya.',
  'inbox.discardConfirm': 'Buang terus',
  'inbox.keep': 'Simpan',
  'inbox.filed': '"{name}" telah difailkan ke dalam "{case}".',
  'inbox.duplicate':
    '"{name}" sudah ada dalam "{case}", jadi ia tidak ditambah sekali lagi. Ia telah dikeluarkan daripada peti masuk.',
  'inbox.discarded': '"{name}" telah dibuang.',
  'inbox.unreadable':
    'Item yang dikongsi ini tidak dapat dibaca, jadi ia tidak boleh difailkan ke dalam kes. Buang item ini, kemudian kongsi semula ke Bukti daripada aplikasi lain itu.',
  'inbox.notice.no-vault':
    'Bukti menerima sesuatu yang dikongsi daripada aplikasi lain, tetapi belum ada peti besi pada peranti ini, jadi tiada apa-apa yang disimpan. Cipta peti besi dahulu, kemudian kongsi semula.',
  'inbox.notice.storage-full':
    'Apa yang anda kongsi tidak dapat disimpan kerana ruang storan peranti ini sudah penuh. Tiada apa-apa daripada perkongsian itu yang disimpan. Kosongkan sedikit ruang, kemudian kongsi semula.',
  'inbox.notice.failed':
    'Apa yang anda kongsi tidak dapat disimpan: storan tidak memberi respons. Tiada apa-apa daripada perkongsian itu yang disimpan. Kongsi semula; jika masih berlaku, buka Bukti sekali dahulu, kemudian cuba lagi.',
  'inbox.notice.nothing':
    'Tiada apa-apa yang diterima bersama perkongsian itu (tiada fail, teks atau pautan), jadi tiada apa-apa yang disimpan. Cuba kongsi semula daripada aplikasi lain itu.',
  'inbox.notice.refused':
    'Sesuatu telah dihantar ke Bukti oleh laman web, bukan daripada menu kongsi anda, jadi ia tidak disimpan. Jika anda memang mahu mengongsinya, gunakan butang Kongsi dalam aplikasi lain itu.',
  'inbox.notice.dismiss': 'Tutup mesej ini',
};

export const inbox: Area<typeof en> = { en, ms };

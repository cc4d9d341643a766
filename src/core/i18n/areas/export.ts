import type { Area } from '../area';

const en = {
  'export.nothingSelected': 'No items match what you chose. Choose at least one item, or widen the dates.',
  'export.logMoved':
    'Something was added to the custody log while the bundle was being made, so it was not finished. Nothing was saved. Export again.',
  'export.case': 'Case',
  'export.scope': 'What to include',
  'export.scope.all': 'Every item in the case',
  'export.scope.pick': 'Only the items I choose',
  'export.scope.dates': 'Items saved between two dates',
  'export.from': 'From',
  'export.to': 'To',
  'export.sensitive': 'Sensitive pictures',
  'export.sensitive.include': 'Include the originals and show them in the report',
  'export.sensitive.blur': 'Include the originals, but blur them in the report',
  'export.sensitive.omit': 'Leave them out (listed by fingerprint only)',
  'export.recipient': 'Who it is for (optional), e.g. "Balai Polis Kulai" or "Lawyer, Puan Aminah"',
  'export.language': 'Report language',
  'export.language.both': 'English and Bahasa Malaysia',
  'export.language.en': 'English',
  'export.language.ms': 'Bahasa Malaysia',
  'export.start': 'Make the bundle',
  'export.cancel': 'Cancel',
  'export.cancelled': 'Export cancelled. Nothing was saved or recorded as exported.',
  'export.progress.report': 'Writing the report: item {done} of {total}',
  'export.progress.bundle': 'Sealing the bundle: {entry}',
  'export.done': 'The bundle is ready.',
  'export.zipHash': 'SHA-256 of the bundle (write this on the police report form):',
  'export.save': 'Save the bundle',
  'export.share': 'Share the bundle',
  'export.noCases': 'There is nothing to export yet. Create a case and add evidence first.',
  'export.startShare': 'Make the bundle to share',
  'export.shareFailed': 'The share sheet could not take the bundle. Use “Save the bundle” instead.',
  'export.saveHint':
    'Bukti writes the bundle straight into the file you choose, or into your downloads, without keeping a copy.',
  'export.progress.bytes': '{written} written of about {total}',
  'export.savedToFile': 'Saved as {name}.',
  'export.downloaded': 'Saved to your downloads as {name}. Your browser’s downloads list shows it.',
  'export.shareReady': 'The bundle ({size}) is ready to share or save.',
  'export.notFinished': 'The bundle was not written to the end, so it was not recorded. Export again.',
  'export.noFileChosen':
    'No file was chosen, so nothing was saved. Press “Make the bundle” again and choose where to save it.',
  'export.writeFailed':
    'The bundle could not be written to that file (the disk may be full). Nothing was recorded as exported. Free some space or choose another place, then export again.',
  'export.downloadStopped':
    'The download stopped before the end (it was cancelled, or the device is full). Nothing was recorded as exported. Check the free space and export again.',
  'export.tooLargeToShare':
    'This bundle is about {size}, too large to share from here. Use “Make the bundle” to save it, then share the saved file from your Files app.',
  'export.notReadyToSave':
    'This window cannot save a bundle this large yet. Reload the page once, then export again.',
} as const;

const ms: Record<keyof typeof en, string> = {
  'export.nothingSelected':
    'Tiada item yang sepadan dengan pilihan anda. Pilih sekurang-kurangnya satu item, atau luaskan tarikh.',
  'export.logMoved':
    'Sesuatu telah ditambah ke log jagaan semasa berkas sedang disediakan, jadi ia tidak disiapkan. Tiada apa-apa disimpan. Eksport semula.',
  'export.case': 'Kes',
  'export.scope': 'Apa yang hendak dimasukkan',
  'export.scope.all': 'Setiap item dalam kes',
  'export.scope.pick': 'Hanya item yang saya pilih',
  'export.scope.dates': 'Item yang disimpan antara dua tarikh',
  'export.from': 'Dari',
  'export.to': 'Hingga',
  'export.sensitive': 'Gambar sensitif',
  'export.sensitive.include': 'Masukkan fail asal dan tunjukkannya dalam laporan',
  'export.sensitive.blur': 'Masukkan fail asal, tetapi kaburkannya dalam laporan',
  'export.sensitive.omit': 'Tinggalkannya (disenaraikan dengan cap jari sahaja)',
  'export.recipient': 'Untuk siapa (pilihan), cth. "Balai Polis Kulai" atau "Peguam, Puan Aminah"',
  'export.language': 'Bahasa laporan',
  'export.language.both': 'English dan Bahasa Malaysia',
  'export.language.en': 'English',
  'export.language.ms': 'Bahasa Malaysia',
  'export.start': 'Sediakan berkas',
  'export.cancel': 'Batal',
  'export.cancelled': 'Eksport dibatalkan. Tiada apa-apa disimpan atau direkodkan sebagai dieksport.',
  'export.progress.report': 'Menulis laporan: item {done} daripada {total}',
  'export.progress.bundle': 'Memeterai berkas: {entry}',
  'export.done': 'Berkas sudah sedia.',
  'export.zipHash': 'SHA-256 berkas (tulis ini pada borang laporan polis):',
  'export.save': 'Simpan berkas',
  'export.share': 'Kongsi berkas',
  'export.noCases': 'Belum ada apa-apa untuk dieksport. Cipta kes dan tambah bukti dahulu.',
  'export.startShare': 'Sediakan berkas untuk dikongsi',
  'export.shareFailed': 'Helaian kongsi tidak dapat menerima berkas. Gunakan “Simpan berkas” sebagai ganti.',
  'export.saveHint':
    'Bukti menulis berkas terus ke dalam fail yang anda pilih, atau ke muat turun anda, tanpa menyimpan salinan.',
  'export.progress.bytes': '{written} ditulis daripada kira-kira {total}',
  'export.savedToFile': 'Disimpan sebagai {name}.',
  'export.downloaded':
    'Disimpan ke muat turun anda sebagai {name}. Senarai muat turun pelayar anda menunjukkannya.',
  'export.shareReady': 'Berkas ({size}) sedia untuk dikongsi atau disimpan.',
  'export.notFinished': 'Berkas tidak ditulis hingga habis, jadi ia tidak direkodkan. Eksport semula.',
  'export.noFileChosen':
    'Tiada fail dipilih, jadi tiada apa-apa disimpan. Tekan “Sediakan berkas” sekali lagi dan pilih tempat untuk menyimpannya.',
  'export.writeFailed':
    'Berkas tidak dapat ditulis ke fail itu (cakera mungkin penuh). Tiada apa-apa direkodkan sebagai dieksport. Kosongkan sedikit ruang atau pilih tempat lain, kemudian eksport semula.',
  'export.downloadStopped':
    'Muat turun berhenti sebelum habis (ia dibatalkan, atau peranti penuh). Tiada apa-apa direkodkan sebagai dieksport. Semak ruang kosong dan eksport semula.',
  'export.tooLargeToShare':
    'Berkas ini kira-kira {size}, terlalu besar untuk dikongsi dari sini. Gunakan “Sediakan berkas” untuk menyimpannya, kemudian kongsi fail yang disimpan dari aplikasi Fail anda.',
  'export.notReadyToSave':
    'Tetingkap ini belum dapat menyimpan berkas sebesar ini. Muat semula halaman sekali, kemudian eksport semula.',
};

export const exportArea: Area<typeof en> = { en, ms };

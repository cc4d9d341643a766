import type { Area } from '../area';

const en = {
  'bundle.seal.cancelled':
    'Making the bundle was stopped. Nothing was saved. You can start the export again at any time.',
  'bundle.seal.fileChanged':
    'A file no longer matches the SHA-256 recorded when it was captured ({name}), so the bundle was not made. Make a backup of the vault, then open this item and check the file.',
  'bundle.seal.signerFailed':
    'The signing key did not give a valid signature, so the bundle was not made. Lock and unlock the vault, then export again.',
  'bundle.seal.duplicateFile':
    'The same file is selected twice ({name}), so the bundle was not made. Change the selection, then export again.',
  'bundle.seal.custodyBroken':
    'The custody log did not verify as one unbroken chain, so the bundle was not made. Close other Bukti tabs, then export again; if it keeps happening, make a backup and report the problem.',
  'bundle.zip.empty': 'This file is empty (0 bytes). Ask the sender to send the bundle again.',
  'bundle.zip.notZip':
    'This file is not a ZIP file, so it cannot be a Bukti bundle. Check that you chose the right file; Bukti bundles end in .zip.',
  'bundle.zip.truncated':
    'This ZIP file is cut short: part of it is missing, often because a download or copy did not finish. Copy or download the bundle again.',
  'bundle.zip.unreadable':
    'The file could not be read (it may have been moved, or access was refused). Check the file, then try again.',
  'bundle.zip.corrupt':
    'The structure of this ZIP file is damaged or inconsistent, so it cannot be checked safely. Ask the sender for the original bundle.',
  'bundle.zip.multiDisk':
    'This ZIP file is split over several parts, which Bukti bundles never are. Ask the sender for the bundle as one file.',
  'bundle.zip.tooManyEntries':
    'This ZIP file lists more entries than any Bukti bundle would (limit {limit}), so it was not opened. Ask the sender for the original bundle.',
  'bundle.zip.tooLarge':
    'This ZIP file would unpack to far more data than its own size (over {limit} bytes), a sign of a "ZIP bomb". It was not unpacked. Ask the sender for the original bundle.',
  'bundle.zip.ratio':
    'The entry {path} is compressed far more than real evidence can be (a sign of a "ZIP bomb"), so it was not unpacked.',
  'bundle.zip.encrypted':
    'The entry {path} is password-protected; Bukti bundles never are, so it could not be checked.',
  'bundle.zip.unsupportedMethod':
    'The entry {path} uses a compression method (number {method}) that Bukti bundles never use, so it could not be checked.',
  'bundle.zip.entryCorrupt':
    'The entry {path} is described differently in two places inside the ZIP file, so different programs could unpack different contents. It was not trusted.',
  'bundle.zip.overlap':
    'The entry {path} overlaps another entry inside the ZIP file (a sign of a "ZIP bomb" or tampering), so it was not unpacked.',
  'bundle.zip.hiddenData':
    'The ZIP file holds {length} bytes at position {offset} that belong to no listed file. Some programs may unpack hidden content from them.',
  'bundle.zip.crcMismatch':
    'The entry {path} does not match its own ZIP checksum (CRC-32): its contents were changed or damaged.',
  'bundle.zip.sizeMismatch':
    'The entry {path} unpacks to a different size than the ZIP file says: it was changed or damaged.',
  'bundle.zip.dataCorrupt': 'The compressed data of the entry {path} is damaged and could not be unpacked.',
  'bundle.verify.notBundle':
    'This ZIP file is not a Bukti bundle: it has neither manifest.json nor SHA256SUMS. Check that you chose the right file.',
  'bundle.verify.unexpected':
    'The check stopped on an unexpected error ({detail}). The bundle file was not changed. You can still check it by hand as VERIFY.txt describes; please report this problem.',
  'bundle.verify.cancelled': 'Checking the bundle was stopped. Start the check again when you are ready.',
  'bundle.verify.missingRequired':
    'The bundle has no {path}, which every Bukti bundle contains. It was changed or is incomplete; ask the sender for the original bundle.',
  'bundle.verify.unsafeName':
    'The bundle holds an entry with a name no Bukti bundle uses ({path}): it may try to write outside the folder it is unpacked into. Do not unpack this file with other tools; ask the sender for the original bundle.',
  'bundle.verify.duplicateName':
    'The name {path} appears more than once in the bundle, so different programs could unpack different files. Ask the sender for the original bundle.',
  'bundle.verify.hashMismatch':
    '{path} has been changed: its SHA-256 does not match the one listed in SHA256SUMS.',
  'bundle.verify.sumsChanged':
    'SHA256SUMS was changed after sealing: line {line} no longer matches the file it names, while the file still matches the rest of the bundle.',
  'bundle.verify.sumsDisagree':
    '{path} does not match its line in SHA256SUMS. As the signature does not hold either, the file or SHA256SUMS was changed; rely on neither.',
  'bundle.verify.missingFile': '{path} is listed in SHA256SUMS but is missing from the bundle.',
  'bundle.verify.extraFile':
    '{path} is in the bundle but not listed in SHA256SUMS: it was added after sealing.',
  'bundle.verify.entryTooLarge':
    '{path} is much larger than a Bukti bundle ever makes it ({limit} bytes at most), so it was not read.',
  'bundle.verify.sumsMalformed':
    'SHA256SUMS is not in the expected form (at line {line}): each line must be a 64-character SHA-256, two spaces and a file name.',
  'bundle.verify.sumsDuplicate': 'SHA256SUMS lists {path} more than once.',
  'bundle.verify.signatureLength':
    'SHA256SUMS.sig must be an Ed25519 signature of exactly 64 bytes, but it is {length} bytes long.',
  'bundle.verify.signatureInvalid':
    'The signature in SHA256SUMS.sig does not match SHA256SUMS and public-key.pem: the list of files or the key was changed after sealing.',
  'bundle.verify.keyMalformed':
    'public-key.pem is not an Ed25519 public key in the expected form (SPKI PEM).',
  'bundle.verify.keyMismatch': 'public-key.pem is not the signing key named in manifest.json.',
  'bundle.verify.manifestMalformed':
    'manifest.json cannot be read as a Bukti manifest (problem at {field}). Ask the sender for the original bundle.',
  'bundle.verify.manifestVersion':
    'This bundle uses format version {version}, made by a newer version of Bukti. Update Bukti (or the bukti tool), then check it again.',
  'bundle.verify.manifestMismatch':
    'manifest.json and SHA256SUMS disagree about {path}: the bundle was changed after sealing.',
  'bundle.verify.custodyMalformed':
    'Entry {line} of custody-log.jsonl cannot be read, so the chain of custody cannot be followed past it.',
  'bundle.verify.custodyBroken':
    'The chain of custody is broken at entry {line} of custody-log.jsonl: an entry was removed, added or changed.',
  'bundle.verify.custodyMismatch':
    'custody-log.jsonl does not hold the custody entries that manifest.json lists (entry {line}).',
  'bundle.zip.comment':
    'The ZIP file ends with a comment of {length} bytes at position {offset}. Bukti bundles have none, and a comment can hide a second table of contents that other programs read instead. Ask the sender for the original file.',
  'bundle.zip.disagree':
    'Two parts of the ZIP file disagree about the {field} (at position {offset}), so different programs could unpack different files. Ask the sender for the original file.',
  'bundle.zip.entryDisagree':
    'The entry {path} is described differently in two places of the ZIP file ({field}, at position {offset}), so different programs could unpack different contents. Ask the sender for the original file.',
  'bundle.zip.extraField':
    'The entry {path} carries an extra ZIP field (type {id}, at position {offset}) that Bukti bundles never use; some programs rename or change a file because of such a field. Ask the sender for the original file.',
  'bundle.zip.entryComment':
    'The entry {path} carries a comment (at position {offset}); Bukti bundles have none. Ask the sender for the original file.',
  'bundle.zip.fileType':
    'The entry {path} is marked as a link, a device or a folder with contents (at position {offset}), so unpacking it could create something other than the signed file. Do not unpack it with other tools; ask the sender for the original file.',
  'bundle.zip.flags':
    'The entry {path} uses ZIP options (flags {flags}) that Bukti bundles never use, so programs could read it differently. Ask the sender for the original file.',
  'bundle.zip.version':
    'The entry {path} needs ZIP version {version}, newer than any Bukti bundle needs, so some programs cannot read it. Ask the sender for the original file.',
  'bundle.zip.zip64Extensible':
    'The Zip64 end record holds {length} extra bytes at position {offset} that belong to no file; Bukti bundles have none. Ask the sender for the original file.',
  'bundle.zip.deflateTail':
    'The compressed data of {path} ends early: {length} bytes at position {offset} follow it inside the entry, where some programs ignore them and others do not. Ask the sender for the original file.',
  'bundle.verify.custodyTooLarge':
    '{path} is longer than any genuine custody log (more than {lines} entries, or an entry over {length} characters), so it was not checked. Ask the sender for the original bundle.',
  'bundle.verify.byteOrderMark':
    '{path} starts with an invisible byte-order mark that Bukti never writes; some tools read the file differently because of it. Ask the sender for the original file.',
  'bundle.verify.moreProblems': '…and {count} more problems of the same kinds, not listed one by one.',
  'bundle.verify.extraDirectory':
    'The bundle holds a folder entry {path} that no signed file is in: unpacking it creates something that was not sealed.',
  'bundle.verify.keyNotExpected':
    'This bundle was signed with the key {actual}, not with the key you expected ({expected}). Whoever holds that other key made or re-made it. Do not rely on it; call the sender and compare the fingerprint.',
  'bundle.verify.verifyTextBundleId':
    '{path} names another bundle ID than manifest.json, so it describes a different bundle. Rely on the check made here, not on that file.',
  'bundle.verify.reportBundleId':
    '{path} names another bundle ID than this bundle: the printed report belongs to a different bundle. Rely on neither until the sender explains it.',
  'bundle.verify.reportKey':
    '{path} names another signing-key fingerprint than the key that signed this bundle: the printed report belongs to a different bundle or key.',
  'bundle.verify.verifyTextKey':
    '{path} shows another key fingerprint than the key that signed this bundle, so comparing that printed fingerprint would mislead. Compare the fingerprint shown here instead.',
  'bundle.status.unexpectedKey':
    'Intact, but signed by a different key than you expected: the files match their signed list, yet the signature is not from the key you gave. Do not rely on this bundle until you have spoken with the sender.',
  'bundle.status.keyConfirmed': 'Signed by the key you expected ({fingerprint}).',
  'bundle.status.keyNotConfirmed':
    'Key not confirmed: nobody has yet compared who signed this bundle. Compare the fingerprint {fingerprint} with the one the survivor handed over (the key card, or the cover page of the first report their Bukti made), for example by phone, or enter it as the expected fingerprint and check again.',
  'bundle.status.repacked':
    'The ZIP file was re-packed after sealing (for example unzipped and zipped again): the container changed, but every file in it is exactly one of the signed files.',
  'bundle.cli.badKey':
    '--key needs a SHA-256 fingerprint: 64 hexadecimal digits, spaces allowed (as printed on the key card or the report cover).',
  'bundle.status.intact':
    'Intact: every file matches the signed list SHA256SUMS, the signature is valid and the chain of custody is complete.',
  'bundle.status.tampered':
    'Changed or incomplete: this bundle does not match what was sealed. The problems are listed below; do not rely on the files named there, and ask the sender for the original bundle.',
  'bundle.status.invalid': 'Not a readable Bukti bundle: it could not be checked. The reason is given below.',
  'bundle.status.limits':
    'This check cannot show what was on the screen before a capture was made, only that nothing was changed since the bundle was sealed.',
  'bundle.cli.usage':
    'Usage: bukti verify <bundle.zip> [--key <fingerprint>] [--json] [--lang en|ms]\nChecks a Bukti bundle without a vault. --key: the SHA-256 fingerprint of the key you expect (from the key card). Exit code 0: intact; 1: changed, inconsistent, or signed by another key than --key; 2: not a bundle, unreadable, or wrong usage.',
  'bundle.cli.cannotOpen':
    'Cannot open {path}. Check the file name and that you may read the file, then try again.',
  'bundle.cli.file': 'File',
  'bundle.cli.bundleId': 'Bundle ID',
  'bundle.cli.created': 'Sealed at',
  'bundle.cli.fingerprint': 'Signing key fingerprint',
  'bundle.cli.filesChecked': 'Files checked: {count}',
  'bundle.cli.problems': 'Problems found: {count}',
} as const;

const ms: Record<keyof typeof en, string> = {
  'bundle.seal.cancelled':
    'Penyediaan berkas telah dihentikan. Tiada apa-apa yang disimpan. Anda boleh memulakan eksport semula pada bila-bila masa.',
  'bundle.seal.fileChanged':
    'Satu fail tidak lagi sepadan dengan SHA-256 yang direkodkan semasa ia dirakam ({name}), jadi berkas tidak dibuat. Buat sandaran peti besi, kemudian buka item ini dan semak fail tersebut.',
  'bundle.seal.signerFailed':
    'Kunci tandatangan tidak menghasilkan tandatangan yang sah, jadi berkas tidak dibuat. Kunci dan buka semula peti besi, kemudian eksport sekali lagi.',
  'bundle.seal.duplicateFile':
    'Fail yang sama dipilih dua kali ({name}), jadi berkas tidak dibuat. Ubah pilihan, kemudian eksport sekali lagi.',
  'bundle.seal.custodyBroken':
    'Log jagaan tidak dapat disahkan sebagai satu rantaian yang tidak terputus, jadi berkas tidak dibuat. Tutup tab Bukti yang lain, kemudian eksport sekali lagi; jika masih berlaku, buat sandaran dan laporkan masalah ini.',
  'bundle.zip.empty': 'Fail ini kosong (0 bait). Minta pengirim menghantar berkas itu sekali lagi.',
  'bundle.zip.notZip':
    'Fail ini bukan fail ZIP, jadi ia tidak mungkin berkas Bukti. Pastikan anda memilih fail yang betul; berkas Bukti berakhir dengan .zip.',
  'bundle.zip.truncated':
    'Fail ZIP ini terpotong: sebahagiannya hilang, selalunya kerana muat turun atau salinan tidak selesai. Salin atau muat turun berkas itu sekali lagi.',
  'bundle.zip.unreadable':
    'Fail tidak dapat dibaca (mungkin telah dipindahkan, atau akses ditolak). Semak fail itu, kemudian cuba lagi.',
  'bundle.zip.corrupt':
    'Struktur fail ZIP ini rosak atau tidak konsisten, jadi ia tidak dapat disemak dengan selamat. Minta berkas asal daripada pengirim.',
  'bundle.zip.multiDisk':
    'Fail ZIP ini dipecahkan kepada beberapa bahagian, sedangkan berkas Bukti tidak pernah begitu. Minta pengirim menghantar berkas sebagai satu fail.',
  'bundle.zip.tooManyEntries':
    'Fail ZIP ini menyenaraikan lebih banyak entri daripada mana-mana berkas Bukti (had {limit}), jadi ia tidak dibuka. Minta berkas asal daripada pengirim.',
  'bundle.zip.tooLarge':
    'Fail ZIP ini akan dibuka menjadi data yang jauh lebih besar daripada saiznya sendiri (melebihi {limit} bait), tanda "bom ZIP". Ia tidak dibuka. Minta berkas asal daripada pengirim.',
  'bundle.zip.ratio':
    'Entri {path} dimampatkan jauh lebih tinggi daripada yang mungkin bagi bukti sebenar (tanda "bom ZIP"), jadi ia tidak dibuka.',
  'bundle.zip.encrypted':
    'Entri {path} dilindungi kata laluan; berkas Bukti tidak pernah begitu, jadi ia tidak dapat disemak.',
  'bundle.zip.unsupportedMethod':
    'Entri {path} menggunakan kaedah pemampatan (nombor {method}) yang tidak pernah digunakan oleh berkas Bukti, jadi ia tidak dapat disemak.',
  'bundle.zip.entryCorrupt':
    'Entri {path} diterangkan secara berbeza di dua tempat dalam fail ZIP, jadi program yang berlainan boleh membuka kandungan yang berlainan. Ia tidak dipercayai.',
  'bundle.zip.overlap':
    'Entri {path} bertindih dengan entri lain dalam fail ZIP (tanda "bom ZIP" atau pengubahan), jadi ia tidak dibuka.',
  'bundle.zip.hiddenData':
    'Fail ZIP ini mengandungi {length} bait pada kedudukan {offset} yang bukan milik mana-mana fail tersenarai. Sesetengah program mungkin membuka kandungan tersembunyi daripadanya.',
  'bundle.zip.crcMismatch':
    'Entri {path} tidak sepadan dengan semak tambah ZIP miliknya (CRC-32): kandungannya telah diubah atau rosak.',
  'bundle.zip.sizeMismatch':
    'Entri {path} dibuka kepada saiz yang berbeza daripada yang dinyatakan oleh fail ZIP: ia telah diubah atau rosak.',
  'bundle.zip.dataCorrupt': 'Data termampat bagi entri {path} rosak dan tidak dapat dibuka.',
  'bundle.verify.notBundle':
    'Fail ZIP ini bukan berkas Bukti: ia tidak mempunyai manifest.json mahupun SHA256SUMS. Pastikan anda memilih fail yang betul.',
  'bundle.verify.unexpected':
    'Semakan terhenti kerana ralat yang tidak dijangka ({detail}). Fail berkas tidak diubah. Anda masih boleh menyemaknya sendiri seperti yang diterangkan dalam VERIFY.txt; sila laporkan masalah ini.',
  'bundle.verify.cancelled': 'Semakan berkas telah dihentikan. Mulakan semakan semula apabila anda bersedia.',
  'bundle.verify.missingRequired':
    'Berkas ini tidak mempunyai {path}, yang ada dalam setiap berkas Bukti. Ia telah diubah atau tidak lengkap; minta berkas asal daripada pengirim.',
  'bundle.verify.unsafeName':
    'Berkas ini mengandungi entri dengan nama yang tidak pernah digunakan oleh berkas Bukti ({path}): ia mungkin cuba menulis di luar folder tempat ia dibuka. Jangan buka fail ini dengan alat lain; minta berkas asal daripada pengirim.',
  'bundle.verify.duplicateName':
    'Nama {path} muncul lebih daripada sekali dalam berkas, jadi program yang berlainan boleh membuka fail yang berlainan. Minta berkas asal daripada pengirim.',
  'bundle.verify.hashMismatch':
    '{path} telah diubah: SHA-256 miliknya tidak sepadan dengan yang disenaraikan dalam SHA256SUMS.',
  'bundle.verify.sumsChanged':
    'SHA256SUMS telah diubah selepas berkas dimeterai: baris {line} tidak lagi sepadan dengan fail yang dinamakannya, sedangkan fail itu masih sepadan dengan bahagian lain berkas.',
  'bundle.verify.sumsDisagree':
    '{path} tidak sepadan dengan barisnya dalam SHA256SUMS. Oleh sebab tandatangan juga tidak sah, sama ada fail itu atau SHA256SUMS telah diubah; jangan bergantung pada kedua-duanya.',
  'bundle.verify.missingFile': '{path} disenaraikan dalam SHA256SUMS tetapi tiada dalam berkas.',
  'bundle.verify.extraFile':
    '{path} ada dalam berkas tetapi tidak disenaraikan dalam SHA256SUMS: ia ditambah selepas berkas dimeterai.',
  'bundle.verify.entryTooLarge':
    '{path} jauh lebih besar daripada yang pernah dihasilkan oleh berkas Bukti (paling banyak {limit} bait), jadi ia tidak dibaca.',
  'bundle.verify.sumsMalformed':
    'SHA256SUMS tidak dalam bentuk yang dijangka (pada baris {line}): setiap baris mesti mengandungi SHA-256 sepanjang 64 aksara, dua ruang dan nama fail.',
  'bundle.verify.sumsDuplicate': 'SHA256SUMS menyenaraikan {path} lebih daripada sekali.',
  'bundle.verify.signatureLength':
    'SHA256SUMS.sig mesti tandatangan Ed25519 tepat 64 bait, tetapi panjangnya {length} bait.',
  'bundle.verify.signatureInvalid':
    'Tandatangan dalam SHA256SUMS.sig tidak sepadan dengan SHA256SUMS dan public-key.pem: senarai fail atau kunci telah diubah selepas berkas dimeterai.',
  'bundle.verify.keyMalformed':
    'public-key.pem bukan kunci awam Ed25519 dalam bentuk yang dijangka (SPKI PEM).',
  'bundle.verify.keyMismatch': 'public-key.pem bukan kunci tandatangan yang dinyatakan dalam manifest.json.',
  'bundle.verify.manifestMalformed':
    'manifest.json tidak dapat dibaca sebagai manifest Bukti (masalah pada {field}). Minta berkas asal daripada pengirim.',
  'bundle.verify.manifestVersion':
    'Berkas ini menggunakan format versi {version}, yang dihasilkan oleh versi Bukti yang lebih baharu. Kemas kini Bukti (atau alat bukti), kemudian semak semula.',
  'bundle.verify.manifestMismatch':
    'manifest.json dan SHA256SUMS tidak sepakat tentang {path}: berkas telah diubah selepas dimeterai.',
  'bundle.verify.custodyMalformed':
    'Entri {line} dalam custody-log.jsonl tidak dapat dibaca, jadi rantaian jagaan tidak dapat diikuti selepasnya.',
  'bundle.verify.custodyBroken':
    'Rantaian jagaan terputus pada entri {line} dalam custody-log.jsonl: satu entri telah dibuang, ditambah atau diubah.',
  'bundle.verify.custodyMismatch':
    'custody-log.jsonl tidak mengandungi entri jagaan yang disenaraikan oleh manifest.json (entri {line}).',
  'bundle.zip.comment':
    'Fail ZIP ini berakhir dengan komen sebanyak {length} bait pada kedudukan {offset}. Berkas Bukti tidak mempunyai komen, dan komen boleh menyembunyikan jadual kandungan kedua yang dibaca oleh program lain. Minta fail asal daripada pengirim.',
  'bundle.zip.disagree':
    'Dua bahagian fail ZIP ini tidak sepadan tentang {field} (pada kedudukan {offset}), jadi program berbeza boleh menyahzip fail yang berbeza. Minta fail asal daripada pengirim.',
  'bundle.zip.entryDisagree':
    'Entri {path} diterangkan secara berbeza di dua tempat dalam fail ZIP ({field}, pada kedudukan {offset}), jadi program berbeza boleh menyahzip kandungan yang berbeza. Minta fail asal daripada pengirim.',
  'bundle.zip.extraField':
    'Entri {path} membawa medan ZIP tambahan (jenis {id}, pada kedudukan {offset}) yang tidak pernah digunakan oleh berkas Bukti; sesetengah program menamakan semula atau mengubah fail kerana medan sebegitu. Minta fail asal daripada pengirim.',
  'bundle.zip.entryComment':
    'Entri {path} membawa komen (pada kedudukan {offset}); berkas Bukti tidak mempunyai komen. Minta fail asal daripada pengirim.',
  'bundle.zip.fileType':
    'Entri {path} ditanda sebagai pautan, peranti atau folder berkandungan (pada kedudukan {offset}), jadi menyahzipnya boleh mencipta sesuatu selain fail yang ditandatangani. Jangan nyahzip dengan alat lain; minta fail asal daripada pengirim.',
  'bundle.zip.flags':
    'Entri {path} menggunakan pilihan ZIP (bendera {flags}) yang tidak pernah digunakan oleh berkas Bukti, jadi program boleh membacanya secara berbeza. Minta fail asal daripada pengirim.',
  'bundle.zip.version':
    'Entri {path} memerlukan ZIP versi {version}, lebih baharu daripada yang diperlukan oleh mana-mana berkas Bukti, jadi sesetengah program tidak dapat membacanya. Minta fail asal daripada pengirim.',
  'bundle.zip.zip64Extensible':
    'Rekod akhir Zip64 mengandungi {length} bait tambahan pada kedudukan {offset} yang bukan milik mana-mana fail; berkas Bukti tidak mempunyainya. Minta fail asal daripada pengirim.',
  'bundle.zip.deflateTail':
    'Data termampat bagi {path} berakhir awal: {length} bait pada kedudukan {offset} mengikutinya di dalam entri, yang diabaikan oleh sesetengah program tetapi tidak oleh yang lain. Minta fail asal daripada pengirim.',
  'bundle.verify.custodyTooLarge':
    '{path} lebih panjang daripada mana-mana log jagaan yang tulen (lebih daripada {lines} entri, atau entri melebihi {length} aksara), jadi ia tidak disemak. Minta berkas asal daripada pengirim.',
  'bundle.verify.byteOrderMark':
    '{path} bermula dengan tanda susunan bait (BOM) tersembunyi yang tidak pernah ditulis oleh Bukti; sesetengah alat membaca fail itu secara berbeza kerananya. Minta fail asal daripada pengirim.',
  'bundle.verify.moreProblems':
    '…dan {count} lagi masalah daripada jenis yang sama, tidak disenaraikan satu per satu.',
  'bundle.verify.extraDirectory':
    'Berkas ini mengandungi entri folder {path} yang tidak memuatkan sebarang fail yang ditandatangani: menyahzipnya mencipta sesuatu yang tidak dimeterai.',
  'bundle.verify.keyNotExpected':
    'Berkas ini ditandatangani dengan kunci {actual}, bukan dengan kunci yang anda jangkakan ({expected}). Pemegang kunci lain itu yang membuat atau membuat semula berkas ini. Jangan bergantung padanya; hubungi pengirim dan bandingkan cap jari.',
  'bundle.verify.verifyTextBundleId':
    '{path} menyebut ID berkas yang berbeza daripada manifest.json, jadi ia menerangkan berkas lain. Bergantung pada semakan yang dibuat di sini, bukan pada fail itu.',
  'bundle.verify.reportBundleId':
    '{path} menyebut ID berkas yang berbeza daripada berkas ini: laporan bercetak itu milik berkas lain. Jangan bergantung pada kedua-duanya sehingga pengirim menjelaskannya.',
  'bundle.verify.reportKey':
    '{path} menyebut cap jari kunci tandatangan yang berbeza daripada kunci yang menandatangani berkas ini: laporan bercetak itu milik berkas atau kunci lain.',
  'bundle.verify.verifyTextKey':
    '{path} menunjukkan cap jari kunci yang berbeza daripada kunci yang menandatangani berkas ini, jadi membandingkan cap jari bercetak itu akan mengelirukan. Bandingkan cap jari yang ditunjukkan di sini.',
  'bundle.status.unexpectedKey':
    'Utuh, tetapi ditandatangani dengan kunci yang berbeza daripada yang anda jangkakan: fail sepadan dengan senarai yang ditandatangani, namun tandatangan bukan daripada kunci yang anda berikan. Jangan bergantung pada berkas ini sehingga anda bercakap dengan pengirim.',
  'bundle.status.keyConfirmed': 'Ditandatangani dengan kunci yang anda jangkakan ({fingerprint}).',
  'bundle.status.keyNotConfirmed':
    'Kunci belum disahkan: belum ada sesiapa yang membandingkan siapa yang menandatangani berkas ini. Bandingkan cap jari {fingerprint} dengan yang diserahkan oleh mangsa (kad kunci, atau halaman depan laporan pertama yang dibuat oleh Bukti mereka), contohnya melalui telefon, atau masukkannya sebagai cap jari yang dijangka dan semak semula.',
  'bundle.status.repacked':
    'Fail ZIP ini dibungkus semula selepas dimeterai (contohnya dinyahzip dan dizip semula): bekasnya berubah, tetapi setiap fail di dalamnya tepat salah satu fail yang ditandatangani.',
  'bundle.cli.badKey':
    '--key memerlukan cap jari SHA-256: 64 digit perenambelasan, ruang dibenarkan (seperti yang dicetak pada kad kunci atau halaman depan laporan).',
  'bundle.status.intact':
    'Utuh: setiap fail sepadan dengan senarai bertandatangan SHA256SUMS, tandatangannya sah dan rantaian jagaan lengkap.',
  'bundle.status.tampered':
    'Diubah atau tidak lengkap: berkas ini tidak sepadan dengan apa yang dimeterai. Masalahnya disenaraikan di bawah; jangan bergantung pada fail yang dinamakan di situ, dan minta berkas asal daripada pengirim.',
  'bundle.status.invalid':
    'Bukan berkas Bukti yang boleh dibaca: ia tidak dapat disemak. Sebabnya diberikan di bawah.',
  'bundle.status.limits':
    'Semakan ini tidak dapat menunjukkan apa yang ada pada skrin sebelum rakaman dibuat, hanya bahawa tiada apa-apa yang diubah sejak berkas dimeterai.',
  'bundle.cli.usage':
    'Cara guna: bukti verify <berkas.zip> [--key <cap jari>] [--json] [--lang en|ms]\nMenyemak berkas Bukti tanpa peti besi. --key: cap jari SHA-256 kunci yang anda jangkakan (daripada kad kunci). Kod keluar 0: utuh; 1: diubah, tidak konsisten, atau ditandatangani dengan kunci selain --key; 2: bukan berkas, tidak dapat dibaca, atau cara guna salah.',
  'bundle.cli.cannotOpen':
    'Tidak dapat membuka {path}. Semak nama fail dan pastikan anda dibenarkan membaca fail itu, kemudian cuba lagi.',
  'bundle.cli.file': 'Fail',
  'bundle.cli.bundleId': 'ID berkas',
  'bundle.cli.created': 'Dimeterai pada',
  'bundle.cli.fingerprint': 'Cap jari kunci tandatangan',
  'bundle.cli.filesChecked': 'Fail disemak: {count}',
  'bundle.cli.problems': 'Masalah ditemui: {count}',
};

export const bundle: Area<typeof en> = { en, ms };

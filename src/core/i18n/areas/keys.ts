import type { Area } from '../area';

/** Messages of key rotation, the ledger that catches rolled-back records, and passphrase checks. */
const en = {
  'vault.rolledBack':
    'Part of this vault is missing or was put back from an older copy: someone may have changed Bukti’s storage on this device. Bukti did not use that part and changed nothing. Do not erase the vault. Restore your most recent backup in another browser or on another device, and talk to a support worker you trust about who can reach this phone.',
  'vault.changedElsewhere':
    'Bukti changed the vault in another tab at the same moment, so this change was not saved. Nothing was lost. Try again.',
  'vault.tampered':
    'Bukti found changes to this vault that it did not make: {missing} records missing, {extra} added from elsewhere, {replaced} put back from older copies. Your other evidence opens as usual. Do not erase anything. Restore your most recent backup in another browser or on another device, and ask a support worker you trust for help.',
  'vault.rotationPending':
    'Bukti is still re-encrypting your vault with the new keys. Keep Bukti open until it finishes; if it is closed, unlocking again continues where it stopped.',
  'vault.rotationRunning': 'Re-encrypting with the new keys: {done} of {total} done.',
  'vault.rotationDone':
    'Done. Everything in the vault is now encrypted with new keys, and bundles you export are signed with a new key. The custody log records the change, signed with both keys.',
  'vault.eraseNeedsPassphrase': 'Type your passphrase to erase the vault.',
  'custody.cutShort':
    'The custody log on this device does not end where Bukti last recorded it (expected {expected} entries, found {found}): entries were removed or changed outside Bukti. Your evidence files are still here. Bukti will not export a bundle with this gap. Restore your most recent backup in another browser or on another device, or ask a support worker or lawyer for help.',
  'custody.problem.badKeyChange':
    'Entry {position} says the signing key was replaced, but the new key’s signature on that change does not check out. Treat entries signed with the new key as unproven.',
  'custody.event.keyChanged': 'Keys replaced',
  'custody.keyChange':
    'At entry {position} the signing key was replaced: {from} → {to}. The change is signed with both keys, so entries before and after belong to the same log.',
  'rekey.title': 'Someone knows my passphrase',
  'rekey.explain':
    'Choose a new passphrase. Bukti then replaces every key of the vault, re-encrypts all your evidence with the new keys and makes a new signing key. The old passphrase stops working at once. This can take a few minutes for a large vault; you can keep using Bukti meanwhile.',
  'rekey.submit': 'Replace all keys',
  'rekey.oldBackups':
    'Backups made before now still open with the old passphrase, and are signed with the old key. Anyone who has such a file and knows the old passphrase can read it: delete old backup files you no longer control, and make a new backup once this is done.',
  'rekey.newKey': 'New signing key: {fingerprint}',
  'settings.erase.passphrase': 'Your passphrase, to confirm',
} as const;

const ms: Record<keyof typeof en, string> = {
  'vault.rolledBack':
    'Sebahagian peti besi ini hilang atau telah diletakkan semula daripada salinan lama: seseorang mungkin telah mengubah storan Bukti pada peranti ini. Bukti tidak menggunakan bahagian itu dan tidak mengubah apa-apa. Jangan padamkan peti besi. Pulihkan sandaran terbaharu anda dalam pelayar lain atau pada peranti lain, dan bincang dengan pekerja sokongan yang anda percayai tentang siapa yang boleh mencapai telefon ini.',
  'vault.changedElsewhere':
    'Bukti mengubah peti besi dalam tab lain pada saat yang sama, jadi perubahan ini tidak disimpan. Tiada apa-apa yang hilang. Cuba lagi.',
  'vault.tampered':
    'Bukti menemui perubahan pada peti besi ini yang tidak dibuatnya: {missing} rekod hilang, {extra} ditambah dari tempat lain, {replaced} diletakkan semula daripada salinan lama. Bukti anda yang lain dibuka seperti biasa. Jangan padamkan apa-apa. Pulihkan sandaran terbaharu anda dalam pelayar lain atau pada peranti lain, dan minta bantuan pekerja sokongan yang anda percayai.',
  'vault.rotationPending':
    'Bukti masih menyulitkan semula peti besi anda dengan kunci baharu. Biarkan Bukti terbuka sehingga selesai; jika ditutup, membuka kunci semula akan menyambung dari tempat ia berhenti.',
  'vault.rotationRunning': 'Menyulitkan semula dengan kunci baharu: {done} daripada {total} selesai.',
  'vault.rotationDone':
    'Selesai. Semua dalam peti besi kini disulitkan dengan kunci baharu, dan berkas yang anda eksport ditandatangani dengan kunci baharu. Log jagaan merekodkan pertukaran ini, ditandatangani dengan kedua-dua kunci.',
  'vault.eraseNeedsPassphrase': 'Taip frasa laluan anda untuk memadamkan peti besi.',
  'custody.cutShort':
    'Log jagaan pada peranti ini tidak berakhir di tempat yang terakhir direkodkan oleh Bukti (dijangka {expected} entri, ditemui {found}): entri telah dibuang atau diubah di luar Bukti. Fail bukti anda masih ada. Bukti tidak akan mengeksport berkas dengan jurang ini. Pulihkan sandaran terbaharu anda dalam pelayar lain atau pada peranti lain, atau minta bantuan pekerja sokongan atau peguam.',
  'custody.problem.badKeyChange':
    'Entri {position} menyatakan kunci tandatangan telah diganti, tetapi tandatangan kunci baharu pada pertukaran itu tidak sah. Anggap entri yang ditandatangani dengan kunci baharu sebagai tidak terbukti.',
  'custody.event.keyChanged': 'Kunci diganti',
  'custody.keyChange':
    'Pada entri {position} kunci tandatangan telah diganti: {from} → {to}. Pertukaran ini ditandatangani dengan kedua-dua kunci, jadi entri sebelum dan selepasnya tergolong dalam log yang sama.',
  'rekey.title': 'Seseorang tahu frasa laluan saya',
  'rekey.explain':
    'Pilih frasa laluan baharu. Bukti kemudian menggantikan setiap kunci peti besi, menyulitkan semula semua bukti anda dengan kunci baharu dan membuat kunci tandatangan baharu. Frasa laluan lama berhenti berfungsi serta-merta. Ini boleh mengambil masa beberapa minit untuk peti besi yang besar; anda boleh terus menggunakan Bukti sementara itu.',
  'rekey.submit': 'Gantikan semua kunci',
  'rekey.oldBackups':
    'Sandaran yang dibuat sebelum ini masih dibuka dengan frasa laluan lama, dan ditandatangani dengan kunci lama. Sesiapa yang memiliki fail sedemikian dan tahu frasa laluan lama boleh membacanya: padamkan fail sandaran lama yang tidak lagi dalam kawalan anda, dan buat sandaran baharu selepas ini selesai.',
  'rekey.newKey': 'Kunci tandatangan baharu: {fingerprint}',
  'settings.erase.passphrase': 'Frasa laluan anda, untuk mengesahkan',
};

export const keys: Area<typeof en> = { en, ms };

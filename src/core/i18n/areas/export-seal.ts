import type { Area } from '../area';

/** Sealing a bundle for its recipient while it is exported (the export screen's "Seal for…" part). */
const en = {
  'exportSeal.toggle': 'Seal it for the person it is for (recommended before sending it)',
  'exportSeal.hint':
    'The file saved is the sealed bundle (.zip.age): only the holder of the key, or of the passphrase you tell them, can open it. Whoever intercepts it on the way, or finds it, sees nothing.',
  'exportSeal.done': 'The sealed bundle is ready.',
  'exportSeal.sealedHash':
    'SHA-256 of the sealed file {name}, the file you send (write this on the police report form):',
  'exportSeal.forKeys':
    'Sealed for recipient keys: {count}. Only someone with a matching key file can open it.',
  'exportSeal.forPassphrase':
    'Sealed with a passphrase. Tell it to them by phone or in person, never in the same message as the file.',
  'exportSeal.innerHash':
    'Once opened, the bundle inside has this SHA-256 (the recipient can check it with sha256sum or bukti verify):',
  'exportSeal.next':
    'Send {name}. The recipient opens it in Bukti (“I received a bundle”) or with age: age -d -i key.txt {name} > bundle.zip, then checks it: npx bukti verify bundle.zip',
  'exportSeal.nextPassphrase':
    'Send {name}, and tell the passphrase another way. The recipient opens it in Bukti (“I received a bundle”) or with age, which asks for the passphrase: age -d {name} > bundle.zip, then checks it: npx bukti verify bundle.zip',
} as const;

const ms: Area<typeof en>['ms'] = {
  'exportSeal.toggle': 'Meterai untuk orang yang akan menerimanya (disyorkan sebelum menghantarnya)',
  'exportSeal.hint':
    'Fail yang disimpan ialah berkas termeterai (.zip.age): hanya pemegang kunci, atau frasa laluan yang anda beritahu mereka, boleh membukanya. Sesiapa yang memintasnya dalam perjalanan, atau menjumpainya, tidak nampak apa-apa.',
  'exportSeal.done': 'Berkas termeterai sudah sedia.',
  'exportSeal.sealedHash':
    'SHA-256 fail termeterai {name}, iaitu fail yang anda hantar (tulis ini pada borang laporan polis):',
  'exportSeal.forKeys':
    'Dimeterai untuk kunci penerima: {count}. Hanya orang yang mempunyai fail kunci yang sepadan boleh membukanya.',
  'exportSeal.forPassphrase':
    'Dimeterai dengan frasa laluan. Beritahu mereka melalui telefon atau secara bersemuka, jangan sekali-kali dalam mesej yang sama dengan fail itu.',
  'exportSeal.innerHash':
    'Selepas dibuka, berkas di dalamnya mempunyai SHA-256 ini (penerima boleh menyemaknya dengan sha256sum atau bukti verify):',
  'exportSeal.next':
    'Hantar {name}. Penerima membukanya dalam Bukti (“Saya menerima berkas”) atau dengan age: age -d -i key.txt {name} > bundle.zip, kemudian menyemaknya: npx bukti verify bundle.zip',
  'exportSeal.nextPassphrase':
    'Hantar {name}, dan beritahu frasa laluan dengan cara lain. Penerima membukanya dalam Bukti (“Saya menerima berkas”) atau dengan age, yang meminta frasa laluan: age -d {name} > bundle.zip, kemudian menyemaknya: npx bukti verify bundle.zip',
};

export const exportSealArea: Area<typeof en> = { en, ms };

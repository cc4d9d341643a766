import type { Area } from '../area';

/** Sealing a bundle for its recipient (age) and opening a sealed one: core, CLI and screen messages. */
const en = {
  'seal.recipient.invalid':
    '“{recipient}” is not an age public key. A key starts with age1 and is 62 characters long; ask the recipient to send it again, or scan their QR code.',
  'seal.recipient.none': 'Add at least one recipient’s key (age1…), or choose a passphrase instead.',
  'seal.passphrase.empty': 'Type a passphrase, or seal for a recipient’s key instead.',
  'seal.identity.invalid':
    'Line {line} of the key file is not an age secret key (AGE-SECRET-KEY-1…). Choose the key file Bukti or age-keygen made.',
  'seal.identity.none':
    'The key file holds no age secret key (AGE-SECRET-KEY-1…). Choose the key file Bukti or age-keygen made.',
  'seal.open.notSealed':
    'This file is not a sealed bundle (age format). If it ends in .zip, check it on the Verify screen instead.',
  'seal.open.wrongKey':
    'This key or passphrase does not open the bundle. It was sealed for someone else, or with another passphrase. Try another key file, or ask the sender which key they used.',
  'seal.open.damaged':
    'The sealed bundle was changed or cut short on the way, so it cannot be opened. Nothing was saved. Ask the sender to send it again.',
  'seal.open.outputExists':
    '{path} already exists. Move it away or choose another name; nothing was overwritten.',
  'seal.cli.usage':
    'bukti open <bundle.zip.age> [--identity key.txt] [--out bundle.zip] [--key <fingerprint>] [--lang en|ms]\nOpens a bundle sealed with age (asks for the passphrase when no key file is given), then checks it as bukti verify does.\nbukti timestamp <bundle.zip> [--tsa URL]: see bukti timestamp --help.',
  'seal.cli.openUsage':
    'Usage: bukti open <bundle.zip.age> [--identity key.txt] [--out bundle.zip] [--key <fingerprint>] [--lang en|ms]\nOpens a bundle sealed with age, then checks it. Without --identity it asks for the passphrase.',
  'seal.cli.passphrasePrompt': 'Passphrase for the sealed bundle:',
  'seal.cli.opened': 'Opened into {path}.',
} as const;

const ms: Area<typeof en>['ms'] = {
  'seal.recipient.invalid':
    '“{recipient}” bukan kunci awam age. Kunci bermula dengan age1 dan panjangnya 62 aksara; minta penerima menghantarnya semula, atau imbas kod QR mereka.',
  'seal.recipient.none': 'Tambah sekurang-kurangnya satu kunci penerima (age1…), atau pilih frasa laluan.',
  'seal.passphrase.empty': 'Taip frasa laluan, atau meterai untuk kunci penerima.',
  'seal.identity.invalid':
    'Baris {line} fail kunci bukan kunci rahsia age (AGE-SECRET-KEY-1…). Pilih fail kunci yang dibuat oleh Bukti atau age-keygen.',
  'seal.identity.none':
    'Fail kunci tidak mengandungi kunci rahsia age (AGE-SECRET-KEY-1…). Pilih fail kunci yang dibuat oleh Bukti atau age-keygen.',
  'seal.open.notSealed':
    'Fail ini bukan berkas termeterai (format age). Jika namanya berakhir dengan .zip, semak di skrin Sahkan.',
  'seal.open.wrongKey':
    'Kunci atau frasa laluan ini tidak membuka berkas. Ia dimeterai untuk orang lain, atau dengan frasa laluan lain. Cuba fail kunci lain, atau tanya pengirim kunci mana yang digunakan.',
  'seal.open.damaged':
    'Berkas termeterai telah diubah atau terpotong dalam perjalanan, jadi ia tidak dapat dibuka. Tiada apa-apa disimpan. Minta pengirim menghantarnya semula.',
  'seal.open.outputExists':
    '{path} sudah wujud. Alihkannya atau pilih nama lain; tiada apa-apa ditulis ganti.',
  'seal.cli.usage':
    'bukti open <berkas.zip.age> [--identity kunci.txt] [--out berkas.zip] [--key <cap-jari>] [--lang en|ms]\nMembuka berkas yang dimeterai dengan age (meminta frasa laluan jika tiada fail kunci), kemudian menyemaknya seperti bukti verify.\nbukti timestamp <berkas.zip> [--tsa URL]: lihat bukti timestamp --help.',
  'seal.cli.openUsage':
    'Cara guna: bukti open <berkas.zip.age> [--identity kunci.txt] [--out berkas.zip] [--key <cap-jari>] [--lang en|ms]\nMembuka berkas yang dimeterai dengan age, kemudian menyemaknya. Tanpa --identity ia meminta frasa laluan.',
  'seal.cli.passphrasePrompt': 'Frasa laluan untuk berkas termeterai:',
  'seal.cli.opened': 'Dibuka ke {path}.',
};

export const seal: Area<typeof en> = { en, ms };

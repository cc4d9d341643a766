import type { Area } from '../area';

const en = {
  'vaultUi.checking': 'Opening Bukti…',
  'vaultUi.create.title': 'Create your vault',
  'vaultUi.create.intro':
    'Everything you keep in Bukti is locked with a passphrase that only you know. Choose one you can remember but others cannot guess: several words are easier to remember than symbols.',
  'vaultUi.create.passphrase': 'Passphrase',
  'vaultUi.create.confirm': 'Type the passphrase again',
  'vaultUi.create.show': 'Show passphrase',
  'vaultUi.create.warningTitle': 'Nobody can recover this passphrase',
  'vaultUi.create.warning':
    'Not us, not the police, not a phone shop. If it is forgotten, what is in the vault cannot be opened again. Write it down somewhere safe, or keep an encrypted backup (Settings) and remember its passphrase.',
  'vaultUi.create.understand': 'I understand that the passphrase cannot be recovered.',
  'vaultUi.create.submit': 'Create vault',
  'vaultUi.create.working': 'Setting up encryption on this device. This takes a few seconds…',
  'vaultUi.create.tooShort': 'The passphrase needs at least {min} characters. Add a few more words.',
  'vaultUi.create.mismatch': 'The two passphrases are different. Type the same passphrase in both fields.',
  'vaultUi.create.mustAgree': 'Tick the box to confirm you understand the passphrase cannot be recovered.',
  'vaultUi.strength.label': 'Passphrase strength: {level}',
  'vaultUi.suggest': 'Suggest a passphrase of five random words',
  'vaultUi.noBrowserSave':
    'On a phone others use, do not let the browser save this passphrase: write it down and keep it somewhere safe.',
  'vaultUi.suggestFailed':
    'No passphrase could be suggested just now. Try again, or make up one of five words or more.',
  'vaultUi.unlock.title': 'Unlock',
  'vaultUi.unlock.intro': 'Enter your passphrase to open your evidence.',
  'vaultUi.unlock.submit': 'Unlock',
  'vaultUi.unlock.working': 'Unlocking…',
  'vaultUi.lock': 'Lock',
  'vaultUi.locked': 'Bukti is locked.',
  'vaultUi.needsUnlock': 'Unlock Bukti to see this screen.',
} as const;

const ms: Record<keyof typeof en, string> = {
  'vaultUi.checking': 'Membuka Bukti…',
  'vaultUi.create.title': 'Cipta peti besi anda',
  'vaultUi.create.intro':
    'Semua yang anda simpan dalam Bukti dikunci dengan frasa laluan yang hanya anda tahu. Pilih yang mudah anda ingat tetapi sukar diteka orang lain: beberapa perkataan lebih mudah diingat daripada simbol.',
  'vaultUi.create.passphrase': 'Frasa laluan',
  'vaultUi.create.confirm': 'Taip frasa laluan sekali lagi',
  'vaultUi.create.show': 'Tunjukkan frasa laluan',
  'vaultUi.create.warningTitle': 'Tiada sesiapa boleh memulihkan frasa laluan ini',
  'vaultUi.create.warning':
    'Bukan kami, bukan polis, bukan kedai telefon. Jika terlupa, isi peti besi tidak boleh dibuka lagi. Tulis di tempat yang selamat, atau simpan sandaran tersulit (Tetapan) dan ingat frasa laluannya.',
  'vaultUi.create.understand': 'Saya faham bahawa frasa laluan tidak boleh dipulihkan.',
  'vaultUi.create.submit': 'Cipta peti besi',
  'vaultUi.create.working': 'Menyediakan penyulitan pada peranti ini. Ini mengambil beberapa saat…',
  'vaultUi.create.tooShort':
    'Frasa laluan perlu sekurang-kurangnya {min} aksara. Tambah beberapa perkataan lagi.',
  'vaultUi.create.mismatch':
    'Kedua-dua frasa laluan berbeza. Taip frasa laluan yang sama dalam kedua-dua ruang.',
  'vaultUi.create.mustAgree':
    'Tandakan kotak untuk mengesahkan anda faham frasa laluan tidak boleh dipulihkan.',
  'vaultUi.strength.label': 'Kekuatan frasa laluan: {level}',
  'vaultUi.suggest': 'Cadangkan frasa laluan lima perkataan rawak',
  'vaultUi.noBrowserSave':
    'Pada telefon yang digunakan orang lain, jangan biarkan pelayar menyimpan frasa laluan ini: tulis dan simpan di tempat selamat.',
  'vaultUi.suggestFailed':
    'Frasa laluan tidak dapat dicadangkan sekarang. Cuba lagi, atau cipta sendiri lima perkataan atau lebih.',
  'vaultUi.unlock.title': 'Buka kunci',
  'vaultUi.unlock.intro': 'Masukkan frasa laluan anda untuk membuka bukti anda.',
  'vaultUi.unlock.submit': 'Buka kunci',
  'vaultUi.unlock.working': 'Membuka kunci…',
  'vaultUi.lock': 'Kunci',
  'vaultUi.locked': 'Bukti dikunci.',
  'vaultUi.needsUnlock': 'Buka kunci Bukti untuk melihat skrin ini.',
};

export const vaultUi: Area<typeof en> = { en, ms };

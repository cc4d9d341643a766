import type { Area } from '../area';

/** The screen for sealing a bundle for its recipient and opening a sealed one (no vault needed). */
const en = {
  'screen.sealed.title': 'Send a bundle safely',
  'screen.sealed.intro':
    'Seal a bundle so only the person it is for can open it on the way, or open one that was sealed for you. Everything happens on this device; nothing is uploaded.',
  'sealUi.seal.title': 'Seal a bundle for someone',
  'sealUi.seal.intro':
    'A sealed bundle (.zip.age) can be sent by WhatsApp, e-mail, a USB stick or a cloud link: whoever intercepts it or finds it sees nothing. The recipient opens it with Bukti or with the standard age tool.',
  'sealUi.seal.pick': 'The bundle to seal (.zip)',
  'sealUi.seal.forWhom': 'Who can open it',
  'sealUi.seal.modeKeys': 'The recipient’s key (age1…) — the safest',
  'sealUi.seal.modePassphrase': 'A passphrase I tell them another way',
  'sealUi.seal.recipients':
    'Their key, starting age1… (ask them to show it in Bukti, or to send it). Several keys: one per line.',
  'sealUi.seal.passphrase': 'Passphrase',
  'sealUi.seal.passphraseHint':
    'Use at least five random words. Tell it by phone or in person, never in the same message as the file. age does not allow a passphrase and keys together.',
  'sealUi.seal.start': 'Seal and save',
  'sealUi.seal.progress': 'Sealing: {done} of {total}',
  'sealUi.seal.saved': 'Sealed and saved as {name}. Send this file; the .zip stays on this device.',
  'sealUi.scan.open': 'Scan their QR code',
  'sealUi.scan.camera': 'Use the camera',
  'sealUi.scan.stop': 'Stop the camera',
  'sealUi.scan.photo': 'Pick a photo of the code',
  'sealUi.scan.video': 'Camera view for scanning the QR code',
  'sealUi.scan.noCamera':
    'The camera could not be used (no camera, or permission was not given). Pick a photo of the QR code instead, or paste the key.',
  'sealUi.scan.notFound':
    'No QR code was found in that picture. Try a sharper, closer photo, or paste the key.',
  'sealUi.received.title': 'I received a bundle',
  'sealUi.received.intro':
    'For a lawyer, case worker or officer: make a key, show it to the person sending you a bundle, then open what they seal for you. You do not need a vault.',
  'sealUi.key.title': 'Your key',
  'sealUi.key.intro':
    'A key has two halves: a public one (age1…) that you show to senders, and a secret key file that opens what they seal for you.',
  'sealUi.key.make': 'Make a new key',
  'sealUi.key.load': 'Use my key file',
  'sealUi.key.saveFirst':
    'Save your key file now and keep it safe: whoever has it can open bundles sealed for you, and Bukti does not keep a copy.',
  'sealUi.key.download': 'Save the key file',
  'sealUi.key.keepInVault': 'Keep it in my vault (encrypted)',
  'sealUi.key.inVault':
    'This key is kept in your vault, encrypted: it is ready here whenever the vault is unlocked, and in your backups.',
  'sealUi.key.share': 'Show this to the sender, as text or as the QR code below. It is safe to share.',
  'sealUi.key.qr': 'QR code of your public key {recipient}',
  'sealUi.open.title': 'Open a sealed bundle',
  'sealUi.open.pick': 'The sealed bundle (.age)',
  'sealUi.open.withKey':
    'It will be opened with your key {recipient}, or with the passphrase below if you type one.',
  'sealUi.open.noKey': 'Make or load your key above, or type the passphrase the sender told you.',
  'sealUi.open.passphrase': 'Passphrase (only if it was sealed with one)',
  'sealUi.open.start': 'Open, save and check',
  'sealUi.open.progress': 'Opening: {done} of {total}',
  'sealUi.open.needKey': 'Make or load your key, or type the passphrase, then try again.',
  'sealUi.open.downloaded': 'Opened and saved to your downloads as {name}.',
  'sealUi.open.verifyLink': 'Check it on the Verify screen.',
  'sealUi.cancel': 'Cancel',
  'sealUi.cancelled': 'Cancelled. Nothing was saved.',
  'sealUi.failed':
    'Something went wrong and nothing was saved. Try again; the original file was not changed.',
  'sealUi.link.received': 'I received a bundle',
  'sealUi.link.sealExport':
    'Sending it? Seal it first so only the recipient can open it on the way: Seal for…',
  'sealUi.link.verifyAge': 'Received a sealed bundle (.age)? Open it here first.',
} as const;

const ms: Area<typeof en>['ms'] = {
  'screen.sealed.title': 'Hantar berkas dengan selamat',
  'screen.sealed.intro':
    'Meterai berkas supaya hanya orang yang dituju boleh membukanya dalam perjalanan, atau buka berkas yang dimeterai untuk anda. Semuanya berlaku pada peranti ini; tiada apa-apa dimuat naik.',
  'sealUi.seal.title': 'Meterai berkas untuk seseorang',
  'sealUi.seal.intro':
    'Berkas termeterai (.zip.age) boleh dihantar melalui WhatsApp, e-mel, pemacu USB atau pautan awan: sesiapa yang memintas atau menjumpainya tidak nampak apa-apa. Penerima membukanya dengan Bukti atau dengan alat age yang standard.',
  'sealUi.seal.pick': 'Berkas untuk dimeterai (.zip)',
  'sealUi.seal.forWhom': 'Siapa boleh membukanya',
  'sealUi.seal.modeKeys': 'Kunci penerima (age1…) — paling selamat',
  'sealUi.seal.modePassphrase': 'Frasa laluan yang saya beritahu dengan cara lain',
  'sealUi.seal.recipients':
    'Kunci mereka, bermula dengan age1… (minta mereka menunjukkannya dalam Bukti, atau menghantarnya). Beberapa kunci: satu setiap baris.',
  'sealUi.seal.passphrase': 'Frasa laluan',
  'sealUi.seal.passphraseHint':
    'Guna sekurang-kurangnya lima perkataan rawak. Beritahu melalui telefon atau secara bersemuka, jangan dalam mesej yang sama dengan fail. age tidak membenarkan frasa laluan dan kunci bersama.',
  'sealUi.seal.start': 'Meterai dan simpan',
  'sealUi.seal.progress': 'Memeterai: {done} daripada {total}',
  'sealUi.seal.saved':
    'Dimeterai dan disimpan sebagai {name}. Hantar fail ini; fail .zip kekal pada peranti ini.',
  'sealUi.scan.open': 'Imbas kod QR mereka',
  'sealUi.scan.camera': 'Guna kamera',
  'sealUi.scan.stop': 'Hentikan kamera',
  'sealUi.scan.photo': 'Pilih foto kod itu',
  'sealUi.scan.video': 'Paparan kamera untuk mengimbas kod QR',
  'sealUi.scan.noCamera':
    'Kamera tidak dapat digunakan (tiada kamera, atau kebenaran tidak diberi). Pilih foto kod QR, atau tampal kunci.',
  'sealUi.scan.notFound':
    'Tiada kod QR ditemui dalam gambar itu. Cuba foto yang lebih jelas dan dekat, atau tampal kunci.',
  'sealUi.received.title': 'Saya menerima berkas',
  'sealUi.received.intro':
    'Untuk peguam, pekerja kes atau pegawai: buat kunci, tunjukkan kepada orang yang menghantar berkas, kemudian buka apa yang mereka meterai untuk anda. Anda tidak memerlukan peti besi.',
  'sealUi.key.title': 'Kunci anda',
  'sealUi.key.intro':
    'Kunci ada dua bahagian: bahagian awam (age1…) yang anda tunjukkan kepada pengirim, dan fail kunci rahsia yang membuka apa yang mereka meterai untuk anda.',
  'sealUi.key.make': 'Buat kunci baharu',
  'sealUi.key.load': 'Guna fail kunci saya',
  'sealUi.key.saveFirst':
    'Simpan fail kunci anda sekarang dan jaga dengan selamat: sesiapa yang memilikinya boleh membuka berkas yang dimeterai untuk anda, dan Bukti tidak menyimpan salinan.',
  'sealUi.key.download': 'Simpan fail kunci',
  'sealUi.key.keepInVault': 'Simpan dalam peti besi saya (disulitkan)',
  'sealUi.key.inVault':
    'Kunci ini disimpan dalam peti besi anda, disulitkan: ia sedia di sini setiap kali peti besi dibuka, dan dalam sandaran anda.',
  'sealUi.key.share':
    'Tunjukkan ini kepada pengirim, sebagai teks atau kod QR di bawah. Ia selamat dikongsi.',
  'sealUi.key.qr': 'Kod QR kunci awam anda {recipient}',
  'sealUi.open.title': 'Buka berkas termeterai',
  'sealUi.open.pick': 'Berkas termeterai (.age)',
  'sealUi.open.withKey':
    'Ia akan dibuka dengan kunci anda {recipient}, atau dengan frasa laluan di bawah jika anda menaipnya.',
  'sealUi.open.noKey':
    'Buat atau muatkan kunci anda di atas, atau taip frasa laluan yang diberitahu oleh pengirim.',
  'sealUi.open.passphrase': 'Frasa laluan (hanya jika ia dimeterai dengan frasa laluan)',
  'sealUi.open.start': 'Buka, simpan dan semak',
  'sealUi.open.progress': 'Membuka: {done} daripada {total}',
  'sealUi.open.needKey': 'Buat atau muatkan kunci anda, atau taip frasa laluan, kemudian cuba lagi.',
  'sealUi.open.downloaded': 'Dibuka dan disimpan dalam muat turun anda sebagai {name}.',
  'sealUi.open.verifyLink': 'Semak di skrin Sahkan.',
  'sealUi.cancel': 'Batal',
  'sealUi.cancelled': 'Dibatalkan. Tiada apa-apa disimpan.',
  'sealUi.failed': 'Sesuatu tidak kena dan tiada apa-apa disimpan. Cuba lagi; fail asal tidak diubah.',
  'sealUi.link.received': 'Saya menerima berkas',
  'sealUi.link.sealExport':
    'Mahu menghantarnya? Meterai dahulu supaya hanya penerima boleh membukanya dalam perjalanan: Meterai untuk…',
  'sealUi.link.verifyAge': 'Menerima berkas termeterai (.age)? Buka di sini dahulu.',
};

export const sealUi: Area<typeof en> = { en, ms };

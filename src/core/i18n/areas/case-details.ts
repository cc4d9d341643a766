import type { Area } from '../area';

const en = {
  'cases.rename': 'Rename this case',
  'cases.rename.label': 'New name for this case',
  'cases.rename.save': 'Save name',
  'cases.renamed': 'Name saved.',
  'cases.cancel': 'Cancel',
  'cases.fixFields': 'Some fields need another look. Nothing you typed was lost.',
  'accounts.title': 'Accounts involved',
  'accounts.intro':
    'The accounts, profiles, groups or numbers that did this or spread it. Police and platforms use them to find who is behind it. Add what you can see; you can change it later.',
  'accounts.empty': 'No accounts added yet.',
  'accounts.add': 'Add an account',
  'accounts.addTitle': 'Add an account',
  'accounts.editTitle': 'Change this account',
  'accounts.edit': 'Change',
  'accounts.remove': 'Remove',
  'accounts.removeQuestion':
    'Remove "{name}" from this case? The evidence you saved stays as it is, and the custody log notes the change.',
  'accounts.removeConfirm': 'Yes, remove it',
  'accounts.keep': 'No, keep it',
  'accounts.save': 'Save account',
  'accounts.saved': 'Account saved.',
  'accounts.removed': 'Account removed.',
  'accounts.unnamed': 'Account with no name',
  'accounts.field.profileUrl': 'Link to the profile (optional)',
  'accounts.field.profileUrlHint':
    'Paste it first: Bukti fills in the platform and handle from it. You can correct them.',
  'accounts.field.platform': 'Platform or app',
  'accounts.field.handle': 'Handle or username (optional)',
  'accounts.field.displayName': 'Display name (optional)',
  'accounts.field.userId': 'User ID (optional)',
  'accounts.field.userIdHint': 'A number or code the platform shows for the account, if you can see one.',
  'accounts.field.contact': 'Phone number or e-mail (optional)',
  'accounts.field.notes': 'Notes (optional)',
  'accounts.prefilled': 'Filled in from the link: {fields}. Check them and correct them if needed.',
  'accounts.problem.empty':
    'Fill in at least one of: link to the profile, handle, display name, user ID, or phone number or e-mail.',
  'accounts.problem.profileUrl':
    'This does not look like a web address. Copy the link from the profile page (it usually starts with https://), or leave this empty.',
  'accounts.problem.contact':
    'Enter a phone number (e.g. +60 12-345 6789) or an e-mail address (e.g. name@example.com), or leave this empty.',
  'complainant.title': 'Your details for the police report (optional)',
  'complainant.intro':
    'Only used when you export a bundle: they are printed on the first page of its police report and kept with the case inside the bundle. They are never sent anywhere.',
  'complainant.optional':
    'Every field can be left empty. The printed report then has blank lines you can fill in by hand.',
  'complainant.none': 'Not filled in.',
  'complainant.edit': 'Fill in or change your details',
  'complainant.name': 'Your full name',
  'complainant.idNumber': 'MyKad (IC) or passport number',
  'complainant.phone': 'Your phone number',
  'complainant.email': 'Your e-mail address',
  'complainant.save': 'Save my details',
  'complainant.saved': 'Your details are saved.',
  'complainant.problem.idNumber':
    'Enter a MyKad number as 12 digits (e.g. 900101-14-5678) or a passport number in letters and digits (e.g. A12345678), or leave this empty.',
  'complainant.problem.phone':
    'Enter a phone number in digits, e.g. 012-345 6789 or +60 12-345 6789, or leave this empty.',
  'complainant.problem.email':
    'This is not an e-mail address. Check it has an @ and a domain, e.g. name@example.com, or leave this empty.',
} as const;

const ms: Record<keyof typeof en, string> = {
  'cases.rename': 'Namakan semula kes ini',
  'cases.rename.label': 'Nama baharu untuk kes ini',
  'cases.rename.save': 'Simpan nama',
  'cases.renamed': 'Nama disimpan.',
  'cases.cancel': 'Batal',
  'cases.fixFields': 'Beberapa ruangan perlu disemak semula. Tiada apa-apa yang anda taip hilang.',
  'accounts.title': 'Akaun yang terlibat',
  'accounts.intro':
    'Akaun, profil, kumpulan atau nombor yang melakukan ini atau menyebarkannya. Polis dan platform menggunakannya untuk mencari siapa di sebaliknya. Tambah apa yang anda boleh lihat; anda boleh mengubahnya kemudian.',
  'accounts.empty': 'Belum ada akaun ditambah.',
  'accounts.add': 'Tambah akaun',
  'accounts.addTitle': 'Tambah akaun',
  'accounts.editTitle': 'Ubah akaun ini',
  'accounts.edit': 'Ubah',
  'accounts.remove': 'Buang',
  'accounts.removeQuestion':
    'Buang "{name}" daripada kes ini? Bukti yang anda simpan kekal seperti sedia ada, dan log jagaan mencatat perubahan ini.',
  'accounts.removeConfirm': 'Ya, buang',
  'accounts.keep': 'Tidak, simpan',
  'accounts.save': 'Simpan akaun',
  'accounts.saved': 'Akaun disimpan.',
  'accounts.removed': 'Akaun dibuang.',
  'accounts.unnamed': 'Akaun tanpa nama',
  'accounts.field.profileUrl': 'Pautan ke profil (pilihan)',
  'accounts.field.profileUrlHint':
    'Tampal pautan ini dahulu: Bukti mengisi platform dan nama pengguna daripadanya. Anda boleh membetulkannya.',
  'accounts.field.platform': 'Platform atau aplikasi',
  'accounts.field.handle': 'Handle atau nama pengguna (pilihan)',
  'accounts.field.displayName': 'Nama paparan (pilihan)',
  'accounts.field.userId': 'ID pengguna (pilihan)',
  'accounts.field.userIdHint':
    'Nombor atau kod yang ditunjukkan oleh platform untuk akaun itu, jika anda dapat melihatnya.',
  'accounts.field.contact': 'Nombor telefon atau e-mel (pilihan)',
  'accounts.field.notes': 'Catatan (pilihan)',
  'accounts.prefilled': 'Diisi daripada pautan: {fields}. Semak dan betulkan jika perlu.',
  'accounts.problem.empty':
    'Isi sekurang-kurangnya satu daripada: pautan ke profil, handle, nama paparan, ID pengguna, atau nombor telefon atau e-mel.',
  'accounts.problem.profileUrl':
    'Ini nampaknya bukan alamat web. Salin pautan dari halaman profil (biasanya bermula dengan https://), atau biarkan kosong.',
  'accounts.problem.contact':
    'Masukkan nombor telefon (cth. +60 12-345 6789) atau alamat e-mel (cth. nama@contoh.com), atau biarkan kosong.',
  'complainant.title': 'Butiran anda untuk laporan polis (pilihan)',
  'complainant.intro':
    'Hanya digunakan apabila anda mengeksport berkas: ia dicetak pada halaman pertama laporan polis berkas itu dan disimpan bersama kes di dalam berkas. Ia tidak pernah dihantar ke mana-mana.',
  'complainant.optional':
    'Setiap ruangan boleh dibiarkan kosong. Laporan yang dicetak akan mempunyai ruang kosong untuk diisi dengan tangan.',
  'complainant.none': 'Belum diisi.',
  'complainant.edit': 'Isi atau ubah butiran anda',
  'complainant.name': 'Nama penuh anda',
  'complainant.idNumber': 'Nombor MyKad (IC) atau pasport',
  'complainant.phone': 'Nombor telefon anda',
  'complainant.email': 'Alamat e-mel anda',
  'complainant.save': 'Simpan butiran saya',
  'complainant.saved': 'Butiran anda disimpan.',
  'complainant.problem.idNumber':
    'Masukkan nombor MyKad sebagai 12 digit (cth. 900101-14-5678) atau nombor pasport dalam huruf dan digit (cth. A12345678), atau biarkan kosong.',
  'complainant.problem.phone':
    'Masukkan nombor telefon dalam digit, cth. 012-345 6789 atau +60 12-345 6789, atau biarkan kosong.',
  'complainant.problem.email':
    'Ini bukan alamat e-mel. Pastikan ada @ dan domain, cth. nama@contoh.com, atau biarkan kosong.',
};

export const caseDetails: Area<typeof en> = { en, ms };

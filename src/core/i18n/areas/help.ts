import type { Area } from '../area';

const en = {
  'help.offline': 'Everything on this page works without internet.',
  'help.toc.label': 'On this page',
  'help.newTab': '(opens in a new tab)',
  'help.or': 'or',
  'help.call': 'Call {name}: {number}',
  'help.helplines.title': 'Talk to someone',
  'help.helplines.intro':
    'You do not have to face this alone. These services in Malaysia support people going through online abuse. Tap a number to call.',
  'help.helplines.wao.name': 'WAO Tina helpline',
  'help.helplines.wao.about':
    "Women's Aid Organisation: support for survivors of violence, including online abuse.",
  'help.helplines.awam.name': 'AWAM Telenita helpline',
  'help.helplines.awam.about':
    "All Women's Action Society: support and information on violence and sexual harassment.",
  'help.helplines.kryss.name': 'KRYSS Network',
  'help.helplines.kryss.about':
    'A toolkit on online gender-based violence: what it is, how to respond and where to find support.',
  'help.helplines.police.name': 'Police emergency',
  'help.helplines.police.about': 'If you are in danger now.',
  'help.helplines.callLog':
    'Calls show in this phone’s call history. If someone else may look at this phone, you can delete the entry afterwards, or call from a phone you trust.',
  'help.capture.title': 'How to capture well',
  'help.capture.intro':
    'Posts get deleted and accounts renamed. What you capture now, with its time and link, may be all that is left later. Do what feels manageable: every item helps.',
  'help.capture.urlClock':
    'Keep the address bar (URL) and the phone’s clock in the screenshot, so it shows where and when.',
  'help.capture.profile':
    'Capture the account’s profile page too: its name, its handle (@name) and the link to it.',
  'help.capture.firstLatestWorst':
    'Capture the first post, the latest and the worst. You do not need every one.',
  'help.capture.noEdit':
    'Keep screenshots exactly as they were taken: no cropping, editing or drawing on them. Bukti records a fingerprint of each file, so it can be shown to be unchanged.',
  'help.capture.links': 'Save the link to each post, message or profile, not only the picture.',
  'help.capture.timePlatform':
    'Note when it was posted (as shown, with the date) and on which platform or app.',
  'help.capture.log': 'Keep a short written log of what happened and when, in your own words.',
  'help.capture.referenceNumbers':
    'Keep the reference number of every report made to a platform, the police or MCMC.',
  'help.capture.noEngage':
    'Where you can, avoid replying to or arguing with the person behind it; it can make things worse. Replies already sent are fine to keep as evidence too.',
  'help.capture.trustedPerson':
    'Seeing the content again can hurt. You can ask someone you trust to do the capturing for you.',
  'help.report.title': 'How to report',
  'help.report.intro':
    'You can report to the police, to MCMC and to the platform, in any order. Whether and when to report is your choice.',
  'help.report.police.title': 'Police (PDRM)',
  'help.report.police.where':
    'A report can be made at any police station; it does not have to be the one nearest your home.',
  'help.report.police.bring':
    'Bring your identity card (IC) or passport, and printed copies of the evidence.',
  'help.report.police.check':
    'The officer writes the report down. Read it carefully before signing, and ask for a correction if anything is wrong or missing.',
  'help.report.police.copy': 'Ask for a copy of the signed report, and keep it with its report number.',
  'help.report.police.emergency': 'If you are in danger now, call {phone}.',
  'help.report.mcmc.title': 'MCMC (Malaysian Communications and Multimedia Commission)',
  'help.report.mcmc.body':
    'MCMC takes complaints online at {address}. It asks for screenshots and the links (URLs) to the content, so have them ready.',
  'help.report.mcmc.reference': 'Keep the complaint reference number you receive.',
  'help.report.platforms.title': 'Reporting to the platform',
  'help.report.platforms.intro':
    'Capture the evidence before reporting: content that breaks the rules may be removed, and then it cannot be captured any more. If reporting offers to delete the chat, you can say no, so the messages stay on your phone. Platforms generally do not tell the account who reported it.',
  'help.report.platforms.links':
    'Each help page opens in a new tab only if you choose to open it, and then it stays in this browser’s history. You can also copy the address and open it on another device.',
  'help.report.platforms.menus': 'Menus change from time to time; the help page has the current steps.',
  'help.report.helpPage': 'Help page:',
  'help.platform.x':
    'On the post, tap the three dots (⋯), then Report post. For the account, open its profile, tap the three dots, then Report. For a direct message, press and hold it, then Report message.',
  'help.platform.facebook':
    'On the post, tap the three dots (⋯), then Report post. For a profile, open it, tap the three dots, then Report profile. In Messenger, open the chat, tap the name at the top, then Report.',
  'help.platform.instagram':
    'On the post, tap the three dots (⋯) above it, then Report. For the account, open its profile, tap the three dots at the top right, then Report. For a message, press and hold it, then Report.',
  'help.platform.tiktok':
    'On the video, press and hold it (or tap Share), then Report. For the account, open its profile, tap the three dots or Share at the top right, then Report.',
  'help.platform.telegram':
    'Press and hold the message (on a computer, right-click it), then Report. For a group or channel, tap its name at the top, then the three dots, then Report. Telegram also takes reports by e-mail at abuse@telegram.org.',
  'help.platform.whatsapp':
    'Press and hold a message, then Report. Or open the chat, tap the name or number at the top, then Report. WhatsApp then receives the last five messages from that account.',
  'help.platform.youtube':
    'Under the video, tap the three dots (⋯ More), then Report. For a channel, open the channel page, tap the three dots, then Report user. For a comment, tap the three dots beside it, then Report.',
  'help.intimate.title': 'Intimate images',
  'help.intimate.intro':
    'If intimate images of you have been shared, or someone is threatening to share them, it is not your fault. These free services help stop the images spreading, without sending them to anyone.',
  'help.intimate.stopncii.title': 'StopNCII.org: for adults (18 and over)',
  'help.intimate.stopncii.body':
    'StopNCII.org makes a fingerprint (a hash) of each image on your own device; the image itself is never uploaded. Platforms that take part use the fingerprint to find and block copies.',
  'help.intimate.takeItDown.title': 'Take It Down: for images of someone under 18',
  'help.intimate.takeItDown.body':
    'Take It Down, run by the US National Center for Missing & Exploited Children, works the same way for nude or sexual images taken before the person turned 18. The young person, or an adult helping them, can use it without giving a name.',
  'help.intimate.note':
    'Both work only on the platforms that take part, and neither replaces a report to the police or MCMC. Capture the evidence first.',
  'help.about.title': 'What Bukti can and cannot prove',
  'help.about.can':
    'Bukti records a fingerprint (SHA-256 hash) of each file the moment it is captured, so anyone can later check that the file has not been changed since.',
  'help.about.cannot':
    'It cannot prove what was on the screen before the capture, and Bukti’s reports say so honestly.',
  'help.about.showIntro': 'Show the introduction again',
  'firstRun.step': 'Step {current} of {total}',
  'firstRun.back': 'Back',
  'firstRun.next': 'Next',
  'firstRun.skip': 'Skip introduction',
  'firstRun.done': 'Start using Bukti',
  'firstRun.what.title': 'Bukti keeps evidence of online abuse',
  'firstRun.what.body':
    'Keep screenshots, photos, videos, links and messages about what happened in one private place. You decide what is kept, what is shown and who it goes to.',
  'firstRun.what.detail':
    'Each file is sealed with a fingerprint when it is added. When you are ready, Bukti makes a report and a bundle for the police, a lawyer or someone supporting you, and anyone can check that nothing was changed.',
  'firstRun.local.title': 'Everything stays on this device',
  'firstRun.local.body':
    'What you keep in Bukti is encrypted and stored only on this device. Nothing is sent anywhere: there is no account, no server ever receives your evidence, and Bukti works without internet.',
  'firstRun.local.detail': 'Your evidence leaves this device only if you choose to export it.',
  'firstRun.passphrase.title': 'Your passphrase cannot be recovered',
  'firstRun.passphrase.body':
    'Bukti is locked with a passphrase you choose. Nobody else has a copy, so nobody can reset it, not even the people who make Bukti. If it is forgotten, what is inside cannot be opened again.',
  'firstRun.passphrase.backup':
    'A browser can also delete what it stores: when its data is cleared, or in Safari (iPhone, iPad, Mac) after 7 days without use if Bukti is not installed. Make backups often, and keep one somewhere safe.',
  'help.send.title': 'Sending a bundle safely',
  'help.send.intro':
    'A bundle may hold intimate images. Before it travels by WhatsApp, e-mail, a USB stick or a cloud link, seal it so only the person it is for can open it.',
  'help.send.survivor.title': 'If you are sending a bundle',
  'help.send.survivor.key':
    'Ask the person you send it to (a lawyer, a case worker, an officer) for their key. It starts with age1…; in Bukti they find it under “I received a bundle”, and can show it as a QR code.',
  'help.send.survivor.seal':
    'When you export, tick “Seal it for the person it is for” and paste or scan their key: Bukti saves only the sealed .zip.age. For a bundle you made earlier, open “Send a bundle safely”, pick the bundle (.zip), paste or scan their key, and choose “Seal and save”. Send the .zip.age file, not the .zip.',
  'help.send.survivor.passphrase':
    'If they have no key, seal it with a passphrase of at least five random words, and tell it by phone or in person, never in the same message as the file.',
  'help.send.survivor.keep':
    'Keep the .zip on your device: without the recipient’s key or the passphrase, nobody can open the sealed file again, not even you.',
  'help.send.survivor.time':
    'For an independent proof of when the bundle existed, someone with a computer can run “npx bukti timestamp bundle.zip”; send the .tsr file it writes together with the bundle.',
  'help.send.recipient.title': 'If you are receiving a bundle',
  'help.send.recipient.key':
    'Open Bukti (you do not need a vault), choose “I received a bundle”, then “Make a new key”. Save the key file somewhere safe, and show the age1… key or its QR code to the sender.',
  'help.send.recipient.open':
    'When the .zip.age arrives, pick it under “Open a sealed bundle”: Bukti saves the bundle and checks it. On a computer: age -d -i key.txt bundle.zip.age > bundle.zip, or npx bukti open bundle.zip.age --identity key.txt.',
  'help.send.recipient.problems':
    'If Bukti says the key does not open it, it was sealed for another key or passphrase. If it says the file was changed or cut short, nothing was saved: ask for it to be sent again.',
  'help.send.link': 'Go to “Send a bundle safely”',
} as const;

const ms: Record<keyof typeof en, string> = {
  'help.offline': 'Semua di halaman ini boleh dibaca tanpa internet.',
  'help.toc.label': 'Dalam halaman ini',
  'help.newTab': '(dibuka dalam tab baharu)',
  'help.or': 'atau',
  'help.call': 'Hubungi {name}: {number}',
  'help.helplines.title': 'Bercakap dengan seseorang',
  'help.helplines.intro':
    'Anda tidak perlu menghadapinya seorang diri. Perkhidmatan di Malaysia ini menyokong mereka yang mengalami penderaan dalam talian. Ketik nombor untuk membuat panggilan.',
  'help.helplines.wao.name': 'Talian bantuan Tina WAO',
  'help.helplines.wao.about':
    "Women's Aid Organisation: sokongan untuk mangsa yang terselamat daripada keganasan, termasuk penderaan dalam talian.",
  'help.helplines.awam.name': 'Talian bantuan Telenita AWAM',
  'help.helplines.awam.about':
    "All Women's Action Society: sokongan dan maklumat tentang keganasan dan gangguan seksual.",
  'help.helplines.kryss.name': 'KRYSS Network',
  'help.helplines.kryss.about':
    'Kit panduan tentang keganasan berasaskan gender dalam talian: apa itu, cara bertindak dan tempat mendapatkan sokongan.',
  'help.helplines.police.name': 'Kecemasan polis',
  'help.helplines.police.about': 'Jika anda dalam bahaya sekarang.',
  'help.helplines.callLog':
    'Panggilan akan tercatat dalam sejarah panggilan telefon ini. Jika ada orang lain yang mungkin memeriksa telefon ini, anda boleh memadam rekod itu kemudian, atau membuat panggilan daripada telefon yang anda percayai.',
  'help.capture.title': 'Cara merakam bukti dengan baik',
  'help.capture.intro':
    'Hantaran boleh dipadam dan akaun boleh ditukar nama. Apa yang anda rakam sekarang, bersama masa dan pautannya, mungkin satu-satunya yang tinggal kelak. Buat setakat yang anda mampu: setiap item membantu.',
  'help.capture.urlClock':
    'Pastikan bar alamat (URL) dan jam telefon kelihatan dalam tangkapan skrin, supaya jelas di mana dan bila.',
  'help.capture.profile':
    'Rakam juga halaman profil akaun itu: namanya, nama penggunanya (@nama) dan pautan kepadanya.',
  'help.capture.firstLatestWorst':
    'Rakam hantaran yang pertama, yang terkini dan yang paling teruk. Tidak perlu merakam setiap satu.',
  'help.capture.noEdit':
    'Simpan tangkapan skrin sebagaimana asalnya: jangan dipotong, disunting atau diconteng. Bukti merekod cap jari setiap fail, supaya dapat ditunjukkan bahawa ia tidak diubah.',
  'help.capture.links': 'Simpan pautan bagi setiap hantaran, mesej atau profil, bukan gambarnya sahaja.',
  'help.capture.timePlatform':
    'Catat bila ia disiarkan (seperti yang tertera, berserta tarikh) dan di platform atau aplikasi mana.',
  'help.capture.log':
    'Simpan catatan ringkas tentang apa yang berlaku dan bila, dalam kata-kata anda sendiri.',
  'help.capture.referenceNumbers':
    'Simpan nombor rujukan bagi setiap laporan yang dibuat kepada platform, polis atau MCMC.',
  'help.capture.noEngage':
    'Jika boleh, elakkan membalas atau bertengkar dengan orang di sebaliknya; ia boleh memburukkan keadaan. Balasan yang sudah dihantar tidak mengapa, simpan juga sebagai bukti.',
  'help.capture.trustedPerson':
    'Melihat kandungan itu semula boleh menyakitkan. Anda boleh meminta seseorang yang anda percayai untuk merakamnya bagi pihak anda.',
  'help.report.title': 'Cara membuat laporan',
  'help.report.intro':
    'Anda boleh melapor kepada polis, MCMC dan platform, mengikut susunan yang anda mahu. Sama ada dan bila hendak melapor, terpulang kepada anda.',
  'help.report.police.title': 'Polis (PDRM)',
  'help.report.police.where':
    'Laporan boleh dibuat di mana-mana balai polis; tidak semestinya balai yang paling dekat dengan rumah anda.',
  'help.report.police.bring': 'Bawa kad pengenalan (IC) atau pasport, dan salinan bukti yang telah dicetak.',
  'help.report.police.check':
    'Pegawai akan menulis laporan itu. Baca dengan teliti sebelum menandatanganinya, dan minta pembetulan jika ada yang salah atau tertinggal.',
  'help.report.police.copy':
    'Minta salinan laporan yang telah ditandatangani, dan simpan bersama nombor laporannya.',
  'help.report.police.emergency': 'Jika anda dalam bahaya sekarang, hubungi {phone}.',
  'help.report.mcmc.title': 'MCMC (Suruhanjaya Komunikasi dan Multimedia Malaysia)',
  'help.report.mcmc.body':
    'MCMC menerima aduan dalam talian di {address}. Mereka akan meminta tangkapan skrin dan pautan (URL) kandungan tersebut, jadi sediakan semuanya dahulu.',
  'help.report.mcmc.reference': 'Simpan nombor rujukan aduan yang anda terima.',
  'help.report.platforms.title': 'Melapor kepada platform',
  'help.report.platforms.intro':
    'Rakam bukti sebelum melapor: kandungan yang melanggar peraturan mungkin dipadam, dan selepas itu tidak dapat dirakam lagi. Jika proses laporan menawarkan untuk memadam sembang, anda boleh menolak supaya mesej kekal dalam telefon anda. Platform biasanya tidak memberitahu pemilik akaun siapa yang melaporkannya.',
  'help.report.platforms.links':
    'Setiap halaman bantuan hanya dibuka dalam tab baharu jika anda memilih untuk membukanya, dan selepas itu ia tercatat dalam sejarah pelayar ini. Anda juga boleh menyalin alamatnya dan membukanya pada peranti lain.',
  'help.report.platforms.menus':
    'Menu aplikasi berubah dari semasa ke semasa; halaman bantuan menunjukkan langkah yang terkini.',
  'help.report.helpPage': 'Halaman bantuan:',
  'help.platform.x':
    'Pada hantaran, ketik tiga titik (⋯), kemudian pilih untuk melaporkan hantaran (Report post). Untuk akaun, buka profilnya, ketik tiga titik, kemudian Report. Untuk mesej terus, tekan lama pada mesej itu, kemudian Report message.',
  'help.platform.facebook':
    'Pada hantaran, ketik tiga titik (⋯), kemudian pilih untuk melaporkan hantaran (Report post). Untuk profil, bukanya, ketik tiga titik, kemudian Report profile. Dalam Messenger, buka sembang, ketik nama di bahagian atas, kemudian Report.',
  'help.platform.instagram':
    'Pada hantaran, ketik tiga titik (⋯) di atasnya, kemudian Report. Untuk akaun, buka profilnya, ketik tiga titik di bahagian atas sebelah kanan, kemudian Report. Untuk mesej, tekan lama padanya, kemudian Report.',
  'help.platform.tiktok':
    'Pada video, tekan lama padanya (atau ketik Share), kemudian Report. Untuk akaun, buka profilnya, ketik tiga titik atau Share di bahagian atas sebelah kanan, kemudian Report.',
  'help.platform.telegram':
    'Tekan lama pada mesej (pada komputer, klik kanan), kemudian Report. Untuk kumpulan atau saluran, ketik namanya di bahagian atas, kemudian tiga titik, kemudian Report. Telegram juga menerima laporan melalui e-mel di abuse@telegram.org.',
  'help.platform.whatsapp':
    'Tekan lama pada mesej, kemudian Report. Atau buka sembang, ketik nama atau nombor di bahagian atas, kemudian Report. WhatsApp kemudian menerima lima mesej terakhir daripada akaun tersebut.',
  'help.platform.youtube':
    'Di bawah video, ketik tiga titik (⋯ More), kemudian Report. Untuk saluran, buka halaman saluran, ketik tiga titik, kemudian Report user. Untuk komen, ketik tiga titik di sebelahnya, kemudian Report.',
  'help.intimate.title': 'Imej intim',
  'help.intimate.intro':
    'Jika imej intim anda telah disebarkan, atau ada orang yang mengugut untuk menyebarkannya, itu bukan salah anda. Perkhidmatan percuma ini membantu menghalang imej itu daripada tersebar, tanpa perlu menghantarnya kepada sesiapa.',
  'help.intimate.stopncii.title': 'StopNCII.org: untuk orang dewasa (18 tahun ke atas)',
  'help.intimate.stopncii.body':
    'StopNCII.org menghasilkan cap jari (cincangan) bagi setiap imej dalam peranti anda sendiri; imej itu tidak pernah dimuat naik. Platform yang mengambil bahagian menggunakan cap jari itu untuk mengesan dan menyekat salinannya.',
  'help.intimate.takeItDown.title': 'Take It Down: untuk imej seseorang di bawah 18 tahun',
  'help.intimate.takeItDown.body':
    'Take It Down, dikendalikan oleh National Center for Missing & Exploited Children di Amerika Syarikat, berfungsi dengan cara yang sama bagi imej bogel atau seksual yang diambil sebelum seseorang berumur 18 tahun. Remaja itu sendiri, atau orang dewasa yang membantunya, boleh menggunakannya tanpa memberikan nama.',
  'help.intimate.note':
    'Kedua-duanya hanya berkesan di platform yang mengambil bahagian, dan tidak menggantikan laporan kepada polis atau MCMC. Rakam bukti terlebih dahulu.',
  'help.about.title': 'Apa yang boleh dan tidak boleh dibuktikan oleh Bukti',
  'help.about.can':
    'Bukti merekod cap jari (cincangan SHA-256) setiap fail sebaik sahaja ia dirakam, supaya sesiapa sahaja boleh menyemak kemudian bahawa fail itu tidak diubah sejak itu.',
  'help.about.cannot':
    'Bukti tidak dapat membuktikan apa yang terpapar di skrin sebelum rakaman dibuat, dan laporan Bukti menyatakannya dengan jujur.',
  'help.about.showIntro': 'Tunjukkan pengenalan sekali lagi',
  'firstRun.step': 'Langkah {current} daripada {total}',
  'firstRun.back': 'Kembali',
  'firstRun.next': 'Seterusnya',
  'firstRun.skip': 'Langkau pengenalan',
  'firstRun.done': 'Mula menggunakan Bukti',
  'firstRun.what.title': 'Bukti menyimpan bukti penderaan dalam talian',
  'firstRun.what.body':
    'Simpan tangkapan skrin, foto, video, pautan dan mesej tentang apa yang berlaku di satu tempat yang peribadi. Anda yang menentukan apa yang disimpan, apa yang dipaparkan dan kepada siapa ia diberikan.',
  'firstRun.what.detail':
    'Setiap fail dimeterai dengan cap jari semasa ia ditambah. Apabila anda bersedia, Bukti menyediakan laporan dan berkas untuk polis, peguam atau orang yang menyokong anda, dan sesiapa sahaja boleh menyemak bahawa tiada apa-apa yang diubah.',
  'firstRun.local.title': 'Semuanya kekal dalam peranti ini',
  'firstRun.local.body':
    'Apa yang anda simpan dalam Bukti disulitkan dan disimpan dalam peranti ini sahaja. Tiada apa-apa yang dihantar ke mana-mana: tiada akaun, tiada pelayan yang menerima bahan bukti anda, dan Bukti boleh digunakan tanpa internet.',
  'firstRun.local.detail':
    'Bahan bukti anda hanya keluar dari peranti ini jika anda sendiri memilih untuk mengeksportnya.',
  'firstRun.passphrase.title': 'Frasa laluan anda tidak boleh dipulihkan',
  'firstRun.passphrase.body':
    'Bukti dikunci dengan frasa laluan yang anda pilih. Tiada orang lain yang menyimpan salinannya, jadi tiada sesiapa boleh menetapkannya semula, termasuk pembangun Bukti. Jika terlupa, kandungannya tidak boleh dibuka lagi.',
  'firstRun.passphrase.backup':
    'Pelayar juga boleh memadam data yang disimpannya: apabila datanya dikosongkan, atau dalam Safari (iPhone, iPad, Mac) selepas 7 hari tidak digunakan jika Bukti tidak dipasang. Buat sandaran dengan kerap, dan simpan satu salinan di tempat yang selamat.',
  'help.send.title': 'Menghantar berkas dengan selamat',
  'help.send.intro':
    'Berkas mungkin mengandungi imej intim. Sebelum ia dihantar melalui WhatsApp, e-mel, pemacu USB atau pautan awan, meterai supaya hanya orang yang dituju boleh membukanya.',
  'help.send.survivor.title': 'Jika anda menghantar berkas',
  'help.send.survivor.key':
    'Minta kunci daripada orang yang anda hantar (peguam, pekerja kes, pegawai). Ia bermula dengan age1…; dalam Bukti mereka menjumpainya di bawah “Saya menerima berkas”, dan boleh menunjukkannya sebagai kod QR.',
  'help.send.survivor.seal':
    'Semasa mengeksport, tandakan “Meterai untuk orang yang akan menerimanya” dan tampal atau imbas kunci mereka: Bukti hanya menyimpan .zip.age yang termeterai. Untuk berkas yang dibuat sebelum ini, buka “Hantar berkas dengan selamat”, pilih berkas (.zip), tampal atau imbas kunci mereka, dan pilih “Meterai dan simpan”. Hantar fail .zip.age, bukan .zip.',
  'help.send.survivor.passphrase':
    'Jika mereka tiada kunci, meterai dengan frasa laluan sekurang-kurangnya lima perkataan rawak, dan beritahu melalui telefon atau secara bersemuka, jangan dalam mesej yang sama dengan fail.',
  'help.send.survivor.keep':
    'Simpan fail .zip pada peranti anda: tanpa kunci penerima atau frasa laluan, tiada sesiapa boleh membuka fail termeterai itu lagi, termasuk anda.',
  'help.send.survivor.time':
    'Untuk bukti bebas tentang bila berkas itu wujud, seseorang yang mempunyai komputer boleh menjalankan “npx bukti timestamp bundle.zip”; hantar fail .tsr yang ditulisnya bersama berkas.',
  'help.send.recipient.title': 'Jika anda menerima berkas',
  'help.send.recipient.key':
    'Buka Bukti (anda tidak memerlukan peti besi), pilih “Saya menerima berkas”, kemudian “Buat kunci baharu”. Simpan fail kunci di tempat yang selamat, dan tunjukkan kunci age1… atau kod QRnya kepada pengirim.',
  'help.send.recipient.open':
    'Apabila .zip.age tiba, pilih di bawah “Buka berkas termeterai”: Bukti menyimpan berkas dan menyemaknya. Pada komputer: age -d -i key.txt bundle.zip.age > bundle.zip, atau npx bukti open bundle.zip.age --identity key.txt.',
  'help.send.recipient.problems':
    'Jika Bukti mengatakan kunci tidak membukanya, ia dimeterai untuk kunci atau frasa laluan lain. Jika ia mengatakan fail telah diubah atau terpotong, tiada apa-apa disimpan: minta ia dihantar semula.',
  'help.send.link': 'Pergi ke “Hantar berkas dengan selamat”',
};

/** Help screen and first-run introduction: capture tips, reporting, helplines, what Bukti proves. */
export const help: Area<typeof en> = { en, ms };

import { formatFingerprint } from './key';

/** Facts VERIFY.txt repeats so a reader can compare them with the printed report. */
export interface VerifyTextFacts {
  bundleId: string;
  createdUtc: string;
  createdLocal: string;
  fingerprint: string;
}

const SUMS_COMMAND = 'sha256sum -c SHA256SUMS';
const SIGNATURE_COMMAND =
  'openssl pkeyutl -verify -pubin -inkey public-key.pem -rawin -in SHA256SUMS -sigfile SHA256SUMS.sig';
const FINGERPRINT_COMMAND = 'openssl pkey -pubin -in public-key.pem -outform DER | tail -c 32 | sha256sum';
const CLI_COMMAND = 'npx bukti verify <bundle.zip>';
/** How a lawyer checks the RFC 3161 time stamp `bukti timestamp` wrote, without Bukti. */
export const TIMESTAMP_COMMAND =
  'openssl ts -verify -in <bundle>.tsr -data SHA256SUMS -CAfile <authority-ca.pem>';

/**
 * `VERIFY.txt`: how to check the bundle with standard tools, in English and Bahasa Malaysia, and what a
 * pass does and does not prove. Plain ASCII so every viewer shows it the same way.
 */
export function verifyText(facts: VerifyTextFacts): string {
  const fingerprint = formatFingerprint(facts.fingerprint);
  const english = `HOW TO CHECK THIS BUNDLE
========================
Bundle ID: ${facts.bundleId}
Sealed at: ${facts.createdUtc} (UTC), ${facts.createdLocal} (local time of the device)
Signing key fingerprint (SHA-256 of the Ed25519 public key):
    ${fingerprint}

1. Unzip this bundle into an empty folder and open a terminal in that folder.
2. Check every file against the signed list of SHA-256 hashes:
       ${SUMS_COMMAND}
   Every line must end in "OK". (macOS: shasum -a 256 -c SHA256SUMS)
3. Check the signature on that list (OpenSSL 3.0 or later):
       ${SIGNATURE_COMMAND}
   It must print "Signature Verified Successfully".
4. Check which key signed it:
       ${FINGERPRINT_COMMAND}
   It must print the fingerprint above, without the spaces. Compare it with a fingerprint you
   received separately from the sender (for example written down when the bundle was handed over),
   because anyone who rebuilds a bundle can sign it with a key of their own.

Or, without unzipping: open Bukti, choose "Verify" and pick this ZIP file (no vault is needed),
or run ${CLI_COMMAND} (exit code 0 means intact).

5. If a time stamp (a .tsr file) came with this bundle, it proves that SHA256SUMS, and so every
   file it lists, existed when a time-stamping authority signed it (bukti verify checks it when it
   lies beside the ZIP). With OpenSSL, in the unzipped folder, with the authority's CA certificate:
       ${TIMESTAMP_COMMAND}
   It must print "Verification: OK".

WHAT A PASS MEANS
Every file in this bundle is, byte for byte, what the holder of the key above sealed at the time
shown, and nothing was added or removed. Each original file is kept exactly as captured; its
SHA-256 was recorded when it was captured and is listed in manifest.json. custody-log.jsonl is a
signed, hash-chained record of when each item was captured, changed and exported.

WHAT A PASS DOES NOT PROVE
It cannot show what was on the screen, or what happened, before a capture was made, nor that the
key belongs to a particular person. The times come from the clock of the device that made it.
`;
  const malay = `CARA MENYEMAK BERKAS INI
========================
ID berkas: ${facts.bundleId}
Dimeterai pada: ${facts.createdUtc} (UTC), ${facts.createdLocal} (waktu tempatan peranti)
Cap jari kunci tandatangan (SHA-256 bagi kunci awam Ed25519):
    ${fingerprint}

1. Nyahzip berkas ini ke dalam folder kosong dan buka terminal dalam folder itu.
2. Semak setiap fail berbanding senarai hash SHA-256 yang ditandatangani:
       ${SUMS_COMMAND}
   Setiap baris mesti berakhir dengan "OK". (macOS: shasum -a 256 -c SHA256SUMS)
3. Semak tandatangan pada senarai itu (OpenSSL 3.0 atau lebih baharu):
       ${SIGNATURE_COMMAND}
   Ia mesti memaparkan "Signature Verified Successfully".
4. Semak kunci yang menandatanganinya:
       ${FINGERPRINT_COMMAND}
   Ia mesti memaparkan cap jari di atas, tanpa ruang. Bandingkan dengan cap jari yang anda terima
   secara berasingan daripada pengirim (contohnya yang dicatat semasa berkas diserahkan), kerana
   sesiapa yang membina semula berkas boleh menandatanganinya dengan kunci mereka sendiri.

Atau, tanpa menyahzip: buka Bukti, pilih "Sahkan" dan pilih fail ZIP ini (peti besi tidak
diperlukan), atau jalankan ${CLI_COMMAND} (kod keluar 0 bermaksud utuh).

5. Jika cap masa (fail .tsr) disertakan bersama berkas ini, ia membuktikan SHA256SUMS, dan oleh
   itu setiap fail yang disenaraikannya, wujud semasa pihak berkuasa cap masa menandatanganinya
   (bukti verify menyemaknya apabila ia berada di sebelah ZIP). Dengan OpenSSL, dalam folder yang
   dinyahzip, dengan sijil CA pihak berkuasa:
       ${TIMESTAMP_COMMAND}
   Ia mesti memaparkan "Verification: OK".

MAKSUD SEMAKAN YANG LULUS
Setiap fail dalam berkas ini, bait demi bait, sama seperti yang dimeterai oleh pemegang kunci di
atas pada masa yang dinyatakan, dan tiada apa-apa yang ditambah atau dibuang. Setiap fail asal
disimpan tepat seperti semasa dirakam; SHA-256 miliknya direkodkan semasa rakaman dan disenaraikan
dalam manifest.json. custody-log.jsonl ialah rekod bertandatangan dan berantai hash tentang bila
setiap item dirakam, diubah dan dieksport.

PERKARA YANG TIDAK DIBUKTIKAN
Semakan ini tidak dapat menunjukkan apa yang ada pada skrin, atau apa yang berlaku, sebelum
rakaman dibuat, dan tidak juga bahawa kunci itu milik orang tertentu. Masa yang dicatat datang
daripada jam peranti yang membuat berkas ini.
`;
  return `${english}\n${malay}`;
}

import type { Area } from '../area';

/** RFC 3161 time stamps: requesting one (CLI) and checking one (CLI and app). */
const en = {
  'timestamp.malformed':
    'The time-stamp file (.tsr) is not a well-formed time-stamp response ({what}). Ask for a new time stamp with bukti timestamp.',
  'timestamp.refused':
    'The time-stamping authority refused the request (status {status}). Try again later or use another authority with --tsa.',
  'timestamp.unsupported':
    'The time stamp uses an algorithm this checker does not support ({what}). Check it with openssl ts -verify instead.',
  'timestamp.nonceMismatch':
    'The time-stamping authority answered a different request. Nothing was saved; try again.',
  'timestamp.noSums':
    'This bundle has no single readable SHA256SUMS, so it cannot be time-stamped or checked against a time stamp.',
  'timestamp.imprintMismatch':
    'The time stamp is not for this bundle: its SHA256SUMS has changed since the time stamp was made, or the .tsr belongs to another bundle.',
  'timestamp.noCertificate':
    'The time stamp does not carry the authority’s certificate. Give it with --tsa-cert (in the app, pick it with the bundle).',
  'timestamp.signatureInvalid':
    'The time stamp’s signature does not hold: the .tsr was changed after the authority signed it.',
  'timestamp.notTsaCertificate':
    'The certificate that signed the time stamp ({name}) is not one for time-stamping, so the time cannot be trusted.',
  'timestamp.certificateExpired':
    'The certificate that signed the time stamp ({name}) was not valid at the stamped time.',
  'timestamp.chainInvalid':
    'The authority’s certificate chain does not hold up to a trusted certificate. Check with the certificate the authority publishes.',
  'timestamp.status.trusted':
    'Trusted time stamp: SHA256SUMS existed at {time} (UTC), signed by {authority}.',
  'timestamp.status.unanchored':
    'Time stamp over this bundle, signed by {authority} at {time} (UTC), but its certificate was not checked against a trusted one. Give the authority’s certificate to trust it.',
  'timestamp.status.invalid': 'The time stamp does not hold:',
  'timestamp.found': 'Time stamp: {path}',
  'timestamp.openssl':
    'To check it with OpenSSL: unzip -p {bundle} SHA256SUMS > SHA256SUMS && openssl ts -verify -in {tsr} -data SHA256SUMS -CAfile <authority-ca.pem>',
  'timestamp.cli.usage':
    'Usage: bukti timestamp <bundle.zip> [--tsa digicert|sectigo|freetsa|URL] [--tsa-cert ca.pem] [--lang en|ms]\nAsks an RFC 3161 time-stamping authority to sign the time over the bundle’s SHA256SUMS and writes <bundle>.tsr beside it. Only the SHA-256 of SHA256SUMS is sent, never the bundle.',
  'timestamp.cli.asking': 'Asking {url} for a time stamp…',
  'timestamp.cli.unreachable':
    'Could not reach {url} ({detail}). Check the connection, or try another authority with --tsa.',
  'timestamp.cli.written': 'Time stamp written to {path}.',
  'timestamp.cli.exists':
    '{path} already exists; nothing was overwritten. Move it away to stamp the bundle again.',
  'timestamp.cli.badCert': 'Could not read a certificate from {path}. Give a PEM or DER certificate file.',
} as const;

const ms: Area<typeof en>['ms'] = {
  'timestamp.malformed':
    'Fail cap masa (.tsr) bukan respons cap masa yang sah ({what}). Minta cap masa baharu dengan bukti timestamp.',
  'timestamp.refused':
    'Pihak berkuasa cap masa menolak permintaan (status {status}). Cuba lagi kemudian atau guna pihak berkuasa lain dengan --tsa.',
  'timestamp.unsupported':
    'Cap masa menggunakan algoritma yang tidak disokong oleh penyemak ini ({what}). Semak dengan openssl ts -verify.',
  'timestamp.nonceMismatch':
    'Pihak berkuasa cap masa menjawab permintaan lain. Tiada apa-apa disimpan; cuba lagi.',
  'timestamp.noSums':
    'Berkas ini tiada satu SHA256SUMS yang boleh dibaca, jadi ia tidak boleh dicap masa atau disemak dengan cap masa.',
  'timestamp.imprintMismatch':
    'Cap masa ini bukan untuk berkas ini: SHA256SUMS telah berubah sejak cap masa dibuat, atau .tsr ini milik berkas lain.',
  'timestamp.noCertificate':
    'Cap masa tidak membawa sijil pihak berkuasa. Berikan dengan --tsa-cert (dalam aplikasi, pilih bersama berkas).',
  'timestamp.signatureInvalid':
    'Tandatangan cap masa tidak sah: fail .tsr telah diubah selepas pihak berkuasa menandatanganinya.',
  'timestamp.notTsaCertificate':
    'Sijil yang menandatangani cap masa ({name}) bukan sijil cap masa, jadi masanya tidak boleh dipercayai.',
  'timestamp.certificateExpired':
    'Sijil yang menandatangani cap masa ({name}) tidak sah pada masa yang dicap.',
  'timestamp.chainInvalid':
    'Rantaian sijil pihak berkuasa tidak sah hingga ke sijil yang dipercayai. Semak dengan sijil yang diterbitkan oleh pihak berkuasa.',
  'timestamp.status.trusted':
    'Cap masa dipercayai: SHA256SUMS wujud pada {time} (UTC), ditandatangani oleh {authority}.',
  'timestamp.status.unanchored':
    'Cap masa atas berkas ini, ditandatangani oleh {authority} pada {time} (UTC), tetapi sijilnya tidak disemak dengan sijil yang dipercayai. Berikan sijil pihak berkuasa untuk mempercayainya.',
  'timestamp.status.invalid': 'Cap masa tidak sah:',
  'timestamp.found': 'Cap masa: {path}',
  'timestamp.openssl':
    'Untuk menyemak dengan OpenSSL: unzip -p {bundle} SHA256SUMS > SHA256SUMS && openssl ts -verify -in {tsr} -data SHA256SUMS -CAfile <ca-pihak-berkuasa.pem>',
  'timestamp.cli.usage':
    'Cara guna: bukti timestamp <berkas.zip> [--tsa digicert|sectigo|freetsa|URL] [--tsa-cert ca.pem] [--lang en|ms]\nMeminta pihak berkuasa cap masa RFC 3161 menandatangani masa atas SHA256SUMS berkas dan menulis <berkas>.tsr di sebelahnya. Hanya SHA-256 bagi SHA256SUMS dihantar, bukan berkas.',
  'timestamp.cli.asking': 'Meminta cap masa daripada {url}…',
  'timestamp.cli.unreachable':
    'Tidak dapat menghubungi {url} ({detail}). Semak sambungan, atau cuba pihak berkuasa lain dengan --tsa.',
  'timestamp.cli.written': 'Cap masa ditulis ke {path}.',
  'timestamp.cli.exists':
    '{path} sudah wujud; tiada apa-apa ditulis ganti. Alihkannya untuk mengecap masa berkas sekali lagi.',
  'timestamp.cli.badCert': 'Tidak dapat membaca sijil daripada {path}. Berikan fail sijil PEM atau DER.',
};

export const timestamp: Area<typeof en> = { en, ms };

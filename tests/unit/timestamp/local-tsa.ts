import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A time-stamping authority of the test's own: its CA, its TSA certificate, served on 127.0.0.1. */
export interface LocalTsa {
  url: string;
  dir: string;
  caPem: string;
  /** The CA certificate's path, for --tsa-cert and `openssl ts -verify -CAfile`. */
  caFile: string;
  /** How many requests it answered. */
  answered(): number;
  close(): Promise<void>;
}

const CONFIG = `
[ req ]
distinguished_name = dn
prompt = no
[ dn ]
CN = placeholder
[ ca_ext ]
basicConstraints = critical, CA:true
keyUsage = critical, keyCertSign
[ tsa_ext ]
basicConstraints = critical, CA:false
keyUsage = critical, digitalSignature
extendedKeyUsage = critical, timeStamping
[ tsa ]
default_tsa = tsa_config
[ tsa_config ]
dir = .
serial = ./tsaserial
signer_cert = ./tsa.crt
certs = ./tsa.crt
signer_key = ./tsa.key
signer_digest = sha256
default_policy = 1.2.3.4.1
digests = sha256, sha384, sha512
accuracy = secs:1
ordering = no
tsa_name = yes
ess_cert_id_chain = no
ess_cert_id_alg = sha256
`;

/** Key options for `openssl req -newkey`: RSA (what most public TSAs use) or ECDSA P-256. */
const KEYS = { rsa: 'rsa:2048', ec: 'ec:-' } as const;

/**
 * Makes a CA and a TSA certificate with OpenSSL and answers RFC 3161 requests with `openssl ts -reply`,
 * over HTTP on 127.0.0.1 as a public TSA does. Nothing leaves the machine.
 */
export async function startLocalTsa(key: keyof typeof KEYS = 'rsa'): Promise<LocalTsa> {
  const dir = mkdtempSync(join(tmpdir(), 'bukti-tsa-'));
  const run = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  writeFileSync(join(dir, 'openssl.cnf'), CONFIG);
  writeFileSync(join(dir, 'tsaserial'), '01\n');
  let newKey: string = KEYS[key];
  if (key === 'ec') {
    run('ecparam', '-name', 'prime256v1', '-out', 'ec.param');
    newKey = 'ec:ec.param';
  }
  run(
    'req',
    '-x509',
    '-newkey',
    newKey,
    '-nodes',
    '-keyout',
    'ca.key',
    '-out',
    'ca.crt',
    '-days',
    '3650',
    '-subj',
    '/CN=Bukti Test Root CA/O=Bukti tests',
    '-config',
    'openssl.cnf',
    '-extensions',
    'ca_ext',
  );
  run(
    'req',
    '-newkey',
    newKey,
    '-nodes',
    '-keyout',
    'tsa.key',
    '-out',
    'tsa.csr',
    '-subj',
    '/CN=Bukti Test TSA/O=Bukti tests',
    '-config',
    'openssl.cnf',
  );
  run(
    'x509',
    '-req',
    '-in',
    'tsa.csr',
    '-CA',
    'ca.crt',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-out',
    'tsa.crt',
    '-days',
    '3650',
    '-extfile',
    'openssl.cnf',
    '-extensions',
    'tsa_ext',
  );
  let count = 0;
  const server: Server = createServer((request, response) => {
    const parts: Buffer[] = [];
    request.on('data', (part: Buffer) => parts.push(part));
    request.on('end', () => {
      try {
        if (request.headers['content-type'] !== 'application/timestamp-query') throw new Error('type');
        const query = join(dir, `q${count}.tsq`);
        writeFileSync(query, Buffer.concat(parts));
        const reply = execFileSync(
          'openssl',
          ['ts', '-reply', '-config', 'openssl.cnf', '-queryfile', query, '-chain', 'ca.crt'],
          { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] },
        );
        count++;
        response.writeHead(200, { 'Content-Type': 'application/timestamp-reply' });
        response.end(reply);
      } catch {
        response.writeHead(400);
        response.end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/tsr`,
    dir,
    caPem: readFileSync(join(dir, 'ca.crt'), 'utf8'),
    caFile: join(dir, 'ca.crt'),
    answered: () => count,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * One sealing or opening pass in a process of its own, so its peak memory (maxRSS) is its own:
 * `tsx bench/seal-child.ts seal|open|ceiling <in> <out> <key.txt>`. Prints `{ ms, maxRssBytes }`.
 */
import { createReadStream, createWriteStream, readFileSync, statSync } from 'node:fs';
import { Readable, Writable } from 'node:stream';
import { loadSodium } from '../src/core/crypto/sodium';
import { openStream, recipientOfIdentityFile, sealStream } from '../src/core/seal';

const [mode, input, output, keyFile] = process.argv.slice(2) as [string, string, string, string];
const CHUNK = 64 * 1024;

const read = () =>
  Readable.toWeb(createReadStream(input, { highWaterMark: CHUNK })) as ReadableStream<Uint8Array>;
const write = () => Writable.toWeb(createWriteStream(output)) as WritableStream<Uint8Array>;

/** The format's own arithmetic with libsodium (ChaCha20-Poly1305 IETF, 64 KiB chunks), file to file. */
async function ceiling(): Promise<void> {
  const key = sodium.randombytes_buf(32);
  const nonce = new Uint8Array(12);
  await read()
    .pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          controller.enqueue(sodium.crypto_aead_chacha20poly1305_ietf_encrypt(chunk, null, null, nonce, key));
        },
      }),
    )
    .pipeTo(write());
}

const sodium = await loadSodium();
const start = performance.now();
const identityFile = readFileSync(keyFile, 'utf8');
if (mode === 'seal')
  await (await sealStream(read(), { recipients: [await recipientOfIdentityFile(identityFile)] })).pipeTo(
    write(),
  );
else if (mode === 'open') await (await openStream(read(), { identityFile })).pipeTo(write());
else await ceiling();
const ms = performance.now() - start;
process.stdout.write(
  JSON.stringify({ ms, bytes: statSync(input).size, maxRssBytes: process.resourceUsage().maxRSS * 1024 }),
);

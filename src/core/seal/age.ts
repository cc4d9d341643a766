import { Decrypter, Encrypter } from 'age-encryption';
import { BuktiError, isBuktiError } from '../errors';
import { parseIdentities, RECIPIENT, shorten } from './identity';

/** Whom a bundle is sealed for: age public keys (`age1…`), or one passphrase (age allows not both). */
export type SealFor = { recipients: readonly string[] } | { passphrase: string };

/** What opens a sealed bundle: the recipient's key file text, or the passphrase. */
export type OpenWith = { identityFile: string } | { passphrase: string };

/** age's own default scrypt work factor (2^18): a few seconds to derive in JavaScript, once per file. */
const SCRYPT_LOG_N = 18;

/**
 * `plain` sealed in the age format (age-encryption.org/v1), as a stream: 64 KiB at a time through the
 * reference implementation, so a bundle of any size passes with a few chunks in memory. `age -d` opens it.
 */
export async function sealStream(
  plain: ReadableStream<Uint8Array>,
  to: SealFor,
): Promise<ReadableStream<Uint8Array>> {
  return encrypterFor(to).encrypt(plain);
}

/**
 * Refuses, with a typed error, whom nothing could be sealed for: no key, a key mistyped (its bech32
 * checksum too), an empty passphrase. Cheap: a passphrase's scrypt runs only once sealing starts.
 */
export function checkSealFor(to: SealFor): void {
  encrypterFor(to);
}

function encrypterFor(to: SealFor): Encrypter {
  const encrypter = new Encrypter();
  if ('passphrase' in to) {
    if (typeof to.passphrase !== 'string' || to.passphrase.length === 0)
      throw new BuktiError('seal.passphrase.empty');
    encrypter.setScryptWorkFactor(SCRYPT_LOG_N);
    encrypter.setPassphrase(to.passphrase);
  } else {
    if (to.recipients.length === 0) throw new BuktiError('seal.recipient.none');
    for (const recipient of to.recipients) addRecipient(encrypter, recipient);
  }
  return encrypter;
}

function addRecipient(encrypter: Encrypter, recipient: string): void {
  // X25519 only: post-quantum and tag recipients need age 1.3 or later, which most recipients do not have.
  if (!RECIPIENT.test(recipient))
    throw new BuktiError('seal.recipient.invalid', { recipient: shorten(recipient) });
  try {
    encrypter.addRecipient(recipient);
  } catch (error) {
    throw new BuktiError('seal.recipient.invalid', { recipient: shorten(recipient) }, { cause: error });
  }
}

/**
 * Opens a sealed bundle as a stream of the original bytes. Rejects at once with `seal.open.notSealed`
 * (not an age file) or `seal.open.wrongKey` (the key or passphrase does not open it); the stream itself
 * errors with `seal.open.damaged` when a chunk was altered or the file was cut short. That last error
 * comes only at the end, so the caller must write to a place it can throw away.
 */
export async function openStream(
  sealed: ReadableStream<Uint8Array>,
  key: OpenWith,
): Promise<ReadableStream<Uint8Array>> {
  const decrypter = new Decrypter();
  if ('passphrase' in key) decrypter.addPassphrase(key.passphrase);
  else for (const identity of parseIdentities(key.identityFile)) decrypter.addIdentity(identity);
  let plain: ReadableStream<Uint8Array>;
  try {
    plain = await decrypter.decrypt(sealed);
  } catch (error) {
    throw openError(error);
  }
  return withTypedErrors(plain);
}

/** The same stream, its failures re-raised as typed, bilingual errors. */
const withTypedErrors = (plain: ReadableStream<Uint8Array>) => withErrorsMapped(plain, openError);

/** The same stream, each failure replaced by `map(failure)`. */
export function withErrorsMapped(
  stream: ReadableStream<Uint8Array>,
  map: (error: unknown) => unknown,
): ReadableStream<Uint8Array> {
  const reader = stream.getReader();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await reader.read();
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      } catch (error) {
        controller.error(map(error));
      }
    },
    cancel: (reason) => reader.cancel(reason),
  });
}

/** The library's English strings, sorted into what the person can do about them. */
export function openError(error: unknown): unknown {
  // A file that could not be read (DOMException, a Node system error) is not a fault of the file.
  if (isBuktiError(error) || !(error instanceof Error) || error.name !== 'Error') return error;
  const { message } = error;
  if (message.startsWith('no identity matched'))
    return new BuktiError('seal.open.wrongKey', {}, { cause: error });
  if (message.startsWith('invalid version') || message.startsWith('invalid non-ASCII'))
    return new BuktiError('seal.open.notSealed', {}, { cause: error });
  return new BuktiError('seal.open.damaged', {}, { cause: error });
}

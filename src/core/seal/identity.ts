import { generateX25519Identity, identityToRecipient } from 'age-encryption';
import { BuktiError } from '../errors';

/** An age key pair: the secret identity (`AGE-SECRET-KEY-1…`) and the recipient others seal for (`age1…`). */
export interface AgeIdentity {
  identity: string;
  recipient: string;
}

/** A new X25519 age identity, the kind every `age` since 1.0 reads. */
export async function generateAgeIdentity(): Promise<AgeIdentity> {
  const identity = await generateX25519Identity();
  return { identity, recipient: await identityToRecipient(identity) };
}

/** The key file as `age-keygen` writes it, so `age -d -i key.txt` reads it too. */
export function identityFileText(key: AgeIdentity, created: Date): string {
  return [
    `# created: ${created.toISOString().replace(/\.\d{3}Z$/, 'Z')}`,
    `# public key: ${key.recipient}`,
    key.identity,
    '',
  ].join('\n');
}

/** An X25519 recipient in bech32: what Debian's age 1.1 and every later age read. */
export const RECIPIENT = /^age1[02-9ac-hj-np-z]{58}$/;
const IDENTITY = /^AGE-SECRET-KEY-1[02-9AC-HJ-NP-Z]{58}$/;

/**
 * The identities in a key file (one per line; `#` comments and blank lines skipped). Refuses a file with
 * none, or with a line that is not an X25519 identity, naming the line.
 */
export function parseIdentities(text: string): string[] {
  const identities: string[] = [];
  const lines = text.split(/\r?\n/);
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    if (!IDENTITY.test(line)) throw new BuktiError('seal.identity.invalid', { line: index + 1 });
    identities.push(line);
  }
  if (identities.length === 0) throw new BuktiError('seal.identity.none');
  return identities;
}

/** The recipient (`age1…`) of the first identity in a key file. */
export async function recipientOfIdentityFile(text: string): Promise<string> {
  const [first] = parseIdentities(text);
  return identityToRecipient(first as string);
}

/**
 * The recipients in pasted or scanned text: `age1…` keys separated by spaces, commas or new lines, `#`
 * comments skipped, duplicates dropped. Anything else is refused, so a typo never silently drops someone.
 */
export function parseRecipients(text: string): string[] {
  const found: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const content = line.replace(/#.*$/, '');
    for (const word of content.split(/[\s,;]+/).filter(Boolean)) {
      if (!RECIPIENT.test(word)) throw new BuktiError('seal.recipient.invalid', { recipient: shorten(word) });
      if (!found.includes(word)) found.push(word);
    }
  }
  return found;
}

/** A long or hostile word cut to something a message can show. */
export function shorten(text: string): string {
  const oneLine = text.replace(/[^\x20-\x7e]/g, '?');
  return oneLine.length > 24 ? `${oneLine.slice(0, 12)}…${oneLine.slice(-8)}` : oneLine;
}

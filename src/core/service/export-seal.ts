import { type AsyncSha256, type AsyncSha256Factory, sha256OnThisThread } from '../bundle/hash';
import { type SealFor, sealStream } from '../seal';

/** The file actually saved when an export is sealed: `<name>.zip.age`. */
export interface SealedFile {
  /** SHA-256 of the sealed file as saved, lowercase hex: what `sha256sum <name>.zip.age` prints. */
  sha256: string;
  size: number;
  /** Sealed for age public keys (how many), or for a passphrase. */
  sealedFor: 'recipients' | 'passphrase';
  recipients: number;
}

/** age's payload chunk: each adds a 16-byte tag. */
const AGE_CHUNK = 64 * 1024;
/** Room for the age header: the version line, one stanza per recipient (or scrypt), the MAC, the nonce. */
const AGE_HEADER = 1024;

/** About how large `zipSize` bytes are once sealed for `to` (the ZIP's size when not sealed). */
export function sealedSize(zipSize: number, to: SealFor | undefined): number {
  if (!to) return zipSize;
  return zipSize + Math.ceil(zipSize / AGE_CHUNK) * 16 + AGE_HEADER;
}

/**
 * The ZIP stream sealed for `to` as it passes, with the SHA-256 and size of the sealed bytes (those the
 * survivor saves and sends) computed on the way. `sealed` resolves once the stream was read to its end.
 * Sealing runs on the thread that makes the ZIP (the vault worker): a worker of its own was measured, no
 * faster, copying every piece both ways and holding up the page (docs/bundle-format.md, "Sealed on export").
 */
export async function sealExportStream(
  zip: ReadableStream<Uint8Array>,
  to: SealFor,
  hashFactory: AsyncSha256Factory | undefined,
): Promise<{ stream: ReadableStream<Uint8Array>; sealed: Promise<SealedFile> }> {
  const sealedBytes = await sealStream(zip, to);
  const hash: AsyncSha256 = await (hashFactory ?? sha256OnThisThread)();
  const reader = sealedBytes.getReader();
  let size = 0;
  let settle: { resolve: (file: SealedFile) => void; reject: (error: unknown) => void } | undefined;
  const sealed = new Promise<SealedFile>((resolve, reject) => {
    settle = { resolve, reject };
  });
  sealed.catch(() => undefined);
  const fail = (error: unknown) => {
    hash.abandon();
    settle?.reject(error);
  };
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await reader.read();
        if (next.done) {
          const sha256 = await hash.hex();
          controller.close();
          settle?.resolve({
            sha256,
            size,
            sealedFor: 'passphrase' in to ? 'passphrase' : 'recipients',
            recipients: 'recipients' in to ? to.recipients.length : 0,
          });
          return;
        }
        await hash.update(next.value);
        size += next.value.length;
        controller.enqueue(next.value);
      } catch (error) {
        fail(error);
        controller.error(error);
      }
    },
    async cancel(reason) {
      fail(reason);
      await reader.cancel(reason).catch(() => undefined);
    },
  });
  return { stream, sealed };
}

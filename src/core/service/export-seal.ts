import { type AsyncSha256, type AsyncSha256Factory, sha256OnThisThread } from '../bundle/hash';
import { type SealFor, sealStream, withErrorsMapped } from '../seal';

/** Seals a stream in the age format: `sealStream` here, or the same in a worker of its own (the browser). */
export type SealStreamer = (
  plain: ReadableStream<Uint8Array>,
  to: SealFor,
) => Promise<ReadableStream<Uint8Array>>;

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
 * A failure of the ZIP itself (a cancel, a vault record that would not read) keeps its own typed error,
 * even where the sealing ran in a worker that could not carry it.
 */
export async function sealExportStream(
  zip: ReadableStream<Uint8Array>,
  zipDone: Promise<unknown>,
  to: SealFor,
  deps: { seal?: SealStreamer; hash?: AsyncSha256Factory },
): Promise<{ stream: ReadableStream<Uint8Array>; sealed: Promise<SealedFile> }> {
  let zipFailure: unknown;
  zipDone.catch((error: unknown) => {
    zipFailure = error;
  });
  const sealedBytes = withErrorsMapped(
    await (deps.seal ?? sealStream)(zip, to),
    (error) => zipFailure ?? error,
  );
  const hash: AsyncSha256 = await (deps.hash ?? sha256OnThisThread)();
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

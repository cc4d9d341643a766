/// <reference lib="webworker" />
import { type OpenWith, openStream, type SealFor, sealStream, withErrorsMapped } from '../../core/seal';
import { type SerializedError, serializeError } from './rpc';

/**
 * One seal or open: the input stream is moved here, the result stream moved back. The worker lives
 * for that one stream (the page terminates it), so the passphrase and the file key go with it.
 */
export type SealRequest =
  | { kind: 'seal'; input: ReadableStream<Uint8Array>; to: SealFor }
  | { kind: 'open'; input: ReadableStream<Uint8Array>; key: OpenWith };

export type SealResponse =
  | { kind: 'stream'; output: ReadableStream<Uint8Array> }
  | { kind: 'failed'; error: SerializedError };

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = async (event: MessageEvent<SealRequest>) => {
  const request = event.data;
  try {
    // A failure goes on as data: a cloned Error would lose its code on the way to the page.
    const output = withErrorsMapped(
      request.kind === 'seal'
        ? await sealStream(request.input, request.to)
        : await openStream(request.input, request.key),
      serializeError,
    );
    self.postMessage({ kind: 'stream', output } satisfies SealResponse, [output]);
  } catch (error) {
    self.postMessage({ kind: 'failed', error: serializeError(error) } satisfies SealResponse);
  }
};

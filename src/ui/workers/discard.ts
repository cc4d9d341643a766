let sink: MessagePort | undefined;

/**
 * Frees `buffer` now: it is moved (detached) into a message to a port whose other end is closed, and
 * the browser drops that message, and the memory with it, at once. Left to the collector, a thread that
 * reads a file megabyte by megabyte keeps about 64 MiB of such buffers waiting. Only for a buffer no
 * one uses any more.
 */
export function discardBuffer(buffer: ArrayBuffer): void {
  if (!sink) {
    const channel = new MessageChannel();
    channel.port1.close();
    sink = channel.port2;
  }
  sink.postMessage(null, [buffer]);
}

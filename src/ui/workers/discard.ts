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

/** Bytes allocated, and freed at once, to nudge V8's collector: more than its ~64 MiB external-memory step. */
const NUDGE_BYTES = 96 * 1024 * 1024;

/**
 * Has V8 collect this thread's garbage soon, which script cannot ask for directly. V8 starts a
 * collection once the memory of new ArrayBuffers passes a limit (about 64 MiB above what survived the
 * last one); a buffer over that size, allocated and freed at once, passes it. Its pages are never
 * touched (fresh zeroed memory from the system), so it costs no resident memory. Measured on an export of
 * 500 items: the vault worker's ArrayBuffers awaiting collection stayed at 22–44 MiB instead of
 * reaching 95. Where the allocation is refused (little address space), nothing happens.
 */
export function nudgeCollector(): void {
  try {
    discardBuffer(new ArrayBuffer(NUDGE_BYTES));
  } catch {
    // Refused: the collector keeps its own timing.
  }
}

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

/**
 * Bytes allocated, and freed at once, to nudge V8's collector: well past its external-memory limit
 * (about 64 MiB above what survived the last collection), far enough that V8 collects to reduce its
 * footprint and not only starts marking (96 MiB did the latter: see `nudgeCollector`).
 */
const NUDGE_BYTES = 256 * 1024 * 1024;

/**
 * Has V8 collect this thread's garbage soon, which script cannot ask for directly. V8 collects once the
 * memory of new ArrayBuffers passes a limit; a buffer over it, allocated and freed at once, passes it. Its
 * pages are never touched (fresh zeroed memory from the system), so it costs no resident memory. Measured
 * on an export of 500 items (one run each): with 96 MiB the vault worker's ArrayBuffers awaiting
 * collection stayed at 22–44 MiB instead of reaching 95, but its V8 heap kept the 86 MiB it grew at the
 * report's end for 30 s; with 256 MiB it gave that back within 10 s. Where the allocation is refused
 * (little address space), nothing happens.
 */
export function nudgeCollector(): void {
  try {
    discardBuffer(new ArrayBuffer(NUDGE_BYTES));
  } catch {
    // Refused: the collector keeps its own timing.
  }
}

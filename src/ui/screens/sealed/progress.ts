/** `stream` unchanged, with `onBytes` told the running total as pieces pass (for the progress bar). */
export function counted(
  stream: ReadableStream<Uint8Array>,
  onBytes: (total: number) => void,
): ReadableStream<Uint8Array> {
  let total = 0;
  return stream.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        total += chunk.length;
        onBytes(total);
        controller.enqueue(chunk);
      },
    }),
  );
}

/** Lets the page paint (a status line) before work that holds the thread, such as scrypt. */
export const nextFrame = () => new Promise<void>((resolve) => setTimeout(resolve, 50));

/**
 * Values whose buffers the sender gives away with them: the worker's RPC layer (src/ui/workers/rpc.ts)
 * moves those buffers to the page instead of copying them, which leaves them empty on this side. Only
 * for buffers nothing on this side reads or writes again.
 */
const given = new WeakMap<object, ArrayBuffer[]>();

/** `value`, marked so its `buffers` are moved, not copied, when it is sent. */
export function givenAway<T extends object>(value: T, buffers: readonly ArrayBufferLike[]): T {
  const movable = buffers.filter((buffer): buffer is ArrayBuffer => buffer instanceof ArrayBuffer);
  given.set(value, [...new Set(movable)]);
  return value;
}

/** The buffers `givenAway` marked for `value`; none for anything else. */
export function buffersGivenAway(value: unknown): ArrayBuffer[] {
  return typeof value === 'object' && value !== null ? (given.get(value) ?? []) : [];
}

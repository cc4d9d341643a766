import { BuktiError } from '../../core/errors';
import type { MessageKey, MessageParams } from '../../core/i18n';
import { buffersGivenAway } from '../../core/service/transfer';

/** Messages between the page and a worker that exposes an object's async methods. */
export type RpcMessage =
  | { kind: 'call'; id: number; method: string; args: unknown[] }
  | { kind: 'result'; id: number; ok: true; value: unknown }
  | { kind: 'result'; id: number; ok: false; error: SerializedError }
  | { kind: 'event'; name: string; data?: unknown };

/** Errors cross the boundary as data: a BuktiError keeps its code; anything else becomes `error.unexpected`. */
export interface SerializedError {
  code: MessageKey;
  params: MessageParams;
}

export function serializeError(error: unknown): SerializedError {
  if (error instanceof BuktiError) return { code: error.code, params: error.params };
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'QuotaExceededError') return { code: 'vault.quotaExceeded', params: {} };
  return { code: 'error.unexpected', params: { detail: typeof name === 'string' ? name : 'worker' } };
}

/** Async-method names of T: what the page may call. */
export type Methods<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => Promise<infer R> ? (...args: A) => Promise<R> : never;
};

/**
 * Serves `target`'s methods to the page on `port` (a worker's global scope). Results are copied,
 * except buffers a method gave away with its result (`givenAway`), which are moved.
 */
export function expose(
  target: object,
  port: {
    postMessage(message: unknown, transfer: Transferable[]): void;
    addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  },
): void {
  port.addEventListener('message', async (event: MessageEvent) => {
    const message = event.data as RpcMessage;
    if (message?.kind !== 'call') return;
    try {
      // Looked up inside the try: a getter that throws (`vault` while locked) still gets an answer.
      const method = (target as Record<string, unknown>)[message.method];
      if (typeof method !== 'function' || message.method.startsWith('_'))
        throw new Error(`no method ${message.method}`);
      const value = await (method as (...args: unknown[]) => unknown).apply(target, message.args);
      const result = { kind: 'result', id: message.id, ok: true, value } satisfies RpcMessage;
      port.postMessage(result, buffersGivenAway(value));
    } catch (error) {
      port.postMessage(
        { kind: 'result', id: message.id, ok: false, error: serializeError(error) } satisfies RpcMessage,
        [],
      );
    }
  });
}

/** A proxy whose every method call is sent to the worker; failures come back as BuktiError. */
export function wrap<T>(
  worker: Worker,
  onEvent: (name: string, data: unknown) => void = () => undefined,
): Methods<T> {
  return wrapWorker<T>(worker, onEvent).client;
}

/**
 * `wrap`, plus `terminate`: ends the worker at once (and everything in its memory with it), and every
 * call still waiting for it, or made through this client later, fails with `vault.locked` instead of
 * waiting forever.
 */
export function wrapWorker<T>(
  worker: Worker,
  onEvent: (name: string, data: unknown) => void = () => undefined,
): { client: Methods<T>; terminate(): void } {
  let nextId = 1;
  // Once ended, a call would be posted to nobody and wait for ever: it fails at once instead.
  let ended = false;
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: unknown) => void }>();
  worker.addEventListener('message', (event: MessageEvent) => {
    const message = event.data as RpcMessage;
    if (message?.kind === 'event') onEvent(message.name, message.data);
    if (message?.kind !== 'result') return;
    const waiter = pending.get(message.id);
    if (!waiter) return;
    pending.delete(message.id);
    if (message.ok) waiter.resolve(message.value);
    else waiter.reject(new BuktiError(message.error.code, message.error.params));
  });
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    for (const waiter of pending.values())
      waiter.reject(new BuktiError('error.unexpected', { detail: 'worker' }));
    pending.clear();
  });
  const client = new Proxy({} as Methods<T>, {
    get(_target, method) {
      if (typeof method !== 'string' || method === 'then') return undefined;
      return (...args: unknown[]) =>
        new Promise((resolve, reject) => {
          if (ended) return reject(new BuktiError('vault.locked'));
          const id = nextId++;
          pending.set(id, { resolve, reject });
          try {
            worker.postMessage({ kind: 'call', id, method, args } satisfies RpcMessage);
          } catch (error) {
            // An argument that cannot be sent (DataCloneError): the call never left the page.
            pending.delete(id);
            reject(
              new BuktiError('error.unexpected', { detail: (error as Error | null)?.name ?? 'postMessage' }),
            );
          }
        });
    },
  });
  const terminate = () => {
    ended = true;
    worker.terminate();
    for (const waiter of pending.values()) waiter.reject(new BuktiError('vault.locked'));
    pending.clear();
  };
  return { client, terminate };
}

import type { CDPSession, Page } from 'playwright-core';

/** One isolate's heap as CDP's `Runtime.getHeapUsage` reports it, in bytes. */
export interface HeapUsage {
  usedSize: number;
  totalSize: number;
  /** Oilpan (Blink's garbage-collected heap), where reported. */
  embedderHeapUsedSize?: number;
  /** ArrayBuffer backing stores, where reported. */
  backingStorageSize?: number;
}

type Attached = { sessionId: string; targetInfo: { type: string; url: string } };

/**
 * The heap of the page and of each of its workers, read over the DevTools protocol (BENCH_TIMELINE=1):
 * which isolate the export's memory is in, and how much of it is V8 heap in use, V8 heap reserved,
 * Blink's heap and ArrayBuffers. Workers are reached through auto-attach (one level: the page's own
 * workers, such as the vault worker).
 */
export class IsolateHeaps {
  readonly #session: CDPSession;
  readonly #workers = new Map<string, string>();
  readonly #waiting = new Map<number, (usage: HeapUsage | undefined) => void>();
  #nextId = 1;

  private constructor(session: CDPSession) {
    this.#session = session;
  }

  static async attach(page: Page): Promise<IsolateHeaps> {
    const session = await page.context().newCDPSession(page);
    const heaps = new IsolateHeaps(session);
    session.on('Target.attachedToTarget', (event: Attached) => {
      const name =
        event.targetInfo.url
          .split('/')
          .pop()
          ?.replace(/-[\w-]{8}\.js$/, '') ?? 'worker';
      heaps.#workers.set(event.sessionId, name);
    });
    session.on('Target.detachedFromTarget', (event: { sessionId: string }) => {
      heaps.#workers.delete(event.sessionId);
    });
    session.on('Target.receivedMessageFromTarget', (event: { message: string }) => {
      const message = JSON.parse(event.message) as { id?: number; result?: HeapUsage };
      if (message.id === undefined) return;
      heaps.#waiting.get(message.id)?.(message.result);
      heaps.#waiting.delete(message.id);
    });
    await session.send('Target.setAutoAttach', {
      autoAttach: true,
      waitForDebuggerOnStart: false,
      flatten: false,
    });
    return heaps;
  }

  /** Each isolate's heap right now, by name ("page", "vault.worker", …). */
  async sample(): Promise<Map<string, HeapUsage>> {
    const out = new Map<string, HeapUsage>();
    out.set('page', (await this.#session.send('Runtime.getHeapUsage')) as HeapUsage);
    const asked = [...this.#workers].map(async ([sessionId, name]) => {
      const id = this.#nextId++;
      const answered = new Promise<HeapUsage | undefined>((resolve) => {
        this.#waiting.set(id, resolve);
        setTimeout(() => resolve(undefined), 2000);
      });
      await this.#session
        .send('Target.sendMessageToTarget', {
          sessionId,
          message: JSON.stringify({ id, method: 'Runtime.getHeapUsage' }),
        })
        .catch(() => undefined);
      const usage = await answered;
      if (usage) out.set(out.has(name) ? `${name} ${id}` : name, usage);
    });
    await Promise.all(asked);
    return out;
  }
}

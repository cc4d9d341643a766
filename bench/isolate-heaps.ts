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
  readonly #waiting = new Map<number, (result: unknown) => void>();
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
      const message = JSON.parse(event.message) as { id?: number; result?: unknown };
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

  /** The names of the workers attached now. */
  names(): string[] {
    return [...new Set(this.#workers.values())];
  }

  /** Sends a DevTools command to the first worker named `name`; undefined when it does not answer in `ms`. */
  async call(name: string, method: string, params: object = {}, ms = 2000): Promise<unknown> {
    const sessionId = [...this.#workers].find(([, worker]) => worker === name)?.[0];
    if (sessionId === undefined) return undefined;
    const id = this.#nextId++;
    const answered = new Promise<unknown>((resolve) => {
      this.#waiting.set(id, resolve);
      setTimeout(() => resolve(undefined), ms);
    });
    await this.#session
      .send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) })
      .catch(() => undefined);
    return answered;
  }

  /** Each isolate's heap right now, by name ("page", "vault.worker", …). */
  async sample(): Promise<Map<string, HeapUsage>> {
    const out = new Map<string, HeapUsage>();
    out.set('page', (await this.#session.send('Runtime.getHeapUsage')) as HeapUsage);
    for (const name of new Set(this.#workers.values())) {
      const usage = (await this.call(name, 'Runtime.getHeapUsage')) as HeapUsage | undefined;
      if (usage) out.set(name, usage);
    }
    return out;
  }
}

type ProfileNode = {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: ProfileNode[];
};

/**
 * Allocation sites from a V8 sampling heap profile (HeapProfiler.stopSampling): the `count` that allocated
 * the most, by function and place, as lines to print.
 */
export function topSites(profile: { head: ProfileNode }, count = 20): string[] {
  const bySite = new Map<string, number>();
  const visit = (node: ProfileNode) => {
    const { functionName, url, lineNumber } = node.callFrame;
    const site = `${functionName || '(anonymous)'} ${url.split('/').pop() ?? ''}:${lineNumber + 1}`;
    bySite.set(site, (bySite.get(site) ?? 0) + node.selfSize);
    for (const child of node.children) visit(child);
  };
  visit(profile.head);
  return [...bySite]
    .sort(([, a], [, b]) => b - a)
    .slice(0, count)
    .map(([site, bytes]) => `${(bytes / 1048576).toFixed(1).padStart(7)} MiB  ${site}`);
}

import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { buffersGivenAway, givenAway } from '../../../src/core/service/transfer';
import { VaultService } from '../../../src/core/service/vault-service';
import { expose, wrap, wrapWorker } from '../../../src/ui/workers/rpc';

/** A worker stand-in: `target` served on one end of a MessageChannel, called through the other. */
function served<T extends object>(target: T) {
  const { port1, port2 } = new MessageChannel();
  expose(target, port1);
  port1.start();
  port2.start();
  const remote = wrap<T>(port2 as unknown as Worker);
  return { remote, close: () => port1.close() };
}

describe('results sent from the vault worker', () => {
  it('move the buffers a method gave away, and copy everything else', async () => {
    const sent: Uint8Array[] = [];
    const { remote, close } = served({
      async pieces(): Promise<Uint8Array[]> {
        const pieces = [new Uint8Array(4096).fill(7), new Uint8Array(10).fill(8)];
        sent.push(...pieces);
        return givenAway(
          pieces,
          pieces.map((piece) => piece.buffer),
        );
      },
      async kept(): Promise<Uint8Array> {
        const piece = new Uint8Array(5).fill(1);
        sent.push(piece);
        return piece;
      },
    });
    try {
      const pieces = await remote.pieces();
      expect(pieces.map((piece) => [piece.length, piece[0]])).toEqual([
        [4096, 7],
        [10, 8],
      ]);
      // Moved: the worker's side is left empty rather than holding a second copy.
      expect(sent.map((piece) => piece.byteLength)).toEqual([0, 0]);
      expect(Array.from(await remote.kept())).toEqual([1, 1, 1, 1, 1]);
      expect(sent[2]?.byteLength).toBe(5);
    } finally {
      close();
    }
  });

  it('never serves a member meant for the service itself (a name starting with _) or one that is no method', async () => {
    const { remote, close } = served(
      new VaultService({ indexedDB: new IDBFactory(), IDBKeyRange }, async () => new Uint8Array(32)),
    );
    const open = remote as unknown as Record<string, () => Promise<unknown>>;
    try {
      for (const name of ['_eraseNow', '_holding', '_openDb', '_deriveKey', 'options', 'constructor'])
        await expect(open[name]?.()).rejects.toMatchObject({ code: 'error.unexpected' });
      // A getter that throws still gets an answer (it used to leave the call waiting for ever).
      await expect(open.vault?.()).rejects.toMatchObject({ code: 'vault.locked' });
      expect(await remote.status()).toBe('absent');
    } finally {
      close();
    }
  });

  it('a call made after the worker was ended fails at once as locked, instead of waiting for ever', async () => {
    const { port1, port2 } = new MessageChannel();
    expose({ ping: async () => 'pong' }, port1);
    port1.start();
    port2.start();
    const worker = Object.assign(port2, { terminate: () => port2.close() });
    const { client, terminate } = wrapWorker<{ ping(): Promise<string> }>(worker as unknown as Worker);
    try {
      expect(await client.ping()).toBe('pong');
      terminate();
      await expect(client.ping()).rejects.toMatchObject({ code: 'vault.locked' });
    } finally {
      port1.close();
    }
  });

  it('an argument that cannot be sent fails that call clearly, and the next call still works', async () => {
    const { remote, close } = served({
      async echo(value: unknown): Promise<unknown> {
        return value;
      },
    });
    try {
      await expect(remote.echo(() => 'a function cannot be cloned')).rejects.toMatchObject({
        code: 'error.unexpected',
        params: { detail: 'DataCloneError' },
      });
      expect(await remote.echo('still here')).toBe('still here');
    } finally {
      close();
    }
  });

  it('give away each buffer once, and nothing for values never marked', () => {
    const whole = new Uint8Array(8);
    const pieces = [whole, whole.subarray(0, 4)];
    expect(
      buffersGivenAway(
        givenAway(
          pieces,
          pieces.map((piece) => piece.buffer),
        ),
      ),
    ).toEqual([whole.buffer]);
    expect(buffersGivenAway([whole])).toEqual([]);
    expect(buffersGivenAway(null)).toEqual([]);
    expect(buffersGivenAway(whole)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { collectBytes, unlockVault } from '../../../src/core/vault';
import { newVault, PASSPHRASE } from './helpers';

describe('smoke', () => {
  it('works', async () => {
    const t0 = performance.now();
    const { db, vault } = await newVault();
    await vault.putRecord('cases', 'abc', { title: 'x' });
    expect(await vault.getRecord('cases', 'abc')).toEqual({ title: 'x' });
    await vault.writeFile('f1', new Uint8Array(3 * 1024 * 1024 + 5).fill(7));
    const bytes = await collectBytes(vault.readFile('f1'));
    expect(bytes.length).toBe(3 * 1024 * 1024 + 5);
    vault.lock();
    const r = await unlockVault(db, PASSPHRASE);
    expect(r.kind).toBe('ok');
    console.log('ms', performance.now() - t0);
  });
});

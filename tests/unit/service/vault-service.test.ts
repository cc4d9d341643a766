import { describe, expect, it } from 'vitest';
import { loadSodium } from '../../../src/core/crypto/sodium';
import { isBuktiError } from '../../../src/core/errors';
import { VaultService } from '../../../src/core/service/vault-service';
import { type DeriveKey, deriveKeyInProcess } from '../../../src/core/vault';
import { PASSPHRASE } from './helpers';

/** Argon2id with small parameters whatever the vault asks for, so the test runs in seconds. */
async function fastDerive(): Promise<DeriveKey> {
  const derive = deriveKeyInProcess(await loadSodium());
  return (passphrase, salt) => derive(passphrase, salt, { opslimit: 1, memlimit: 8 * 1024 * 1024 });
}

describe('VaultService (what the vault worker serves to the page)', () => {
  it('creates, locks, refuses a wrong passphrase, unlocks, keeps records and erases', async () => {
    const env = { indexedDB, IDBKeyRange };
    let closedEvents = 0;
    const service = new VaultService(env, await fastDerive(), () => closedEvents++);
    expect(await service.status()).toBe('absent');
    // A passphrase a guesser tries early is refused before anything is created.
    await expect(service.create('akusayangkamu1990')).rejects.toSatisfy((e) =>
      isBuktiError(e, 'vault.strength.refused'),
    );
    expect(await service.status()).toBe('absent');
    const summary = await service.create('lima kata untuk ujian servis');
    expect(summary.publicSigningKey).toHaveLength(32);
    expect(summary.signingKeyFingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(await service.signingKeyMadeAt()).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(await service.status()).toBe('unlocked');
    await service.putRecord('settings', 'app', { v: 1, autoLock: { idleMs: 60000, hiddenMs: 0 } });

    await service.lock();
    expect(await service.status()).toBe('locked');
    await expect(service.getRecord('settings', 'app')).rejects.toSatisfy((e) =>
      isBuktiError(e, 'vault.locked'),
    );
    expect((await service.unlock('bukan frasa laluan')).kind).toBe('wrongPassphrase');
    expect(await service.unlock('lima kata untuk ujian servis')).toEqual({ kind: 'ok' });
    expect(await service.getRecord('settings', 'app')).toEqual({
      v: 1,
      autoLock: { idleMs: 60000, hiddenMs: 0 },
    });

    await expect(service.changePassphrase('lima kata untuk ujian servis', 'Password2024!')).rejects.toSatisfy(
      (e) => isBuktiError(e, 'vault.strength.refused'),
    );
    expect(
      (await service.changePassphrase('lima kata untuk ujian servis', 'frasa baharu yang panjang')).kind,
    ).toBe('ok');
    await service.lock();
    expect((await service.unlock('lima kata untuk ujian servis')).kind).toBe('wrongPassphrase');
    expect((await service.unlock('frasa baharu yang panjang')).kind).toBe('ok');

    expect((await service.erase('lima kata untuk ujian')).kind).toBe('wrongPassphrase');
    expect(await service.status()).not.toBe('absent');
    expect(await service.erase('frasa baharu yang panjang')).toEqual({ kind: 'ok' });
    expect(await service.status()).toBe('absent');
    // Erasing its own vault is not reported as "closed by another tab".
    expect(closedEvents).toBe(0);
  });

  it('calibrates Argon2id with the measurement it is given (timed inside the KDF worker), not by timing deriveKey', async () => {
    const env = { indexedDB: new IDBFactory(), IDBKeyRange };
    const derive = await fastDerive();
    let derivations = 0;
    const measured: unknown[] = [];
    const service = new VaultService(
      env,
      (...args) => {
        derivations++;
        return derive(...args);
      },
      () => undefined,
      {
        measureKdf: (params) => {
          measured.push(params);
          return 700;
        },
      },
    );
    await service.create(PASSPHRASE);
    // One measurement in the 0.5–1 s window is enough; deriveKey ran once, for the vault's own key.
    expect(measured).toEqual([{ opslimit: 2, memlimit: 64 * 1024 * 1024 }]);
    expect(derivations).toBe(1);
  });
});

import { describe, expect, it } from 'vitest';
import { bytesSource, keyFingerprint, verifyBundle } from '../../../src/core/bundle';
import { PASSPHRASE, readAll, vaultWithCase } from './helpers';

const NEW_PASSPHRASE = 'frasa laluan baharu selepas kejadian';

describe('bundles before and after "someone knows my passphrase"', () => {
  it('both verify; the later one shows the change of key, signed by both', async () => {
    const { service, request } = await vaultWithCase();
    const oldKey = (await service.summary()).publicSigningKey;
    await service.exportStart(1, request);
    const before = await readAll(service, 1);
    await service.exportFinish(1);

    const oldMade = await service.signingKeyMadeAt();
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await service.rotateKeys(PASSPHRASE, NEW_PASSPHRASE)).toEqual({ kind: 'ok' });
    await service.finishRotation();
    // The key card's "made on" is the new key's.
    expect(Date.parse((await service.signingKeyMadeAt()) ?? '')).toBeGreaterThan(Date.parse(oldMade ?? ''));
    const newKey = (await service.summary()).publicSigningKey;
    await service.exportStart(2, { ...request, bundleId: crypto.randomUUID() });
    const after = await readAll(service, 2);
    await service.exportFinish(2);

    const first = await verifyBundle(bytesSource(before.zip));
    expect(first.status).toBe('intact');
    expect(first.signature.keyFingerprint).toBe(await keyFingerprint(oldKey));
    expect(first.custody.keyChanges).toEqual([]);

    const second = await verifyBundle(bytesSource(after.zip));
    expect(second.status).toBe('intact');
    expect(second.signature.keyFingerprint).toBe(await keyFingerprint(newKey));
    expect(second.custody.keyChanges).toEqual([
      { position: expect.any(Number), from: await keyFingerprint(oldKey), to: await keyFingerprint(newKey) },
    ]);

    // The old passphrase no longer opens the vault; the new one opens everything.
    await service.lock();
    expect((await service.unlock(PASSPHRASE)).kind).toBe('wrongPassphrase');
    expect(await service.unlock(NEW_PASSPHRASE)).toEqual({ kind: 'ok' });
    expect(await service.listItems()).toHaveLength(2);
    await service.erase(NEW_PASSPHRASE);
  });
});

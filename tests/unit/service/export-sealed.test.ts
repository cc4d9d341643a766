import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bytesSource, verifyBundle } from '../../../src/core/bundle';
import { isBuktiError } from '../../../src/core/errors';
import { generateAgeIdentity, identityFileText, type OpenWith, openStream } from '../../../src/core/seal';
import { exportedEntries, PASSPHRASE, readAll, vaultWithCase } from './helpers';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function opened(sealed: Uint8Array, key: OpenWith): Promise<Uint8Array> {
  const source = new Blob([sealed as Uint8Array<ArrayBuffer>]).stream();
  return new Uint8Array(await new Response(await openStream(source, key)).arrayBuffer());
}

/** True when the ZIP's local-header signature appears anywhere: a sealed file must show none of the bundle. */
const hasZipHeader = (bytes: Uint8Array) => Buffer.from(bytes).includes(Buffer.from('PK\x03\x04', 'latin1'));

describe('an export sealed for its recipient as it streams', () => {
  it('saves <name>.zip.age that only the recipient opens, to a bundle that verifies; the hash recorded is the sealed file’s', async () => {
    const { service, request } = await vaultWithCase();
    const lawyer = await generateAgeIdentity();
    const stranger = await generateAgeIdentity();
    const opened1 = await service.exportStart(1, { ...request, seal: { recipients: [lawyer.recipient] } });
    expect(opened1.fileName).toMatch(
      new RegExp(`^document-\\d{8}-${request.bundleId?.slice(0, 8)}\\.zip\\.age$`),
    );
    const { zip: sealed } = await readAll(service, 1);
    expect(Buffer.from(sealed.subarray(0, 22)).toString()).toBe('age-encryption.org/v1\n');
    expect(hasZipHeader(sealed)).toBe(false);
    expect(sealed.length).toBeLessThanOrEqual(opened1.estimatedSize);

    const summary = await service.exportFinish(1);
    const identityFile = identityFileText(lawyer, new Date());
    const zip = await opened(sealed, { identityFile });
    expect(summary.sealed).toEqual({
      sha256: sha256(sealed),
      size: sealed.length,
      sealedFor: 'recipients',
      recipients: 1,
    });
    // The bundle's own hash stays that of the ZIP inside: what `sha256sum` prints after `age -d`.
    expect(summary.zipSha256).toBe(sha256(zip));
    expect(summary.size).toBe(zip.length);
    const report = await verifyBundle(bytesSource(zip));
    expect(report.status).toBe('intact');
    expect(report.bundleId).toBe(request.bundleId);
    expect(report.signature.keyFingerprint).toBe(summary.keyFingerprint);

    const exported = await exportedEntries(service);
    expect(exported).toHaveLength(2);
    expect(exported[1]?.details).toEqual({
      bundleId: request.bundleId,
      zipSha256: sha256(zip),
      size: zip.length,
      sealedSha256: sha256(sealed),
      sealedSize: sealed.length,
      sealedFor: 'recipients',
      sealedRecipients: 1,
    });

    const wrong = await opened(sealed, { identityFile: identityFileText(stranger, new Date()) }).catch(
      (error: unknown) => error,
    );
    expect(isBuktiError(wrong, 'seal.open.wrongKey')).toBe(true);
    await service.erase(PASSPHRASE);
  });

  it('sealed for a passphrase: it opens with that passphrase only', async () => {
    const { service, request } = await vaultWithCase();
    const told = 'empat kata dari telefon';
    const opened1 = await service.exportStart(1, { ...request, seal: { passphrase: told } });
    expect(opened1.fileName.endsWith('.zip.age')).toBe(true);
    const { zip: sealed } = await readAll(service, 1);
    const summary = await service.exportFinish(1);
    expect(summary.sealed).toMatchObject({ sha256: sha256(sealed), sealedFor: 'passphrase', recipients: 0 });
    const zip = await opened(sealed, { passphrase: told });
    expect((await verifyBundle(bytesSource(zip))).status).toBe('intact');
    const wrong = await opened(sealed, { passphrase: 'bukan ini' }).catch((error: unknown) => error);
    expect(isBuktiError(wrong, 'seal.open.wrongKey')).toBe(true);
    await service.erase(PASSPHRASE);
  });

  it('a mistyped key, no key or an empty passphrase is refused before anything is made; nothing is recorded', async () => {
    const { service, request } = await vaultWithCase();
    const { recipient } = await generateAgeIdentity();
    const typo = `${recipient.slice(0, -1)}${recipient.endsWith('q') ? 'p' : 'q'}`;
    const cases: [Parameters<typeof service.exportStart>[1]['seal'], string][] = [
      [{ recipients: [recipient, 'age1typo'] }, 'seal.recipient.invalid'],
      [{ recipients: [] }, 'seal.recipient.none'],
      [{ passphrase: '' }, 'seal.passphrase.empty'],
    ];
    let number = 1;
    for (const [seal, code] of cases) {
      const error = await service.exportStart(number++, { ...request, seal }).catch((e: unknown) => e);
      expect(isBuktiError(error, code as never), code).toBe(true);
    }
    // A one-letter typo passes the shape check but not bech32's checksum: refused by name all the same.
    const bad = await service
      .exportStart(number++, { ...request, seal: { recipients: [typo] } })
      .catch((e: unknown) => e);
    expect(isBuktiError(bad, 'seal.recipient.invalid')).toBe(true);
    expect(await exportedEntries(service)).toEqual([]);
    await service.erase(PASSPHRASE);
  });

  it('cancelled mid-stream: nothing is recorded, and the next sealed export works', async () => {
    const { service, request } = await vaultWithCase();
    const { recipient } = await generateAgeIdentity();
    await service.exportStart(1, { ...request, seal: { recipients: [recipient] } });
    expect(await service.exportRead(1)).not.toBeNull();
    await service.cancelExport(1);
    await expect(service.exportRead(1)).rejects.toSatisfy((e) => isBuktiError(e, 'bundle.seal.cancelled'));
    expect(await exportedEntries(service)).toEqual([]);
    await service.exportStart(2, {
      ...request,
      bundleId: crypto.randomUUID(),
      seal: { recipients: [recipient] },
    });
    await readAll(service, 2);
    expect((await service.exportFinish(2)).sealed?.recipients).toBe(1);
    await service.erase(PASSPHRASE);
  });
});
